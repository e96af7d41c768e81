import Dexie, { type EntityTable, type DexieOptions } from 'dexie';
import type {
  Account,
  AuditEvent,
  Compensation,
  Incident,
  LedgerEntry,
  Operation,
  OutboxRecord,
  Refund,
  Service,
  Setting,
  StaffUser,
  Subscription,
  Tariff,
  TariffChange,
  Ticket,
} from '../shared/domain';
import { searchFieldsOf, type AccountSearchFields } from './searchFields';

/** An account as stored: the record plus the derived fields its search indexes use. */
export type StoredAccount = Account & AccountSearchFields;

export const DEFAULT_DATABASE_NAME = 'esep-backoffice';

/**
 * Version 1: the records and their plain indexes.
 * Version 2: derived search fields on accounts (name words, phone digits,
 * lower-cased e-mail) and period-end indexes on subscriptions for renewal lists.
 * Never edit a released version: add a new one with an upgrade().
 */
export const SCHEMA_V1 = {
  accounts: 'id, iinBin, status, name',
  services: 'id, &code',
  tariffs: 'id, serviceId',
  subscriptions: 'id, accountId, tariffId, status',
  ledger: 'id, [accountId+at], [accountId+bucket], subscriptionId',
  incidents: 'id, serviceId, start',
  tickets: 'id, accountId, status, createdAt',
  refunds: 'id, accountId, subscriptionId, status',
  compensations: 'id, accountId, subscriptionId, incidentId, status',
  tariffChanges: 'id, accountId, subscriptionId, status',
  staff: 'id, &login',
  audit: 'id, at, entity.id',
  settings: 'key',
  outbox: 'id, createdAt, [table+recordId]',
  operations: 'opId',
} as const;

export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  accounts: 'id, iinBin, status, name, *nameWords, phoneDigits, emailLower',
  subscriptions: 'id, accountId, tariffId, status, currentPeriod.end, [status+currentPeriod.end]',
} as const;

export class AppDatabase extends Dexie {
  accounts!: EntityTable<StoredAccount, 'id'>;
  services!: EntityTable<Service, 'id'>;
  tariffs!: EntityTable<Tariff, 'id'>;
  subscriptions!: EntityTable<Subscription, 'id'>;
  ledger!: EntityTable<LedgerEntry, 'id'>;
  incidents!: EntityTable<Incident, 'id'>;
  tickets!: EntityTable<Ticket, 'id'>;
  refunds!: EntityTable<Refund, 'id'>;
  compensations!: EntityTable<Compensation, 'id'>;
  tariffChanges!: EntityTable<TariffChange, 'id'>;
  staff!: EntityTable<StaffUser, 'id'>;
  audit!: EntityTable<AuditEvent, 'id'>;
  settings!: EntityTable<Setting, 'key'>;
  outbox!: EntityTable<OutboxRecord, 'id'>;
  operations!: EntityTable<Operation, 'opId'>;

  constructor(name: string = DEFAULT_DATABASE_NAME, options: DexieOptions = {}) {
    // 'strict' durability: a committed payment survives a power cut (Chromium defaults to 'relaxed').
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade((tx) =>
        tx
          .table('accounts')
          .toCollection()
          .modify((account: StoredAccount) => {
            Object.assign(account, searchFieldsOf(account));
          }),
      );
  }
}

/** Opens (lazily, on first use) the app's database; tests pass a unique name and a fake IndexedDB. */
export function openAppDatabase(name: string = DEFAULT_DATABASE_NAME, options: DexieOptions = {}): AppDatabase {
  return new AppDatabase(name, options);
}

/**
 * Asks the browser not to evict the database under storage pressure.
 * Returns whether storage is persistent (false when the API is missing).
 */
export async function requestPersistentStorage(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<boolean> {
  if (!storage?.persist) return false;
  if (storage.persisted && (await storage.persisted())) return true;
  return storage.persist();
}
