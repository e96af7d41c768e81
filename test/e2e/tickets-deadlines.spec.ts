import { expect, test, type Page } from './fixtures';
import { binFor, createClient, pinnedAt } from './pages/LifecycleSetup';
import { TicketsScreen } from './pages/TicketsScreen';

/**
 * A ticket's deadlines on both clocks (domain-rules §1, §3; issue 9): a
 * `high` ticket of 1C cloud servers runs 24/7 (response +1 h, resolution
 * +8 h); a `low` one created on Friday 20 March 2026 at 18:30 runs on
 * working days 10:00–19:00: half an hour that Friday, then the next
 * working day is Thursday 26 March (23–25 March are Nauryz days off), so
 * the response (4 h) is due 26.03 13:30 and the resolution (72 h) on
 * Monday 6 April at 18:30. Waiting for the client from 18:40 to 20:40
 * moves the 24/7 resolution deadline by those 2 hours.
 */

const CLOUD_RU = 'Облачные серверы 1С';
/** Friday evening, the clock every test starts at. */
const FRIDAY_EVENING = pinnedAt('2026-03-20', '18:30');
/** Ten minutes later: the first response and the question to the client. */
const TEN_LATER = pinnedAt('2026-03-20', '18:40');
/**
 * Two hours and 30 seconds after that: the client answers. The half minute
 * absorbs the seconds each load and sign-in take, so the wait is exactly
 * 120 whole minutes whatever the machine's speed (waitingSince is a few
 * seconds after 18:40:00, the answer a few seconds after 20:40:30).
 */
const CLIENT_ANSWERS = `?now=${encodeURIComponent('2026-03-20T20:40:30+05:00')}`;

async function createCloudClient(page: Page, name: string, seed: number): Promise<string> {
  return createClient(page, FRIDAY_EVENING, {
    name,
    seed,
    payments: [{ amount: '20000', date: '2026-03-05' }],
    subscription: { service: CLOUD_RU, tariffIndex: 0, startDate: '2026-03-05' },
  });
}

/** The ticket's page at another pinned instant (a reload: the fixture signs in again). */
async function openTicketAt(page: Page, query: string, ticketId: string, tickets: TicketsScreen): Promise<void> {
  await page.goto(`/${query}#/tickets/${ticketId}`);
  await expect(tickets.facts()).toBeVisible();
}

