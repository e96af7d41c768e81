import { expect, type Page } from '@playwright/test';
import { makeIinBin } from '../../../shared/billing/iinBin';
import { AccountFormPage } from './AccountFormPage';
import { AccountPage } from './AccountPage';

/** A valid BIN (5th digit 4: a legal entity) from a seed; unique per seed within a test. */
export function binFor(seed: number): string {
  for (let n = seed * 10; ; n += 1) {
    const bin = makeIinBin(`1504401${String(n).padStart(4, '0')}`);
    if (bin) return bin;
  }
}

/** `?now=<instant>` for a business day in Almaty at 10:00. */
export function pinnedAt(date: string, time = '10:00'): string {
  return `?now=${encodeURIComponent(`${date}T${time}:00+05:00`)}`;
}

export interface ClientSetup {
  name: string;
  seed: number;
  /** Payments as typed in the form (`9000`), each dated. */
  payments: { amount: string; date: string }[];
  subscription?: { service: string; tariffIndex?: number; startDate: string };
}

/**
 * Sets up one client through the UI in Russian, at the pinned clock of
 * `query`: the account, its payments, and a subscription created and
 * activated (its first period starts on `startDate`). Returns the account's
 * hash route.
 */
export async function createClient(page: Page, query: string, setup: ClientSetup): Promise<string> {
  const form = new AccountFormPage(page);
  const account = new AccountPage(page);
  await page.goto(`/${query}#/accounts/new`);
  await form.fill({ kind: 'legal_entity', name: setup.name, iinBin: binFor(setup.seed) });
  await form.submit();
  await expect(page.getByRole('heading', { level: 2, name: setup.name, exact: true })).toBeVisible();
  const route = new URL(page.url()).hash.slice(1);
  for (const payment of setup.payments) await account.recordPayment(payment);
  if (setup.subscription) {
    await account.createSubscription(setup.subscription);
    await account.activateButton().click();
    await expect(account.activateButton()).toHaveCount(0);
    await expect(account.subscriptions.getByRole('alert')).toHaveCount(0);
  }
  return route;
}
