import { expect, type Locator, type Page } from '@playwright/test';
import { AccountFormPage } from './AccountFormPage';
import { AppFrame } from './AppFrame';
import type { Lang } from './LocalizedScreen';

/** The texts the lifecycle tests read and click, in each UI language (from locales/*, written out independently). */
export const LIFECYCLE_TEXTS = {
  ru: {
    payment: { open: 'Внести платёж', amount: 'Сумма, ₸', date: 'Дата платежа', submit: 'Сохранить платёж' },
    create: { open: 'Добавить подписку', dialog: 'Новая подписка', service: 'Услуга', tariff: 'Тариф', startDate: 'Дата начала', submit: 'Создать подписку' },
    activate: 'Активировать',
    regions: { subscriptions: 'Подписки', ledger: 'Журнал операций', refunds: 'Возвраты' },
    change: {
      row: 'Сменить тариф',
      dialog: 'Смена тарифа',
      tariff: 'Новый тариф',
      date: 'Дата смены',
      quote: 'Расчёт смены тарифа',
      submit: 'Сменить тариф',
      schedule: 'Запланировать смену тарифа',
      resources: 'Ресурсы проверены: данные клиента помещаются в меньший тариф',
    },
    cancel: { row: 'Отменить подписку', dialog: 'Отмена подписки', date: 'Дата отказа', quote: 'Расчёт возврата', submit: 'Отменить подписку' },
    refunds: { approve: 'Одобрить возврат', reject: 'Отклонить возврат' },
    close: { open: 'Закрыть счёт', dialog: 'Закрытие счёта клиента', payout: 'При закрытии клиенту выплачивается', submit: 'Закрыть счёт' },
  },
  kk: {
    payment: { open: 'Төлем енгізу', amount: 'Сомасы, ₸', date: 'Төлем күні', submit: 'Төлемді сақтау' },
    create: { open: 'Жазылым қосу', dialog: 'Жаңа жазылым', service: 'Қызмет', tariff: 'Тариф', startDate: 'Басталу күні', submit: 'Жазылымды құру' },
    activate: 'Белсендіру',
    regions: { subscriptions: 'Жазылымдар', ledger: 'Операциялар журналы', refunds: 'Қайтарымдар' },
    change: {
      row: 'Тарифті ауыстыру',
      dialog: 'Тарифті ауыстыру',
      tariff: 'Жаңа тариф',
      date: 'Ауыстыру күні',
      quote: 'Тарифті ауыстыру есебі',
      submit: 'Тарифті ауыстыру',
      schedule: 'Тариф ауысуын жоспарлау',
      resources: 'Ресурстар тексерілді: клиенттің деректері кішірек тарифке сыяды',
    },
    cancel: { row: 'Жазылымнан бас тарту', dialog: 'Жазылымнан бас тарту', date: 'Бас тарту күні', quote: 'Қайтарым есебі', submit: 'Жазылымнан бас тарту' },
    refunds: { approve: 'қайтарымын мақұлдау', reject: 'қайтарымын қабылдамау' },
    close: { open: 'Шотты жабу', dialog: 'Клиенттің шотын жабу', payout: 'Жабу кезінде клиентке төленеді', submit: 'Шотты жабу' },
  },
} as const;

/**
 * One client's account page driven through a subscription's life: payment,
 * order, activation, tariff change, cancellation, refund decision, closing.
 */
