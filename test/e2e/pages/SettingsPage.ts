import { expect, type Locator, type Page } from '@playwright/test';

const TEXTS = {
  ru: { size: 'Количество клиентов', load: 'Загрузить', language: 'Язык интерфейса' },
  kk: { size: 'Клиенттер саны', load: 'Жүктеу', language: 'Интерфейс тілі' },
} as const;

export class SettingsPage {
  constructor(readonly page: Page) {}

  languageSelect(lang: 'kk' | 'ru'): Locator {
    return this.page.getByRole('combobox', { name: TEXTS[lang].language, exact: true });
  }

  /** Generates demo data of the given size and waits until the job has finished. */
  async loadDemoData(size: number, lang: 'kk' | 'ru' = 'ru'): Promise<void> {
    await this.page.getByRole('textbox', { name: TEXTS[lang].size, exact: true }).fill(String(size));
    const load = this.page.getByRole('button', { name: TEXTS[lang].load, exact: true });
    await load.click();
    await expect(this.page.getByRole('status')).toBeVisible({ timeout: 60_000 });
  }
}
