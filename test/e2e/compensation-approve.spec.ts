import { expect, tenge, test } from './fixtures';
import { AccountPage } from './pages/AccountPage';
import { IncidentPageScreen } from './pages/IncidentPageScreen';
import { IncidentsScreen } from './pages/IncidentsScreen';
import { createClient, pinnedAt } from './pages/LifecycleSetup';
import { RenewalsScreen } from './pages/RenewalsScreen';

const CLOUD_RU = 'Облачные серверы 1С';
const CLOUD_KK = '1С бұлттық серверлері';
const A = 'ТОО «Өтемақы Бір»';
const B = 'ТОО «Өтемақы Екі»';
const C = 'ТОО «Өтемақы Үш»';

/**
 * Three clients with a 1C server S (9 000 ₸ a month) from 5 March 2026, set
 * up through the UI; the clock is pinned at 20 March 2026 12:00 (UTC+05:00).
 * A paid for two periods, B and C for one.
 *
 * An outage of 3 h 59 min on 19 March is recorded closed: the proposal is
 * drafted at once, 3 full hours → 3 % of 9 000 ₸ = 270 ₸ per client. C's
 * duration is overridden to 5 h with a reason (450 ₸), B's line is
 * rejected with a reason written in Kazakh, and "approve all" approves A's.
 * A's bonus balance is 270 ₸; at the renewal on 5 April the period charge
 * takes the bonus first (270 ₸) and the rest from money (8 730 ₸).
 */
