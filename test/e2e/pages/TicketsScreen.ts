import { expect, type Locator, type Page } from '@playwright/test';
import { LocalizedScreen, type Lang } from './LocalizedScreen';
import { rowWithLink, shownRows } from './tables';

const TEXTS = {
  ru: {
    heading: 'Обращения',
    nav: 'Обращения',
    newTicket: 'Новое обращение',
    created: 'Обращение зарегистрировано',
    clientSearch: 'Поиск клиента',
    client: 'Клиент',
    subscription: 'Подписка',
    level: 'Уровень поддержки',
    subject: 'Тема',
    description: 'Описание',
    createdDate: 'Дата поступления',
    createdTime: 'Время поступления',
    assignee: 'Исполнитель',
    submit: 'Зарегистрировать обращение',
    done: 'Готово',
    openTicket: 'Открыть обращение',
    newDeadlines: 'Сроки нового обращения',
    response: 'Срок ответа',
    resolution: 'Срок решения',
    table: 'Обращения',
    rowLink: 'Обращение',
    filters: { service: 'Услуга', level: 'Уровень', status: 'Статус', assignee: 'Исполнитель' },
    reset: 'Сбросить отбор',
    deadlines: 'Сроки обращения',
    facts: 'Сведения об обращении',
    actions: 'Действия с обращением',
    waited: 'Ожидание клиента',
    linkedIncidents: 'Инциденты по обращению',
  },
  kk: {
    heading: 'Өтініштер',
    nav: 'Өтініштер',
    newTicket: 'Жаңа өтініш',
    created: 'Өтініш тіркелді',
    clientSearch: 'Клиентті іздеу',
    client: 'Клиент',
    subscription: 'Жазылым',
    level: 'Қолдау деңгейі',
    subject: 'Тақырыбы',
    description: 'Сипаттамасы',
    createdDate: 'Түскен күні',
    createdTime: 'Түскен уақыты',
    assignee: 'Орындаушы',
    submit: 'Өтінішті тіркеу',
    done: 'Дайын',
    openTicket: 'Өтінішті ашу',
    newDeadlines: 'Жаңа өтініштің мерзімдері',
    response: 'Жауап беру мерзімі',
    resolution: 'Шешу мерзімі',
    table: 'Өтініштер',
    rowLink: 'Өтініш',
    filters: { service: 'Қызмет', level: 'Деңгей', status: 'Мәртебесі', assignee: 'Орындаушы' },
    reset: 'Іріктеуді тазарту',
    deadlines: 'Өтініш мерзімдері',
    facts: 'Өтініш туралы мәліметтер',
    actions: 'Өтініш бойынша әрекеттер',
    waited: 'Клиентті күту',
    linkedIncidents: 'Өтініш бойынша инциденттер',
  },
} as const;

export interface TicketInput {
  /** Typed into the client search; omitted when the dialog opens from the client's page. */
  clientSearch?: string;
  /** The client option's label (`<name> — <IIN/BIN>`). */
  client?: string;
  /** The subscription option's label. */
  subscription: string;
  level: string;
  subject: string;
  description?: string;
  /** When the request came in (business time); omitted: now. */
  created?: { date: string; time: string };
  /** The assignee option's label. */
  assignee?: string;
}

/** The Tickets section, its New ticket dialog and one ticket's page, in either language. */
export class TicketsScreen extends LocalizedScreen<(typeof TEXTS)[Lang]> {
  constructor(page: Page, lang: Lang = 'ru') {
    super(page, lang, TEXTS);
  }

  heading(): Locator {
    return this.pageHeading(this.texts.heading);
  }

  /** To the list through the navbar (no reload: the app clock runs on). */
  async openFromMenu(): Promise<void> {
    await this.openThroughNavbar(this.texts.nav, this.heading());
  }

