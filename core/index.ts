/**
 * The store's public interface (see docs/store.md): the Dexie database, the
 * queries the screens read with useLiveQuery, and the business commands.
 * UI code never writes tables directly.
 */
export type {
  Account,
  AccountInput,
  AccountKind,
  AccountStatus,
  AuditEvent,
  Balances,
  Bucket,
  Compensation,
  Incident,
  IsoDate,
  IsoDateTime,
  LedgerEntry,
  LedgerKind,
  LocalizedText,
  Operation,
  OutboxRecord,
  PaymentMethod,
  Refund,
  ResourceLimits,
  Service,
  StaffRole,
  StaffUser,
  Subscription,
  SubscriptionStatus,
  Tariff,
  TariffChange,
  TariffPrice,
  Ticket,
  Tiyn,
} from '../shared/domain';
export {
  ACCOUNT_KINDS,
  ACCOUNT_STATUSES,
  BUCKETS,
  LEDGER_KINDS,
  PAYMENT_METHODS,
  SUBSCRIPTION_STATUSES,
  accountInputSchema,
  tariffPriceOn,
} from '../shared/domain';
export { AppDatabase, DEFAULT_DATABASE_NAME, openAppDatabase, requestPersistentStorage } from './db';
export { CommandError, isCommandError } from './errors';
export { createStore } from './store';
export type {
  AccountView,
  CreateSubscriptionInput,
  DemoOptions,
  DemoSummary,
  RecordPaymentInput,
  Store,
  StoreContext,
  SubscriptionView,
} from './types';
export { newId } from './ids';
