import type { Table, Transaction } from 'dexie';
import type { AuditChange, AuditEvent, AuditPosting, Balances, DeviceState, EntityRef, IsoDate, IsoDateTime, LedgerEntry, OutboxRecord, OutboxRow, TableName } from '../shared/domain';
import { addBalance, balancesIn, balancesOf, type RawTransaction } from './balances';
import { addCounterDeltas, addLedgerTotals, applyCounterDeltas } from './counters';
import { DEVICE_SETTING, HLC_MAX_COUNTER, hlcString, type AppDatabase, type StoredAccount } from './db';
import { newId } from './ids';

/**
 * How much one main-thread task handles in a large command. A bulk call
 * clones every record it is given in one task (about 50 µs a record in
 * Chromium: 10 000 records block the screen for half a second), and a batch
 * of reads hands all its results over in a few; so large writes and reads
 * go in slices. `write`: records per bulk write; `read`: keys (or accounts)
 * per batch of reads; `compute`: items per slice of a computation between
 * pauses (CommandTx.mapInSlices). Mutable so that a test can cut a handful
 * of records into several slices.
 */
export const SLICES = { write: 500, read: 250, compute: 2000 };

/**
 * Calls `issue` for each slice of `rows`, in order, with two slices in
 * flight: the database works through one while the main thread prepares and
 * clones the next, so each task after the first handles one slice. Only
 * IndexedDB requests are awaited, so the transaction stays open (awaiting
 * anything else inside it would let it commit).
 */
export async function inSlices<T>(rows: readonly T[], size: number, issue: (slice: T[]) => Promise<unknown>): Promise<void> {
  let previous: Promise<unknown> | null = null;
  for (let i = 0; i < rows.length; i += size) {
    const current = issue(rows.slice(i, i + size));
    // Awaited in turn below; when an earlier slice fails it never is (the abort rejects it): no unhandled-rejection report then.
    current.catch(() => undefined);
    if (previous) await previous;
    previous = current;
  }
  await previous;
}

/** What every record written by one command shares. */
export interface CommandMeta {
  command: string;
  opId: string;
  actor: string;
  at: IsoDateTime;
  /** Today in business time (UTC+05:00). */
  today: IsoDate;
}

/** The reading half of a Dexie table: a command body sees tables through this and cannot write around the outbox. */
export type ReadTable<T extends Table> = Pick<T, 'get' | 'bulkGet' | 'where' | 'count' | 'toArray' | 'filter' | 'orderBy' | 'each' | 'toCollection'>;

/** The business tables a command may read; writes go through CommandTx's helpers. */
export type ReadTables = {
  readonly [N in TableName]: ReadTable<AppDatabase[N]>;
};

/** Every table of the database, as Dexie tables. */
export type Tables = Pick<AppDatabase, TableName | 'outbox' | 'operations' | 'counters'>;

/**
 * The database's tables bound to one transaction: a request through them
 * joins that transaction whatever the async context it is made in. Dexie
 * otherwise finds the transaction through its zone, which an await of a
 * plain promise (a batch of parallel reads) can lose: a request made then
 * would run in a transaction of its own, and the command's would commit
 * early (PrematureCommitError).
 */
export function tablesOf(db: AppDatabase, transaction: Transaction): Tables {
  const tables: Record<string, unknown> = {};
  for (const table of db.tables) tables[table.name] = transaction.table(table.name);
  return tables as unknown as Tables;
}

/** Anything that can read the tables: a command's CommandTx, or a query's view of the database. */
export interface Reader {
  readonly read: ReadTables;
}

/** A read-only view of the database for queries that share code with commands (previews). */
export function readerOf(db: AppDatabase): Reader {
  return { read: db as unknown as ReadTables };
}

/** Tables written as mutable records (insert/update); the ledger is posted, the audit written by the helpers. */
export type RecordTable = Exclude<TableName, 'ledger' | 'audit' | 'settings'>;
type RowOf<N extends TableName> = AppDatabase[N] extends Table<infer T, infer _K, infer _I> ? T : never;

