import { makeIinBin } from '../../shared/billing';
import { expect, NBSP, tenge, test } from './fixtures';
import { AppFrame } from './pages/AppFrame';
import { clientWithSubscription, pinnedAt } from './pages/SubscriptionLifecycle';

const BIN = makeIinBin('12044012345') ?? makeIinBin('12044012346') ?? '';
const CLOUD = 'Облачные серверы 1С';
/** First use on Sunday 1 February 2026: the 14-day window covers 1–14 February. */
const SETUP = {
  bin: BIN,
  payment: { amount: '9 000', date: '2026-02-01' },
  subscription: { service: CLOUD, tariffId: 'tar-cloud1c-s', startDate: '2026-02-01' },
};

test('cancelled on day 14: full refund inside the window; approved on the Refunds card, the balance grows by it; then the account is closed', async ({ page }) => {
  const life = await clientWithSubscription(page, 'ru', { ...SETUP, today: '2026-02-14', name: 'ТОО «Көктем»' });
  await expect(life.moneyBalance).toHaveText(tenge('0,00'));
  await expect(life.refunds).toContainText('Возвратов нет.');

  await life.rowAction('Отменить подписку', CLOUD, 'Сервер S').click();
  const dialog = life.cancelDialog();
  await expect(dialog.getByLabel('Дата отказа')).toHaveValue('2026-02-14');
  const line = (label: string) => life.quoteLine(dialog, 'Расчёт возврата', label);
  await expect(line('Текущий период')).toHaveText('01.02.2026 – 28.02.2026 (28 дней)');
  await expect(line('Начало использования')).toHaveText('01.02.2026');
  await expect(line('Окно полного возврата')).toHaveText('14 дней с начала использования: по 14.02.2026 включительно');
  await expect(line('К возврату')).toHaveText(tenge('9 000,00'));
  // 15 working days after Saturday 14 February: 16–20, 23–27 February, 2–6 March.
  await expect(line('Срок возврата')).toHaveText('до 06.03.2026 (15 рабочих дней с даты отказа)');
  await expect(dialog.getByRole('note').filter({ hasText: 'Полный возврат' })).toHaveText(
    'Полный возврат: отказ в пределах окна — 14 дней с начала использования (01.02.2026), по 14.02.2026 включительно. Возвращается всё, что оплачено за подписку.',
  );
  await dialog.getByRole('button', { name: 'Отменить подписку' }).click();
  await expect(dialog).toBeHidden();
  await expect(life.subscriptions.getByRole('row', { name: /Сервер S/ })).toContainText('Отменена');
  await expect(life.rowAction('Отменить подписку', CLOUD, 'Сервер S')).toHaveCount(0);

  const refund = life.refunds.getByRole('row', { name: /Сервер S/ });
  await expect(refund).toContainText('Полный');
  await expect(refund).toContainText(tenge('9 000,00'));
  await expect(refund).toContainText('14.02.2026');
  await expect(refund).toContainText('06.03.2026');
  await expect(refund).toContainText('На рассмотрении');
  await expect(refund).not.toContainText('Просрочен');

  // An undecided refund blocks closing: the dialog says so first and offers no submit.
  await page.getByRole('button', { name: 'Закрыть счёт' }).click();
  let close = page.getByRole('dialog', { name: 'Закрытие счёта клиента' });
  await expect(close.getByRole('note').filter({ hasText: 'Счёт пока нельзя закрыть' })).toContainText('возвратов без решения: 1');
  await expect(close.getByRole('button', { name: 'Закрыть счёт' })).toBeDisabled();
  await close.getByRole('button', { name: 'Отмена' }).click();

  await life.refunds.getByRole('button', { name: `Одобрить возврат ${tenge('9 000,00')}: ${CLOUD} · Сервер S` }).click();
  await expect(refund).toContainText('Одобрено');
  await expect(life.moneyBalance).toHaveText(tenge('9 000,00'));
  await expect(life.ledgerRow('Возврат')).toContainText(tenge('9 000,00'));
  await expect(refund.getByRole('button')).toHaveCount(0);

  // Closing pays the balance out and closes the account.
  await page.getByRole('button', { name: 'Закрыть счёт' }).click();
  close = page.getByRole('dialog', { name: 'Закрытие счёта клиента' });
  const payout = (label: string) => life.quoteLine(close, 'При закрытии клиенту выплачивается', label);
  await expect(payout('Деньги')).toHaveText(tenge('9 000,00'));
  await expect(payout('Бонусы')).toHaveText(tenge('0,00'));
  await expect(close.getByRole('note').filter({ hasText: 'Счёт пока нельзя закрыть' })).toHaveCount(0);
  await close.getByRole('button', { name: 'Закрыть счёт' }).click();
  await expect(close).toBeHidden();
  await expect(life.ledgerRow('Выплата клиенту')).toContainText(`-${tenge('9 000,00')}`);
  await expect(life.moneyBalance).toHaveText(tenge('0,00'));
  await expect(page.getByRole('region', { name: 'Данные клиента' })).toContainText('Закрыт');
  await expect(page.getByRole('button', { name: 'Закрыть счёт' })).toBeDisabled();
});

