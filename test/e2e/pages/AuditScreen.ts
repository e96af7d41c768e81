import { expect, type Locator, type Page } from '@playwright/test';
import { LocalizedScreen, type Lang } from './LocalizedScreen';
import { rowWithLink, shownRows } from './tables';

const TEXTS = {
  ru: {
    nav: 'Аудит',
    heading: 'Аудит',
    table: 'Записи аудита',
    filters: 'Отбор записей аудита',
    actor: 'Сотрудник',
    command: 'Действие',
    record: 'Запись',
    from: 'Дата с',
    to: 'Дата по',
    reset: 'Сбросить отбор',
    details: 'Подробно',
    close: 'Закрыть',
    postings: 'Операции по счетам клиентов',
    history: 'История изменений',
    showHistory: 'Показать историю',
    commands: { recordPayment: 'Приём оплаты', createAccount: 'Создание клиента', createStaffUser: 'Добавление сотрудника', signIn: 'Вход в программу' },
    payment: { open: 'Внести платёж', dialog: 'Внести платёж', amount: 'Сумма, ₸', date: 'Дата платежа', submit: 'Сохранить платёж' },
    ledgerKind: { payment: 'Оплата' },
    bucket: { money: 'Деньги' },
  },
  kk: {
    nav: 'Аудит',
    heading: 'Аудит',
    table: 'Аудит жазбалары',
    filters: 'Аудит жазбаларын іріктеу',
    actor: 'Қызметкер',
    command: 'Әрекет',
    record: 'Жазба',
    from: 'Күннен бастап',
    to: 'Күнге дейін',
    reset: 'Іріктеуді тазарту',
    details: 'Толығырақ',
    close: 'Жабу',
    postings: 'Клиент шоттары бойынша операциялар',
    history: 'Өзгерістер тарихы',
    showHistory: 'Тарихты көрсету',
    commands: { recordPayment: 'Төлемді тіркеу', createAccount: 'Клиентті құру', createStaffUser: 'Қызметкерді қосу', signIn: 'Бағдарламаға кіру' },
    payment: { open: 'Төлем енгізу', dialog: 'Төлем енгізу', amount: 'Сомасы, ₸', date: 'Төлем күні', submit: 'Төлемді сақтау' },
    ledgerKind: { payment: 'Төлем' },
    bucket: { money: 'Ақша' },
  },
} as const;

type CommandKey = keyof (typeof TEXTS)['ru']['commands'];

/** The Audit section (manager and admin), its details dialog, and a record page's History card, in either language. */
export class AuditScreen extends LocalizedScreen<(typeof TEXTS)[Lang]> {
  constructor(page: Page, lang: Lang = 'ru') {
    super(page, lang, TEXTS);
  }

  navLink(): Locator {
    return this.navbarLink(this.texts.nav);
  }

  heading(): Locator {
    return this.pageHeading(this.texts.heading);
  }

  table(): Locator {
    return this.page.getByRole('table', { name: this.texts.table, exact: true });
  }

  rows(): Locator {
    return shownRows(this.table());
  }

  /** Rows naming this record (its link, e.g. the client's name). */
  rowsOf(recordName: string): Locator {
    return rowWithLink(this.table(), recordName);
  }

  commandName(command: CommandKey): string {
    return this.texts.commands[command];
  }

  filters(): Locator {
    return this.page.getByRole('search', { name: this.texts.filters, exact: true });
  }

  async filterByActor(label: string): Promise<void> {
    await this.filters().getByRole('combobox', { name: this.texts.actor, exact: true }).selectOption({ label });
  }

  async filterByCommand(command: CommandKey): Promise<void> {
    await this.filters().getByRole('combobox', { name: this.texts.command, exact: true }).selectOption({ label: this.commandName(command) });
  }

  /** Types part of a client's name into the record filter and picks the client. */
  async filterByClient(typed: string, name: string): Promise<void> {
    const input = this.filters().getByLabel(this.texts.record, { exact: true });
    await input.fill(typed);
    await this.page.getByRole('option', { name, exact: true }).click();
    await expect(input).toHaveValue(name);
  }

  async resetFilters(): Promise<void> {
    await this.filters().getByRole('button', { name: this.texts.reset, exact: true }).click();
  }

  /** Opens a row's details dialog; returns it. */
  async openDetails(row: Locator): Promise<Locator> {
    await row.getByRole('button').click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    return dialog;
  }

  postingsTable(scope: Locator): Locator {
    return scope.getByRole('table', { name: this.texts.postings, exact: true });
  }

  async closeDetails(dialog: Locator): Promise<void> {
    await dialog.getByRole('button', { name: this.texts.close, exact: true }).last().click();
    await expect(dialog).toBeHidden();
  }

  /** A record page's History card, opened. */
  async openHistory(): Promise<Locator> {
    const card = this.page.getByRole('region', { name: this.texts.history, exact: true });
    await card.getByRole('button', { name: this.texts.showHistory, exact: true }).click();
    return card;
  }

  /** On an account page (open): records a payment of `amount` (as typed) on `date`. */
  async recordPayment(amount: string, date: string): Promise<void> {
    const p = this.texts.payment;
    await this.page.getByRole('button', { name: p.open, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: p.dialog, exact: true });
    await dialog.getByRole('textbox', { name: p.amount, exact: true }).fill(amount);
    await dialog.getByLabel(p.date).fill(date);
    await dialog.getByRole('button', { name: p.submit, exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}
