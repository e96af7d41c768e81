import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeIinBin } from '../../shared/billing/iinBin';
import { expect, test, type Page } from './fixtures';
import type { AccountFormPage } from './pages/AccountFormPage';
import type { AppFrame } from './pages/AppFrame';

/** Settings → Backups in browser mode: back up (a download), change something, restore (an upload): the change is gone. */

const dir = mkdtempSync(join(tmpdir(), 'esep-backup-e2e-'));

function validBin(seed: number): string {
  for (let n = seed; ; n += 1) {
    const bin = makeIinBin(`1204400${String(n).padStart(4, '0')}`);
    if (bin) return bin;
  }
}

async function createAccount(frame: AppFrame, accountForm: AccountFormPage, name: string, bin: string, lang: 'kk' | 'ru' = 'ru') {
  await frame.openRoute('/accounts/new');
  await accountForm.fill({ kind: 'legal_entity', name, iinBin: bin }, lang);
  await accountForm.submit(lang);
  await expect(frame.heading(name)).toBeVisible();
}

/** Clicks `button` and saves the download it starts; returns the file's path. */
async function download(page: Page, click: () => Promise<void>): Promise<{ path: string; name: string }> {
  const started = page.waitForEvent('download');
  await click();
  const file = await started;
  const path = join(dir, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

async function chooseFile(page: Page, button: ReturnType<Page['getByRole']>, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await button.click();
  await (await chooser).setFiles(path);
}

test('in Russian: a backup is downloaded, a client added afterwards is gone after restoring it, and a copy of the replaced data is saved first', async ({ frame, accountForm, accounts, page }) => {
  await frame.open('/settings');
  await createAccount(frame, accountForm, 'ТОО «До копии»', validBin(10));

  await frame.openRoute('/settings');
  const card = page.getByRole('region', { name: 'Резервные копии' });
  await expect(card.getByTestId('backup-encryption')).toHaveText(/Копии не шифруются/);
  const backup = await download(page, () => card.getByRole('button', { name: 'Создать копию сейчас' }).click());
  expect(backup.name).toMatch(/^esep-backoffice-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.esepbak$/);
  await expect(card.getByRole('status')).toHaveText('Копия сохранена');
  const header = JSON.parse(readFileSync(backup.path, 'utf8').split('\n', 1)[0]!) as { format: string; tables: Record<string, number> };
  expect(header).toMatchObject({ format: 'esep-backup', tables: { accounts: 1 } });

  await createAccount(frame, accountForm, 'ТОО «После копии»', validBin(20));
  await frame.goTo('Клиенты');
  await expect(accounts.total).toHaveText('Всего 2 клиента');

  await frame.goTo('Настройки');
  await chooseFile(page, card.getByRole('button', { name: 'Файл копии' }), backup.path);
  await card.getByRole('button', { name: 'Восстановить из копии…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Восстановить базу из копии?' });
  await expect(confirm).toContainText(backup.name);
  await expect(confirm.getByRole('checkbox', { name: 'Сначала сохранить копию текущих данных' })).toBeChecked();
  const before = await download(page, () => confirm.getByRole('button', { name: 'Заменить всё данными копии' }).click());
  await expect(confirm).toBeHidden();
  await expect(card.getByRole('status').filter({ hasText: 'Восстановлено' })).toBeVisible();
  // The copy taken first holds the client that the restore removed.
  expect(JSON.parse(readFileSync(before.path, 'utf8').split('\n', 1)[0]!)).toMatchObject({ tables: { accounts: 2 } });

  await frame.goTo('Клиенты');
  await expect(accounts.total).toHaveText('Всего 1 клиент');
  await expect(accounts.rows()).toHaveCount(1);
  await expect(accounts.rows().first()).toContainText('ТОО «До копии»');
});

test('in Kazakh: a damaged or foreign file is refused with the reason and nothing changes; an encrypted backup asks for its password', async ({ frame, accountForm, accounts, page }) => {
  await frame.open('/settings');
  await frame.switchLanguage('ru', 'kk');
  await createAccount(frame, accountForm, 'ЖШС «Көшірме»', validBin(30), 'kk');
  await frame.openRoute('/settings');
  const card = page.getByRole('region', { name: 'Резервтік көшірмелер' });

  // A backup password: every file after it is encrypted.
  await card.getByLabel('Көшірмелердің жаңа құпиясөзі').fill('құпия-сөз-2026');
  await card.getByLabel('Құпиясөзді қайталаңыз').fill('құпия-сөз-2026');
  await card.getByRole('button', { name: 'Құпиясөз беру' }).click();
  await expect(card.getByTestId('backup-encryption')).toHaveText(/Көшірмелер құпиясөзбен шифрланады/);
  const backup = await download(page, () => card.getByRole('button', { name: 'Қазір көшірме жасау' }).click());
  const bytes = readFileSync(backup.path);
  expect(JSON.parse(bytes.toString('utf8').split('\n', 1)[0]!)).toMatchObject({ encryption: { cipher: 'AES-256-GCM' } });

  // One flipped byte in the body: refused as damaged.
  const flipped = Buffer.from(bytes);
  flipped[flipped.length - 200]! ^= 0x04;
  const damaged = join(dir, 'damaged.esepbak');
  writeFileSync(damaged, flipped);
  const restore = async (path: string) => {
    await chooseFile(page, card.getByRole('button', { name: 'Көшірме файлы' }), path);
    await card.getByRole('button', { name: 'Көшірмеден қалпына келтіру…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Базаны көшірмеден қалпына келтіру керек пе?' });
    await confirm.getByRole('checkbox', { name: 'Алдымен ағымдағы деректердің көшірмесін сақтау' }).uncheck();
    await confirm.getByRole('button', { name: 'Бәрін көшірме деректерімен ауыстыру' }).click();
    await expect(confirm).toBeHidden();
  };
  await restore(damaged);
  await expect(card.getByRole('alert')).toContainText('Резервтік көшірме файлы бүлінген немесе қиылған');

  const foreign = join(dir, 'foreign.esepbak');
  writeFileSync(foreign, '%PDF-1.7\n');
  await restore(foreign);
  await expect(card.getByRole('alert')).toContainText('Бұл Esep Back-office резервтік көшірмесі емес');

  // Another password typed for the file: refused; the installation's own key opens it.
  await card.getByLabel('Көшірме құпиясөзі').fill('басқа-құпиясөз');
  await restore(backup.path);
  await expect(card.getByRole('alert')).toContainText('Резервтік көшірме құпиясөзі қате');
  await card.getByLabel('Көшірме құпиясөзі').fill('');
  await restore(backup.path);
  await expect(card.getByRole('status').filter({ hasText: 'Қалпына келтірілді' })).toBeVisible();

  await frame.goTo('Клиенттер');
  await expect(accounts.total).toHaveText('Барлығы 1 клиент');
  await expect(page.getByRole('table', { name: 'Клиенттер тізімі' }).getByRole('link', { name: 'ЖШС «Көшірме»' })).toBeVisible();
});
