import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

export type UiLanguage = 'kk' | 'ru';

const TEXTS = {
  ru: { save: 'Сохранить таблицы в файл', retry: 'Попробовать снова', saved: 'Таблицы сохранены в файл.', language: 'Язык' },
  kk: { save: 'Кестелерді файлға сақтау', retry: 'Қайталап көру', saved: 'Кестелер файлға сақталды.', language: 'Тіл' },
} as const;
const LANGUAGE_NAME = { kk: 'Қазақша', ru: 'Русский' } as const;

/** The start screen shown instead of the app when the database cannot be opened. */
export class StartupScreen {
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name, exact: true });
  }

  explanation(): Locator {
    return this.main.getByRole('alert');
  }

  saveButton(lang: UiLanguage = 'ru'): Locator {
    return this.main.getByRole('button', { name: TEXTS[lang].save, exact: true });
  }

  retryButton(lang: UiLanguage = 'ru'): Locator {
    return this.main.getByRole('button', { name: TEXTS[lang].retry, exact: true });
  }

  /** Clicks "save the tables", waits for the download (browser mode) and returns it parsed. */
  async saveRawTables(lang: UiLanguage = 'ru'): Promise<{ download: Download; json: unknown }> {
    const downloaded = this.page.waitForEvent('download');
    await this.saveButton(lang).click();
    const download = await downloaded;
    const json: unknown = JSON.parse(await readFile(await download.path(), 'utf8'));
    await expect(this.main.getByRole('status')).toHaveText(TEXTS[lang].saved);
    return { download, json };
  }

  async switchLanguage(from: UiLanguage, to: UiLanguage): Promise<void> {
    await this.main.getByRole('radiogroup', { name: TEXTS[from].language }).getByText(LANGUAGE_NAME[to], { exact: true }).click();
    await expect(this.page.locator('html')).toHaveAttribute('lang', to);
  }
}