/** Drops the derived search fields: audit, outbox and callers see the domain record. */
export function withoutSearchFields<T extends object>(record: T): T {
  if (!('nameWords' in record)) return record;
  const { nameWords: _w, phoneDigits: _p, emailLower: _e, ...rest } = record as T & StoredAccount;
  return rest as unknown as T;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields whose values differ, with the old and the new value (absent fields count as undefined → null). */
export function changedFields(before: object, after: object): Record<string, { old: unknown; new: unknown }> {
  const changes: Record<string, { old: unknown; new: unknown }> = {};
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (!sameValue(b[key], a[key])) changes[key] = { old: b[key] ?? null, new: a[key] ?? null };
  }
  return changes;
}

/**
 * The one way a command body touches the database. Reads go through `read`
 * (no write methods). Every write helper also writes what must go with it,
 * in the command's transaction: the outbox record (device id, sequence,
 * operation id; for an update only the changed fields with their old
 * values), the audit event's change or posting, and the counters.
 * Outbox and audit rows are buffered and added in bulk by `finish()`.
 */
export class CommandTx {
  readonly read: ReadTables;
  private readonly db: Tables;
  private readonly outboxRows: OutboxRow[] = [];
  private readonly auditChanges: AuditChange[] = [];
  private readonly auditPostings: AuditPosting[] = [];
  private readonly counterDeltas = new Map<string, number>();

  /** `tables`: the database's tables bound to the command's transaction (tablesOf); `idb`: that transaction on IndexedDB itself. */
  constructor(
    tables: Tables,
    readonly meta: CommandMeta,
    private readonly idb: RawTransaction,
  ) {
    this.db = tables;
    this.read = tables as unknown as ReadTables;
  }

  /** The account's balances now (the sum of all its entries, whatever their business dates). */
  balances(accountId: string): Promise<Balances> {
    return balancesOf(this.db, accountId);
  }

  /**
   * The balances of many accounts now, in the order given: one getAll per
   * account on IndexedDB itself (balancesIn), SLICES.read accounts per
   * batch with two batches in flight. Many times cheaper than one Dexie
   * query per account, which a renewal chunk of 1 000 accounts would make.
   */
  async balancesOfMany(accountIds: readonly string[]): Promise<Balances[]> {
    const balances = new Array<Balances>(accountIds.length);
    let offset = 0;
    await inSlices(accountIds, SLICES.read, async (slice) => {
      const at = offset;
      offset += slice.length;
      const read = await balancesIn(this.idb, slice);
      read.forEach((b, i) => (balances[at + i] = b));
    });
    return balances;
  }

  /**
   * Lets the event loop run (input, painting) between slices of a long
   * computation by awaiting one cheap read: inside an IndexedDB transaction
   * only a request may be awaited (a timer would let it commit).
   */
  async pause(): Promise<void> {
    await this.db.settings.get(DEVICE_SETTING);
  }

  /** `map` over `items`, SLICES.compute at a time with a pause between slices, so that each slice is its own task. */
  async mapInSlices<T, R>(items: readonly T[], map: (item: T) => R, size = SLICES.compute): Promise<R[]> {
    const out: R[] = [];
    for (let i = 0; i < items.length; i += size) {
      if (i > 0) await this.pause();
      for (let j = i; j < Math.min(i + size, items.length); j++) out.push(map(items[j]!));
    }
    return out;
  }

  /** Adds a new mutable record (audited: before null). */
  async insert<N extends RecordTable>(table: N, record: RowOf<N>): Promise<RowOf<N>> {
    const [written] = await this.insertMany(table, [record]);
    return written!;
  }

