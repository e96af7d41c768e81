import { readFileSync } from 'node:fs';
import { isValidIinBin, makeIinBin } from '../../shared/billing/iinBin';
import { expect, test } from './fixtures';

/** The store engineer owns the wording of errors; the test checks that the UI shows exactly it. */
function errorText(lang: 'kk' | 'ru', group: string, key: string): string {
  const errors = JSON.parse(readFileSync(new URL(`../../locales/${lang}/errors.json`, import.meta.url), 'utf8')) as Record<string, Record<string, string>>;
  const text = errors[group]?.[key];
  if (!text) throw new Error(`errors:${group}.${key} missing in ${lang}`);
  return text;
}

/** A valid BIN (5th digit 4: a legal entity) computed with the engine's own check-digit rule. */
function validBin(seed: number): string {
  for (let n = seed; ; n += 1) {
    const bin = makeIinBin(`1204400${String(n).padStart(4, '0')}`);
    if (bin) return bin;
  }
}

test('a wrong BIN is refused with the reason, in Russian and in Kazakh', async ({ frame, accountForm, page }) => {
  await frame.open('/accounts/new');
  await expect(frame.heading('Новый клиент')).toBeVisible();
  const wrongChecksum = `${validBin(1).slice(0, 11)}${(Number(validBin(1)[11]) + 1) % 10}`;
  expect(isValidIinBin(wrongChecksum)).toBe(false);

  await accountForm.fill({ kind: 'legal_entity', name: 'ТОО «Тест Сервис»', iinBin: wrongChecksum });
  await accountForm.submit();
  const iinBin = accountForm.field('iinBin');
  await expect(iinBin).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(errorText('ru', 'iinBin', 'checksum'))).toBeVisible();

  await iinBin.fill('12345');
  await iinBin.blur();
  await expect(page.getByText(errorText('ru', 'iinBin', 'length'))).toBeVisible();

  await iinBin.fill('12044O012345');
  await iinBin.blur();
  await expect(page.getByText(errorText('ru', 'iinBin', 'non_digit'))).toBeVisible();

  // The message follows the language switch at once, with the form as it was.
  await frame.switchLanguage('ru', 'kk');
  await expect(page.getByText(errorText('kk', 'iinBin', 'non_digit'))).toBeVisible();
  await accountForm.field('iinBin', 'kk').fill(wrongChecksum);
  await accountForm.submit('kk');
  await expect(page.getByText(errorText('kk', 'iinBin', 'checksum'))).toBeVisible();
  // Nothing was stored.
  await frame.goTo('Клиенттер');
  await expect(page.getByText('Әзірге клиенттер жоқ')).toBeVisible();
});

test('a valid account is created, found by search and its duplicate refused', async ({ frame, accounts, accountForm, page }) => {
  const bin = validBin(77);
  await frame.open('/accounts/new');
  await accountForm.fill({
    kind: 'legal_entity',
    name: 'ТОО «Алатау Софт»',
    iinBin: bin,
    responsiblePerson: 'Нұрлан Әбдіров',
    email: 'buh@alatau-soft.kz',
    phone: '8 701 123 45 67',
  });
  await accountForm.submit();

  await expect(frame.heading('ТОО «Алатау Софт»')).toBeVisible();
  const details = page.getByRole('region', { name: 'Данные клиента' });
  await expect(details).toContainText(bin);
  await expect(details).toContainText('Юридическое лицо');
  await expect(details).toContainText('+7 701 123 45 67');
  await expect(details).toContainText('Нұрлан Әбдіров');

  await frame.goTo('Клиенты');
  await expect(accounts.total).toHaveText('Всего 1 клиент');
  await accounts.search().fill(bin.slice(0, 6));
  await expect(accounts.rows()).toHaveCount(1);
  await expect(accounts.rows().first()).toContainText('ТОО «Алатау Софт»');
  await accounts.search().fill('buh@alatau');
  await expect(accounts.rows()).toHaveCount(1);
  await accounts.search().fill('нет такого клиента');
  await expect(page.getByText('Ничего не найдено. Измените запрос.')).toBeVisible();

  await accounts.startNewAccount();
  await accountForm.fill({ kind: 'legal_entity', name: 'ТОО «Двойник»', iinBin: bin });
  await accountForm.submit();
  await expect(page.getByRole('alert').filter({ hasText: 'ТОО «Алатау Софт»' })).toBeVisible();
  await expect(accountForm.submitButton()).toBeEnabled();
});

test('an account is edited through the same form', async ({ frame, accountForm, page }) => {
  await frame.open('/accounts/new');
  await accountForm.fill({ kind: 'individual', name: 'Ерлан Қасымов', iinBin: '900101300017' });
  await accountForm.submit();
  await expect(frame.heading('Ерлан Қасымов')).toBeVisible();
  await page.getByRole('link', { name: 'Изменить' }).click();
  await accountForm.field('name').fill('Ерлан Қасымұлы');
  await page.getByRole('combobox', { name: 'Статус', exact: true }).selectOption('suspended');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(frame.heading('Ерлан Қасымұлы')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Данные клиента' })).toContainText('Приостановлен');
});
