import type { Table } from 'dexie';
import type { Compensation, Counter, LedgerEntry, TableName } from '../shared/domain';

/**
 * The counters a row contributes to, by table: a total and one per status.
 * The commands keep them in their own transaction (insert: +1 for the new
 * row's keys; update: −1 for the old row's, +1 for the new one's), the demo
 * generator adds its rows' counts, and tests compare them with count().
 * A screen reads a total without scanning 100 000 rows after every write.
 */
export function countersOf(table: TableName, record: object): string[] {
  const status = (record as { status?: unknown }).status;
  switch (table) {
    case 'accounts':
    case 'subscriptions':
      return typeof status === 'string' ? [table, `${table}:status:${status}`] : [table];
    default:
      return [];
  }
}

/** The month ('YYYY-MM') of a business date. */
const monthOf = (date: string) => date.slice(0, 7);

/** No service (a payment, a payout): the ledger totals' service part. */
export const NO_SERVICE = '-';

/** The key of a monthly ledger total: sorts by month, so a range of months is one key range. */
export function ledgerTotalKey(what: 'sum' | 'n', month: string, kind: string, bucket: string, serviceId: string): string {
  return `ledger:${what}:${month}:${kind}:${bucket}:${serviceId}`;
}

/**
 * Monthly ledger totals per kind, bucket and service, kept like the counters
 * (same transaction as the entries): the sum of amounts and the number of
 * entries. The ledger screen and the reports read a month's totals from a
 * few rows instead of summing tens of thousands of entries.
 */
export function ledgerTotalDeltas(entry: LedgerEntry): [string, number][] {
  const month = monthOf(entry.businessDate);
  const service = entry.serviceId ?? NO_SERVICE;
  return [
    [ledgerTotalKey('sum', month, entry.kind, entry.bucket, service), entry.amount],
    [ledgerTotalKey('n', month, entry.kind, entry.bucket, service), 1],
  ];
}

/** The key of a monthly compensation total: the incident's month, the decision status, and what is summed. */
export function compensationTotalKey(month: string, status: string, what: 'n' | 'hours' | 'amount'): string {
  return `compensations:${what}:${month}:${status}`;
}

/**
 * Weighted totals a row contributes to: compensations per month (the
 * incident's) and status, their number, full hours and amount. The
 * dashboard charts a year of them from a few dozen rows; a decision moves a
 * row's weights from one status to the other in the deciding transaction.
 */
export function weightedCountersOf(table: TableName, record: object): [string, number][] {
  if (table !== 'compensations') return [];
  const { month, status, quote } = record as Partial<Compensation>;
  if (typeof month !== 'string' || typeof status !== 'string' || !quote) return [];
  return [
    [compensationTotalKey(month, status, 'n'), 1],
    [compensationTotalKey(month, status, 'hours'), quote.hours],
    [compensationTotalKey(month, status, 'amount'), quote.amount],
  ];
}

/** Adds the counter changes of one record's move from `before` to `after` (either may be null) into `deltas`. */
export function addCounterDeltas(deltas: Map<string, number>, table: TableName, before: object | null, after: object | null): void {
  if (before) {
    for (const key of countersOf(table, before)) deltas.set(key, (deltas.get(key) ?? 0) - 1);
    for (const [key, weight] of weightedCountersOf(table, before)) deltas.set(key, (deltas.get(key) ?? 0) - weight);
  }
  if (after) {
    for (const key of countersOf(table, after)) deltas.set(key, (deltas.get(key) ?? 0) + 1);
    for (const [key, weight] of weightedCountersOf(table, after)) deltas.set(key, (deltas.get(key) ?? 0) + weight);
  }
}

export function addLedgerTotals(deltas: Map<string, number>, entries: readonly LedgerEntry[]): void {
  for (const entry of entries) for (const [key, delta] of ledgerTotalDeltas(entry)) deltas.set(key, (deltas.get(key) ?? 0) + delta);
}

/** Adds the deltas to the stored counters (one bulkGet, one bulkPut); zero deltas are skipped. */
export async function applyCounterDeltas(db: { counters: Pick<Table<Counter, string>, 'bulkGet' | 'bulkPut'> }, deltas: Map<string, number>): Promise<void> {
  const changed = [...deltas].filter(([, delta]) => delta !== 0);
  if (changed.length === 0) return;
  const current = await db.counters.bulkGet(changed.map(([key]) => key));
  await db.counters.bulkPut(changed.map(([key, delta], i) => ({ key, value: (current[i]?.value ?? 0) + delta })));
}
