import Dexie, { type EntityTable, type DexieOptions, type Transaction } from 'dexie';
import type {
  Account,
  AuditEvent,
  Counter,
  Compensation,
  EdoAccess,
  EdoUsage,
  IssuedDocument,
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
import { addCounterDeltas, addLedgerTotals, applyCounterDeltas, countersOf } from './counters';
import { newId } from './ids';
import { searchFieldsOf, type AccountSearchFields } from './searchFields';

/** An account as stored: the record plus the derived fields its search indexes use. */
export type StoredAccount = Account & AccountSearchFields;

export const DEFAULT_DATABASE_NAME = 'esep-backoffice';

/**
 * Version 1: the records and their plain indexes.
 * Version 2: derived search fields on accounts (name words, phone digits,
 * lower-cased e-mail) and period-end indexes on subscriptions for renewal lists.
 * Version 3: the outbox ready for sync (device id, per-device sequence,
 * operation id, changed fields only), operations keep a fingerprint of their
 * input and the actor, and a `counters` table keeps row counts per table and
 * status in the commands' own transactions.
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

export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  outbox: 'id, &seq, [table+recordId], opId',
  operations: 'opId, at',
  counters: 'key',
} as const;

/**
 * Version 4: ledger entries name their service, and the ledger gets the
 * indexes of the all-clients ledger screen and the renewal runs (business
 * date, kind or service with business date); subscriptions get service
 * indexes for the subscriptions screen. The upgrade fills `serviceId` and
 * the monthly ledger totals (counters `ledger:sum|n:…`).
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  ledger: 'id, [accountId+at], [accountId+bucket], subscriptionId, businessDate, [kind+businessDate], [serviceId+businessDate]',
  subscriptions: 'id, accountId, tariffId, status, currentPeriod.end, [status+currentPeriod.end], [serviceId+status]',
} as const;

/**
 * Version 5: one outbox record and one audit event per operation (each
 * holding all the rows the operation changed; the audit event lists their
 * ids in a multiEntry index), incidents by service and start, compensations
 * by incident and status (approve all) and by subscription and month (the
 * monthly cap).
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  // Fewer indexes, cheaper writes: a balance reads the account's entries through [accountId+at]; no screen looks subscriptions up by tariff.
  ledger: 'id, [accountId+at], subscriptionId, businessDate, [kind+businessDate], [serviceId+businessDate]',
  subscriptions: 'id, accountId, status, currentPeriod.end, [status+currentPeriod.end], [serviceId+status]',
  outbox: 'id, &seq, opId',
  audit: 'id, at, *entityIds, operationId',
  incidents: 'id, serviceId, start, [serviceId+start]',
  compensations: 'id, accountId, subscriptionId, incidentId, status, [incidentId+status], [subscriptionId+month], month',
} as const;

/**
 * Version 6: staff sign-in, tickets with stored deadlines, the audit
 * section's filters, Uchet.EDO access. Tickets: `dueAt` (the running
 * deadline; absent when none runs, so the index holds only running ones),
 * by service and by assignee. Audit: by person and by command, newest first
 * within each. Incidents by the ticket that reported them. `edoAccess`: one row per paid year of a Uchet.EDO
 * subscription; `edoUsage`: documents per subscription and month.
 */
export const SCHEMA_V6 = {
  ...SCHEMA_V5,
  tickets: 'id, accountId, status, createdAt, dueAt, [serviceId+createdAt], [assignee+createdAt], subscriptionId',
  audit: 'id, at, *entityIds, operationId, [actor+at], [command+at]',
  incidents: 'id, serviceId, start, [serviceId+start], ticketId',
  edoAccess: 'id, subscriptionId, accountId, accessDueDate, actAcceptanceDate',
  edoUsage: 'id, subscriptionId, month',
} as const;

/**
 * Version 7: issued documents (invoices, acts, reconciliation acts), each
 * stored whole once issued. The number is unique within its series and
 * year; a client's documents and a kind's are listed newest first; a
 * correction names the document it corrects.
 */
export const SCHEMA_V7 = {
  ...SCHEMA_V6,
  documents: 'id, &[series+year+number], [accountId+issuedAt], [kind+issuedAt], issuedAt, correctsId',
} as const;

/**
 * Version 8: no new index; the monthly compensation totals (counters
 * `compensations:n|hours|amount:<month>:<status>`, kept by the commands
 * from now on) are computed from the rows by the upgrade.
 */
export const SCHEMA_V8 = SCHEMA_V7;

/** The settings row that holds this installation's DeviceState. */
export const DEVICE_SETTING = 'device';

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
  counters!: EntityTable<Counter, 'key'>;
  edoAccess!: EntityTable<EdoAccess, 'id'>;
  edoUsage!: EntityTable<EdoUsage, 'id'>;
  documents!: EntityTable<IssuedDocument, 'id'>;

  /** The IDBKeyRange of this database's IndexedDB (the browser's, or a test's own): for requests made on IndexedDB itself. */
  readonly keyRange: typeof IDBKeyRange;

  constructor(name: string = DEFAULT_DATABASE_NAME, options: DexieOptions = {}) {
    // 'strict' durability: a committed payment survives a power cut (Chromium defaults to 'relaxed').
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.keyRange = (options.IDBKeyRange as typeof IDBKeyRange | undefined) ?? globalThis.IDBKeyRange;
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(SCHEMA_UPGRADES[2]!);
    this.version(3).stores(SCHEMA_V3).upgrade(SCHEMA_UPGRADES[3]!);
    this.version(4).stores(SCHEMA_V4).upgrade(SCHEMA_UPGRADES[4]!);
    this.version(5).stores(SCHEMA_V5).upgrade(SCHEMA_UPGRADES[5]!);
    this.version(6).stores(SCHEMA_V6).upgrade(SCHEMA_UPGRADES[6]!);
    // v6 → v7 only adds the documents table: nothing to carry over.
    this.version(7).stores(SCHEMA_V7);
    this.version(8).stores(SCHEMA_V8).upgrade(SCHEMA_UPGRADES[8]!);
  }
}

