import { expect, type Locator, type Page } from '@playwright/test';
import { LocalizedScreen, type Lang } from './LocalizedScreen';
import { rowWithLink, shownRows } from './tables';

const TEXTS = {
  ru: {
    heading: 'Инциденты',
    nav: 'Инциденты',
    newIncident: 'Новый инцидент',
    service: 'Услуга',
    startDate: 'Дата начала',
    startTime: 'Время начала',
    ongoing: 'Инцидент ещё продолжается (окончание неизвестно)',
    endDate: 'Дата окончания',
    endTime: 'Время окончания',
    cause: 'Причина',
    announcedDate: 'Дата объявления работ',
    announcedTime: 'Время объявления работ',
    affected: 'Затронутые подписки',
    chosen: 'Только выбранные подписки',
    subscriptions: 'Подписки',
    source: 'Источник',
    notes: 'Примечания',
    record: 'Зарегистрировать инцидент',
    closeDialog: 'Закрыть инцидент',
    closeSubmit: 'Закрыть инцидент',
    closeRow: 'Закрыть инцидент',
    openRow: 'Инцидент',
    startWord: 'начало',
    done: 'Готово',
    table: 'Инциденты',
    filters: { service: 'Услуга', month: 'Месяц начала', cause: 'Причина', status: 'Статус' },
    availability: 'Доступность услуг',
    year: 'Год',
  },
  kk: {
    heading: 'Инциденттер',
    nav: 'Инциденттер',
    newIncident: 'Жаңа инцидент',
    service: 'Қызмет',
    startDate: 'Басталған күні',
    startTime: 'Басталған уақыты',
    ongoing: 'Инцидент әлі жалғасуда (аяқталу уақыты белгісіз)',
    endDate: 'Аяқталған күні',
    endTime: 'Аяқталған уақыты',
    cause: 'Себебі',
    announcedDate: 'Жұмыстар хабарланған күн',
    announcedTime: 'Жұмыстар хабарланған уақыт',
    affected: 'Зардап шеккен жазылымдар',
    chosen: 'Тек таңдалған жазылымдар',
    subscriptions: 'Жазылымдар',
    source: 'Дереккөзі',
    notes: 'Ескертпелер',
    record: 'Инцидентті тіркеу',
    closeDialog: 'Инцидентті жабу',
    closeSubmit: 'Инцидентті жабу',
    closeRow: 'Инцидентті жабу',
    openRow: 'Инцидент',
    startWord: 'басталуы',
    done: 'Дайын',
    table: 'Инциденттер',
    filters: { service: 'Қызмет', month: 'Басталған айы', cause: 'Себебі', status: 'Мәртебесі' },
    availability: 'Қызметтердің қолжетімділігі',
    year: 'Жыл',
  },
} as const;

export interface IncidentInput {
  service: string;
  start: { date: string; time: string };
  /** Omitted: the incident is still going on. */
  end?: { date: string; time: string };
  cause: string;
  announced?: { date: string; time: string };
  /** Options of the subscription picker ("<client> — <tariff>"); omitted: every active subscription of the service. */
  chosen?: string[];
  notes?: string;
}

/** The Incidents section (availability, the list, its filters) and its two dialogs, in either language. */
export class IncidentsScreen extends LocalizedScreen<(typeof TEXTS)[Lang]> {
  constructor(page: Page, lang: Lang = 'ru') {
    super(page, lang, TEXTS);
  }

  heading(): Locator {
    return this.pageHeading(this.texts.heading);
  }

  /** Back to the list through the navbar (no reload: the app clock runs on). */
  async openFromMenu(): Promise<void> {
    await this.openThroughNavbar(this.texts.nav, this.heading());
  }

  newIncidentButton(): Locator {
    return this.page.getByRole('button', { name: this.texts.newIncident, exact: true });
  }

  recordDialog(): Locator {
    return this.page.getByRole('dialog', { name: this.texts.newIncident });
  }

  closeDialog(): Locator {
    return this.page.getByRole('dialog', { name: this.texts.closeDialog });
  }

  /** The live 48-hour verdict of the record dialog. */
  noticeStatus(): Locator {
    return this.recordDialog().getByRole('status');
  }

  /** Opens the dialog and fills it; does not submit. */
  async fillRecord(input: IncidentInput): Promise<Locator> {
    await this.newIncidentButton().click();
    const dialog = this.recordDialog();
    const { texts } = this;
    await dialog.getByRole('combobox', { name: texts.service }).selectOption({ label: input.service });
    await dialog.getByLabel(texts.startDate).fill(input.start.date);
    await dialog.getByLabel(texts.startTime).fill(input.start.time);
    if (input.end) {
      await dialog.getByLabel(texts.endDate).fill(input.end.date);
      await dialog.getByLabel(texts.endTime).fill(input.end.time);
    } else {
      await dialog.getByRole('checkbox', { name: texts.ongoing }).check();
    }
    await dialog.getByRole('combobox', { name: texts.cause }).selectOption({ label: input.cause });
    if (input.announced) {
      await dialog.getByLabel(texts.announcedDate).fill(input.announced.date);
      await dialog.getByLabel(texts.announcedTime).fill(input.announced.time);
    }
    if (input.chosen) {
      await this.chooseOnly();
      for (const option of input.chosen) await this.pick(option);
    }
    if (input.notes) await dialog.getByRole('textbox', { name: texts.notes }).fill(input.notes);
    return dialog;
  }

  /** "Only the chosen subscriptions" instead of every active one. */
  async chooseOnly(): Promise<void> {
    await this.recordDialog().getByRole('radiogroup', { name: this.texts.affected }).getByRole('radio', { name: this.texts.chosen }).check();
  }

  /** Picks one subscription in the searchable picker by typing the start of its label. */
  async pick(option: string): Promise<void> {
    const picker = this.recordDialog().getByRole('combobox', { name: this.texts.subscriptions, exact: true });
    await picker.fill(option.slice(0, 6));
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** Submits the record dialog; the incident's page opens. Returns its id. */
  async submitRecord(): Promise<string> {
    const dialog = this.recordDialog();
    await dialog.getByRole('button', { name: this.texts.record }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page).toHaveURL(/#\/incidents\/[^/?]+$/);
    return new URL(this.page.url()).hash.replace('#/incidents/', '');
  }

  async record(input: IncidentInput): Promise<string> {
    await this.fillRecord(input);
    return this.submitRecord();
  }

  table(): Locator {
    return this.page.getByRole('table', { name: this.texts.table, exact: true });
  }

  rows(): Locator {
    return shownRows(this.table());
  }

  /** The row of an incident, found by its link ("Incident: <service>, start <dd.mm.yyyy hh:mm>"). */
  row(service: string, start: string): Locator {
    return rowWithLink(this.table(), `${this.texts.openRow}: ${service}, ${this.texts.startWord} ${start}`);
  }

  closeButton(service: string, start: string): Locator {
    return this.page.getByRole('button', { name: `${this.texts.closeRow}: ${service}, ${this.texts.startWord} ${start}`, exact: true });
  }

  filter(name: 'service' | 'cause' | 'status'): Locator {
    return this.page.getByRole('search').getByRole('combobox', { name: this.texts.filters[name], exact: true });
  }

  monthFilter(): Locator {
    return this.page.getByRole('search').getByLabel(this.texts.filters.month, { exact: true });
  }

  availability(): Locator {
    return this.page.getByRole('region', { name: this.texts.availability });
  }

  /** A service's row of the availability table (its header cell names it). */
  availabilityRow(service: string): Locator {
    return this.availability().getByRole('row', { name: new RegExp(`^${service}`) });
  }
}
