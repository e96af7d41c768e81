import { expect, tenge, test, type Page } from './fixtures';
import { AccountPage } from './pages/AccountPage';
import { createClient, pinnedAt } from './pages/LifecycleSetup';
import { cancelOnlySubscription, RefundsScreen } from './pages/RefundsScreen';

const server = (startDate: string) => ({ service: 'Облачные серверы 1С', tariffIndex: 0, startDate });

/**
 * Refunds requested through the account page's cancellation (1C server S, 9 000 ₸, cancelled on
 * the day of first use: a full refund, due 15 working days later).
 */
async function clientWithRefund(page: Page, query: string, name: string, seed: number, date: string): Promise<string> {
  const route = await createClient(page, query, { name, seed, payments: [{ amount: '9000', date }], subscription: server(date) });
  await cancelOnlySubscription(page);
  return route;
}

test('the refunds register: overdue flags, approve and reject with a required reason (Russian)', async ({ page, frame }) => {
  test.setTimeout(120_000);
  const first = await clientWithRefund(page, pinnedAt('2026-02-02'), 'ТОО «Қайтару Бір»', 11, '2026-02-02');
  await clientWithRefund(page, pinnedAt('2026-02-02'), 'ТОО «Қайтару Екі»', 12, '2026-02-02');
  const march = pinnedAt('2026-03-02');
  await clientWithRefund(page, march, 'ТОО «Қайтару Үш»', 13, '2026-03-02');

  const refunds = new RefundsScreen(page, 'ru');
  await frame.open('/subscriptions/refunds', march);
  await expect(refunds.heading()).toBeVisible();
  // Newest first.
  await expect(refunds.rows()).toHaveCount(3);
  await expect(refunds.rows().nth(0)).toContainText('ТОО «Қайтару Үш»');
  await expect(refunds.rows().nth(1)).toContainText('ТОО «Қайтару Екі»');
  await expect(refunds.rows().nth(2)).toContainText('ТОО «Қайтару Бір»');

  const one = refunds.row('ТОО «Қайтару Бір»');
  for (const text of ['Облачные серверы 1С', 'На рассмотрении', '02.02.2026', '23.02.2026', 'Просрочен', 'Полный', tenge('9 000,00')]) {
    await expect(one).toContainText(text);
  }
  const three = refunds.row('ТОО «Қайтару Үш»');
  await expect(three).toContainText('27.03.2026');
  await expect(three).not.toContainText('Просрочен');

  await refunds.overdueOnly().check();
  await expect(refunds.rows()).toHaveCount(2);
  await expect(refunds.row('ТОО «Қайтару Үш»')).toHaveCount(0);

  // Approve: the dialog says what will be credited; the row leaves the overdue list.
  const approve = await refunds.approve('ТОО «Қайтару Бір»');
  await expect(approve).toContainText(`На баланс клиента «ТОО «Қайтару Бір»» будет зачислено ${tenge('9 000,00')}`);
  await refunds.confirmApproval();
  await expect(refunds.rows()).toHaveCount(1);
  await refunds.overdueOnly().uncheck();
  await expect(one).toContainText('Одобрено');
  await expect(one).toContainText('admin, 02.03.2026');
  await expect(one).not.toContainText('Просрочен');
  await expect(refunds.decideButton('approve', 'ТОО «Қайтару Бір»')).toHaveCount(0);

  // Reject: a reason is required.
  await refunds.openReject('ТОО «Қайтару Екі»');
  await refunds.rejectSubmit().click();
  await expect(refunds.dialog('reject').getByText('Укажите причину отказа')).toBeVisible();
  await refunds.reasonField().fill('   ');
  await refunds.rejectSubmit().click();
  await expect(refunds.dialog('reject').getByText('Укажите причину отказа')).toBeVisible();
  await refunds.reasonField().fill('Клиент отозвал заявление');
  await refunds.rejectSubmit().click();
  await expect(refunds.dialog('reject')).toBeHidden();
  const two = refunds.row('ТОО «Қайтару Екі»');
  await expect(two).toContainText('Отклонено');
  await expect(two).toContainText('Клиент отозвал заявление');

  await refunds.statusFilter().selectOption({ label: 'Одобрено' });
  await expect(refunds.rows()).toHaveCount(1);
  await expect(refunds.rows().first()).toContainText('ТОО «Қайтару Бір»');
  await refunds.statusFilter().selectOption({ label: 'На рассмотрении' });
  await expect(refunds.rows()).toHaveCount(1);
  await expect(refunds.rows().first()).toContainText('ТОО «Қайтару Үш»');

  await refunds.statusFilter().selectOption({ label: 'Все' });
  await expect(refunds.rows()).toHaveCount(3);

  // The approved refund is on the client's balance, as a ledger entry.
  await one.getByRole('link', { name: 'ТОО «Қайтару Бір»' }).click();
  await expect(page).toHaveURL(new RegExp(`#${first}$`));
  const account = new AccountPage(page);
  await expect(account.moneyBalance).toHaveText(tenge('9 000,00'));
  await expect(account.ledger.getByRole('row', { name: /Возврат/ })).toContainText(tenge('9 000,00'));
});

test('the refunds register in Kazakh: a reason is required to reject, approval credits the balance', async ({ page, frame }) => {
  test.setTimeout(90_000);
  const route = await clientWithRefund(page, pinnedAt('2026-02-02'), 'ЖШС «Қайтарым»', 21, '2026-02-02');
  await frame.open('/subscriptions/refunds', pinnedAt('2026-02-10'));
  await frame.switchLanguage('ru', 'kk');
  const refunds = new RefundsScreen(page, 'kk');
  await expect(refunds.heading()).toBeVisible();
  const row = refunds.row('ЖШС «Қайтарым»');
  for (const text of ['1С бұлттық серверлері', 'Қаралуда', '02.02.2026', '23.02.2026', 'Толық', tenge('9 000,00')]) {
    await expect(row).toContainText(text);
  }
  await expect(row).not.toContainText('Мерзімі өткен');
  await refunds.overdueOnly().check();
  await expect(page.getByText('Бұл іріктеу бойынша қайтарымдар жоқ.')).toBeVisible();
  await refunds.overdueOnly().uncheck();

  await refunds.openReject('ЖШС «Қайтарым»');
  await refunds.rejectSubmit().click();
  await expect(refunds.dialog('reject').getByText('Бас тарту себебін көрсетіңіз')).toBeVisible();
  await refunds.dialog('reject').getByRole('button', { name: 'Болдырмау' }).click();
  await expect(refunds.dialog('reject')).toBeHidden();

  const approve = await refunds.approve('ЖШС «Қайтарым»');
  await expect(approve).toContainText(`«ЖШС «Қайтарым»» клиентінің балансына ${tenge('9 000,00')} есептеледі`);
  await refunds.confirmApproval();
  await expect(row).toContainText('Мақұлданды');
  await expect(row).toContainText('admin, 10.02.2026');

  await frame.switchLanguage('kk', 'ru');
  await page.goto(`/${pinnedAt('2026-02-10')}#${route}`);
  await expect(new AccountPage(page).moneyBalance).toHaveText(tenge('9 000,00'));
});
