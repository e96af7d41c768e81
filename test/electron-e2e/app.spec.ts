import path from 'node:path';
import os from 'node:os';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { signInAfterLoad } from '../e2e/pages/AuthScreens';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const readLocale = (lang: 'kk' | 'ru', namespace: string) =>
  JSON.parse(readFileSync(path.join(repoRoot, 'locales', lang, `${namespace}.json`), 'utf8')) as Record<string, Record<string, string>>;
const menu = { kk: readLocale('kk', 'menu'), ru: readLocale('ru', 'menu') };
const accounts = { kk: readLocale('kk', 'accounts'), ru: readLocale('ru', 'accounts') };

let app: ElectronApplication;
let page: Page;
let userDataDir: string;

async function launch(...extraArgs: string[]): Promise<void> {
  userDataDir = await mkdtemp(path.join(os.tmpdir(), 'esep-electron-e2e-'));
  app = await electron.launch({ args: ['.', `--user-data-dir=${userDataDir}`, ...extraArgs], cwd: repoRoot });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  // A fresh profile: the first-start setup creates the test admin and signs in (docs/staff.md).
  await signInAfterLoad(page);
}

test.afterEach(async () => {
  await app?.close();
  await rm(userDataDir, { recursive: true, force: true });
});

/** Clicks an application-menu item by its id, as a user would from the menu bar. */
async function clickMenuItem(id: string): Promise<void> {
  const found = await app.evaluate(({ Menu }, itemId) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById(itemId);
    item?.click();
    return item !== null && item !== undefined;
  }, id);
  expect(found, `menu item ${id}`).toBe(true);
}

const topMenuLabels = () => app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label) ?? []);

test('opens one secure window on app://backoffice with the title', async () => {
  await launch();
  await expect(page).toHaveTitle(/Esep/);
  expect(page.url()).toMatch(/^app:\/\/backoffice\/index\.html/);
  expect(app.windows()).toHaveLength(1);
  // No Node in the page; the bridge is exactly AppApi.
  expect(await page.evaluate(() => [typeof (globalThis as Record<string, unknown>).require, typeof (globalThis as Record<string, unknown>).process])).toEqual([
    'undefined',
    'undefined',
  ]);
  expect(await page.evaluate(() => Object.keys(window.api ?? {}).sort())).toEqual(['getAppInfo', 'onMenuCommand', 'saveFile', 'setLanguage']);
  expect(await page.evaluate(() => window.api?.getAppInfo())).toMatchObject({ shell: 'electron', name: 'Esep Back-office', demoRequested: null });
  // A request that would leave the machine is cancelled.
  expect(await page.evaluate(() => fetch('https://example.com/').then(() => 'loaded', () => 'blocked'))).toBe('blocked');
});

test('shows the accounts section and follows the menu', async () => {
  await launch();
  await clickMenuItem('navigate:accounts');
  await expect(page).toHaveURL(/#\/accounts/);
  const lang = (await page.locator('html').getAttribute('lang')) === 'ru' ? 'ru' : 'kk';
  await expect(page.getByRole('heading', { name: accounts[lang]?.list?.title })).toBeVisible();

  await clickMenuItem('navigate:settings');
  await expect(page).toHaveURL(/#\/settings/);
});

test('switches the language from the menu: the page and the menu follow', async () => {
  await launch();
  await clickMenuItem('language:ru');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await clickMenuItem('navigate:accounts');
  await expect(page.getByRole('heading', { name: accounts.ru?.list?.title })).toBeVisible();
  // The renderer told main (AppApi.setLanguage), which rebuilt the menu in Russian.
  await expect.poll(topMenuLabels).toContain(menu.ru.sections?.label);

  await clickMenuItem('language:kk');
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(page.getByRole('heading', { name: accounts.kk?.list?.title })).toBeVisible();
  await expect.poll(topMenuLabels).toContain(menu.kk.sections?.label);
});

test('passes --demo=N to the renderer', async () => {
  await launch('--demo=25');
  expect(await page.evaluate(() => window.api?.getAppInfo())).toMatchObject({ demoRequested: 25 });
});
