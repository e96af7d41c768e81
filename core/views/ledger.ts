import { z } from 'zod';
import { addDays } from '../../shared/billing';
import { BUCKETS, LEDGER_KINDS, idSchema, isoDateSchema, storedIsoDateSchema, type Bucket, type IsoDate, type LedgerEntry, type LedgerKind } from '../../shared/domain';
import type { AppDatabase } from '../db';
import { parseInput } from '../registry';
import { NO_SERVICE } from '../counters';

/** Entries per page of the ledger screen ("load more" asks for the next one). */
export const LEDGER_PAGE_SIZE = 500;
export const LEDGER_PAGE_MAX = 20_000;

const filterFields = {
  /** Business dates, both included. */
  from: isoDateSchema,
  to: isoDateSchema,
  kind: z.enum(LEDGER_KINDS).optional(),
  bucket: z.enum(BUCKETS).optional(),
  serviceId: idSchema.optional(),
};

export const ledgerFilterSchema = z.object(filterFields);
export type LedgerFilter = z.input<typeof ledgerFilterSchema>;

/** Where the previous page stopped: its last entry (pages run newest first: business date, then id, descending). */
export const ledgerCursorSchema = z.object({ businessDate: storedIsoDateSchema, id: idSchema });
export type LedgerCursor = z.infer<typeof ledgerCursorSchema>;

const pageInputSchema = z.object({
  ...filterFields,
  limit: z.number().int().min(1).max(LEDGER_PAGE_MAX).optional(),
  after: ledgerCursorSchema.optional(),
});
export type LedgerPageInput = z.input<typeof pageInputSchema>;

/** An entry with its client's name (joined for the page only). */
export interface LedgerRow extends LedgerEntry {
  accountName: string;
}

export interface LedgerPage {
  entries: LedgerRow[];
  /** The cursor of the next page, or null when this one is the last. */
  next: LedgerCursor | null;
}

type Filter = z.output<typeof ledgerFilterSchema>;
type Range = readonly [IsoDate, IsoDate];

/**
 * The narrowest index for a filter over business dates `[lo, hi]` (SCHEMA_V4):
 * a service walks `[serviceId+businessDate]`, a kind `[kind+businessDate]`,
 * anything else `businessDate`. What the index does not cover (bucket, and
 * the kind when a service is given) is checked entry by entry.
 */
function walk(db: AppDatabase, filter: Filter, lo: IsoDate, hi: IsoDate) {
  const { serviceId, kind } = filter;
  if (serviceId !== undefined) return db.ledger.where('[serviceId+businessDate]').between([serviceId, lo], [serviceId, hi], true, true);
  if (kind !== undefined) return db.ledger.where('[kind+businessDate]').between([kind, lo], [kind, hi], true, true);
  return db.ledger.where('businessDate').between(lo, hi, true, true);
}

function matches(filter: Filter): ((entry: LedgerEntry) => boolean) | null {
  const { serviceId, kind, bucket } = filter;
  const kindLeft = kind !== undefined && serviceId !== undefined;
  if (!kindLeft && bucket === undefined) return null;
  return (entry) => (!kindLeft || entry.kind === kind) && (bucket === undefined || entry.bucket === bucket);
}

/**
 * All clients' ledger entries for the filter, newest first (business date,
 * then id: UUIDv7 ids sort by creation), one page at a time through an
 * index (no table scan), with the client's name joined for that page only.
 */
