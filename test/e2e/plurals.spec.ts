import { expect, NBSP, test } from './fixtures';

// A Russian Windows: Chromium has no Kazakh plural data and would answer Kazakh with Russian rules.
test.use({ locale: 'ru-RU' });

const CASES = [
  { n: 1, ru: 'Всего 1 клиент', ruFound: 'Найден 1 клиент', kk: 'Барлығы 1 клиент', kkFound: '1 клиент табылды' },
  { n: 2, ru: 'Всего 2 клиента', ruFound: 'Найдено 2 клиента', kk: 'Барлығы 2 клиент', kkFound: '2 клиент табылды' },
  { n: 5, ru: 'Всего 5 клиентов', ruFound: 'Найдено 5 клиентов', kk: 'Барлығы 5 клиент', kkFound: '5 клиент табылды' },
  { n: 21, ru: 'Всего 21 клиент', ruFound: 'Найден 21 клиент', kk: 'Барлығы 21 клиент', kkFound: '21 клиент табылды' },
];

for (const c of CASES) {
  test(`counts of ${c.n} read right in Russian and in Kazakh`, async ({ frame, accounts, page }) => {
    await frame.open('/accounts', `?demo=${c.n}`);
    await expect(accounts.total).toHaveText(c.ru, { timeout: 30_000 });
    await expect(page.getByText(c.ruFound, { exact: true })).toBeVisible();
    await expect(accounts.rows()).toHaveCount(c.n);
    await frame.switchLanguage('ru', 'kk');
    await expect(accounts.total).toHaveText(c.kk);
    await expect(page.getByText(c.kkFound, { exact: true })).toBeVisible();
  });
}

test('demo data from Settings: the result message is counted too, and a second load is refused', async ({ frame, settings, accounts, page }) => {
  await frame.open('/settings');
  await settings.loadDemoData(12);
  await expect(page.getByRole('status')).toHaveText('Демо-данные загружены: 12 клиентов.');
  await frame.switchLanguage('ru', 'kk');
  await expect(page.getByRole('status')).toHaveText('Демо-деректер жүктелді: 12 клиент.');
  await frame.goTo('Клиенттер');
  await expect(accounts.total).toHaveText('Барлығы 12 клиент');
  await frame.goTo('Баптаулар');
  await expect(page.getByRole('button', { name: 'Жүктеу', exact: true })).toBeDisabled();
  await expect(page.getByText('Демо-деректер тек бос дерекқорға жүктеледі')).toBeVisible();
});

test('an empty store offers demo data; 2 000 clients load with progress into a virtualized table', async ({ frame, accounts, page }) => {
  test.setTimeout(120_000);
  await frame.open('/accounts');
  await page.getByRole('button', { name: `Загрузить демо-данные (2${NBSP}000 клиентов)` }).click();
  await expect(page.getByRole('progressbar', { name: 'Ход создания демо-данных' })).toBeVisible();
  await expect(accounts.total).toHaveText(`Всего 2${NBSP}000 клиентов`, { timeout: 90_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);

  // The list holds the first 1 000 matches (the user narrows the search for more); virtualized: only a screenful is in the DOM.
  await expect(page.getByText(`Показаны первые 1${NBSP}000 результатов; уточните поиск.`)).toBeVisible();
  await expect(accounts.table()).toHaveAttribute('aria-rowcount', '1001');
  const rendered = await accounts.rows().count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(80);
  const firstName = await accounts.rows().first().getByRole('link').textContent();
  await accounts.table().locator('..').evaluate((scroller) => scroller.scrollTo(0, scroller.scrollHeight));
  await expect(accounts.rows().first().getByRole('link')).not.toHaveText(firstName ?? '');
  await expect(accounts.table().locator('tr[aria-rowindex="1001"]')).toBeVisible();

  // Search narrows the list; a row opens its account.
  await accounts.search().fill(firstName ?? '');
  await expect(accounts.rows().first()).toContainText(firstName ?? '');
  await accounts.rows().first().getByRole('link').click();
  await expect(frame.heading(firstName ?? '')).toBeVisible();
  await expect(page.getByTestId('balance-money')).toHaveText(/^-?\d{1,3}(\u00a0\d{3})*,\d{2}\u00a0₸$/);
});
