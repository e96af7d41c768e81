import { expect, type Locator, type Page } from '@playwright/test';
import { LocalizedScreen, type Lang } from './LocalizedScreen';
import { rowWithLink, shownRows } from './tables';

const TEXTS = {
  ru: {
    heading: 'Реестр возвратов',
    table: 'Возвраты',
    status: 'Статус',
    overdueOnly: 'Только просроченные',
    approve: 'Одобрить возврат',
    approveSubmit: 'Одобрить и зачислить',
    reject: 'Отклонить возврат',
    reason: 'Причина отказа',
  },
  kk: {
    heading: 'Қайтарымдар тізілімі',
    table: 'Қайтарымдар',
    status: 'Мәртебесі',
    overdueOnly: 'Тек мерзімі өткендер',
    approve: 'Қайтарымды мақұлдау',
    approveSubmit: 'Мақұлдау және есептеу',
    reject: 'Қайтарымды қабылдамау',
    reason: 'Бас тарту себебі',
  },
} as const;

/** The refunds register (Subscriptions → Refunds) and its decision dialogs, in either language. */
export class RefundsScreen extends LocalizedScreen<(typeof TEXTS)[Lang]> {
  constructor(page: Page, lang: Lang = 'ru') {
    super(page, lang, TEXTS);
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

  row(client: string): Locator {
    return rowWithLink(this.table(), client);
  }

  statusFilter(): Locator {
    return this.page.getByRole('combobox', { name: this.texts.status });
  }

  overdueOnly(): Locator {
    return this.page.getByRole('checkbox', { name: this.texts.overdueOnly });
  }

  /** The row's button, named with the client and the amount. */
  decideButton(kind: 'approve' | 'reject', client: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^${kind === 'approve' ? this.texts.approve : this.texts.reject}: ${client}`) });
  }

  dialog(kind: 'approve' | 'reject'): Locator {
    return this.page.getByRole('dialog', { name: kind === 'approve' ? this.texts.approve : this.texts.reject });
  }

  async approve(client: string): Promise<Locator> {
    await this.decideButton('approve', client).click();
    const dialog = this.dialog('approve');
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async confirmApproval(): Promise<void> {
    const dialog = this.dialog('approve');
    await dialog.getByRole('button', { name: this.texts.approveSubmit }).click();
    await expect(dialog).toBeHidden();
  }

  async openReject(client: string): Promise<Locator> {
    await this.decideButton('reject', client).click();
    const dialog = this.dialog('reject');
    await expect(dialog).toBeVisible();
    return dialog;
  }

  reasonField(): Locator {
    return this.dialog('reject').getByRole('textbox', { name: this.texts.reason });
  }

  rejectSubmit(): Locator {
    return this.dialog('reject').getByRole('button', { name: this.texts.reject });
  }
}

/** Cancels the account page's only subscription through its dialog (Russian UI), today: a refund is requested. */
export async function cancelOnlySubscription(page: Page): Promise<void> {
  const subscriptions = page.getByRole('region', { name: 'Подписки' });
  await subscriptions.getByRole('button', { name: /^Отменить подписку:/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Отмена подписки' });
  const submit = dialog.getByRole('button', { name: 'Отменить подписку' });
  await expect(submit).toBeEnabled();
  await submit.click();
  await expect(dialog).toBeHidden();
  await expect(subscriptions.getByRole('row').nth(1)).toContainText('Отменена');
}
