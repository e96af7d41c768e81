import { expect, test } from './fixtures';
import { RenewalsScreen } from './pages/RenewalsScreen';
import { pinnedAt } from './pages/SubscriptionLifecycle';

const digits = (text: string) => Number(text.replace(/\D/g, ''));

// A run of many 200-subscription chunks in the real browser engine: each chunk
// reads everything, decides in memory and writes in bulk, so Chromium never
// commits a chunk's transaction early (fake-indexeddb cannot show that).
test('5 000 demo clients: a renewal run of many chunks does what its preview said', async ({ frame, page }) => {
  test.setTimeout(240_000);
  await frame.open('/accounts', `${pinnedAt('2026-12-30')}&demo=5000`);
  await expect(page.getByTestId('accounts-total')).toContainText('5', { timeout: 150_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 150_000 });

  // Three weeks later, periods of about 2 000 active subscriptions have ended.
  await frame.open('/subscriptions/renewals', pinnedAt('2027-01-20'));
  const ru = new RenewalsScreen(page, 'ru');
  const preview = ru.section('Что будет сделано на 20.01.2027');
  await expect(ru.planned(preview, 'renewed')).not.toHaveText('0', { timeout: 60_000 });
  const planned = {
    renewed: digits(await ru.planned(preview, 'renewed').innerText()),
    suspended: digits(await ru.planned(preview, 'suspended').innerText()),
  };
  expect(planned.renewed + planned.suspended).toBeGreaterThan(1000);

  await ru.runButton().click();
  const result = ru.section('Продление на 20.01.2027 выполнено');
  await expect(result).toBeVisible({ timeout: 120_000 });
  expect(digits(await ru.done(result, 'renewed').innerText())).toBe(planned.renewed);
  expect(digits(await ru.done(result, 'suspended').innerText())).toBe(planned.suspended);
});
