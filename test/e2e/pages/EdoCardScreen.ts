import { expect, type Locator, type Page } from '@playwright/test';
import { LocalizedScreen, type Lang } from './LocalizedScreen';

const TEXTS = {
  ru: {
    card: 'Учет.ЭДО',
    accessTable: 'Доступ к Учет.ЭДО по оплаченным годам',
    usageTable: 'Документы по месяцам',
    usageForm: 'Внести количество документов',
    month: 'Месяц',
    documents: 'Исходящих документов',
    save: 'Внести',
    exceeded: 'Лимит документов превышен',
  },
  kk: {
    card: 'Учет.ЭДО',
    accessTable: 'Төленген жылдар бойынша Учет.ЭДО рұқсаттамасы',
    usageTable: 'Айлар бойынша құжаттар',
    usageForm: 'Құжаттар санын енгізу',
    month: 'Ай',
    documents: 'Шығыс құжаттар',
    save: 'Енгізу',
    exceeded: 'Құжаттар лимитінен асып кетті',
  },
} as const;

/** The account page's Uchet.EDO card of one subscription (named by its tariff), in either language. */
export class EdoCardScreen extends LocalizedScreen<(typeof TEXTS)[Lang]> {
  constructor(
    page: Page,
    readonly tariff: string,
    lang: Lang = 'ru',
  ) {
    super(page, lang, TEXTS);
  }

  card(): Locator {
    return this.page.getByRole('region', { name: `${this.texts.card}: ${this.tariff}`, exact: true });
  }

  /** The access row of a paid year (`05.03.2026 – 04.03.2027`). */
  accessRow(period: string): Locator {
    return this.card().getByRole('table', { name: `${this.texts.accessTable}: ${this.tariff}` }).getByRole('row', { name: new RegExp(`^${period}`) });
  }

  /** Clicks the row's next step ("<action>: <period>") and returns its dialog (titled `dialog`). */
  async openStep(action: string, period: string, dialog: string): Promise<Locator> {
    await this.card().getByRole('button', { name: `${action}: ${period}`, exact: true }).click();
    const opened = this.page.getByRole('dialog', { name: dialog, exact: true });
    await expect(opened).toBeVisible();
    return opened;
  }

  usageRows(): Locator {
    return this.card().getByRole('table', { name: `${this.texts.usageTable}: ${this.tariff}` }).locator('tbody tr');
  }

  async enterUsage(month: string, documents: string): Promise<void> {
    const form = this.card().getByRole('form', { name: `${this.texts.usageForm}: ${this.tariff}` });
    await form.getByLabel(this.texts.month, { exact: true }).fill(month);
    await form.getByRole('textbox', { name: this.texts.documents, exact: true }).fill(documents);
    await form.getByRole('button', { name: this.texts.save, exact: true }).click();
  }

  usageForm(): Locator {
    return this.card().getByRole('form', { name: `${this.texts.usageForm}: ${this.tariff}` });
  }

  suggestion(): Locator {
    return this.card().getByRole('region', { name: this.texts.exceeded, exact: true });
  }
}