  /** Adds many new records (bulkAdd, by slices); each gets its outbox row, audit change and counters as in insert(). */
  async insertMany<N extends RecordTable>(table: N, records: RowOf<N>[]): Promise<RowOf<N>[]> {
    const store = this.db[table] as unknown as Table<RowOf<N>, string>;
    await inSlices(records, SLICES.write, (slice) => {
      for (const record of slice) {
        const plain = withoutSearchFields(record as object);
        this.queue(table, (record as { id: string }).id, { op: 'insert', record: plain });
        this.audit({ table, id: (record as { id: string }).id }, null, plain as Record<string, unknown>, record as Record<string, unknown>);
        addCounterDeltas(this.counterDeltas, table, null, record as object);
      }
      return store.bulkAdd(slice);
    });
    return records;
  }

  /** Replaces a record; only the changed fields travel. A save that changes nothing but `updatedAt` writes nothing and returns `before`. */
  async update<N extends RecordTable>(table: N, before: RowOf<N>, after: RowOf<N>): Promise<RowOf<N>> {
    const [written] = await this.updateMany(table, [[before, after]]);
    return written ?? before;
  }

  /** Replaces many records (bulkPut, by slices); each gets its outbox row, audit change and counter moves as in update(). */
  async updateMany<N extends RecordTable>(table: N, pairs: readonly (readonly [RowOf<N>, RowOf<N>])[]): Promise<RowOf<N>[]> {
    const store = this.db[table] as unknown as Table<RowOf<N>, string>;
    const changed: RowOf<N>[] = [];
    await inSlices(pairs, SLICES.write, (slice) => {
      const rows: RowOf<N>[] = [];
      for (const [before, after] of slice) {
        const plainBefore = withoutSearchFields(before as object);
        const plainAfter = withoutSearchFields(after as object);
        const changes = changedFields(plainBefore, plainAfter);
        // A save that changes nothing but the time of saving is no change: no row, no audit, no sync traffic.
        if (Object.keys(changes).every((field) => field === 'updatedAt')) continue;
        this.queue(table, (after as { id: string }).id, { op: 'update', changes });
        this.auditChangesOf({ table, id: (after as { id: string }).id }, changes, after as Record<string, unknown>);
        addCounterDeltas(this.counterDeltas, table, before as object, after as object);
        rows.push(after);
      }
      changed.push(...rows);
      return rows.length > 0 ? store.bulkPut(rows) : Promise.resolve();
    });
    return changed;
  }

  /**
   * Appends ledger entries. The ledger is append-only and each entry names
   * its operation, actor and time; the outbox carries it, and the
   * operation's audit event lists it in short (`postings`) and names its
   * account, so that a command that only posts (a payment) is in the audit
   * trail and in the account's history like any other. Refused when an account's balance in a bucket would
   * leave the range a double holds exactly (it never should: one amount is
   * at most 10^13 tiyn).
   */
  async post(entries: LedgerEntry[], options: { balancesBefore?: ReadonlyMap<string, Balances> } = {}): Promise<LedgerEntry[]> {
    if (entries.length === 0) return entries;
    const accountIds = [...new Set(entries.map((e) => e.accountId))];
    // Balances the caller read in this same transaction need not be read again (a renewal chunk has them all).
    const unknown = accountIds.filter((id) => !options.balancesBefore?.has(id));
    // Read in parallel by batches: never one await per account, nor thousands of requests issued in one task.
    const read = await this.balancesOfMany(unknown);
    const balances = new Map<string, Balances>(unknown.map((id, i) => [id, read[i]!]));
    for (const id of accountIds) if (!balances.has(id)) balances.set(id, options.balancesBefore!.get(id)!);
    for (const entry of entries) balances.set(entry.accountId, addBalance(balances.get(entry.accountId)!, entry.bucket, entry.amount));
    await inSlices(entries, SLICES.write, (slice) => {
      for (const entry of slice) {
        this.queue('ledger', entry.id, { op: 'insert', record: entry });
        this.auditPostings.push(postingOf(entry));
      }
      return this.db.ledger.bulkAdd(slice);
    });
    addLedgerTotals(this.counterDeltas, entries);
    return entries;
  }

