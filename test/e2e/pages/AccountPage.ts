import { expect, type Locator, type Page } from '@playwright/test';

/** One account: details, balances, subscriptions, ledger and their actions (Russian UI). */
export class AccountPage {
  readonly moneyBalance: Locator;
  readonly bonusBalance: Locator;
  readonly subscriptions: Locator;
  readonly ledger: Locator;

  constructor(readonly page: Page) {
    this.moneyBalance = page.getByTestId('balance-money');
    this.bonusBalance = page.getByTestId('balance-bonus');
    this.subscriptions = page.getByRole('region', { name: 'Подписки' });
    this.ledger = page.getByRole('region', { name: 'Журнал операций' });
  }

  async recordPayment(p: { amount: string; method?: string; reference?: string; date?: string; doubleClick?: boolean }): Promise<void> {
    await this.page.getByRole('button', { name: 'Внести платёж' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Внести платёж' });
    await dialog.getByLabel('Сумма, ₸').fill(p.amount);
    if (p.date) await dialog.getByLabel('Дата платежа').fill(p.date);
    if (p.method) await dialog.getByRole('combobox', { name: 'Способ оплаты' }).selectOption({ label: p.method });
    if (p.reference) await dialog.getByRole('textbox', { name: 'Номер платёжного документа' }).fill(p.reference);
    const submit = dialog.getByRole('button', { name: 'Сохранить платёж' });
    if (p.doubleClick) await submit.dblclick();
    else await submit.click();
    await expect(dialog).toBeHidden();
  }

  /** Creates a subscription; returns the tariff option's label (it shows the price). */
  async createSubscription(p: { service: string; tariffIndex?: number; startDate?: string }): Promise<string> {
    await this.page.getByRole('button', { name: 'Добавить подписку' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Новая подписка' });
    await dialog.getByRole('combobox', { name: 'Услуга' }).selectOption({ label: p.service });
    const tariff = dialog.getByRole('combobox', { name: 'Тариф' });
    const options = tariff.locator('option');
    const label = (await options.nth(p.tariffIndex ?? 0).textContent()) ?? '';
    await tariff.selectOption({ index: p.tariffIndex ?? 0 });
    if (p.startDate) await dialog.getByLabel('Дата начала').fill(p.startDate);
    await dialog.getByRole('button', { name: 'Создать подписку' }).click();
    await expect(dialog).toBeHidden();
    return label;
  }

  activateButton(): Locator {
    return this.subscriptions.getByRole('button', { name: /^Активировать/ });
  }
}