export async function listLedgerEntries(db: AppDatabase, input: LedgerPageInput): Promise<LedgerPage> {
  const { limit = LEDGER_PAGE_SIZE, after, ...filter } = parseInput(pageInputSchema, input);
  const hi = after === undefined || after.businessDate > filter.to ? filter.to : after.businessDate;
  if (filter.from > hi) return { entries: [], next: null };
  const match = matches(filter);
  const keep =
    after === undefined
      ? match
      : (entry: LedgerEntry) => !(entry.businessDate === after.businessDate && entry.id >= after.id) && (match === null || match(entry));
  const collection = walk(db, filter, filter.from, hi).reverse();
  const found = await (keep === null ? collection : collection.filter(keep)).limit(limit + 1).toArray();
  const more = found.length > limit;
  const page = more ? found.slice(0, limit) : found;
  const accounts = await db.accounts.bulkGet([...new Set(page.map((e) => e.accountId))]);
  const names = new Map(accounts.filter((a) => a !== undefined).map((a) => [a.id, a.name]));
  const last = page.at(-1);
  return {
    entries: page.map((entry) => ({ ...entry, accountName: names.get(entry.accountId) ?? '' })),
    next: more && last ? { businessDate: last.businessDate, id: last.id } : null,
  };
}

/** One kind and bucket of the totals: the sum of the amounts (signed tiyn) and the number of entries. */
export interface LedgerTotalLine {
  kind: LedgerKind;
  bucket: Bucket;
  sum: number;
  count: number;
}

export interface LedgerTotals {
  /** In LEDGER_KINDS order, money before bonus; only kinds and buckets with entries. */
  lines: LedgerTotalLine[];
  sum: number;
  count: number;
  /** How they were read (see planTotals): month ranges from the counters, day ranges scanned and added or subtracted. */
  plan: TotalsPlan;
}

/** How `ledgerTotals` reads a date range: whole months from the counters, the rest by index scans. */
export interface TotalsPlan {
  /** Runs of consecutive months ('YYYY-MM', both included) read from the monthly counters. */
  months: (readonly [string, string])[];
  /** Day ranges whose entries are added. */
  add: Range[];
  /** Day ranges whose entries are subtracted (the rest of a month read whole from the counters). */
  subtract: Range[];
}

const monthOf = (date: IsoDate) => date.slice(0, 7);

function firstOfNextMonth(date: IsoDate): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

const daysIn = ([lo, hi]: Range) => (Date.parse(hi) - Date.parse(lo)) / 86_400_000 + 1;

/**
 * How to total `[from, to]` cheaply: each calendar month it covers whole is
 * read from the monthly counters; of a month it covers in part, the
 * smaller side (in days) is scanned: the part itself (added), or the rest
 * of the month (subtracted from the month's counters). So no more than half
 * a month is ever scanned at either end of the range.
 */
export function planTotals(from: IsoDate, to: IsoDate): TotalsPlan {
  const plan: TotalsPlan = { months: [], add: [], subtract: [] };
  if (from > to) return plan;
  const counted: string[] = [];
  for (let monthStart = `${monthOf(from)}-01`; monthStart <= to; monthStart = firstOfNextMonth(monthStart)) {
    const monthEnd = addDays(firstOfNextMonth(monthStart), -1);
    const lo = from > monthStart ? from : monthStart;
    const hi = to < monthEnd ? to : monthEnd;
    const rest: Range[] = [];
    if (monthStart < lo) rest.push([monthStart, addDays(lo, -1)]);
    if (hi < monthEnd) rest.push([addDays(hi, 1), monthEnd]);
    const restDays = rest.reduce((days, range) => days + daysIn(range), 0);
    if (restDays < daysIn([lo, hi])) {
      counted.push(monthOf(monthStart));
      plan.subtract.push(...rest);
    } else {
      plan.add.push([lo, hi]);
    }
  }
  for (const month of counted) {
    const last = plan.months.at(-1);
    if (last && firstOfNextMonth(`${last[1]}-01`).startsWith(month)) plan.months[plan.months.length - 1] = [last[0], month];
    else plan.months.push([month, month]);
  }
  return plan;
}

/** One month, kind, bucket and service of the totals (`ledgerTotalsByMonth`). */
export interface LedgerMonthTotal extends LedgerTotalLine {
  /** 'YYYY-MM'. */
  month: string;
  /** The service, or NO_SERVICE ('-') for payments and payouts. */
  serviceId: string;
}