  /**
   * The next number of a gap-free series (documents): the stored counter
   * plus what this command already took, taken in the command's own
   * transaction, which IndexedDB runs one at a time over every table; the
   * counter row is written by finish() with the others.
   */
  async nextNumber(key: string): Promise<number> {
    const stored = (await this.db.counters.get(key))?.value ?? 0;
    const taken = this.counterDeltas.get(key) ?? 0;
    this.counterDeltas.set(key, taken + 1);
    return stored + taken + 1;
  }

  /** Writes a setting (key/value), audited and queued like a record. */
  async putSetting(key: string, value: unknown): Promise<void> {
    const before = await this.db.settings.get(key);
    const after = { key, value };
    await this.db.settings.put(after);
    if (before) {
      const changes = changedFields(before, after);
      this.queue('settings', key, { op: 'update', changes });
      this.auditChangesOf({ table: 'settings', id: key }, changes, after);
    } else {
      this.queue('settings', key, { op: 'insert', record: after });
      this.audit({ table: 'settings', id: key }, null, after, after);
    }
  }

  /**
   * Writes a setting of this installation alone (the backup key): audited
   * with its value hidden, never queued for other desktops, never in a
   * backup (core/backup/export.ts). `null` removes it.
   */
  async putLocalSetting(key: string, value: unknown): Promise<void> {
    const before = await this.db.settings.get(key);
    if (value === null) await this.db.settings.delete(key);
    else await this.db.settings.put({ key, value });
    const hidden = (row: unknown) => (row === undefined || row === null ? null : { key, value: REDACTED });
    this.audit({ table: 'settings', id: key }, hidden(before), hidden(value) ?? {}, { key });
  }

  /**
   * Records an operation that changes no single record (a restore replaces
   * them all): one audit change and one outbox row naming `entity`, with
   * `details` as its content.
   */
  logEvent(entity: EntityRef, details: Record<string, unknown>): void {
    this.queue(entity.table, entity.id, { op: 'insert', record: details });
    this.audit(entity, null, details, details);
  }

  /** `record`: the whole record (after the change), whose account, incident and ticket the change names. */
  private audit(entity: EntityRef, before: Record<string, unknown> | null, after: Record<string, unknown>, record: Record<string, unknown>): void {
    const change: AuditChange = { entity, before: before && redacted(before), after: redacted(after) };
    for (const field of OWNER_FIELDS) {
      const owner = record[field];
      if (typeof owner === 'string' && owner !== '') change[field] = owner;
    }
    this.auditChanges.push(change);
  }

