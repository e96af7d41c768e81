import type { Locator, Page } from '@playwright/test';
import { LocalizedScreen, type Lang } from './LocalizedScreen';
import { rowWithLink, shownRows } from './tables';

export type CompensationStatus = 'requested' | 'approved' | 'rejected';

const TEXTS = {
  ru: {
    title: (service: string, start: string) => `${service}: инцидент с ${start}`,
    details: 'Сведения об инциденте',
    close: 'Закрыть инцидент',
    propose: 'Рассчитать компенсации',
    compensations: 'Компенсации',
    summary: 'Итоги по компенсациям',
    stat: { requested: 'На рассмотрении', approved: 'Одобрено', rejected: 'Отклонено' },
    filter: 'Показать строки',
    table: 'Компенсации по инциденту',
    approveAll: 'Одобрить все компенсации на рассмотрении',
    approveAllDialog: 'Одобрить все компенсации',
    approveAllSubmit: 'Одобрить все',
    approve: (client: string, amount: string) => `Одобрить компенсацию: ${client}, ${amount}`,
    approveDialog: 'Одобрение компенсации',
    approveSubmit: 'Одобрить и зачислить',
    reject: (client: string, amount: string) => `Отклонить компенсацию: ${client}, ${amount}`,
    rejectDialog: 'Отклонение компенсации',
    rejectReason: 'Причина отказа',
    rejectSubmit: 'Отклонить компенсацию',
    override: (client: string) => `Другая длительность: ${client}`,
    overrideDialog: 'Согласованная длительность простоя',
    overrideHours: 'Часы',
    overrideMinutes: 'Минуты',
    overrideReason: 'Причина изменения длительности',
    overridePreview: 'Расчёт с согласованной длительностью',
    overrideSubmit: 'Одобрить с новой длительностью',
  },
  kk: {
    title: (service: string, start: string) => `${service}: ${start} басталған инцидент`,
    details: 'Инцидент туралы мәліметтер',
    close: 'Инцидентті жабу',
    propose: 'Өтемақыны есептеу',
    compensations: 'Өтемақылар',
    summary: 'Өтемақы қорытындылары',
    stat: { requested: 'Қаралуда', approved: 'Мақұлданды', rejected: 'Қабылданбады' },
    filter: 'Көрсетілетін жолдар',
    table: 'Инцидент бойынша өтемақылар',
    approveAll: 'Барлығын мақұлдау: қаралудағы өтемақылар',
    approveAllDialog: 'Барлық өтемақыны мақұлдау',
    approveAllSubmit: 'Барлығын мақұлдау',
    approve: (client: string, amount: string) => `Өтемақыны мақұлдау: ${client}, ${amount}`,
    approveDialog: 'Өтемақыны мақұлдау',
    approveSubmit: 'Мақұлдау және есептеу',
    reject: (client: string, amount: string) => `Өтемақыны қабылдамау: ${client}, ${amount}`,
    rejectDialog: 'Өтемақыны қабылдамау',
    rejectReason: 'Бас тарту себебі',
    rejectSubmit: 'Өтемақыны қабылдамау',
    override: (client: string) => `Басқа ұзақтық: ${client}`,
    overrideDialog: 'Келісілген іркіліс ұзақтығы',
    overrideHours: 'Сағат',
    overrideMinutes: 'Минут',
    overrideReason: 'Ұзақтықты өзгерту себебі',
    overridePreview: 'Келісілген ұзақтықпен есеп',
    overrideSubmit: 'Жаңа ұзақтықпен мақұлдау',
  },
} as const;

/** One incident's page (`/incidents/:id`): its facts, the compensation totals, table and decision dialogs, in either language. */
export class IncidentPageScreen extends LocalizedScreen<(typeof TEXTS)[Lang]> {
  constructor(page: Page, lang: Lang = 'ru') {
    super(page, lang, TEXTS);
  }

  /** The heading: "<service>: incident from <dd.mm.yyyy hh:mm>". */
  heading(service: string, start: string): Locator {
    return this.pageHeading(this.texts.title(service, start));
  }

  /** A fact of the incident: the details table's row whose header is `label`. */
  detail(label: string): Locator {
    return this.page.getByRole('table', { name: this.texts.details, exact: true }).getByRole('row', { name: new RegExp(`^${label}`) });
  }

