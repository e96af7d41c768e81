import { expect, NBSP, test } from './fixtures';
import { ACCOUNTS_LIST_TEXTS } from './pages/AccountsListPage';

const RU_MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const KK_MONTHS = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
const RU_WEEKDAYS = ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'];
const KK_WEEKDAYS = ['дүйсенбі', 'сейсенбі', 'сәрсенбі', 'бейсенбі', 'жұма', 'сенбі', 'жексенбі'];

/** Today in Kazakhstan (UTC+05:00), written independently of the app's own formatter. */
function expectedHeaderDate(lang: 'kk' | 'ru'): string {
  const now = new Date(Date.now() + 5 * 3_600_000);
  const day = now.getUTCDate();
  const month = now.getUTCMonth();
  const year = now.getUTCFullYear();
  const weekday = (now.getUTCDay() + 6) % 7;
  return lang === 'kk'
    ? `${KK_WEEKDAYS[weekday]}, ${day} ${KK_MONTHS[month]} ${year} ж.`
    : `${RU_WEEKDAYS[weekday]}, ${day} ${RU_MONTHS[month]} ${year} г.`;
}

const NAV = {
  ru: ['Клиенты', 'Подписки', 'Тарифы и услуги', 'Инциденты', 'Обращения', 'Журнал операций', 'Документы', 'Отчёты', 'Аудит', 'Настройки'],
  kk: ['Клиенттер', 'Жазылымдар', 'Тарифтер мен қызметтер', 'Инциденттер', 'Өтініштер', 'Операциялар журналы', 'Құжаттар', 'Есептер', 'Аудит', 'Баптаулар'],
};

test('a first start opens in Russian', async ({ frame, page }) => {
  await frame.open('/accounts');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(frame.navigation.getByRole('link')).toHaveText(NAV.ru);
  await expect(frame.heading('Клиенты')).toBeVisible();
  await expect(page.getByText('Клиентов пока нет')).toBeVisible();
  await expect(page.getByRole('button', { name: `Загрузить демо-данные (2${NBSP}000 клиентов)` })).toBeVisible();
  await expect(frame.headerDate).toHaveText(expectedHeaderDate('ru'));
  await expect(frame.header.getByText('Esep Back-office')).toBeVisible();
});

test('prices are shown as tenge in both languages: 12 000,00 ₸', async ({ frame, page, requests }) => {
  await frame.open('/catalog');
  await expect(frame.heading('Тарифы и услуги')).toBeVisible();
  const onebuh = page.getByRole('table', { name: /ONEbuh/ });
  await expect(onebuh.getByRole('row', { name: /Стандарт/ })).toContainText(`12${NBSP}000,00${NBSP}₸ / мес.`);
  const edo = page.getByRole('table', { name: /Учет\.ЭДО/ });
  await expect(edo.getByRole('row', { name: /Корпоративный/ })).toContainText(`180${NBSP}000,00${NBSP}₸ / год`);
  // The policy facts come with Russian plural forms.
  await expect(page.getByText('Полный возврат в течение 14 дней с первого использования').first()).toBeVisible();
  await expect(page.getByText('Данные хранятся 30 дней после окончания периода').first()).toBeVisible();

  await frame.switchLanguage('ru', 'kk');
  await expect(frame.heading('Тарифтер мен қызметтер')).toBeVisible();
  const onebuhKk = page.getByRole('table', { name: /ONEbuh/ });
  await expect(onebuhKk.getByRole('row').nth(2)).toContainText(`12${NBSP}000,00${NBSP}₸ / ай`);
  await expect(page.getByText('Кезең аяқталғаннан кейін деректер 14 күн сақталады')).toBeVisible();

  // The bundled Noto Sans draws Kazakh letters (cyrillic-ext) and ₸ (latin-ext); nothing falls back to a system font.
  await page.evaluate(() => document.fonts.ready);
  expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans"', 'қәңғүұөһі ₸'))).toBe(true);
  for (const subset of ['cyrillic', 'cyrillic-ext', 'latin-ext']) {
    expect(requests.some((url) => new RegExp(`/assets/noto-sans-${subset}-400-normal-[^/]+\\.woff2$`).test(url)), subset).toBe(true);
  }
});

test('switching the language re-renders everything at once and is remembered after a reload', async ({ frame, accounts, accountForm, page }) => {
  await frame.open('/accounts/new');
  // A table header set to compare: create one account so that the list shows its table.
  await accountForm.fill({ kind: 'individual', name: 'Айгерім Сәрсенова', iinBin: '900101300017' });
  await accountForm.submit();
  await expect(frame.heading('Айгерім Сәрсенова')).toBeVisible();
  await frame.goTo('Клиенты');
  await expect(accounts.columnHeaders('ru')).toHaveText(['Наименование', 'Тип', 'ИИН/БИН', 'Телефон', 'Электронная почта', 'Статус']);
  await expect(accounts.rows('ru').first()).toContainText('Физическое лицо');

  await frame.switchLanguage('ru', 'kk');
  await expect(frame.navigation.getByRole('link')).toHaveText(NAV.kk);
  await expect(frame.heading('Клиенттер')).toBeVisible();
  await expect(accounts.columnHeaders('kk')).toHaveText(['Атауы', 'Түрі', 'ЖСН/БСН', 'Телефон', 'Электрондық пошта', 'Мәртебесі']);
  await expect(accounts.rows('kk').first()).toContainText('Жеке тұлға');
  await expect(accounts.rows('kk').first()).toContainText('Белсенді');
  await expect(accounts.search('kk')).toBeVisible();
  await expect(page.getByRole('link', { name: ACCOUNTS_LIST_TEXTS.kk.newAccount })).toBeVisible();
  await expect(frame.headerDate).toHaveText(expectedHeaderDate('kk'));

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(frame.navigation.getByRole('link')).toHaveText(NAV.kk);
  await expect(accounts.total).toHaveText('Барлығы 1 клиент');

  await frame.switchLanguage('kk', 'ru');
  await expect(accounts.total).toHaveText('Всего 1 клиент');
  await page.reload();
  await expect(frame.heading('Клиенты')).toBeVisible();
});

test('the app opens in Kazakh when Kazakh was chosen before, including Settings', async ({ frame, settings, page }) => {
  await frame.open('/settings');
  await settings.languageSelect('ru').selectOption('kk');
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await page.reload();
  await expect(frame.heading('Баптаулар')).toBeVisible();
  await expect(settings.languageSelect('kk')).toHaveValue('kk');
  await expect(page.getByRole('heading', { name: 'Бағдарлама туралы' })).toBeVisible();
  await expect(page.getByTestId('app-version')).toHaveText(/^\d+\.\d+\.\d+/);
  await frame.goTo('Есептер');
  await expect(frame.heading('Есептер')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Жиынтық' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('figure', { name: 'Мәртебелер бойынша жазылымдар' })).toBeVisible();
  await expect(frame.headerDate).toHaveText(expectedHeaderDate('kk'));
});
