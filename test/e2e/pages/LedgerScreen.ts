import type { Locator, Page } from '@playwright/test';
import { LocalizedScreen, type Lang } from './LocalizedScreen';
import { shownRows } from './tables';

const TEXTS = {
  ru: {
    from: 'Дата с',
    to: 'Дата по',
    kind: 'Вид операции',
    bucket: 'Счёт',
    service: 'Услуга',
    thisMonth: 'Текущий месяц',
    totals: 'Итоги по видам операций',
    entries: 'Операции всех клиентов',
    total: 'Итого',
  },
  kk: {
    from: 'Күннен бастап',
    to: 'Күнге дейін',
    kind: 'Операция түрі',
    bucket: 'Шот',
    service: 'Қызмет',
    thisMonth: 'Ағымдағы ай',
    totals: 'Операция түрлері бойынша қорытынды',
    entries: 'Барлық клиенттердің операциялары',
    total: 'Барлығы',
  },
} as const;

/** The ledger section (all clients): filters, totals per kind, the entries. */
export class LedgerScreen extends LocalizedScreen<(typeof TEXTS)[Lang]> {
  constructor(page: Page, lang: Lang = 'ru') {
    super(page, lang, TEXTS);
  }

  from(): Locator {
    return this.page.getByLabel(this.texts.from, { exact: true });
  }

  to(): Locator {
    return this.page.getByLabel(this.texts.to, { exact: true });
  }

  select(name: 'kind' | 'bucket' | 'service'): Locator {
    return this.page.getByRole('combobox', { name: this.texts[name], exact: true });
  }

  thisMonth(): Locator {
    return this.page.getByRole('button', { name: this.texts.thisMonth });
  }

  totals(): Locator {
    return this.page.getByRole('table', { name: this.texts.totals });
  }

  /** A kind's row of the totals (its header cell names it), or the total row. */
  totalsRow(kind: string): Locator {
    return this.totals().getByRole('row', { name: new RegExp(`^${kind}`) });
  }

  entries(): Locator {
    return this.page.getByRole('table', { name: this.texts.entries });
  }

  entryRows(): Locator {
    return shownRows(this.entries());
  }
}
