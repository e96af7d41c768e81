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
  AuditPosting,
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
  SecuritySettings,
  StaffMember,
  StaffRole,
  StaffUser,
  Subscription,
  SubscriptionStatus,
  TableName,
  Tariff,
  TariffChange,
  TariffPrice,
  Ticket,
  Tiyn,
} from '../shared/domain';
export {
  ACCOUNT_KINDS,
  ACCOUNT_STATUSES,
  IDLE_LOCK_LIMITS,
  LOGIN_PATTERN,
  PASSWORD_LIMITS,
  SIGN_IN_LOCKOUT,
  STAFF_ROLES,
  BUCKETS,
  LEDGER_KINDS,
  PAYMENT_METHODS,
  SUBSCRIPTION_STATUSES,
  TEXT_LIMITS,
  accountInputSchema,
  tariffPriceOn,
} from '../shared/domain';
export { AppDatabase, DEFAULT_DATABASE_NAME, openAppDatabase, requestPersistentStorage } from './db';
export { BACKUP_EXTENSION, BACKUP_FORMAT, backupFileName, type BackupHeader, type RestoreResult } from './backup';
export type { BackupSettings } from './backup';
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
export { AUDIT_MAX_LIMIT, DEFAULT_AUDIT_LIMIT, NAMED_TARGETS, type AuditFilter, type AuditPage, type AuditRow, type AuditTarget } from './views/audit';
export { MAX_OVERRIDE_MINUTES } from './commands/compensations';
export { TICKET_LIST_LIMIT, type TicketDetail, type TicketFilter, type TicketList, type TicketRow, type TicketTarget } from './views/tickets';
export { EDO_ACCESS_STATUSES, EDO_REGISTER_LIMIT, edoAccessStatus, type EdoAccessFilter, type EdoAccessRegister, type EdoAccessRow, type EdoAccessStatus, type EdoAccessView, type EdoOfSubscription, type EdoSuggestion, type EdoUsageRow } from './views/edo';
export { CALENDAR_SETTING, type CalendarView } from './calendar';
export type { EdoAccess, EdoUsage, TicketStatus } from '../shared/domain';
export { DOCUMENTS_PAGE, type DocumentFilter, type DocumentSummary } from './views/documents';
export { type AvailabilityReportInput, type DashboardData, type DebtorsReportInput, type ReportInput } from './views/reports';
