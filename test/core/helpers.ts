import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect } from 'vitest';
import { makeIinBin } from '../../shared/billing';
import { AppDatabase, createStore, type AccountInput, type LedgerEntry, type StaffRole, type Store, type Tariff } from '../../core';

let counter = 0;

/** A fresh, private IndexedDB per test: nothing leaks between tests. */
export function freshDatabase(): AppDatabase {
  counter += 1;
  return new AppDatabase(`test-${counter}-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

export interface TestStore extends Store {
  setNow(iso: string): void;
}

/** A store whose clock is pinned (default 2026-03-15 12:00 in Almaty) and whose actor is 'tester'. */
export async function freshStore(now = '2026-03-15T12:00:00+05:00', role: StaffRole = 'admin'): Promise<TestStore> {
  let current = new Date(now);
  const store = createStore(freshDatabase(), { now: () => current, actor: () => 'tester', role: () => role });
  await store.ensureCatalog();
  return Object.assign(store, { setNow: (iso: string) => (current = new Date(iso)) });
}

/** A valid IIN (5th digit 0–3) or BIN (5th digit 4) built from a number, for unique test identifiers. */
export function validIin(n: number): string {
  for (let serial = n * 10; ; serial++) {
    const id = makeIinBin(`900101${String(3 + (serial % 2))}${String(serial % 10000).padStart(4, '0')}`);
    if (id) return id;
  }
}

export function validBin(n: number): string {
  for (let serial = n * 10; ; serial++) {
    const id = makeIinBin(`150340${String(serial % 100000).padStart(5, '0')}`);
    if (id) return id;
  }
}

export function accountInput(overrides: Partial<AccountInput> = {}): AccountInput {
  return {
    kind: 'legal_entity',
    name: 'ТОО «Алтын Сапа»',
    iinBin: validBin(1),
    responsiblePerson: 'Ахметов Ерлан Серікұлы',
    email: 'Info@AltynSapa.kz',
    phone: '8 (701) 123-45-67',
    language: 'kk',
    ...overrides,
  };
}

let ops = 0;
export function opId(): string {
  ops += 1;
  return `op-${ops}-${crypto.randomUUID()}`;
}

export async function tableCounts(store: Store) {
  const db = store.db;
  return {
    accounts: await db.accounts.count(),
    subscriptions: await db.subscriptions.count(),
    ledger: await db.ledger.count(),
    audit: await db.audit.count(),
    outbox: await db.outbox.count(),
    operations: await db.operations.count(),
  };
}

/** Expects a promise to reject with a CommandError of this code; returns the error for more checks. */
export async function commandErrorOf(promise: Promise<unknown>): Promise<{ code: string; field?: string; params?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; field?: string; params?: Record<string, unknown> };
  }
  throw new Error('expected the command to fail');
}

/** One expected line of an account statement, as a person reads it. */
export interface StatementRow {
  date: string;
  kind: LedgerEntry['kind'];
  bucket: LedgerEntry['bucket'];
  amount: number;
  period?: { start: string; end: string };
}

/**
 * Kill Bill's habit: check an account's WHOLE ledger, line by line (business
 * date, kind, bucket, amount, period) in the order it was posted, and fail
 * on any missing or extra row. Balances are checked against the rows too.
 */
export async function expectStatement(store: Store, accountId: string, rows: StatementRow[]): Promise<void> {
  const entries = await store.db.ledger.where('[accountId+at]').between([accountId, Dexie.minKey], [accountId, Dexie.maxKey]).toArray();
  entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const actual = entries.map((e) => ({
    date: e.businessDate,
    kind: e.kind,
    bucket: e.bucket,
    amount: e.amount,
    ...(e.period === undefined ? {} : { period: e.period }),
  }));
  expect(actual).toEqual(rows);
  const sums = { money: 0, bonus: 0 };
  for (const row of rows) sums[row.bucket] += row.amount;
  expect(await store.getBalances(accountId)).toEqual(sums);
}

/**
 * Every counter the core keeps, recomputed from the rows: row counts per
 * table and status, and the monthly ledger totals. Tests compare it with
 * the counters table, which the commands (and the demo generator) keep.
 */
export async function countersByScan(store: Store): Promise<Record<string, number>> {
  const { addCounterDeltas, addLedgerTotals } = await import('../../core/counters');
  const deltas = new Map<string, number>();
  for (const account of await store.db.accounts.toArray()) addCounterDeltas(deltas, 'accounts', null, account);
  for (const subscription of await store.db.subscriptions.toArray()) addCounterDeltas(deltas, 'subscriptions', null, subscription);
  addLedgerTotals(deltas, await store.db.ledger.toArray());
  // The compensation totals, by hand (not with the commands' own function): per month and status, number, hours and amount.
  for (const c of await store.db.compensations.toArray()) {
    for (const [what, value] of [['n', 1], ['hours', c.quote.hours], ['amount', c.quote.amount]] as const) {
      const key = `compensations:${what}:${c.month}:${c.status}`;
      deltas.set(key, (deltas.get(key) ?? 0) + value);
    }
  }
  return Object.fromEntries([...deltas].filter(([, value]) => value !== 0).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export async function storedCounters(store: Store): Promise<Record<string, number>> {
  const rows = await store.db.counters.toArray();
  return Object.fromEntries(rows.filter((r) => r.value !== 0).map((r) => [r.key, r.value]).sort(([a], [b]) => (a! < b! ? -1 : 1)));
}

/** A record's changes as the audit keeps them: each with its event's command, operation, actor and time (oldest first). */
export async function auditOf(store: Store, recordId: string) {
  const events = await store.db.audit.where('entityIds').equals(recordId).sortBy('at');
  return events.flatMap(({ command, operationId, actor, at, changes }) =>
    changes.filter((c) => c.entity.id === recordId).map((c) => ({ command, operationId, actor, at, ...c })),
  );
}

/** A record's rows in the outbox, each with its operation's seq, opId, command, actor and sentAt. */
export async function outboxOf(store: Store, table: string, recordId: string) {
  const records = await store.db.outbox.orderBy('seq').toArray();
  return records.flatMap(({ seq, opId, command, actor, sentAt, rows }) =>
    rows.filter((r) => r.table === table && r.recordId === recordId).map((r) => ({ seq, opId, command, actor, sentAt, ...r })),
  );
}

/** Extra tariffs of a service with the prices of the worked examples (the seed catalog has other prices). */
export async function addTariffs(store: Store, serviceId: string, prices: Record<string, number>, billingMonths: 1 | 12 = 1): Promise<void> {
  const tariffs: Tariff[] = Object.entries(prices).map(([id, price], i) => ({
    id,
    serviceId,
    code: id,
    name: { kk: `${id} kk`, ru: `${id} ru` },
    billingMonths,
    prices: [{ from: '2020-01-01', price }],
    limits: {},
    active: true,
    sortOrder: 100 + i,
  }));
  await store.db.tariffs.bulkAdd(tariffs);
}