export class SubscriptionLifecycle {
  readonly texts: (typeof LIFECYCLE_TEXTS)[Lang];
  readonly moneyBalance: Locator;
  readonly bonusBalance: Locator;
  readonly subscriptions: Locator;
  readonly ledger: Locator;
  readonly refunds: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'ru',
  ) {
    this.texts = LIFECYCLE_TEXTS[lang];
    this.moneyBalance = page.getByTestId('balance-money');
    this.bonusBalance = page.getByTestId('balance-bonus');
    this.subscriptions = page.getByRole('region', { name: this.texts.regions.subscriptions, exact: true });
    this.ledger = page.getByRole('region', { name: this.texts.regions.ledger, exact: true });
    this.refunds = page.getByRole('region', { name: this.texts.regions.refunds, exact: true });
  }

  /** The account id of the page that is open (the hash route /accounts/<id>). */
  accountId(): string {
    const match = /#\/accounts\/([^/?#]+)/.exec(this.page.url());
    if (!match?.[1]) throw new Error(`not on an account page: ${this.page.url()}`);
    return match[1];
  }

  async recordPayment(amount: string, date: string): Promise<void> {
    await this.page.getByRole('button', { name: this.texts.payment.open, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: this.texts.payment.open });
    await dialog.getByLabel(this.texts.payment.amount).fill(amount);
    await dialog.getByLabel(this.texts.payment.date).fill(date);
    await dialog.getByRole('button', { name: this.texts.payment.submit }).click();
    await expect(dialog).toBeHidden();
  }

  /** Orders a subscription (tariff by its seed id) from `startDate` and activates it: its first period starts that day. */
  async subscribeAndActivate(p: { service: string; tariffId: string; startDate: string }): Promise<void> {
    const t = this.texts.create;
    await this.page.getByRole('button', { name: t.open }).click();
    const dialog = this.page.getByRole('dialog', { name: t.dialog });
    await dialog.getByRole('combobox', { name: t.service }).selectOption({ label: p.service });
    await dialog.getByRole('combobox', { name: t.tariff, exact: true }).selectOption(p.tariffId);
    await dialog.getByLabel(t.startDate).fill(p.startDate);
    await dialog.getByRole('button', { name: t.submit }).click();
    await expect(dialog).toBeHidden();
    const activate = this.subscriptions.getByRole('button', { name: new RegExp(`^${this.texts.activate}: ${p.service}`) });
    await activate.click();
    await expect(activate).toBeHidden();
  }

  rowAction(action: string, service: string, tariff: string): Locator {
    return this.subscriptions.getByRole('button', { name: `${action}: ${service}, ${tariff}`, exact: true });
  }

  changeTariffDialog(): Locator {
    return this.page.getByRole('dialog', { name: this.texts.change.dialog });
  }

  cancelDialog(): Locator {
    return this.page.getByRole('dialog', { name: this.texts.cancel.dialog });
  }

  /** The value cell of one line of a quote table (found by its row header). */
  quoteLine(dialog: Locator, quoteTitle: string, label: string): Locator {
    return dialog
      .getByRole('table', { name: quoteTitle })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: label, exact: true }) })
      .getByRole('cell');
  }

  /** A ledger row of this kind (its newest one). */
  ledgerRow(kind: string): Locator {
    return this.ledger.getByRole('row', { name: new RegExp(kind) }).first();
  }
}

/** `?now=` pinning the app's clock to 10:00 in Kazakhstan on `date`. */
export function pinnedAt(date: string, time = '10:00:00'): string {
  return `?now=${encodeURIComponent(`${date}T${time}+05:00`)}`;
}

/**
 * A new legal-entity client, created through the account form on a clock
 * pinned to `today`, with one payment and one subscription activated from
 * its start date. Leaves the account page open.
 */
export async function clientWithSubscription(
  page: Page,
  lang: Lang,
  p: { today: string; name: string; bin: string; payment: { amount: string; date: string }; subscription: { service: string; tariffId: string; startDate: string } },
): Promise<SubscriptionLifecycle> {
  const frame = new AppFrame(page);
  await frame.open('/accounts/new', pinnedAt(p.today));
  if (lang === 'kk') await frame.switchLanguage('ru', 'kk');
  const form = new AccountFormPage(page);
  await form.fill({ kind: 'legal_entity', name: p.name, iinBin: p.bin }, lang);
  await form.submit(lang);
  await expect(frame.heading(p.name)).toBeVisible();
  const life = new SubscriptionLifecycle(page, lang);
  await life.recordPayment(p.payment.amount, p.payment.date);
  await life.subscribeAndActivate(p.subscription);
  return life;
}
