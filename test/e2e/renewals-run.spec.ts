import { expect, tenge, test } from './fixtures';
import { AccountPage } from './pages/AccountPage';
import { createClient, pinnedAt } from './pages/LifecycleSetup';
import { RenewalsScreen } from './pages/RenewalsScreen';

/**
 * Three clients set up through the UI on 5 February 2026:
 * - A pays 18 000 ₸ and activates a 1C server S (9 000 ₸) from 5 February: one more period is paid for;
 * - B pays 9 000 ₸ for the same: nothing left for the next period;
 * - C paid 2 500 ₸ on 5 January for a business-card site (2 500 ₸) from that day: its period ended on 5 February.
 * The run on 5 February suspends C. On 5 March A is renewed (9 000 ₸), B is suspended (its grace
 * of 14 days runs to 19 March) and C, suspended since February, is past its 7 grace days: deleted.
 */
test('a renewal run renews one subscription, suspends one and deletes one (Russian, then Kazakh)', async ({ page, frame }) => {
  test.setTimeout(120_000);
  const february = pinnedAt('2026-02-05');
  const server = { service: 'Облачные серверы 1С', tariffIndex: 0, startDate: '2026-02-05' };
  const a = await createClient(page, february, { name: 'ТОО «Ұзарту Бір»', seed: 1, payments: [{ amount: '18000', date: '2026-02-05' }], subscription: server });
  const b = await createClient(page, february, { name: 'ТОО «Ұзарту Екі»', seed: 2, payments: [{ amount: '9000', date: '2026-02-05' }], subscription: server });
  const c = await createClient(page, february, {
    name: 'ТОО «Ұзарту Үш»',
    seed: 3,
    payments: [{ amount: '2500', date: '2026-01-05' }],
    subscription: { service: 'Конструктор сайтов', tariffIndex: 0, startDate: '2026-01-05' },
  });

  // Start-up on 5 February: C's period has ended and no run was ever made.
  const ru = new RenewalsScreen(page, 'ru');
  await frame.open('/accounts', february);
  await expect(ru.reminder()).toContainText('Закончился период у 1 подписки, а продление ещё не запускалось.');
  await ru.reminderLink().click();
  await expect(ru.heading()).toBeVisible();
  await expect(ru.reminder()).toHaveCount(0);
  await expect(ru.lastRun()).toContainText('Продление ещё не запускалось.');
  await expect(ru.dateInput()).toHaveValue('2026-02-05');

  // A date after today is refused before anything runs.
  await ru.dateInput().fill('2026-02-06');
  await expect(page.getByText('Укажите дату не позже сегодняшнего дня')).toBeVisible();
  await expect(ru.runButton()).toBeDisabled();
  await ru.dateInput().fill('2026-02-05');

  const firstPreview = ru.section('Что будет сделано на 05.02.2026');
  await expect(ru.planned(firstPreview, 'suspended')).toHaveText('1');
  await expect(ru.planned(firstPreview, 'renewed')).toHaveText('0');
  await expect(ru.planned(firstPreview, 'deleted')).toHaveText('0');
  await expect(ru.amount(firstPreview)).toContainText(tenge('0,00'));
  await expect(ru.previewRows()).toHaveCount(1);
  await expect(ru.previewRows().first()).toContainText('ТОО «Ұзарту Үш»');
  await expect(ru.previewRows().first()).toContainText('приостановка');

  await ru.runButton().click();
  const firstResult = ru.section('Продление на 05.02.2026 выполнено');
  await expect(ru.done(firstResult, 'suspended')).toHaveText('1');
  await expect(ru.done(firstResult, 'renewed')).toHaveText('0');
  await expect(page.getByText('На эту дату продлевать, приостанавливать, завершать и удалять нечего.')).toBeVisible();
  await expect(ru.lastRun()).toContainText('Дата продления: 5 февраля 2026 г.');
  await expect(ru.lastRun()).toContainText('Продлено: 0 · приостановлено: 1 · завершено: 0 · удалено: 0');

  // Start-up on 5 March, in Kazakh: A's and B's periods ended since that run.
  const march = pinnedAt('2026-03-05');
  await frame.open('/accounts', march);
  await expect(ru.reminder()).toContainText('С последнего продления на 5 февраля 2026 г. закончились периоды у 2 подписок.');
  await frame.switchLanguage('ru', 'kk');
  const kk = new RenewalsScreen(page, 'kk');
  await expect(kk.reminder()).toContainText('5 ақпан 2026 ж. күнгі соңғы ұзартудан бері 2 жазылымның кезеңі аяқталды.');
  await kk.reminderLink().click();
  await expect(kk.heading()).toBeVisible();

  const preview = kk.section('05.03.2026 күні не істеледі');
  await expect(kk.planned(preview, 'renewed')).toHaveText('1');
  await expect(kk.planned(preview, 'suspended')).toHaveText('1');
  await expect(kk.planned(preview, 'expired')).toHaveText('0');
  await expect(kk.planned(preview, 'deleted')).toHaveText('1');
  await expect(kk.amount(preview)).toContainText(tenge('9 000,00'));
  await expect(kk.amount(preview)).toContainText('Төленетін кезең: 1');
  await expect(kk.previewRows()).toHaveCount(3);
  const line = (name: string) => kk.previewRows().filter({ hasText: name });
  await expect(line('ТОО «Ұзарту Бір»')).toContainText('ұзарту');
  await expect(line('ТОО «Ұзарту Бір»')).toContainText(tenge('9 000,00'));
  await expect(line('ТОО «Ұзарту Бір»')).toContainText('S сервері');
  await expect(line('ТОО «Ұзарту Екі»')).toContainText('тоқтата тұру');
  await expect(line('ТОО «Ұзарту Үш»')).toContainText('жою');

  await kk.runButton().click();
  const result = kk.section('05.03.2026 күнгі ұзарту орындалды');
  await expect(kk.done(result, 'renewed')).toHaveText('1');
  await expect(kk.done(result, 'suspended')).toHaveText('1');
  await expect(kk.done(result, 'expired')).toHaveText('0');
  await expect(kk.done(result, 'deleted')).toHaveText('1');
  await expect(page.getByText('Бұл күнге ұзартатын, тоқтата тұратын, аяқтайтын немесе жоятын ештеңе жоқ.')).toBeVisible();
  await expect(kk.lastRun()).toContainText('Ұзарту күні: 5 наурыз 2026 ж.');
  await expect(kk.lastRun()).toContainText('Ұзартылды: 1 · тоқтатыла тұрды: 1 · аяқталды: 0 · жойылды: 1');

  // The subscriptions' new statuses on the account pages (back in Russian), and the reminder is gone.
  await frame.switchLanguage('kk', 'ru');
  const account = new AccountPage(page);
  const statusRow = () => account.subscriptions.getByRole('row').nth(1);
  await page.goto(`/${march}#${a}`);
  await expect(statusRow()).toContainText('Активна');
  await expect(statusRow()).toContainText('05.03.2026 – 04.04.2026');
  await expect(account.moneyBalance).toHaveText(tenge('0,00'));
  await expect(account.ledger.getByRole('row', { name: /Списание за период/ })).toHaveCount(2);
  await expect(ru.reminder()).toHaveCount(0);
  await page.goto(`/${march}#${b}`);
  await expect(statusRow()).toContainText('Приостановлена');
  await expect(statusRow()).toContainText('05.02.2026 – 04.03.2026');
  await page.goto(`/${march}#${c}`);
  await expect(statusRow()).toContainText('Удалена');
});