test('ticket deadlines in Russian: 24/7 and working days with Nauryz, overdue and due within the hour, waiting moves the resolution', async ({ page }) => {
  test.setTimeout(180_000);
  const client = 'ТОО «Тікет Бір»';
  await createCloudClient(page, client, 61);
  const tickets = new TicketsScreen(page, 'ru');
  await tickets.openFromMenu();
  await expect(page.getByText('Обращений пока нет.')).toBeVisible();

  const common = { clientSearch: 'Тікет', client: `${client} — ${binFor(61)}`, subscription: 'Облачные серверы 1С — Сервер S (Активна)' };
  // High: 24/7, response 1 h, resolution 8 h.
  await tickets.create({ ...common, level: 'Высокий: отказ или серьёзная деградация', subject: 'Сервер 1С недоступен', created: { date: '2026-03-20', time: '18:30' } });
  await expect(tickets.createdDeadline('response')).toContainText('20.03.2026 19:30');
  await expect(tickets.createdDeadline('resolution')).toContainText('21.03.2026 02:30');
  await tickets.closeCreated();
  // Low: working days 10:00–19:00; Friday 18:30 + 4 h = Thursday 26.03 13:30 (Nauryz 23–25.03), + 72 h = Monday 06.04 18:30.
  await tickets.create({ ...common, level: 'Низкий: информационный запрос', subject: 'Как выгрузить отчёт', created: { date: '2026-03-20', time: '18:30' } });
  await expect(tickets.createdDeadline('response')).toContainText('26.03.2026 13:30');
  await expect(tickets.createdDeadline('resolution')).toContainText('06.04.2026 18:30');
  await tickets.closeCreated();
  // Medium, registered late (the call came at 16:00): the 2-hour response deadline passed at 18:00.
  await tickets.create({ ...common, level: 'Средний: качество снижено, отказа нет', subject: 'Медленно открываются базы', created: { date: '2026-03-20', time: '16:00' } });
  await expect(tickets.createdDeadline('response')).toContainText('20.03.2026 18:00');
  await expect(tickets.createdDeadline('resolution')).toContainText('21.03.2026 16:00');
  await tickets.closeCreated();

  // Nearest deadline first; overdue and "due within an hour" marked.
  await expect(tickets.rows()).toHaveCount(3);
  await expect(page.getByText('3 обращения', { exact: true })).toBeVisible();
  const [overdue, soon, later] = [tickets.rows().nth(0), tickets.rows().nth(1), tickets.rows().nth(2)];
  await expect(overdue).toContainText('Медленно открываются базы');
  await expect(overdue).toContainText('Ответ до 20.03.2026 18:00');
  await expect(overdue).toContainText('Просрочено');
  await expect(overdue).toContainText(/на \d+ мин/);
  await expect(soon).toContainText('Сервер 1С недоступен');
  await expect(soon).toContainText('Ответ до 20.03.2026 19:30');
  await expect(soon).toContainText('Меньше часа');
  await expect(soon).toContainText(/через 5\d мин/);
  await expect(later).toContainText('Как выгрузить отчёт');
  await expect(later).toContainText('Ответ до 26.03.2026 13:30');
  await expect(later).toContainText('через 5 дн. 18 ч');
  await expect(later).not.toContainText('Меньше часа');
  for (const text of [client, CLOUD_RU, 'Низкий: информационный запрос', 'Открыто', 'не назначен']) await expect(later).toContainText(text);

  // Filters, kept in the URL.
  await tickets.filter('level').selectOption({ label: 'Низкий: информационный запрос' });
  await expect(tickets.rows()).toHaveCount(1);
  await expect(page).toHaveURL(/#\/tickets\?level=low$/);
  await page.reload();
  await expect(tickets.filter('level')).toHaveValue('low');
  await expect(tickets.rows()).toHaveCount(1);
  await tickets.filter('status').selectOption({ label: 'Решено' });
  await expect(page.getByText('Нет обращений по этому отбору.')).toBeVisible();
  await tickets.resetFilters().click();
  await expect(tickets.rows()).toHaveCount(3);
  await tickets.filter('assignee').selectOption({ label: 'Не назначен' });
  await expect(tickets.rows()).toHaveCount(3);

  // The high ticket's page: its targets and clock, the response deadline within the hour.
  await tickets.rowLink('Сервер 1С недоступен', client).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Сервер 1С недоступен' })).toBeVisible();
  const ticketId = new URL(page.url()).hash.replace('#/tickets/', '');
  await expect(tickets.facts()).toContainText('ответ — 1 ч, решение — 8 ч; круглосуточно (24/7)');
  await expect(tickets.facts()).toContainText('Высокий: отказ или серьёзная деградация');
  await expect(tickets.deadline('response')).toContainText('20.03.2026 19:30');
  await expect(tickets.deadline('response')).toContainText('Меньше часа');
  await expect(tickets.deadline('resolution')).toContainText('начнёт идти после первого ответа');

  // 18:40: the first response, then a question to the client.
  await openTicketAt(page, TEN_LATER, ticketId, tickets);
  await tickets.runAction('Взять себе', 'Взять обращение себе', 'Взять себе');
  await expect(tickets.facts()).toContainText('admin');
  await tickets.runAction('Первый ответ дан', 'Отметить первый ответ', 'Отметить ответ');
  await expect(tickets.deadline('response')).toContainText('выполнено 20.03.2026 18:40, в срок');
  await expect(tickets.deadline('resolution')).toContainText('21.03.2026 02:30');
  await expect(tickets.deadline('resolution')).toContainText(/через 7 ч \d+ мин/);
  await tickets.runAction('Ждём ответа клиента', 'Ждём ответа клиента', 'Ждём клиента');
  await expect(page.getByText('Ждёт ответа клиента', { exact: true })).toBeVisible();
  await expect(tickets.deadline('resolution')).toContainText('Срок остановлен: ждём ответа клиента');

  // 20:40: the client answers after 2 hours; on the 24/7 clock the resolution moves by 2 hours, 02:30 → 04:30.
  await openTicketAt(page, CLIENT_ANSWERS, ticketId, tickets);
  await expect(tickets.deadline('waited')).toContainText('Сейчас ждём с 20.03.2026 18:40: 2 ч');
  await tickets.runAction('Клиент ответил', 'Клиент ответил', 'Продолжить работу');
  await expect(tickets.deadline('resolution')).toContainText('21.03.2026 04:30');
  await expect(tickets.deadline('resolution')).toContainText('Перенесён на время ожидания клиента: 2 ч');
  await expect(tickets.deadline('waited')).toContainText('2 ч');
  await expect(page.getByText('Открыто', { exact: true })).toBeVisible();

  // An incident from the ticket: the service and the source come filled in, and the incident is linked to it.
  await tickets.action('Инцидент по обращению').click();
  const incident = page.getByRole('dialog', { name: 'Новый инцидент' });
  await expect(incident.getByRole('combobox', { name: 'Услуга' }).locator('option:checked')).toHaveText(CLOUD_RU);
  await expect(incident.getByRole('combobox', { name: 'Источник' })).toHaveValue('ticket');
  await expect(incident.getByText('Из обращения «Сервер 1С недоступен»: инцидент будет связан с ним.')).toBeVisible();
  await incident.getByLabel('Дата начала').fill('2026-03-20');
  await incident.getByLabel('Время начала').fill('18:00');
  await incident.getByRole('checkbox', { name: 'Инцидент ещё продолжается (окончание неизвестно)' }).check();
  await incident.getByRole('combobox', { name: 'Причина' }).selectOption({ label: 'Сбой на стороне провайдера' });
  await incident.getByRole('button', { name: 'Зарегистрировать инцидент' }).click();
  await expect(page).toHaveURL(/#\/incidents\/[^/?]+$/);
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${CLOUD_RU}`) })).toBeVisible();
  await page.goBack();
  await expect(tickets.linkedIncidents().getByRole('link', { name: 'Инцидент с 20.03.2026 18:00' })).toBeVisible();

  // Resolved in time; then it can be closed or reopened.
  await tickets.runAction('Решено', 'Отметить решённым', 'Отметить решённым');
  await expect(tickets.deadline('resolution')).toContainText(/выполнено 20\.03\.2026 20:4\d, в срок/);
  await expect(tickets.action('Закрыть')).toBeVisible();
  await expect(tickets.action('Открыть снова')).toBeVisible();

  // The client's page lists the three tickets.
  await tickets.facts().getByRole('link', { name: client }).click();
  const card = page.getByRole('region', { name: 'Обращения' });
  await expect(card.getByRole('table', { name: 'Обращения клиента' }).locator('tbody tr')).toHaveCount(3);
  await expect(card.getByRole('row', { name: /Сервер 1С недоступен/ })).toContainText('Решено');
});

test('ticket deadlines in Kazakh: a ticket from the client page on the working-day clock, a 24/7 ticket moved by the wait', async ({ page, frame }) => {
  test.setTimeout(180_000);
  const client = 'ЖШС «Өтініш Екі»';
  const accountRoute = await createCloudClient(page, client, 62);
  await frame.switchLanguage('ru', 'kk');
  const tickets = new TicketsScreen(page, 'kk');

  // From the client's page: the client is filled in; low on Friday 18:30 → Thursday 26.03 (after Nauryz).
  const card = page.getByRole('region', { name: 'Өтініштер' });
  await expect(card.getByText('Өтініштер жоқ.')).toBeVisible();
  await tickets.create({ subscription: '1С бұлттық серверлері: S сервері (Белсенді)', level: 'Төмен: ақпараттық сұрау', subject: 'Есепті қалай жүктеуге болады', created: { date: '2026-03-20', time: '18:30' } }, card);
  await expect(tickets.createdDeadline('response')).toContainText('26.03.2026 13:30');
  await expect(tickets.createdDeadline('resolution')).toContainText('06.04.2026 18:30');
  await tickets.closeCreated();
  await expect(card.getByRole('row', { name: /Есепті қалай жүктеуге болады/ })).toContainText('Жауап: 26.03.2026 13:30 дейін');

  await tickets.openFromMenu();
  await tickets.create({
    clientSearch: 'Өтініш',
    client: `${client} — ${binFor(62)}`,
    subscription: '1С бұлттық серверлері: S сервері (Белсенді)',
    level: 'Жоғары: істен шығу немесе елеулі нашарлау',
    subject: '1С сервері қолжетімсіз',
    created: { date: '2026-03-20', time: '18:30' },
  });
  await expect(tickets.createdDeadline('response')).toContainText('20.03.2026 19:30');
  await expect(tickets.createdDeadline('resolution')).toContainText('21.03.2026 02:30');
  const ticketId = await tickets.openCreated();
  await expect(tickets.facts()).toContainText('жауап — 1 сағ, шешу — 8 сағ; тәулік бойы (24/7)');
  await expect(tickets.deadline('response')).toContainText('Бір сағаттан аз');

  await tickets.openFromMenu();
  await expect(tickets.rows()).toHaveCount(2);
  await expect(tickets.rows().nth(0)).toContainText('Жауап: 20.03.2026 19:30 дейін');
  await expect(tickets.rows().nth(0)).toContainText('Бір сағаттан аз');
  await expect(tickets.rows().nth(0)).toContainText(/5\d мин қалды/);
  await expect(tickets.rows().nth(1)).toContainText('Жауап: 26.03.2026 13:30 дейін');
  await expect(tickets.rows().nth(1)).toContainText('5 күн 18 сағ қалды');
  await tickets.filter('level').selectOption({ label: 'Жоғары: істен шығу немесе елеулі нашарлау' });
  await expect(tickets.rows()).toHaveCount(1);
  await expect(page).toHaveURL(/level=high/);

  // 18:40: asking the client is the first response; 20:40: the answer moves the resolution by 2 hours.
  await openTicketAt(page, TEN_LATER, ticketId, tickets);
  await tickets.runAction('Клиенттің жауабын күтеміз', 'Клиенттің жауабын күтеміз', 'Клиентті күтеміз');
  await expect(tickets.deadline('response')).toContainText('20.03.2026 18:40 орындалды, мерзімінде');
  await expect(tickets.deadline('resolution')).toContainText('Мерзім тоқтатылды: клиенттің жауабы күтілуде');
  await openTicketAt(page, CLIENT_ANSWERS, ticketId, tickets);
  await expect(tickets.deadline('waited')).toContainText('20.03.2026 18:40 бастап күтудеміз: 2 сағ');
  await tickets.runAction('Клиент жауап берді', 'Клиент жауап берді', 'Жұмысты жалғастыру');
  await expect(tickets.deadline('resolution')).toContainText('21.03.2026 04:30');
  await expect(tickets.deadline('resolution')).toContainText('Клиентті күту уақытына ұзартылды: 2 сағ');

  await page.goto(`/${FRIDAY_EVENING}#${accountRoute}`);
  await expect(page.getByRole('region', { name: 'Өтініштер' }).getByRole('table', { name: 'Клиенттің өтініштері' }).locator('tbody tr')).toHaveCount(2);
});
