import type { Locator, Page } from '@playwright/test';
import type { Lang } from './LocalizedScreen';
import { shownRows } from './tables';

export const SUBSCRIPTIONS_LIST_TEXTS = {
  ru: {
    table: 'Список подписок',
    counts: 'Подписки по статусам',
    search: 'Клиент',
    service: 'Услуга',
    status: 'Статус',
    endsWithin: 'Период заканчивается в ближайшие, дней',
    scheduledOnly: 'Только с запланированной сменой тарифа',
    changeTariff: 'Сменить тариф',
    cancel: 'Отменить подписку',
  },
  kk: {
    table: 'Жазылымдар тізімі',
    counts: 'Мәртебелер бойынша жазылымдар',
    search: 'Клиент',
    service: 'Қызмет',
    status: 'Мәртебесі',
    endsWithin: 'Кезең неше күн ішінде аяқталады',
    scheduledOnly: 'Тек тариф ауысуы жоспарланғандар',
    changeTariff: 'Тарифті ауыстыру',
    cancel: 'Жазылымнан бас тарту',
  },
} as const;

/** The Subscriptions section's list: counts per status, filters, the virtualized table and its row actions. */
export class SubscriptionsListPage {
  readonly texts: (typeof SUBSCRIPTIONS_LIST_TEXTS)[Lang];
  readonly total: Locator;
  readonly shown: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'ru',
  ) {
    this.texts = SUBSCRIPTIONS_LIST_TEXTS[lang];
    this.total = page.getByTestId('subscriptions-total');
    this.shown = page.getByTestId('subscriptions-shown');
  }

  table(): Locator {
    return this.page.getByRole('table', { name: this.texts.table });
  }

  /** Data rows (the header row and the virtualizer's hidden spacer rows excluded). */
  rows(): Locator {
    return shownRows(this.table());
  }

  countButtons(): Locator {
    return this.page.getByRole('group', { name: this.texts.counts }).getByRole('button');
  }

  search(): Locator {
    return this.page.getByRole('searchbox', { name: this.texts.search });
  }

  serviceFilter(): Locator {
    return this.page.getByRole('combobox', { name: this.texts.service });
  }

  statusFilter(): Locator {
    return this.page.getByRole('combobox', { name: this.texts.status });
  }

  endsWithin(): Locator {
    return this.page.getByRole('spinbutton', { name: this.texts.endsWithin });
  }

  scheduledOnly(): Locator {
    return this.page.getByRole('checkbox', { name: this.texts.scheduledOnly });
  }

  changeTariffButton(client: string, service: string): Locator {
    return this.table().getByRole('button', { name: `${this.texts.changeTariff}: ${client}, ${service}`, exact: true });
  }

  cancelButton(client: string, service: string): Locator {
    return this.table().getByRole('button', { name: `${this.texts.cancel}: ${client}, ${service}`, exact: true });
  }
}