  closeButton(): Locator {
    return this.page.getByRole('button', { name: this.texts.close, exact: true });
  }

  proposeButton(): Locator {
    return this.page.getByRole('button', { name: this.texts.propose, exact: true });
  }

  compensations(): Locator {
    return this.page.getByRole('region', { name: this.texts.compensations, exact: true });
  }

  /** A total per status: its amount (`stat-value`) and its line count (`stat-note`). */
  stat(status: CompensationStatus): { amount: Locator; lines: Locator } {
    const group = this.compensations().getByRole('group', { name: this.texts.summary }).getByRole('group', { name: this.texts.stat[status], exact: true });
    return { amount: group.getByTestId('stat-value'), lines: group.getByTestId('stat-note') };
  }

  statusFilter(): Locator {
    return this.compensations().getByRole('combobox', { name: this.texts.filter, exact: true });
  }

  table(): Locator {
    return this.page.getByRole('table', { name: this.texts.table, exact: true });
  }

  /** The rendered lines (the table is virtualized: spacer rows are aria-hidden). */
  rows(): Locator {
    return shownRows(this.table());
  }

  /** The line of a client, found by the link to the account. */
  row(client: string): Locator {
    return rowWithLink(this.table(), client);
  }

  approveAllButton(): Locator {
    return this.page.getByRole('button', { name: this.texts.approveAll, exact: true });
  }

  approveAllDialog(): Locator {
    return this.page.getByRole('dialog', { name: this.texts.approveAllDialog });
  }

  async approveAll(): Promise<Locator> {
    await this.approveAllButton().click();
    return this.approveAllDialog();
  }

  approveButton(client: string, amount: string): Locator {
    return this.page.getByRole('button', { name: this.texts.approve(client, amount), exact: true });
  }

  approveDialog(): Locator {
    return this.page.getByRole('dialog', { name: this.texts.approveDialog });
  }

  rejectButton(client: string, amount: string): Locator {
    return this.page.getByRole('button', { name: this.texts.reject(client, amount), exact: true });
  }

  rejectDialog(): Locator {
    return this.page.getByRole('dialog', { name: this.texts.rejectDialog });
  }

  overrideButton(client: string): Locator {
    return this.page.getByRole('button', { name: this.texts.override(client), exact: true });
  }

  overrideDialog(): Locator {
    return this.page.getByRole('dialog', { name: this.texts.overrideDialog });
  }

  /** The override dialog's preview: the row of one quantity ("Будет зачислено 450,00 ₸"). */
  overridePreviewRow(label: string): Locator {
    return this.overrideDialog().getByRole('table', { name: this.texts.overridePreview }).getByRole('row', { name: new RegExp(`^${label}`) });
  }

  /** Opens the override dialog of a line and types the agreed duration (not the reason, not submitted). */
  async typeOverride(client: string, hours: number, minutes: number): Promise<Locator> {
    await this.overrideButton(client).click();
    const dialog = this.overrideDialog();
    await dialog.getByRole('textbox', { name: this.texts.overrideHours }).fill(String(hours));
    await dialog.getByRole('textbox', { name: this.texts.overrideMinutes }).fill(String(minutes));
    return dialog;
  }

  async submitOverride(reason: string): Promise<void> {
    const dialog = this.overrideDialog();
    await dialog.getByRole('textbox', { name: this.texts.overrideReason }).fill(reason);
    await dialog.getByRole('button', { name: this.texts.overrideSubmit }).click();
  }

  /** Opens the reject dialog of a line; returns it (the reason is typed by the caller). */
  async openReject(client: string, amount: string): Promise<Locator> {
    await this.rejectButton(client, amount).click();
    return this.rejectDialog();
  }

  rejectReason(): Locator {
    return this.rejectDialog().getByRole('textbox', { name: this.texts.rejectReason });
  }

  rejectSubmit(): Locator {
    return this.rejectDialog().getByRole('button', { name: this.texts.rejectSubmit });
  }

  approveAllSubmit(): Locator {
    return this.approveAllDialog().getByRole('button', { name: this.texts.approveAllSubmit, exact: true });
  }
}
