import { makeIinBin } from '../../shared/billing/iinBin';
import { expect, tenge, test } from './fixtures';

test('a subscription is created, refused without money, paid and activated; balances follow the ledger', async ({ frame, accountForm, account, page }) => {
  const bin = makeIinBin('12044012345') ?? makeIinBin('12044012346');
  expect(bin).not.toBeNull();
  await frame.open('/accounts/new');
  await accountForm.fill({ kind: 'legal_entity', name: 'ТОО «Жібек Жолы Логистик»', iinBin: bin ?? '' });
  await accountForm.submit();
  await expect(frame.heading('ТОО «Жібек Жолы Логистик»')).toBeVisible();
  await expect(account.moneyBalance).toHaveText(tenge('0,00'));
  await expect(account.bonusBalance).toHaveText(tenge('0,00'));

  const tariffLabel = await account.createSubscription({ service: 'Облачные серверы 1С', tariffIndex: 0 });
  expect(tariffLabel).toBe(`Сервер S — ${tenge('9 000,00')} / мес.`);
  const row = account.subscriptions.getByRole('row', { name: /Сервер S/ });
  await expect(row).toContainText('Ожидает оплаты');
  await expect(row).toContainText(tenge('9 000,00'));

  // Prepayment: nothing on the balance, so activation is refused with the amounts.
  await account.activateButton().click();
  await expect(account.subscriptions.getByRole('alert')).toHaveText(
    `Недостаточно средств на балансе: нужно ${tenge('9 000,00')}, доступно ${tenge('0,00')}`,
  );
  await expect(row).toContainText('Ожидает оплаты');

  // A typed amount with too many decimals is refused before anything is stored.
  await page.getByRole('button', { name: 'Внести платёж' }).click();
  const dialog = page.getByRole('dialog', { name: 'Внести платёж' });
  await dialog.getByLabel('Сумма, ₸').fill('10,505');
  await dialog.getByRole('button', { name: 'Сохранить платёж' }).click();
  await expect(dialog.getByText('Не больше двух знаков после запятой (тиыны)')).toBeVisible();
  await dialog.getByRole('button', { name: 'Отмена' }).click();
  await expect(account.moneyBalance).toHaveText(tenge('0,00'));

  await account.recordPayment({ amount: '15 000,50', method: 'Kaspi', reference: 'KP-00417' });
  await expect(account.moneyBalance).toHaveText(tenge('15 000,50'));
  const paymentRow = account.ledger.getByRole('row', { name: /Оплата/ });
  await expect(paymentRow).toContainText(tenge('15 000,50'));
  await expect(paymentRow).toContainText('Kaspi');
  await expect(paymentRow).toContainText('№ KP-00417');

  await account.activateButton().click();
  await expect(row).toContainText('Активна');
  await expect(account.activateButton()).toHaveCount(0);
  await expect(account.subscriptions.getByRole('alert')).toHaveCount(0);
  await expect(account.moneyBalance).toHaveText(tenge('6 000,50'));
  await expect(account.bonusBalance).toHaveText(tenge('0,00'));
  const chargeRow = account.ledger.getByRole('row', { name: /Списание за период/ });
  await expect(chargeRow).toContainText(`-${tenge('9 000,00')}`);
  await expect(chargeRow).toContainText('Облачные серверы 1С · Сервер S');

  // The page is live: a second payment updates the balance without reloading.
  // A double click on submit records it once (one operation id per attempt).
  await account.recordPayment({ amount: '3000', doubleClick: true });
  await expect(account.moneyBalance).toHaveText(tenge('9 000,50'));
  await expect(account.ledger.getByRole('row', { name: /Оплата/ })).toHaveCount(2);
  await page.waitForTimeout(500);
  await expect(account.moneyBalance).toHaveText(tenge('9 000,50'));
});
