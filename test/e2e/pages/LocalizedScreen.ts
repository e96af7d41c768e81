import { expect, type Locator, type Page } from '@playwright/test';

export type Lang = 'kk' | 'ru';

/**
 * A page object whose texts are written out in both UI languages (from
 * locales/*, independently): `texts` are those of the language the test
 * runs in, Russian unless told.
 */
export abstract class LocalizedScreen<Texts> {
  readonly texts: Texts;

  protected constructor(
    readonly page: Page,
    readonly lang: Lang,
    textsByLang: Record<Lang, Texts>,
  ) {
    this.texts = textsByLang[lang];
  }

  /** The page's heading (h2) of exactly this text. */
  protected pageHeading(name: string): Locator {
    return this.page.getByRole('heading', { level: 2, name, exact: true });
  }

  /** The navbar's link of exactly this text. */
  protected navbarLink(name: string): Locator {
    return this.page.getByRole('navigation').getByRole('link', { name, exact: true });
  }

  /** To a section through its navbar link (no reload: the app clock runs on), until its heading shows. */
  protected async openThroughNavbar(name: string, heading: Locator): Promise<void> {
    await this.navbarLink(name).click();
    await expect(heading).toBeVisible();
  }
}
