import { expect, tenge, test } from './fixtures';
import { createClient, pinnedAt } from './pages/LifecycleSetup';
import { LedgerScreen } from './pages/LedgerScreen';

/**
 * Two clients set up through the UI on 20 March 2026:
 * - «Журнал Бір» paid 50 000 ₸ on 10 February and 20 000 ₸ on 5 March, and a 1C server S (9 000 ₸) from 5 March;
 * - «Журнал Екі» paid 10 000 ₸ on 18 March and a business-card site (2 500 ₸) from 18 March.
 * March holds two payments (30 000 ₸) and two period charges (−11 500 ₸).
 */
test('the ledger of all clients: this month by default, filters and totals per kind (Russian, then Kazakh)', async ({ page, frame }) => {
  test.setTimeout(120_000);
  const now = pinnedAt('2026-03-20', '12:00');
  await createClient(page, now, {
    name: 'ТОО «Журнал Бір»',
    seed: 31,
    payments: [
      { amount: '50000', date: '2026-02-10' },
      { amount: '20000', date: '2026-03-05' },
    ],
    subscription: { service: 'Облачные серверы 1С', tariffIndex: 0, startDate: '2026-03-05' },
  });
  await createClient(page, now, {
    name: 'ТОО «Журнал Екі»',
    seed: 32,
    payments: [{ amount: '10000', date: '2026-03-18' }],
    subscription: { service: 'Конструктор сайтов', tariffIndex: 0, startDate: '2026-03-18' },
  });

  await frame.open('/ledger', now);
  await expect(frame.heading('Журнал операций')).toBeVisible();
  const ledger = new LedgerScreen(page, 'ru');
  await expect(ledger.from()).toHaveValue('2026-03-01');
  await expect(ledger.to()).toHaveValue('2026-03-31');

  // This month: totals per kind and bucket, newest entries first.
  await expect(ledger.totalsRow('Оплата')).toContainText(tenge('30 000,00'));
  await expect(ledger.totalsRow('Оплата')).toContainText('2 операции');
  await expect(ledger.totalsRow('Списание за период')).toContainText(`-${tenge('11 500,00')}`);
  await expect(ledger.totalsRow('Итого')).toContainText(tenge('18 500,00'));
  await expect(ledger.totalsRow('Итого')).toContainText('4 операции');
  await expect(ledger.entryRows()).toHaveCount(4);
  const newest = ledger.entryRows().first();
  for (const text of ['18.03.2026', 'ТОО «Журнал Екі»', 'Списание за период', 'Деньги', 'Конструктор сайтов', `-${tenge('2 500,00')}`]) {
    await expect(newest).toContainText(text);
  }
  await expect(ledger.entryRows().last()).toContainText('05.03.2026');
  await expect(ledger.entryRows().last()).toContainText('Оплата');
  await expect(page.getByText('Показано 4 из 4 операций')).toBeVisible();

  // By kind.
  await ledger.select('kind').selectOption({ label: 'Оплата' });
  await expect(ledger.entryRows()).toHaveCount(2);
  await expect(ledger.totalsRow('Списание за период')).toHaveCount(0);
  await expect(ledger.totalsRow('Итого')).toContainText(tenge('30 000,00'));
  await ledger.select('kind').selectOption({ label: 'Все виды' });

  // By service.
  await ledger.select('service').selectOption({ label: 'Облачные серверы 1С' });
  await expect(ledger.entryRows()).toHaveCount(1);
  await expect(ledger.entryRows().first()).toContainText('ТОО «Журнал Бір»');
  await expect(ledger.totalsRow('Списание за период')).toContainText(`-${tenge('9 000,00')}`);
  await expect(ledger.totalsRow('Списание за период')).toContainText('1 операция');
  await ledger.select('service').selectOption({ label: 'Все услуги' });

  // By bucket: no bonuses were moved.
  await ledger.select('bucket').selectOption({ label: 'Бонусы' });
  await expect(page.getByText('Нет операций по этому отбору.')).toBeVisible();
  await expect(page.getByText('За этот период операций нет.')).toBeVisible();
  await ledger.select('bucket').selectOption({ label: 'Деньги и бонусы' });

  // A range across a whole month and part of another.
  await ledger.from().fill('2026-02-01');
  await ledger.to().fill('2026-03-10');
  await expect(ledger.totalsRow('Оплата')).toContainText(tenge('70 000,00'));
  await expect(ledger.totalsRow('Списание за период')).toContainText(`-${tenge('9 000,00')}`);
  await expect(ledger.totalsRow('Итого')).toContainText(tenge('61 000,00'));
  await expect(ledger.entryRows()).toHaveCount(3);
  await expect(ledger.entryRows().last()).toContainText('10.02.2026');

  // An inverted range is explained, nothing is listed.
  await ledger.from().fill('2026-03-15');
  await expect(page.getByText('Дата «с» позже даты «по»')).toBeVisible();
  await expect(ledger.entries()).toHaveCount(0);
  await ledger.thisMonth().click();
  await expect(ledger.from()).toHaveValue('2026-03-01');
  await expect(ledger.entryRows()).toHaveCount(4);

  // Kazakh: the same screen re-rendered at once.
  await frame.switchLanguage('ru', 'kk');
  const kk = new LedgerScreen(page, 'kk');
  await expect(frame.heading('Операциялар журналы')).toBeVisible();
  await expect(kk.totalsRow('Төлем')).toContainText(tenge('30 000,00'));
  await expect(kk.totalsRow('Төлем')).toContainText('2 операция');
  await expect(kk.totalsRow('Барлығы')).toContainText(tenge('18 500,00'));
  await expect(kk.entryRows().first()).toContainText('Сайт құрастырушы');
  await kk.select('kind').selectOption({ label: 'Кезең үшін есептен шығару' });
  await expect(kk.entryRows()).toHaveCount(2);
  await expect(kk.totalsRow('Барлығы')).toContainText(`-${tenge('11 500,00')}`);
  await expect(page.getByText('2 операцияның 2 көрсетілген')).toBeVisible();
});