/** v1 → v2: the accounts' derived search fields. */
async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table('accounts')
    .toCollection()
    .modify((account: StoredAccount) => {
      Object.assign(account, searchFieldsOf(account));
    });
}

/** Version 2 outbox rows: the whole record, no device, sequence or operation id. */
interface OutboxV2 {
  id: string;
  table: string;
  recordId: string;
  op: 'insert' | 'update';
  payload: Record<string, unknown>;
  createdAt: string;
  sentAt: string | null;
}

/**
 * v2 → v3. The installation gets its device id; existing outbox rows get
 * sequence numbers in the order they were written (UUIDv7 ids sort by
 * time), the operation id from the record they carry (ledger and audit rows
 * name it) or from the operation committed at the same instant, and keep
 * the whole record: before v3 nobody kept the old values, so the server
 * treats such an update as a whole-row write (docs/sync.md). Counters are
 * computed from the rows.
 */
async function upgradeToV3(tx: Transaction): Promise<void> {
  const deviceId = newId();
  const operations = (await tx.table('operations').toArray()) as { opId: string; command: string; at: string }[];
  const opByAt = new Map(operations.map((o) => [o.at, o]));
  let seq = 0;
  const rows = (await tx.table('outbox').toArray()) as OutboxV2[];
  rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const upgraded = rows.map((row) => {
    seq += 1;
    const payloadOp = typeof row.payload?.operationId === 'string' ? row.payload.operationId : undefined;
    const op = opByAt.get(row.createdAt);
    return {
      id: row.id,
      deviceId,
      seq,
      opId: payloadOp ?? op?.opId ?? `legacy-v2-${row.id}`,
      command: op?.command ?? 'legacy',
      table: row.table,
      recordId: row.recordId,
      op: row.op,
      record: row.payload,
      hlc: hlcString(Date.parse(row.createdAt), 0, deviceId),
      createdAt: row.createdAt,
      sentAt: row.sentAt,
    };
  });
  await tx.table('outbox').clear();
  await tx.table('outbox').bulkAdd(upgraded);
  await tx.table('operations').toCollection().modify((operation: Record<string, unknown>) => {
    operation.fingerprint ??= null;
    operation.actor ??= '';
  });
  // The clock starts at the newest change already queued, so later readings sort after every upgraded row.
  const hlcMs = upgraded.reduce((max, row) => Math.max(max, Date.parse(row.createdAt) || 0), 0);
  await tx.table('settings').put({ key: DEVICE_SETTING, value: { deviceId, seq, hlcMs, hlcCounter: 0 } });
  const counts = new Map<string, number>();
  const add = (keys: string[]) => keys.forEach((key) => counts.set(key, (counts.get(key) ?? 0) + 1));
  await tx.table('accounts').each((account: Account) => add(countersOf('accounts', account)));
  await tx.table('subscriptions').each((subscription: Subscription) => add(countersOf('subscriptions', subscription)));
  await tx.table('counters').bulkPut([...counts].map(([key, value]) => ({ key, value })));
}

export const HLC_MAX_COUNTER = 99_999;

/** v3 → v4: every subscription entry learns its service; the monthly ledger totals are computed from the rows. */
async function upgradeToV4(tx: Transaction): Promise<void> {
  const serviceOf = new Map<string, string>();
  await tx.table('subscriptions').each((s: Subscription) => serviceOf.set(s.id, s.serviceId));
  const totals = new Map<string, number>();
  await tx
    .table('ledger')
    .toCollection()
    .modify((entry: LedgerEntry) => {
      // Charges, credits, refunds and compensations belong to a service; a payment is money in, whatever it was meant for.
      const serviceId = entry.subscriptionId === undefined || entry.kind === 'payment' ? undefined : serviceOf.get(entry.subscriptionId);
      if (serviceId !== undefined) entry.serviceId = serviceId;
      // A row without a business date is not the app's (an old bug, an import): left as it is, uncounted.
      if (typeof entry.businessDate === 'string' && Number.isSafeInteger(entry.amount)) addLedgerTotals(totals, [entry]);
    });
  const existing = await tx.table('counters').bulkGet([...totals.keys()]);
  await tx.table('counters').bulkPut([...totals].map(([key, value], i) => ({ key, value: ((existing[i] as Counter | undefined)?.value ?? 0) + value })));
}