  /** An update's audit change holds only what changed: the old values before, the new after. */
  private auditChangesOf(entity: EntityRef, changes: Record<string, { old: unknown; new: unknown }>, record: Record<string, unknown>): void {
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [field, change] of Object.entries(changes)) {
      before[field] = change.old;
      after[field] = change.new;
    }
    this.audit(entity, before, after, record);
  }

  private queue(table: TableName, recordId: string, body: Pick<OutboxRow, 'op' | 'record' | 'changes'>): void {
    this.outboxRows.push({ table, recordId, ...body });
  }

  /**
   * Writes what the command's helpers buffered, as one row each: the audit
   * event and the outbox record of the operation (numbered for this device,
   * with a hybrid logical clock reading), and the counters. One row per
   * operation, not per changed record: in Chromium every IndexedDB request
   * costs tens of microseconds whatever its size, and a renewal chunk
   * changes hundreds of records.
   */
  async finish(): Promise<void> {
    if (this.auditChanges.length > 0 || this.auditPostings.length > 0) {
      const event: AuditEvent = {
        id: newId(),
        actor: this.meta.actor,
        at: this.meta.at,
        command: this.meta.command,
        operationId: this.meta.opId,
        entityIds: auditEntityIds(this.auditChanges, this.auditPostings),
        changes: this.auditChanges,
        ...(this.auditPostings.length > 0 ? { postings: this.auditPostings } : {}),
      };
      await this.db.audit.add(event);
    }
    if (this.outboxRows.length > 0) {
      const device = await deviceState(this.db);
      const nowMs = Date.parse(this.meta.at);
      // Hybrid logical clock: never behind the last reading, even when the wall clock went back.
      let ms = Math.max(nowMs, device.hlcMs);
      let counter = ms === device.hlcMs ? device.hlcCounter + 1 : 0;
      // The counter has five digits in the string: past them, borrow the next millisecond so readings still sort.
      if (counter > HLC_MAX_COUNTER) {
        ms += 1;
        counter = 0;
      }
      const seq = device.seq + 1;
      const record: OutboxRecord = {
        id: newId(),
        deviceId: device.deviceId,
        seq,
        opId: this.meta.opId,
        command: this.meta.command,
        actor: this.meta.actor,
        rows: this.outboxRows,
        hlc: hlcString(ms, counter, device.deviceId),
        createdAt: this.meta.at,
        sentAt: null,
      };
      await this.db.outbox.add(record);
      await this.db.settings.put({ key: DEVICE_SETTING, value: { deviceId: device.deviceId, seq, hlcMs: ms, hlcCounter: counter } satisfies DeviceState });
    }
    await applyCounterDeltas(this.db, this.counterDeltas);
  }
}

/** The fields of a record that name the records it belongs to; an audit change copies them (AuditChange). */
const OWNER_FIELDS = ['accountId', 'incidentId', 'ticketId'] as const;

/** A ledger entry in short, as the audit event lists it. */
function postingOf(entry: LedgerEntry): AuditPosting {
  const posting: AuditPosting = { id: entry.id, accountId: entry.accountId, bucket: entry.bucket, kind: entry.kind, amount: entry.amount, businessDate: entry.businessDate };
  if (entry.subscriptionId !== undefined) posting.subscriptionId = entry.subscriptionId;
  if (entry.incidentId !== undefined) posting.incidentId = entry.incidentId;
  return posting;
}

/**
 * The ids an audit event is found by (its multiEntry index): the changed
 * records first, then the records they belong to and the postings'
 * accounts. Not the postings' own ids: a ledger entry names its operation,
 * whose event is found by `operationId`.
 */
export function auditEntityIds(changes: readonly AuditChange[], postings: readonly AuditPosting[]): string[] {
  const ids = new Set<string>();
  for (const change of changes) ids.add(change.entity.id);
  for (const change of changes) {
    if (change.accountId !== undefined) ids.add(change.accountId);
    if (change.incidentId !== undefined) ids.add(change.incidentId);
    if (change.ticketId !== undefined) ids.add(change.ticketId);
  }
  for (const posting of postings) ids.add(posting.accountId);
  return [...ids];
}

/** Fields the audit trail never shows: it says that a password hash changed, never what it is. */
export const REDACTED_FIELDS: readonly string[] = ['passwordHash'];
export const REDACTED = '[redacted]';

function redacted(fields: Record<string, unknown>): Record<string, unknown> {
  if (!REDACTED_FIELDS.some((field) => field in fields)) return fields;
  const copy = { ...fields };
  for (const field of REDACTED_FIELDS) if (field in copy) copy[field] = REDACTED;
  return copy;
}

/** This installation's device state, created on first use (a fresh database gets a fresh device id). */
export async function deviceState(db: Pick<AppDatabase, 'settings'>): Promise<DeviceState> {
  const row = await db.settings.get(DEVICE_SETTING);
  if (row) return row.value as DeviceState;
  const state: DeviceState = { deviceId: newId(), seq: 0, hlcMs: 0, hlcCounter: 0 };
  await db.settings.put({ key: DEVICE_SETTING, value: state });
  return state;
}
