import { makeIinBin } from '../../shared/billing';
import { expect, test } from './fixtures';

// 23:30 UTC on 15 March is already Monday 16 March in Kazakhstan (UTC+05:00):
// the header, the forms' default dates and the store's records all use the app's one clock.
const PINNED = encodeURIComponent('2026-03-15T23:30:00Z');

test('a pinned clock sets today for the header, the forms and the stored records alike', async ({ frame, accountForm, account, page }) => {
  await frame.open('/accounts/new', `?now=${PINNED}`);
  await expect(frame.headerDate).toHaveText('понедельник, 16 марта 2026 г.');
  const bin = makeIinBin('12044012345') ?? makeIinBin('12044012346');
  await accountForm.fill({ kind: 'legal_entity', name: 'ТОО «Уақыт»', iinBin: bin ?? '' });
  await accountForm.submit();
  await expect(frame.heading('ТОО «Уақыт»')).toBeVisible();

  await page.getByRole('button', { name: 'Внести платёж' }).click();
  const dialog = page.getByRole('dialog', { name: 'Внести платёж' });
  await expect(dialog.getByLabel('Дата платежа')).toHaveValue('2026-03-16');
  await dialog.getByRole('button', { name: 'Отмена' }).click();
  await account.recordPayment({ amount: '100' });
  await expect(account.ledger.getByRole('row', { name: /Оплата/ })).toContainText('16.03.2026');

  await frame.switchLanguage('ru', 'kk');
  await expect(frame.headerDate).toContainText('16 наурыз 2026 ж.');
});

test('a malformed ?now= is ignored: the clock is the real one', async ({ frame }) => {
  await frame.open('/', '?now=yesterday');
  await expect(frame.headerDate).not.toHaveText('понедельник, 16 марта 2026 г.');
  await expect(frame.headerDate).toContainText(String(new Date(Date.now() + 5 * 3_600_000).getUTCFullYear()));
});