/**
 * Sum and count of the filter's entries per month, kind, bucket and
 * service. Whole months come from the monthly counters the commands keep
 * in their transactions (`ledger:sum|n:<month>:<kind>:<bucket>:<service>`,
 * one key range per run of months and measure, a few hundred rows at most);
 * a month covered in part is completed by an index scan of its smaller side
 * (planTotals). A year of a million-entry ledger is read from about a
 * thousand rows.
 */
export async function ledgerTotalsByMonth(db: AppDatabase, input: LedgerFilter): Promise<{ lines: LedgerMonthTotal[]; plan: TotalsPlan }> {
  const filter = parseInput(ledgerFilterSchema, input);
  const plan = planTotals(filter.from, filter.to);
  const totals = new Map<string, LedgerMonthTotal>();
  const add = (month: string, kind: LedgerKind, bucket: Bucket, serviceId: string, sum: number, count: number) => {
    const key = `${month}:${kind}:${bucket}:${serviceId}`;
    const line = totals.get(key) ?? { month, kind, bucket, serviceId, sum: 0, count: 0 };
    line.sum += sum;
    line.count += count;
    totals.set(key, line);
  };

  const reads: Promise<void>[] = [];
  for (const [first, last] of plan.months) {
    for (const measure of ['sum', 'n'] as const) {
      reads.push(
        db.counters
          .where('key')
          .between(`ledger:${measure}:${first}:`, `ledger:${measure}:${last}:\uffff`, true, true)
          .each((row) => {
            const [, , month, kind, bucket, ...service] = row.key.split(':');
            const serviceId = service.join(':');
            if (filter.kind !== undefined && kind !== filter.kind) return;
            if (filter.bucket !== undefined && bucket !== filter.bucket) return;
            if (filter.serviceId !== undefined && serviceId !== filter.serviceId) return;
            if (!(LEDGER_KINDS as readonly string[]).includes(kind ?? '') || !(BUCKETS as readonly string[]).includes(bucket ?? '')) return;
            if (measure === 'sum') add(month!, kind as LedgerKind, bucket as Bucket, serviceId, row.value, 0);
            else add(month!, kind as LedgerKind, bucket as Bucket, serviceId, 0, row.value);
          }),
      );
    }
  }
  const match = matches(filter);
  const scan = (ranges: Range[], sign: 1 | -1) => {
    for (const [lo, hi] of ranges) {
      reads.push(
        // toArray (not a cursor walk): IndexedDB's getAll reads a range in one request.
        walk(db, filter, lo, hi)
          .toArray()
          .then((entries) => {
            for (const entry of entries) {
              if (match === null || match(entry)) add(monthOf(entry.businessDate), entry.kind, entry.bucket, entry.serviceId ?? NO_SERVICE, sign * entry.amount, sign);
            }
          }),
      );
    }
  };
  scan(plan.add, 1);
  scan(plan.subtract, -1);
  await Promise.all(reads);
  return { lines: [...totals.values()].filter((line) => line.count !== 0 || line.sum !== 0), plan };
}

/** Sum and count of the filter's entries per kind and bucket (ledgerTotalsByMonth, folded). */
export async function ledgerTotals(db: AppDatabase, input: LedgerFilter): Promise<LedgerTotals> {
  const { lines: monthly, plan } = await ledgerTotalsByMonth(db, input);
  const totals = new Map<string, LedgerTotalLine>();
  for (const { kind, bucket, sum, count } of monthly) {
    const key = `${kind}:${bucket}`;
    const line = totals.get(key) ?? { kind, bucket, sum: 0, count: 0 };
    line.sum += sum;
    line.count += count;
    totals.set(key, line);
  }

  const order = (line: LedgerTotalLine) => LEDGER_KINDS.indexOf(line.kind) * BUCKETS.length + BUCKETS.indexOf(line.bucket);
  const lines = [...totals.values()].filter((line) => line.count !== 0 || line.sum !== 0).sort((a, b) => order(a) - order(b));
  return {
    lines,
    sum: lines.reduce((s, line) => s + line.sum, 0),
    count: lines.reduce((s, line) => s + line.count, 0),
    plan,
  };
}
