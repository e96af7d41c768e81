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
  AuditChange,
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
  OutboxRow,
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
  TEXT_LIMITS,
  accountInputSchema,
  tariffPriceOn,
} from '../shared/domain';
export { AppDatabase, DEFAULT_DATABASE_NAME, openAppDatabase, requestPersistentStorage } from './db';
export { DatabaseOpenError, RAW_EXPORT_FORMAT, describeError, exportRawDatabase, isDatabaseOpenError, openDatabaseChecked, rawExportFileName, storedDatabaseVersion, type DatabaseOpenFailure, type RawDatabaseExport } from './rawExport';
export { CommandError, isCommandError, type ErrorCode } from './errors';
export { createStore, type CommandInput, type CommandResult, type Store } from './store';
export type { CommandName } from './commands';
export type { CoreRequest, CoreResponse, CoreTransport } from './boundary';
export { SYSTEM_ACTOR, DEFAULT_STAFF_ROLE } from './actors';
export { roleAllows } from './registry';
export { createClock, type Clock } from './clock';
export type { AccountView, DemoOptions, DemoSummary, StoreContext, SubscriptionView } from './types';
export { newId } from './ids';
export { INCIDENT_LIST_LIMIT } from './views/incidents';
export { MAX_OVERRIDE_MINUTES } from './commands/compensations';
