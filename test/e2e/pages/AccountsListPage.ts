import type { Locator, Page } from '@playwright/test';
import { shownRows } from './tables';

/** Texts in the language the test runs in. */
export interface AccountsListTexts {
  search: string;
  newAccount: string;
  table: string;
}

export const ACCOUNTS_LIST_TEXTS: Record<'kk' | 'ru', AccountsListTexts> = {
  ru: { search: 'Поиск клиента', newAccount: 'Новый клиент', table: 'Список клиентов' },
  kk: { search: 'Клиентті іздеу', newAccount: 'Жаңа клиент', table: 'Клиенттер тізімі' },
};

export class AccountsListPage {
  readonly total: Locator;

  constructor(readonly page: Page) {
    this.total = page.getByTestId('accounts-total');
  }

  search(lang: 'kk' | 'ru' = 'ru'): Locator {
    return this.page.getByRole('searchbox', { name: ACCOUNTS_LIST_TEXTS[lang].search });
  }

  table(lang: 'kk' | 'ru' = 'ru'): Locator {
    return this.page.getByRole('table', { name: ACCOUNTS_LIST_TEXTS[lang].table });
  }

  columnHeaders(lang: 'kk' | 'ru' = 'ru'): Locator {
    return this.table(lang).getByRole('columnheader');
  }

  /** Data rows (the header row and the virtualizer's hidden spacer rows excluded). */
  rows(lang: 'kk' | 'ru' = 'ru'): Locator {
    return shownRows(this.table(lang));
  }

  async startNewAccount(lang: 'kk' | 'ru' = 'ru'): Promise<void> {
    await this.page.getByRole('link', { name: ACCOUNTS_LIST_TEXTS[lang].newAccount }).first().click();
  }
}