test('cancelled on day 15: the unused days, 9 000,00 × 14 / 28; overdue after the due date; approved, the balance grows by it', async ({ page }) => {
  const life = await clientWithSubscription(page, 'ru', { ...SETUP, today: '2026-02-15', name: 'ТОО «Жаз»' });
  await life.rowAction('Отменить подписку', CLOUD, 'Сервер S').click();
  const dialog = life.cancelDialog();
  await expect(dialog.getByLabel('Дата отказа')).toHaveValue('2026-02-15');
  const line = (label: string) => life.quoteLine(dialog, 'Расчёт возврата', label);
  await expect(line('Неиспользованных дней')).toHaveText('14 дней');
  await expect(line('Расчёт')).toHaveText(`9 000,00 × 14 / 28 = ${tenge('4 500,00')}`.replace(/ /g, NBSP));
  await expect(line('К возврату')).toHaveText(tenge('4 500,00'));
  await expect(line('Срок возврата')).toHaveText('до 06.03.2026 (15 рабочих дней с даты отказа)');
  await expect(dialog.getByRole('note').filter({ hasText: 'Окно полного возврата' })).toHaveText(
    'Окно полного возврата закончилось 14.02.2026: возвращаются неиспользованные дни текущего периода.',
  );
  // The day before is still inside the window: the quote follows the date.
  await dialog.getByLabel('Дата отказа').fill('2026-02-14');
  await expect(line('К возврату')).toHaveText(tenge('9 000,00'));
  await dialog.getByLabel('Дата отказа').fill('2026-02-15');
  await expect(line('К возврату')).toHaveText(tenge('4 500,00'));
  await dialog.getByRole('button', { name: 'Отменить подписку' }).click();
  await expect(dialog).toBeHidden();

  const refund = life.refunds.getByRole('row', { name: /Сервер S/ });
  await expect(refund).toContainText('За неиспользованные дни');
  await expect(refund).toContainText(tenge('4 500,00'));
  await expect(refund).not.toContainText('Просрочен');

  // Still undecided after its due date: flagged overdue.
  const frame = new AppFrame(page);
  await frame.open(`/accounts/${life.accountId()}`, pinnedAt('2026-03-10'));
  await expect(refund).toContainText('Просрочен');
  await expect(life.moneyBalance).toHaveText(tenge('0,00'));
  await life.refunds.getByRole('button', { name: `Одобрить возврат ${tenge('4 500,00')}: ${CLOUD} · Сервер S` }).click();
  await expect(refund).toContainText('Одобрено');
  await expect(refund).not.toContainText('Просрочен');
  await expect(life.moneyBalance).toHaveText(tenge('4 500,00'));
  const credit = life.ledgerRow('Возврат');
  await expect(credit).toContainText(tenge('4 500,00'));
  await expect(credit).toContainText('10.03.2026');
});

test('a refund rejected with a reason credits nothing and keeps the reason', async ({ page }) => {
  const life = await clientWithSubscription(page, 'ru', { ...SETUP, today: '2026-02-20', name: 'ТОО «Күз»' });
  await life.rowAction('Отменить подписку', CLOUD, 'Сервер S').click();
  const dialog = life.cancelDialog();
  // 9 000,00 × 9 / 28 = 2 892,857… → 2 892,86.
  await expect(life.quoteLine(dialog, 'Расчёт возврата', 'К возврату')).toHaveText(tenge('2 892,86'));
  await dialog.getByRole('button', { name: 'Отменить подписку' }).click();
  await expect(dialog).toBeHidden();

  await life.refunds.getByRole('button', { name: `Отклонить возврат ${tenge('2 892,86')}: ${CLOUD} · Сервер S` }).click();
  const reject = page.getByRole('dialog', { name: 'Отклонение возврата' });
  await reject.getByRole('button', { name: 'Отклонить возврат' }).click();
  await expect(reject.getByText('Укажите причину')).toBeVisible();
  await reject.getByRole('textbox', { name: 'Причина отказа' }).fill('Клиент отозвал заявление');
  await reject.getByRole('button', { name: 'Отклонить возврат' }).click();
  await expect(reject).toBeHidden();
  const refund = life.refunds.getByRole('row', { name: /Сервер S/ });
  await expect(refund).toContainText('Отклонено');
  await expect(refund).toContainText('Причина: Клиент отозвал заявление');
  await expect(life.moneyBalance).toHaveText(tenge('0,00'));
  await expect(life.ledger.getByRole('row', { name: /Возврат/ })).toHaveCount(0);
});
