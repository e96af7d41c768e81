import { test as base, expect, type Page } from '@playwright/test';
import { AccountFormPage } from './pages/AccountFormPage';
import { AccountPage } from './pages/AccountPage';
import { AccountsListPage } from './pages/AccountsListPage';
import { AppFrame } from './pages/AppFrame';
import { signInAfterLoad } from './pages/AuthScreens';
import { SettingsPage } from './pages/SettingsPage';

const LOCAL_ORIGIN = /^(http:\/\/localhost:4173\/|data:|blob:http:\/\/localhost:4173\/)/;

interface Options {
  /**
   * On by default: after every `page.goto` and `page.reload` of the app the
   * page is signed in as TEST_ADMIN — on a fresh browser context (an empty
   * database) by the first-start setup, after a reload by the sign-in
   * screen (the session is in memory only). Tests about the setup or the
   * sign-in itself turn it off with `test.use({ autoSignIn: false })`.
   */
  autoSignIn: boolean;
}

interface Fixtures {
  frame: AppFrame;
  accounts: AccountsListPage;
  accountForm: AccountFormPage;
  account: AccountPage;
  settings: SettingsPage;
  /** Every request the page made; checked after each test: nothing may leave the machine. */
  requests: string[];
}

export const test = base.extend<Fixtures & Options>({
  autoSignIn: [true, { option: true }],
  page: async ({ page, autoSignIn }, use) => {
    if (autoSignIn) {
      const goto = page.goto.bind(page);
      const reload = page.reload.bind(page);
      page.goto = async (url, options) => {
        const response = await goto(url, options);
        await signInAfterLoad(page);
        return response;
      };
      page.reload = async (options) => {
        const response = await reload(options);
        await signInAfterLoad(page);
        return response;
      };
    }
    await use(page);
  },
  requests: [
    async ({ page }, use) => {
      const urls: string[] = [];
      page.on('request', (request) => urls.push(request.url()));
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      // Console errors include CSP violations and failed loads, which would otherwise pass unnoticed.
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await use(urls);
      expect(urls.length, 'the app loaded something').toBeGreaterThan(0);
      expect(urls.filter((url) => !LOCAL_ORIGIN.test(url)), 'requests that left the origin').toEqual([]);
      expect(errors, 'uncaught page errors and console errors').toEqual([]);
    },
    { auto: true },
  ],
  frame: async ({ page }, use) => use(new AppFrame(page)),
  accounts: async ({ page }, use) => use(new AccountsListPage(page)),
  accountForm: async ({ page }, use) => use(new AccountFormPage(page)),
  account: async ({ page }, use) => use(new AccountPage(page)),
  settings: async ({ page }, use) => use(new SettingsPage(page)),
});

export { expect };
export type { Page };

/** The no-break space Intl puts between digit groups and before ₸. */
export const NBSP = '\u00a0';

/** `15 000,50 ₸` as the app shows it (no-break spaces). */
export function tenge(text: string): string {
  return `${text.replace(/ /g, NBSP)}${NBSP}₸`;
}
