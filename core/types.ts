import type {
  Account,
  AccountInput,
  Balances,
  IsoDate,
  LedgerEntry,
  PaymentMethod,
  Service,
  Subscription,
  Tariff,
  Tiyn,
} from '../shared/domain';
import type { AppDatabase } from './db';

export interface StoreContext {
  /** The clock; tests pin it. */
  now?: () => Date;
  /** Who is acting (staff login), recorded in the ledger and the audit. */
  actor?: () => string;
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

export interface RecordPaymentInput {
  accountId: string;
  amount: Tiyn;
  date: IsoDate;
  method: PaymentMethod;
  reference?: string;
  opId: string;
}

export interface CreateSubscriptionInput {
  accountId: string;
  tariffId: string;
  startDate: IsoDate;
  autoRenew?: boolean;
  opId: string;
}

export interface Store {
  db: AppDatabase;
  // start-up
  ensureCatalog(): Promise<void>;
  isEmpty(): Promise<boolean>;
  generateDemoData(opts?: DemoOptions): Promise<DemoSummary>;
  // queries
  searchAccounts(query: string, opts?: { limit?: number }): Promise<Account[]>;
  countAccounts(): Promise<number>;
  getAccountView(accountId: string): Promise<AccountView | undefined>;
  getBalances(accountId: string): Promise<Balances>;
  listLedger(accountId: string, opts?: { limit?: number }): Promise<LedgerEntry[]>;
  listServices(): Promise<Service[]>;
  listTariffs(serviceId?: string): Promise<Tariff[]>;
  // commands
  createAccount(input: AccountInput & { opId: string }): Promise<Account>;
  /** Fields left undefined stay as they are; '' clears an optional field (e-mail, phone, responsible person). */
  updateAccount(input: { id: string; patch: Partial<AccountInput>; opId: string }): Promise<Account>;
  recordPayment(input: RecordPaymentInput): Promise<LedgerEntry>;
  createSubscription(input: CreateSubscriptionInput): Promise<Subscription>;
  activateSubscription(input: { subscriptionId: string; date?: IsoDate; opId: string }): Promise<Subscription>;
  renewSubscription(input: { subscriptionId: string; opId: string }): Promise<Subscription>;
}
