import { expect, tenge, test, type Page } from './fixtures';
import { IncidentsScreen } from './pages/IncidentsScreen';
import { createClient, pinnedAt } from './pages/LifecycleSetup';

const CLOUD_RU = 'Облачные серверы 1С';
const CLOUD_KK = '1С бұлттық серверлері';

/** The clock of both tests: 20 March 2026 12:00 (UTC+05:00). */
const NOW = pinnedAt('2026-03-20', '12:00');

/** A client with a 1C server S (9 000 ₸ a month) from 5 March 2026, set up through the UI. */
async function createCloudClient(page: Page, name: string, seed: number): Promise<void> {
  await createClient(page, NOW, {
    name,
    seed,
    payments: [{ amount: '20000', date: '2026-03-05' }],
    subscription: { service: CLOUD_RU, tariffIndex: 0, startDate: '2026-03-05' },
  });
}

test('incidents in Russian: an outage of 3 h 59 min is drafted at once, planned works by the 48-hour rule, an ongoing incident closed', async ({ page, frame }) => {
  test.setTimeout(120_000);
  await createCloudClient(page, 'ТОО «Сбой Бір»', 41);

  await frame.open('/incidents', NOW);
  const incidents = new IncidentsScreen(page, 'ru');
  await expect(incidents.heading()).toBeVisible();
  await expect(page.getByText('Инцидентов пока нет.')).toBeVisible();

  // An outage of the provider: 08:00–11:59 → 3 h 59 min → 3 full hours × 1 % × 9 000 ₸ = 270 ₸, drafted with no claim.
  const dialog = await incidents.fillRecord({
    service: CLOUD_RU,
    start: { date: '2026-03-19', time: '08:00' },
    end: { date: '2026-03-19', time: '11:59' },
    cause: 'Сбой на стороне провайдера',
  });
  await expect(dialog.getByText('Длительность: 3 ч 59 мин, полных часов: 3')).toBeVisible();
  await expect(dialog.getByText('Все активные подписки услуги: 1')).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Все активные подписки услуги: 1' })).toBeChecked();
  await expect(dialog.getByRole('combobox', { name: 'Источник' })).toHaveValue('monitoring');
  await incidents.submitRecord();

  await incidents.openFromMenu();
  const outage = incidents.row(CLOUD_RU, '19.03.2026 08:00');
  await expect(outage).toHaveCount(1);
  for (const text of ['19.03.2026 11:59', '3 ч 59 мин', 'Сбой на стороне провайдера', '1 подписка', `На рассмотрении 1 — ${tenge('270,00')}`, `одобрено 0 — ${tenge('0,00')} · отклонено 0`]) {
    await expect(outage).toContainText(text);
  }
  await expect(incidents.closeButton(CLOUD_RU, '19.03.2026 08:00')).toHaveCount(0);

  // Availability of 2026: 239 min of the 17.52 h budget (0.2 % of 8 760 h) = 22.74 %.
  await expect(incidents.availability().getByRole('combobox', { name: 'Год' })).toHaveValue('2026');
  const cloudAvailability = incidents.availabilityRow(CLOUD_RU);
  for (const text of ['3 ч 59 мин', '99,95 %', 'Гарантия 99,8 % соблюдена', '17,52 ч', '22,74 %: 3 ч 59 мин из 17,52 ч', '1 инцидент']) {
    await expect(cloudAvailability).toContainText(text);
  }
  const bar = cloudAvailability.getByRole('progressbar', { name: `Использование допустимого простоя: ${CLOUD_RU}` });
  await expect(bar).toHaveAttribute('aria-valuetext', '22,74 %: 3 ч 59 мин из 17,52 ч');

  // Planned works: the 48-hour rule, live from the inputs.
  const planned = await incidents.fillRecord({
    service: CLOUD_RU,
    start: { date: '2026-03-20', time: '01:00' },
    end: { date: '2026-03-20', time: '03:00' },
    cause: 'Плановые работы',
  });
  await expect(incidents.noticeStatus()).toHaveText(/Не объявлены: считается простоем/);
  await planned.getByLabel('Дата объявления работ').fill('2026-03-18');
  await planned.getByLabel('Время объявления работ').fill('02:00');
  await expect(incidents.noticeStatus()).toHaveText(/Объявлено за 47 ч до начала: считается простоем/);
  await planned.getByLabel('Время объявления работ').fill('01:00');
  await expect(incidents.noticeStatus()).toHaveText(/Объявлено за 48 ч до начала: не считается простоем/);
  await planned.getByLabel('Время объявления работ').fill('01:01');
  await expect(incidents.noticeStatus()).toHaveText(/Объявлено за 47 ч 59 мин до начала: считается простоем/);
  await planned.getByLabel('Время объявления работ').fill('01:00');
  await expect(incidents.noticeStatus()).toHaveText(/не считается простоем/);
  await incidents.submitRecord();

  await incidents.openFromMenu();
  const works = incidents.row(CLOUD_RU, '20.03.2026 01:00');
  for (const text of ['2 ч', 'Плановые работы', 'Объявлены за 48 ч — не простой', `На рассмотрении 1 — ${tenge('0,00')}`]) {
    await expect(works).toContainText(text);
  }
  // Excluded from the downtime: availability unchanged, the works named apart.
  await expect(cloudAvailability).toContainText('22,74 %');
  await expect(cloudAvailability).toContainText('не учтено плановых работ, объявленных за 48 ч: 1');

  // An ongoing incident of one chosen subscription: "ongoing" with the duration so far, then closed from its row.
  const chosen = await incidents.fillRecord({ service: CLOUD_RU, start: { date: '2026-03-20', time: '10:30' }, cause: 'Сбой на стороне провайдера' });
  await incidents.chooseOnly();
  await chosen.getByRole('button', { name: 'Зарегистрировать инцидент' }).click();
  await expect(chosen.getByText('Выберите хотя бы одну подписку')).toBeVisible();
  await incidents.pick('ТОО «Сбой Бір» — Сервер S');
  await incidents.submitRecord();
  await incidents.openFromMenu();
  const ongoing = incidents.row(CLOUD_RU, '20.03.2026 10:30');
  await expect(ongoing).toContainText('Продолжается');
  await expect(ongoing).toContainText(/1 ч 3\d мин/);
  await expect(ongoing).toContainText('на сейчас');
  await expect(ongoing).toContainText('Составится после закрытия');
  await expect(cloudAvailability).toContainText('в том числе незакрытых: 1');

  await incidents.closeButton(CLOUD_RU, '20.03.2026 10:30').click();
  const close = incidents.closeDialog();
  await expect(close.getByLabel('Дата окончания')).toHaveValue('2026-03-20');
  await expect(close.getByText('Сразу после закрытия составляется проект компенсаций')).toBeVisible();
  await close.getByLabel('Время окончания').fill('10:20');
  await close.getByRole('button', { name: 'Закрыть инцидент' }).click();
  await expect(close.getByText('Окончание инцидента должно быть позже его начала')).toBeVisible();
  await close.getByLabel('Время окончания').fill('11:45');
  await expect(close.getByText('Длительность: 1 ч 15 мин, полных часов: 1')).toBeVisible();
  await close.getByRole('button', { name: 'Закрыть инцидент' }).click();
  await expect(close.getByRole('status')).toContainText('Окончание: 20.03.2026 11:45, длительность: 1 ч 15 мин.');
  await expect(close.getByRole('note')).toContainText('Проект компенсаций составлен');
  await expect(close.getByRole('note')).toContainText(`1 компенсация на сумму ${tenge('90,00')} ждёт решения менеджера.`);
  await close.getByRole('button', { name: 'Готово' }).click();
  await expect(close).toBeHidden();
  await expect(ongoing).toContainText('20.03.2026 11:45');
  await expect(ongoing).toContainText('1 ч 15 мин');
  await expect(ongoing).toContainText(`На рассмотрении 1 — ${tenge('90,00')}`);
  await expect(incidents.closeButton(CLOUD_RU, '20.03.2026 10:30')).toHaveCount(0);

  // Filters, kept in the URL query.
  await expect(incidents.rows()).toHaveCount(3);
  await incidents.filter('status').selectOption({ label: 'Открытые (продолжаются)' });
  await expect(page.getByText('Нет инцидентов по этому отбору.')).toBeVisible();
  await expect(page).toHaveURL(/#\/incidents\?status=open$/);
  await incidents.filter('status').selectOption({ label: 'Закрытые' });
  await incidents.filter('cause').selectOption({ label: 'Плановые работы' });
  await expect(incidents.rows()).toHaveCount(1);
  await expect(page).toHaveURL(/cause=planned/);
  await page.reload();
  await expect(incidents.filter('cause')).toHaveValue('planned');
  await expect(incidents.filter('status')).toHaveValue('closed');
  await expect(incidents.rows()).toHaveCount(1);
  await page.getByRole('button', { name: 'Сбросить отбор' }).click();
  await expect(incidents.rows()).toHaveCount(3);
  await incidents.monthFilter().fill('2026-02');
  await expect(page.getByText('Нет инцидентов по этому отбору.')).toBeVisible();
  await incidents.monthFilter().fill('2026-03');
  await expect(incidents.rows()).toHaveCount(3);
  // Newest first.
  await expect(incidents.rows().first()).toContainText('20.03.2026 10:30');
  await expect(incidents.rows().last()).toContainText('19.03.2026 08:00');
});

test('incidents in Kazakh: the 48-hour rule in words, an ongoing incident closed with its proposal drafted', async ({ page, frame }) => {
  test.setTimeout(120_000);
  await createCloudClient(page, 'ЖШС «Іркіліс Екі»', 42);
  await frame.open('/incidents', NOW);
  await frame.switchLanguage('ru', 'kk');
  const incidents = new IncidentsScreen(page, 'kk');
  await expect(incidents.heading()).toBeVisible();
  await expect(page.getByText('Әзірге инциденттер жоқ.')).toBeVisible();
  await expect(incidents.availabilityRow(CLOUD_KK)).toContainText('17,52 сағ');
  await expect(incidents.availabilityRow(CLOUD_KK)).toContainText('99,8 % кепілдігі сақталды');

  const planned = await incidents.fillRecord({
    service: CLOUD_KK,
    start: { date: '2026-03-20', time: '01:00' },
    end: { date: '2026-03-20', time: '04:30' },
    cause: 'Жоспарлы жұмыстар',
    announced: { date: '2026-03-18', time: '02:00' },
  });
  await expect(planned.getByText('Ұзақтығы: 3 сағ 30 мин, толық сағат саны: 3')).toBeVisible();
  await expect(incidents.noticeStatus()).toHaveText(/Басталуынан 47 сағ бұрын хабарланған: іркіліс болып саналады/);
  await planned.getByLabel('Жұмыстар хабарланған уақыт').fill('01:00');
  await expect(incidents.noticeStatus()).toHaveText(/Басталуынан 48 сағ бұрын хабарланған: іркіліс болып саналмайды/);
  await planned.getByLabel('Жұмыстар хабарланған уақыт').fill('02:00');
  await expect(incidents.noticeStatus()).toHaveText(/іркіліс болып саналады/);
  // Announced late: counts as downtime and is compensated (3 full hours × 1 % × 9 000 ₸).
  await incidents.submitRecord();
  await incidents.openFromMenu();
  const works = incidents.row(CLOUD_KK, '20.03.2026 01:00');
  for (const text of ['3 сағ 30 мин', 'Жоспарлы жұмыстар', '47 сағ бұрын хабарланған — іркіліс', '1 жазылым', `Қаралуда 1 — ${tenge('270,00')}`, `мақұлданды 0 — ${tenge('0,00')} · қабылданбады 0`]) {
    await expect(works).toContainText(text);
  }
  await expect(works).not.toContainText('іркіліс емес');
  await expect(incidents.availabilityRow(CLOUD_KK)).toContainText('3 сағ 30 мин');

  await incidents.record({ service: CLOUD_KK, start: { date: '2026-03-20', time: '11:00' }, cause: 'Провайдер тарапындағы ақау' });
  await incidents.openFromMenu();
  const ongoing = incidents.row(CLOUD_KK, '20.03.2026 11:00');
  await expect(ongoing).toContainText('Жалғасуда');
  await expect(ongoing).toContainText('әзірге');
  await expect(ongoing).toContainText('Жабылғаннан кейін жасалады');
  await incidents.filter('status').selectOption({ label: 'Ашық (жалғасуда)' });
  await expect(incidents.rows()).toHaveCount(1);

  await incidents.closeButton(CLOUD_KK, '20.03.2026 11:00').click();
  const close = incidents.closeDialog();
  await close.getByLabel('Аяқталған уақыты').fill('11:50');
  await expect(close.getByText('Ұзақтығы: 50 мин, толық сағат саны: 0')).toBeVisible();
  await close.getByRole('button', { name: 'Инцидентті жабу' }).click();
  await expect(close.getByRole('status')).toContainText('Инцидент жабылды');
  await expect(close.getByRole('note')).toContainText('Өтемақы жобасы жасалды');
  await expect(close.getByRole('note')).toContainText(`Жалпы сомасы ${tenge('0,00')} болатын 1 өтемақы менеджердің шешімін күтуде.`);
  await close.getByRole('button', { name: 'Дайын' }).click();
  await expect(page.getByText('Бұл іріктеу бойынша инциденттер жоқ.')).toBeVisible();
  await incidents.filter('status').selectOption({ label: 'Барлығы' });
  await expect(incidents.rows()).toHaveCount(2);
  await expect(incidents.row(CLOUD_KK, '20.03.2026 11:00')).toContainText('50 мин');
});