/** An outbox row of versions 3 and 4: one changed record. */
interface OutboxV3 {
  id: string;
  deviceId: string;
  seq: number;
  opId: string;
  command: string;
  table: string;
  recordId: string;
  op: 'insert' | 'update';
  record?: unknown;
  changes?: Record<string, { old: unknown; new: unknown }>;
  hlc: string;
  createdAt: string;
  sentAt: string | null;
}

/**
 * v4 → v5. Outbox rows are grouped into one record per operation (a
 * command's rows were consecutive: commands never interleave) and numbered
 * again from 1; the rows that queued audit events are dropped (the audit no
 * longer travels: docs/sync.md §6). No server has seen a sequence number yet,
 * so renumbering loses nothing. Each old audit event becomes an event with
 * one change (its before/after stay whole records).
 */
async function upgradeToV5(tx: Transaction): Promise<void> {
  const operations = (await tx.table('operations').toArray()) as { opId: string; actor?: string }[];
  const actorOf = new Map(operations.map((o) => [o.opId, o.actor ?? '']));
  const rows = ((await tx.table('outbox').toArray()) as OutboxV3[]).filter((row) => row.table !== 'audit').sort((a, b) => a.seq - b.seq);
  const records: OutboxRecord[] = [];
  for (const row of rows) {
    const { table, recordId, op, record, changes } = row;
    const change = { table, recordId, op, ...(record === undefined ? {} : { record }), ...(changes === undefined ? {} : { changes }) } as OutboxRecord['rows'][number];
    const last = records.at(-1);
    if (last && last.opId === row.opId) {
      last.rows.push(change);
      if (row.sentAt === null) last.sentAt = null;
      continue;
    }
    records.push({
      id: row.id,
      deviceId: row.deviceId,
      seq: records.length + 1,
      opId: row.opId,
      command: row.command,
      actor: actorOf.get(row.opId) ?? '',
      rows: [change],
      hlc: row.hlc,
      createdAt: row.createdAt,
      sentAt: row.sentAt,
    });
  }
  await tx.table('outbox').clear();
  await tx.table('outbox').bulkAdd(records);
  const device = await tx.table('settings').get(DEVICE_SETTING);
  if (device) await tx.table('settings').put({ key: DEVICE_SETTING, value: { ...(device.value as object), seq: records.length } });
  await tx
    .table('audit')
    .toCollection()
    .modify((event: Record<string, unknown>) => {
      const { entity, before, after } = event as { entity: { table: string; id: string }; before: unknown; after: unknown };
      delete event.entity;
      delete event.before;
      delete event.after;
      event.entityIds = [entity.id];
      event.changes = [{ entity, before, after: after ?? {} }];
    });
}

/**
 * v5 → v6. Tickets were never written by a released command (no screen
 * opened them), so any stored row is only given the new fields' empty
 * values; the new indexes are built by IndexedDB itself.
 */
async function upgradeToV6(tx: Transaction): Promise<void> {
  await tx
    .table('tickets')
    .toCollection()
    .modify((ticket: Record<string, unknown>) => {
      ticket.level ??= ticket.priority ?? 'low';
      delete ticket.priority;
      ticket.description ??= '';
      ticket.assignee ??= null;
      ticket.closedAt ??= null;
      ticket.reopenedCount ??= 0;
      ticket.waitingOpenMinutes ??= ticket.waitingClientMinutes ?? 0;
      delete ticket.waitingClientMinutes;
    });
}

/** v7 → v8: the monthly compensation totals, from the rows (added to any a newer command already wrote: none can have). */
async function upgradeToV8(tx: Transaction): Promise<void> {
  const deltas = new Map<string, number>();
  await tx.table('compensations').each((compensation: Compensation) => addCounterDeltas(deltas, 'compensations', null, compensation));
  await applyCounterDeltas({ counters: tx.table('counters') }, deltas);
}

/**
 * The data upgrade to each schema version, by version (none where a version
 * only adds tables or indexes). Dexie runs them when it opens an older
 * database; a restore runs them on an older backup's rows (core/backup/restore.ts).
 */
export const SCHEMA_UPGRADES: Readonly<Record<number, (tx: Transaction) => Promise<void>>> = {
  2: upgradeToV2,
  3: upgradeToV3,
  4: upgradeToV4,
  5: upgradeToV5,
  6: upgradeToV6,
  8: upgradeToV8,
};

/** A hybrid logical clock reading as a string that sorts in time order: ms, counter, device. */
export function hlcString(ms: number, counter: number, deviceId: string): string {
  return `${String(ms).padStart(15, '0')}-${String(counter).padStart(5, '0')}-${deviceId}`;
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