test('compensations: drafted on recording, overridden, rejected in Kazakh, approved all; the bonus pays the next renewal first', async ({ page, frame }) => {
  test.setTimeout(180_000);
  const now = pinnedAt('2026-03-20', '12:00');
  const server = { service: CLOUD_RU, tariffIndex: 0, startDate: '2026-03-05' };
  const a = await createClient(page, now, { name: A, seed: 61, payments: [{ amount: '18000', date: '2026-03-05' }], subscription: server });
  const b = await createClient(page, now, { name: B, seed: 62, payments: [{ amount: '9000', date: '2026-03-05' }], subscription: server });
  await createClient(page, now, { name: C, seed: 63, payments: [{ amount: '9000', date: '2026-03-05' }], subscription: server });

  // Recorded through the Incidents section's dialog, closed: its page opens with the drafted proposal.
  await frame.open('/incidents', now);
  const incidents = new IncidentsScreen(page, 'ru');
  await incidents.record({ service: CLOUD_RU, start: { date: '2026-03-19', time: '08:00' }, end: { date: '2026-03-19', time: '11:59' }, cause: 'Сбой на стороне провайдера' });

  const ru = new IncidentPageScreen(page, 'ru');
  await expect(ru.heading(CLOUD_RU, '19.03.2026 08:00')).toBeVisible();
  await expect(ru.detail('Окончание')).toContainText('19.03.2026 11:59');
  await expect(ru.detail('Длительность')).toContainText('3 ч 59 мин (полных часов: 3)');
  await expect(ru.detail('Причина')).toContainText('Сбой на стороне провайдера');
  await expect(ru.detail('Компенсация')).toContainText('1 % месячной платы за каждый полный час, не более 100 % платы в месяц на подписку; зачисляется бонусами (001 §8.3)');
  await expect(ru.detail('Месяц лимита')).toContainText('март 2026');
  await expect(ru.detail('Затронутые подписки')).toContainText('3');
  await expect(ru.closeButton()).toHaveCount(0);
  await expect(ru.proposeButton()).toHaveCount(0);

  await expect(ru.stat('requested').amount).toHaveText(tenge('810,00'));
  await expect(ru.stat('requested').lines).toHaveText('3 строки');
  await expect(ru.stat('approved').amount).toHaveText(tenge('0,00'));
  await expect(ru.rows()).toHaveCount(3);
  await expect(ru.table()).toHaveAttribute('aria-rowcount', '4');
  for (const text of ['Сервер S', tenge('9 000,00'), 'тариф за месяц', '3 ч', 'из 3 ч 59 мин', '3 %', '1 % × 3 ч', tenge('0,00'), `лимит ${tenge('9 000,00')}`, tenge('270,00'), 'На рассмотрении']) {
    await expect(ru.row(A)).toContainText(text);
  }

  // C: a duration of 5 h agreed with the client; the dialog previews the new amount and wants a reason.
  const override = await ru.typeOverride(C, 5, 0);
  await expect(ru.overridePreviewRow('Согласованная длительность')).toContainText('5 ч, полных часов: 5');
  await expect(ru.overridePreviewRow('Процент')).toContainText('1 % × 5 ч = 5 %');
  await expect(ru.overridePreviewRow('Было рассчитано')).toContainText(tenge('270,00'));
  await expect(ru.overridePreviewRow('Будет зачислено')).toContainText(tenge('450,00'));
  await expect(override).toContainText('Разногласия о длительности простоя решаются по соглашению сторон (001 §8.2)');
  await override.getByRole('button', { name: 'Одобрить с новой длительностью' }).click();
  await expect(override.getByText('Укажите причину изменения длительности')).toBeVisible();
  await ru.submitOverride('Клиент подтвердил простой своим мониторингом: 5 часов, согласовано письмом');
  await expect(override).toBeHidden();
  for (const text of ['Одобрено', '5 ч', 'согласовано: 5 ч', '5 %', tenge('450,00'), 'Длительность изменена: Клиент подтвердил простой']) {
    await expect(ru.row(C)).toContainText(text);
  }
  await expect(ru.overrideButton(C)).toHaveCount(0);
  await expect(ru.stat('approved').amount).toHaveText(tenge('450,00'));

  // B, in Kazakh: rejected with a written reason (required).
  await frame.switchLanguage('ru', 'kk');
  const kk = new IncidentPageScreen(page, 'kk');
  await expect(kk.heading(CLOUD_KK, '19.03.2026 08:00')).toBeVisible();
  await expect(kk.detail('Ұзақтығы')).toContainText('3 сағ 59 мин (толық сағат: 3)');
  await expect(kk.detail('Шектеу айы')).toContainText('2026 ж. наурыз');
  await expect(kk.stat('requested').amount).toHaveText(tenge('540,00'));
  await expect(kk.stat('requested').lines).toHaveText('2 жол');
  const reject = await kk.openReject(B, tenge('270,00'));
  await expect(reject).toContainText(`«${B}» клиентіне ${tenge('270,00')} өтемақы есептелмейді`);
  await kk.rejectSubmit().click();
  await expect(reject.getByText('Бас тарту себебін көрсетіңіз')).toBeVisible();
  await kk.rejectReason().fill('Клиент инцидент кезінде серверді өзі қайта іске қосқан, іркіліс оның әрекетінен');
  await kk.rejectSubmit().click();
  await expect(reject).toBeHidden();
  await expect(kk.row(B)).toContainText('Қабылданбады');
  await expect(kk.row(B)).toContainText('Клиент инцидент кезінде серверді өзі қайта іске қосқан');

  // Approve all: one command for what is still requested, confirmed with its count and total.
  const all = await kk.approveAll();
  await expect(all).toContainText(`1 өтемақы ${tenge('270,00')} сомасына мақұлданады.`);
  await kk.approveAllSubmit().click();
  await expect(all).toBeHidden();
  await expect(kk.row(A)).toContainText('Мақұлданды');
  await expect(kk.stat('requested').amount).toHaveText(tenge('0,00'));
  await expect(kk.stat('approved').amount).toHaveText(tenge('720,00'));
  await expect(kk.stat('approved').lines).toHaveText('2 жол');
  await expect(kk.stat('rejected').amount).toHaveText(tenge('270,00'));
  await expect(kk.approveAllButton()).toBeDisabled();

  // The status filter.
  await kk.statusFilter().selectOption({ label: 'Қабылданбағандар (1)' });
  await expect(kk.rows()).toHaveCount(1);
  await expect(kk.row(B)).toHaveCount(1);
  await kk.statusFilter().selectOption({ label: 'Мақұлданғандар (2)' });
  await expect(kk.rows()).toHaveCount(2);
  await kk.statusFilter().selectOption({ label: 'Барлығы (3)' });
  await expect(kk.rows()).toHaveCount(3);

  // A's account: the bonus, the compensation in its card and the ledger credit.
  await frame.switchLanguage('kk', 'ru');
  await ru.row(A).getByRole('link', { name: A }).click();
  const account = new AccountPage(page);
  await expect(page.getByRole('heading', { level: 2, name: A, exact: true })).toBeVisible();
  await expect(account.bonusBalance).toHaveText(tenge('270,00'));
  await expect(account.moneyBalance).toHaveText(tenge('9 000,00'));
  const card = page.getByRole('region', { name: 'Компенсации', exact: true });
  await expect(card).toContainText('Бонусы первыми идут в оплату следующего продления');
  const line = card.getByRole('row').filter({ hasText: 'Инцидент с 19.03.2026 08:00' });
  for (const text of [CLOUD_RU, 'март 2026', '3 ч', tenge('270,00'), 'Одобрено']) await expect(line).toContainText(text);
  await expect(account.ledger.getByRole('row').filter({ hasText: 'Компенсация за простой' })).toContainText(tenge('270,00'));

  // B's account: the rejection and its reason, nothing credited.
  await page.goto(`/${now}#${b}`);
  await expect(account.bonusBalance).toHaveText(tenge('0,00'));
  const rejected = page.getByRole('region', { name: 'Компенсации', exact: true }).getByRole('row').filter({ hasText: 'Инцидент с 19.03.2026 08:00' });
  await expect(rejected).toContainText('Отклонено');
  await expect(rejected).toContainText('Клиент инцидент кезінде серверді өзі қайта іске қосқан');

  // The link back to the incident.
  await rejected.getByRole('link', { name: 'Инцидент с 19.03.2026 08:00' }).click();
  await expect(ru.heading(CLOUD_RU, '19.03.2026 08:00')).toBeVisible();

  // The renewal on 5 April: A's period charge is paid from the bonus first.
  const april = pinnedAt('2026-04-05');
  await frame.open('/subscriptions/renewals', april);
  const renewals = new RenewalsScreen(page, 'ru');
  await expect(renewals.heading()).toBeVisible();
  await expect(renewals.dateInput()).toHaveValue('2026-04-05');
  await expect(renewals.previewRows().filter({ hasText: A })).toContainText('продление');
  await renewals.runButton().click();
  await expect(renewals.section('Продление на 05.04.2026 выполнено')).toBeVisible();

  await page.goto(`/${april}#${a}`);
  await expect(account.bonusBalance).toHaveText(tenge('0,00'));
  await expect(account.moneyBalance).toHaveText(tenge('270,00'));
  const charges = account.ledger.getByRole('row').filter({ hasText: 'Списание за период' }).filter({ hasText: '05.04.2026' });
  await expect(charges).toHaveCount(2);
  await expect(charges.filter({ hasText: 'Бонусы' })).toContainText(tenge('270,00'));
  await expect(charges.filter({ hasText: 'Деньги' })).toContainText(tenge('8 730,00'));
});
