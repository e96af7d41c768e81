import { expect, NBSP, test } from './fixtures';
import { pinnedAt } from './pages/SubscriptionLifecycle';
import { SubscriptionsListPage } from './pages/SubscriptionsListPage';

const digits = (text: string) => Number(text.replace(/\D/g, ''));

test('2 000 demo clients: counts per status, the first 2 000 rows in a virtualized table, filters by status, service, period end and client', async ({ frame, page }) => {
  test.setTimeout(120_000);
  await frame.open('/subscriptions', `${pinnedAt('2026-03-16')}&demo=2000`);
  const list = new SubscriptionsListPage(page);
  await expect(list.table()).toBeVisible({ timeout: 90_000 });

  // The counts per status add up to the total, and the unfiltered list is capped.
  const total = digits(await list.total.innerText());
  const counts = new Map<string, number>();
  for (const text of await list.countButtons().allInnerTexts()) {
    const [status, count] = text.split(': ');
    counts.set(status ?? '', digits(count ?? ''));
  }
  expect(counts.size).toBe(6);
  expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(total);
  expect(total).toBeGreaterThan(2000);
  await expect(list.shown).toHaveText(`Показаны первые 2${NBSP}000 подписок; уточните отбор.`);
  await expect(list.table()).toHaveAttribute('aria-rowcount', '2001');
  // Virtualized: only a screenful of rows is in the DOM.
  expect(await list.rows().count()).toBeLessThan(80);
  // Work first: the list starts with active subscriptions, soonest renewal first.
  await expect(list.rows().first()).toContainText('Активна');

  // A status with fewer rows than the cap: every one of them is listed.
  const cancelled = counts.get('Отменена') ?? 0;
  expect(cancelled).toBeGreaterThan(0);
  await list.countButtons().filter({ hasText: 'Отменена' }).click();
  await expect(list.statusFilter()).toHaveValue('cancelled');
  await expect(list.table()).toHaveAttribute('aria-rowcount', String(cancelled + 1));
  await expect(list.shown).toContainText(String(cancelled));
  for (const row of await list.rows().all()) await expect(row).toContainText('Отменена');

  // Active ones of one service whose last paid day falls within the next 7 days.
  await list.statusFilter().selectOption('active');
  await list.serviceFilter().selectOption({ label: 'Облачные серверы 1С' });
  await list.endsWithin().fill('7');
  await expect(page.getByText('Последний оплаченный день: с 16.03.2026 по 23.03.2026')).toBeVisible();
  await expect(list.rows().first()).toBeVisible();
  const rows = await list.rows().all();
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    await expect(row).toContainText('Облачные серверы 1С');
    await expect(row).toContainText('Активна');
    const period = await row.getByRole('cell').nth(4).innerText();
    const [d, m, y] = (period.split(' – ')[1] ?? '').split('.');
    const lastPaid = `${y}-${m}-${d}`;
    expect(lastPaid >= '2026-03-16' && lastPaid <= '2026-03-23', `${period} ends within 7 days`).toBe(true);
  }

  // A client by IIN/BIN (the client cell's tooltip shows it): only that client's subscriptions; the link leads to the account.
  await page.getByRole('button', { name: 'Сбросить отбор' }).click();
  await expect(list.shown).toHaveText(`Показаны первые 2${NBSP}000 подписок; уточните отбор.`);
  const client = await list.rows().first().getByRole('link').innerText();
  const iinBin = ((await list.rows().first().getByRole('cell').first().getAttribute('title')) ?? '').split(' · ')[1] ?? '';
  expect(iinBin).toMatch(/^\d{12}$/);
  await list.search().fill(iinBin);
  await expect(list.shown).not.toContainText('уточните отбор');
  await expect(list.rows().first()).toBeVisible();
  for (const row of await list.rows().all()) await expect(row.getByRole('link')).toHaveText(client);
  await list.rows().first().getByRole('link').click();
  await expect(frame.heading(client)).toBeVisible();
});
