import { expect, type Locator, type Page } from '@playwright/test';

export type UiLanguage = 'kk' | 'ru';

const LANGUAGE_SWITCH = { kk: 'Тіл', ru: 'Язык' } as const;
const LANGUAGE_NAME = { kk: 'Қазақша', ru: 'Русский' } as const;

/** The app shell: header (product, date, language switch) and the section navbar. */
export class AppFrame {
  readonly header: Locator;
  readonly navigation: Locator;
  readonly headerDate: Locator;

  constructor(readonly page: Page) {
    this.header = page.getByRole('banner');
    this.navigation = page.getByRole('navigation');
    this.headerDate = page.getByTestId('header-date');
  }

  /** Opens a route (hash router) on a fresh page and waits until the shell is up. */
  async open(route = '/', query = ''): Promise<void> {
    await this.page.goto(`/${query}#${route}`);
    await expect(this.navigation).toBeVisible();
  }

  /** Same-page navigation (the hash only): a reload would end the session (the fixture would sign the admin in again). */
  async openRoute(route: string): Promise<void> {
    await this.page.evaluate((hash) => {
      location.hash = hash;
    }, `#${route}`);
  }

  navLink(name: string): Locator {
    return this.navigation.getByRole('link', { name, exact: true });
  }

  async goTo(section: string): Promise<void> {
    await this.navLink(section).click();
  }

  /** Switches with the header control, which is labelled in the current language. */
  async switchLanguage(from: UiLanguage, to: UiLanguage): Promise<void> {
    const group = this.header.getByRole('radiogroup', { name: LANGUAGE_SWITCH[from] });
    await group.getByText(LANGUAGE_NAME[to], { exact: true }).click();
    await expect(this.page.locator('html')).toHaveAttribute('lang', to);
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 2, name, exact: true });
  }
}