  newTicketButton(scope: Page | Locator = this.page): Locator {
    return scope.getByRole('button', { name: this.texts.newTicket, exact: true });
  }

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: this.texts.newTicket });
  }

  createdDialog(): Locator {
    return this.page.getByRole('dialog', { name: this.texts.created });
  }

  /** Opens the dialog (from the page or a region of it), fills it and submits; returns the dialog showing the new ticket's deadlines. */
  async create(input: TicketInput, scope: Page | Locator = this.page): Promise<Locator> {
    await this.newTicketButton(scope).click();
    const dialog = this.dialog();
    const { texts } = this;
    if (input.clientSearch !== undefined) {
      await dialog.getByRole('textbox', { name: texts.clientSearch, exact: true }).fill(input.clientSearch);
      await expect(dialog.getByRole('combobox', { name: texts.client, exact: true }).locator('option', { hasText: input.client ?? '' })).toHaveCount(1);
      await dialog.getByRole('combobox', { name: texts.client, exact: true }).selectOption({ label: input.client ?? '' });
    }
    await dialog.getByRole('combobox', { name: texts.subscription, exact: true }).selectOption({ label: input.subscription });
    await dialog.getByRole('combobox', { name: texts.level, exact: true }).selectOption({ label: input.level });
    await dialog.getByRole('textbox', { name: texts.subject, exact: true }).fill(input.subject);
    if (input.description) await dialog.getByRole('textbox', { name: texts.description, exact: true }).fill(input.description);
    if (input.created) {
      await dialog.getByLabel(texts.createdDate).fill(input.created.date);
      await dialog.getByLabel(texts.createdTime).fill(input.created.time);
    }
    if (input.assignee) await dialog.getByRole('combobox', { name: texts.assignee, exact: true }).selectOption({ label: input.assignee });
    await dialog.getByRole('button', { name: texts.submit, exact: true }).click();
    const created = this.createdDialog();
    await expect(created).toBeVisible();
    return created;
  }

  /** The response and resolution deadlines the created dialog shows. */
  createdDeadline(which: 'response' | 'resolution'): Locator {
    return this.createdDialog().getByRole('table', { name: this.texts.newDeadlines }).getByRole('row', { name: new RegExp(`^${this.texts[which]}`) });
  }

  async closeCreated(): Promise<void> {
    await this.createdDialog().getByRole('button', { name: this.texts.done, exact: true }).click();
    await expect(this.createdDialog()).toBeHidden();
  }

  async openCreated(): Promise<string> {
    await this.createdDialog().getByRole('button', { name: this.texts.openTicket, exact: true }).click();
    await expect(this.page).toHaveURL(/#\/tickets\/[^/?]+$/);
    return new URL(this.page.url()).hash.replace('#/tickets/', '');
  }

  table(): Locator {
    return this.page.getByRole('table', { name: this.texts.table, exact: true });
  }

  rows(): Locator {
    return shownRows(this.table());
  }

  /** A ticket's row, found by its link ("Ticket: <subject>, <client>"). */
  row(subject: string, client: string): Locator {
    return rowWithLink(this.table(), `${this.texts.rowLink}: ${subject}, ${client}`);
  }

  rowLink(subject: string, client: string): Locator {
    return this.table().getByRole('link', { name: `${this.texts.rowLink}: ${subject}, ${client}`, exact: true });
  }

  filter(name: 'service' | 'level' | 'status' | 'assignee'): Locator {
    return this.page.getByRole('search').getByRole('combobox', { name: this.texts.filters[name], exact: true });
  }

  resetFilters(): Locator {
    return this.page.getByRole('button', { name: this.texts.reset, exact: true });
  }

  // ----- one ticket's page -----

  /** A row of the ticket page's deadlines table: response, resolution or the time waited. */
  deadline(which: 'response' | 'resolution' | 'waited'): Locator {
    return this.page.getByRole('table', { name: this.texts.deadlines, exact: true }).getByRole('row', { name: new RegExp(`^${this.texts[which]}`) });
  }

  facts(): Locator {
    return this.page.getByRole('table', { name: this.texts.facts, exact: true });
  }

  action(name: string): Locator {
    return this.page.getByRole('group', { name: this.texts.actions, exact: true }).getByRole('button', { name, exact: true });
  }

  /** Clicks an action of the ticket page and confirms it in its dialog (`dialog` is the dialog's title, `submit` its button). */
  async runAction(button: string, dialog: string, submit: string): Promise<void> {
    await this.action(button).click();
    const confirm = this.page.getByRole('dialog', { name: dialog, exact: true });
    await confirm.getByRole('button', { name: submit, exact: true }).click();
    await expect(confirm).toBeHidden();
  }

  linkedIncidents(): Locator {
    return this.page.getByRole('table', { name: this.texts.linkedIncidents, exact: true });
  }
}
