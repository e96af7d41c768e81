import { readFileSync } from 'node:fs';
import { readSheet } from 'read-excel-file/node';
import { expect, test, type Page } from './fixtures';

/**
 * The dashboard and the reports on the demo book (issue 11): every chart
 * is also a table, and what the chart draws (its bars' labels and axis)
 * is what the table says, in Russian and in Kazakh; a report exports to
 * CSV (BOM, `;`) and XLSX with the totals the screen shows.
 */
const pinned = `?demo=40&now=${encodeURIComponent('2026-03-20T12:00:00+05:00')}`;

/**
 * The chart's drawn pairs: each x-axis label with the value written above
 * its bar, matched by horizontal position. A bar of zero has no height and
 * no label: its value reads as null.
 */
async function drawnPairs(page: Page, testId: string): Promise<(string | null)[][]> {
  const svg = page.getByTestId(testId).locator('[data-chart] svg.recharts-surface').first();
  await expect(svg.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').first()).toBeVisible();
  const centre = (selector: string) =>
    svg.locator(selector).evaluateAll((nodes) =>
      nodes.map((node) => {
        const box = (node as SVGGraphicsElement).getBBox();
        return { x: box.x + box.width / 2, text: (node.textContent ?? '').replace(/\s/g, ' ').trim() };
      }),
    );
  const ticks = await centre('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value');
  const labels = await centre('.recharts-label-list text');
  expect(ticks.length).toBeGreaterThan(0);
  return ticks.map((tick) => [tick.text, labels.find((label) => Math.abs(label.x - tick.x) < 4)?.text ?? null]);
}

/** A table's pairs as the chart must draw them: a zero is drawn as no bar (null). */
const asDrawn = (rows: string[][], valueColumn: number) => rows.map((row) => [row[0]!, /^0(,00 ₸)?$/.test(row[valueColumn]!) ? null : row[valueColumn]!]);

/** The figure's table as rows of cells (the header row left out), spaces normalised. */
async function tableRows(page: Page, testId: string): Promise<string[][]> {
  const rows = page.getByTestId(testId).getByRole('table').locator('tbody tr');
  return (await rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? '')))).map((row) => row.map((cell) => cell.replace(/\s/g, ' ').trim()));
}

test('the dashboard draws what its tables say, in Russian and in Kazakh', async ({ frame, page }) => {
  test.setTimeout(120_000);
  await frame.open('/reports', pinned);
  await expect(page.getByRole('heading', { name: 'Отчёты', level: 2 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Сводка' })).toHaveAttribute('aria-selected', 'true');
  for (const title of ['Выручка по месяцам и услугам', 'Подписки по статусам', 'Возвраты к исполнению', 'Компенсации по месяцам', 'Доступность услуг за 2026 год']) {
    await expect(page.getByRole('figure', { name: title })).toBeVisible();
  }
  // The demo book has been loaded: the active subscriptions are counted.
  await expect.poll(async () => (await tableRows(page, 'chart-subscriptions')).find((row) => row[0] === 'Активна')?.[1] ?? '0', { timeout: 30_000 }).not.toBe('0');

  for (const [language, statuses] of [
    ['ru', { active: 'Активна', header: ['Статус', 'Количество'], switchTo: 'Таблица', chart: 'Диаграмма' }],
    ['kk', { active: 'Белсенді', header: ['Мәртебесі', 'Саны'], switchTo: 'Кесте', chart: 'Диаграмма' }],
  ] as const) {
    if (language === 'kk') await frame.switchLanguage('ru', 'kk');
    const table = await tableRows(page, 'chart-subscriptions');
    expect(table.map((row) => row[0])).toContain(statuses.active);
    // Chart and table, the same pairs in the same order.
    expect(await drawnPairs(page, 'chart-subscriptions')).toEqual(asDrawn(table, 1));
    expect(await drawnPairs(page, 'chart-refunds')).toEqual(asDrawn(await tableRows(page, 'chart-refunds'), 2));
    // The switch shows the table instead of the chart, with its header in the UI language.
    const figure = page.getByTestId('chart-subscriptions');
    await figure.getByRole('radiogroup').getByText(statuses.switchTo, { exact: true }).click();
    await expect(figure.locator('[data-chart]')).toHaveCount(0);
    await expect(figure.getByRole('columnheader')).toHaveText([...statuses.header]);
    expect(await tableRows(page, 'chart-subscriptions')).toEqual(table);
    await figure.getByRole('radiogroup').getByText(statuses.chart, { exact: true }).click();
    await expect(figure.locator('[data-chart]')).toHaveCount(1);
  }
  // The revenue table has one row per month of the last twelve, the chart one group per month.
  const revenueRows = await tableRows(page, 'chart-revenue');
  expect(revenueRows).toHaveLength(12);
  expect(revenueRows.at(-1)![0]).toBe('2026 ж. наурыз');
  const ticks = await page.getByTestId('chart-revenue').locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents();
  // One axis label per table row, from April 2025 to March 2026 (the pinned day's month last).
  expect(ticks).toHaveLength(revenueRows.length);
  expect(ticks[0]!.trim()).toBe('04.2025');
  expect(ticks.at(-1)!.trim()).toBe('03.2026');
});

test('the revenue report exports to CSV and XLSX with the totals on screen', async ({ frame, page }) => {
  test.setTimeout(120_000);
  await frame.open('/reports/revenue', pinned);
  await expect(page.getByRole('tab', { name: 'Выручка по месяцам и услугам' })).toHaveAttribute('aria-selected', 'true');
  const summary = page.getByRole('region', { name: 'Итоги отчёта' });
  await expect(summary).toBeVisible({ timeout: 30_000 });
  const net = (await summary.locator('dd').first().textContent())!.replace(/\s/g, ' ');
  expect(net).toMatch(/₸$/);

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать CSV' }).click();
  const csv = readFileSync((await (await csvDownload).path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).split('\r\n');
  expect(lines[0]).toBe('Выручка по месяцам и услугам');
  expect(lines).toContain('Месяц;Услуга;Начислено, ₸;Кредиты, ₸;Возвраты, ₸;Выручка, ₸;Ставка НДС;В т. ч. НДС, ₸;Оплачено бонусами, ₸');
  const totals = lines.find((line) => line.startsWith('Итого;;'))!.split(';');
  // "123 456,78 ₸" on screen is "123456,78" in the CSV: exact, with a decimal comma, no grouping.
  expect(totals[5]).toBe(net.replace(/[ ₸]/g, ''));

  await frame.switchLanguage('ru', 'kk');
  await page.getByRole('combobox', { name: 'Басып шығару және жүктеу тілі' }).selectOption('kk');
  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'XLSX жүктеп алу' }).click();
  const rows = await readSheet((await (await xlsxDownload).path())!);
  expect(rows[0]![0]).toBe('Айлар мен қызметтер бойынша түсім');
  expect(rows[3]).toEqual(['Ай', 'Қызмет', 'Есептелді, ₸', 'Кредиттер, ₸', 'Қайтарымдар, ₸', 'Түсім, ₸', 'ҚҚС мөлшерлемесі', 'Соның ішінде ҚҚС, ₸', 'Бонуспен төленді, ₸']);
  const total = rows.at(-1)!;
  expect(total[0]).toBe('Барлығы');
  expect(total[5]).toBe(Number(net.replace(/[ ₸]/g, '').replace(',', '.')));
});
