import type { Account, Balances, Service, StaffRole, Subscription, Tariff } from '../shared/domain';

export interface StoreContext {
  /** The clock; tests pin it. */
  now?: () => Date;
  /** Who is acting (staff login), recorded in the ledger and the audit. */
  actor?: () => string;
  /** That person's role; a command that needs more is refused. */
  role?: () => StaffRole;
}

export type SubscriptionView = Subscription & { tariff: Tariff; service: Service };

export interface AccountView {
  account: Account;
  /** Derived from the ledger every time; never stored. */
  balances: Balances;
  subscriptions: SubscriptionView[];
}

export interface DemoOptions {
  accounts?: number;
  subscriptions?: number;
  ledgerEntries?: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoSummary {
  accounts: number;
  subscriptions: number;
  ledgerEntries: number;
  incidents: number;
  compensations: number;
  seed: number;
  ms: number;
}

