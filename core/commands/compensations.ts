import Dexie from 'dexie';
import { z } from 'zod';
import { addDays, businessDateOf, monthKeyOf, PLANNED_NOTICE_HOURS, quoteCompensation, type CompensationLine } from '../../shared/billing';
import {
  multilineTextSchema,
  reasonInputSchema,
  tariffPriceOn,
  TEXT_LIMITS,
  type Compensation,
  type Incident,
  type IsoDate,
  type LedgerEntry,
  type Service,
  type Subscription,
  type Tariff,
  type TariffChange,
  type Tiyn,
} from '../../shared/domain';
import { CommandError } from '../errors';
import { newId } from '../ids';
import { splitEntries } from '../ledgerEntries';
import { defineCommand, refSchema } from '../registry';
import type { CommandTx, Reader } from '../tx';
import { postingOf } from './charges';
import { BULK_READS, loadIncident, subscriptionsByIds } from './incidents';
import { loadOpenAccount, loadService } from './loaders';
import { decision } from './decisions';

// ---------------------------------------------------------------------------
// Planning: pure functions over what was read in bulk, shared with the views.

/** What the fee of one subscription was when the incident began (§4.3 "monthlyFee"). */
export interface FeeBasis {
  /** The tariff the subscription had when the incident began. */
  tariffId: string;
  /** The start of the paid period that contained the incident start; null when no paid period did. */
  periodStart: IsoDate | null;
  /** That tariff's price for that period (on its start; on the incident's day when no period contained it). */
  periodPrice: Tiyn;
  billingMonths: 1 | 12;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The tariff a subscription had on business date `date`: its tariff now,
 * walked back through the changes that took effect after that day and were
 * applied (the subscription moved to their `toTariffId`; a change scheduled
 * at renewal that was dropped or has not happened yet is skipped).
 */
export function tariffIdOn(subscription: Pick<Subscription, 'tariffId'>, changes: readonly TariffChange[], date: IsoDate): string {
  const later = changes
    .filter((c) => c.status === 'approved' && c.effectiveDate > date)
    .sort((a, b) => byText(b.effectiveDate, a.effectiveDate) || byText(b.requestedAt, a.requestedAt) || byText(b.id, a.id));
  let tariffId = subscription.tariffId;
  for (const change of later) if (change.toTariffId === tariffId) tariffId = change.fromTariffId;
  return tariffId;
}

function inCurrentPeriod(subscription: Subscription, date: IsoDate): boolean {
  const period = subscription.currentPeriod;
  return period !== null && period.start <= date && date < period.end;
}

/** The start of the paid period that contained `date`: the current period, or the one a period charge paid. */
export function periodStartOn(subscription: Subscription, charges: readonly LedgerEntry[], date: IsoDate): IsoDate | null {
  if (inCurrentPeriod(subscription, date)) return subscription.currentPeriod!.start;
  for (const entry of charges) {
    const period = entry.period;
    if (entry.kind === 'period_charge' && entry.subscriptionId === subscription.id && period && period.start <= date && date < period.end) return period.start;
  }
  return null;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The start of the period of `months` months that ends on `end`: the same
 * day `months` months earlier, on the anchor day (the last day of a month
 * too short for it). The inverse of `nextPeriodEnd` for a period that ends
 * on the anchor, as every period the commands build does.
 */
export function previousPeriodStart(end: IsoDate, months: number, anchorDay: number): IsoDate {
  const index = Number(end.slice(0, 4)) * 12 + Number(end.slice(5, 7)) - 1 - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(Math.min(anchorDay, daysInMonth))}`;
}

/**
 * `periodStartOn` without the ledger, where the subscription's own record
 * settles it: the current period when it holds `date`; else, for a
 * subscription renewed once since, the period before the current one. The
 * commands build periods back to back from the first one (renewals start
 * where the current period ends, on the anchor day) and charge each on its
 * start, so that period was paid by a period charge, unless its charge was
 * 0 (nothing is posted) or a tariff change makes the charged tariff
 * uncertain. undefined: ask the ledger (also when `date` lies before the
 * previous period, before the first one, or after the current one).
 */
export function periodStartWithoutLedger(subscription: Subscription, changes: readonly TariffChange[], tariff: Tariff | undefined, date: IsoDate): IsoDate | undefined {
  const period = subscription.currentPeriod;
  if (period === null) return undefined;
  if (period.start <= date && date < period.end) return period.start;
  if (date >= period.end || changes.length > 0 || tariff === undefined || subscription.firstUseDate === null) return undefined;
  const start = previousPeriodStart(period.start, tariff.billingMonths, subscription.anchorDay);
  if (start > date || start < subscription.firstUseDate) return undefined;
  const price = tariffPriceOn(tariff, start);
  return price !== undefined && price > 0 ? start : undefined;
}

/**
 * Everything quoting an incident's compensations needs, read in a few bulk
 * requests (never one await per subscription): the subscriptions, the
 * service's tariffs, the subscriptions' tariff changes, the period charges
 * of those whose current period does not hold the incident's day, and the
 * compensations of the incident's month (the cap).
 */
export interface IncidentBook {
  incident: Incident;
  service: Service;
  /** Business date (UTC+05:00) of the incident start. */
  date: IsoDate;
  /** 'YYYY-MM' of the incident start in UTC+05:00: the cap's month. */
  month: string;
  subscriptions: Map<string, Subscription>;
  tariffs: Map<string, Tariff>;
  changes: Map<string, TariffChange[]>;
  charges: Map<string, LedgerEntry[]>;
  /** The start of the paid period that held `date`, for the subscriptions whose record settles it (periodStartWithoutLedger). */
  periodStarts: Map<string, IsoDate>;
  /** The month's compensations of these subscriptions, whatever their status or incident. */
  monthCompensations: Map<string, Compensation[]>;
  /** Quotes already made, by fee, amount already compensated and end (most subscriptions share one). */
  readonly quotes: Map<string, CompensationLine>;
  /** Tariff prices already looked up, by tariff and date. */
  readonly prices: Map<string, Tiyn | undefined>;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string | undefined, keep: ReadonlySet<string>): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === undefined || !keep.has(k)) continue;
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

async function tariffChangesOf(reader: Reader, ids: readonly string[]): Promise<TariffChange[]> {
  if (ids.length <= BULK_READS.perKeyMax) return reader.read.tariffChanges.where('subscriptionId').anyOf([...ids]).toArray();
  // Tariff changes are few next to subscriptions: one read of them all beats a request per subscription.
  return reader.read.tariffChanges.toArray();
}

async function monthCompensationsOf(reader: Reader, ids: readonly string[], month: string): Promise<Compensation[]> {
  if (ids.length <= BULK_READS.perKeyMax) return reader.read.compensations.where('[subscriptionId+month]').anyOf(ids.map((id) => [id, month])).toArray();
  return reader.read.compensations.where('month').equals(month).toArray();
}

/** Period charges that may have paid for `date`: per subscription for a few, else the service's charges of the window before `date`. */
async function periodChargesOf(reader: Reader, serviceId: string, needing: readonly Subscription[], tariffs: ReadonlyMap<string, Tariff>, date: IsoDate): Promise<LedgerEntry[]> {
  if (needing.length === 0) return [];
  if (needing.length <= BULK_READS.perKeyMax) {
    const lists = await Promise.all(needing.map((s) => reader.read.ledger.where('subscriptionId').equals(s.id).toArray()));
    return lists.flat();
  }
  // A period holding `date` started at most 31 days (12-month tariffs: 366) before it, and is charged on its start.
  const yearly = needing.some((s) => tariffs.get(s.tariffId)?.billingMonths !== 1);
  const from = addDays(date, yearly ? -366 : -31);
  const rows = await reader.read.ledger.where('[serviceId+businessDate]').between([serviceId, from], [serviceId, date], true, true).toArray();
  return rows.filter((e) => e.kind === 'period_charge');
}

/** Reads the book of an incident for these subscriptions (in a few requests, whatever their number). */
export async function readIncidentBook(reader: Reader, incident: Incident, service: Service, subscriptionIds: readonly string[]): Promise<IncidentBook> {
  const date = businessDateOf(incident.start);
  const month = monthKeyOf(incident.start);
  const [found, tariffRows, changes, compensations] = await Promise.all([
    subscriptionsByIds(reader, subscriptionIds),
    reader.read.tariffs.where('serviceId').equals(service.id).toArray(),
    tariffChangesOf(reader, subscriptionIds),
    monthCompensationsOf(reader, subscriptionIds, month),
  ]);
  const subscriptions = new Map<string, Subscription>();
  for (const s of found) if (s) subscriptions.set(s.id, s);
  const tariffs = new Map(tariffRows.map((t) => [t.id, t]));
  const ids = new Set(subscriptions.keys());
  const changesOf = groupBy(changes, (c) => c.subscriptionId, ids);
  // Most subscriptions' own records say which period held the date; only the rest need the ledger.
  const periodStarts = new Map<string, IsoDate>();
  const needing: Subscription[] = [];
  for (const s of subscriptions.values()) {
    const start = periodStartWithoutLedger(s, changesOf.get(s.id) ?? [], tariffs.get(s.tariffId), date);
    if (start === undefined) needing.push(s);
    else periodStarts.set(s.id, start);
  }
  const charges = await periodChargesOf(reader, service.id, needing, tariffs, date);
  return {
    incident,
    service,
    date,
    month,
    subscriptions,
    tariffs,
    changes: changesOf,
    charges: groupBy(charges, (e) => e.subscriptionId, new Set(needing.map((s) => s.id))),
    periodStarts,
    monthCompensations: groupBy(compensations, (c) => c.subscriptionId, ids),
    quotes: new Map(),
    prices: new Map(),
  };
}

function priceOn(book: IncidentBook, tariff: Tariff, date: IsoDate): Tiyn | undefined {
  const key = `${tariff.id}|${date}`;
  if (book.prices.has(key)) return book.prices.get(key);
  const price = tariffPriceOn(tariff, date);
  book.prices.set(key, price);
  return price;
}

/** The fee basis of one subscription; refused when its tariff is gone or has no price then. */
export function feeBasisOf(book: IncidentBook, subscription: Subscription): FeeBasis {
  const tariffId = tariffIdOn(subscription, book.changes.get(subscription.id) ?? [], book.date);
  const tariff = book.tariffs.get(tariffId);
  if (!tariff) throw new CommandError('errors:tariff.notFound', { params: { subscriptionId: subscription.id } });
  const periodStart = book.periodStarts.get(subscription.id) ?? periodStartOn(subscription, book.charges.get(subscription.id) ?? [], book.date);
  const priceDate = periodStart ?? book.date;
  const periodPrice = priceOn(book, tariff, priceDate);
  if (periodPrice === undefined) throw new CommandError('errors:tariff.noPrice', { params: { date: priceDate } });
  return { tariffId, periodStart, periodPrice, billingMonths: tariff.billingMonths };
}

/** What this subscription's other compensations of the month (not rejected) already take of the cap. */
export function alreadyCompensatedOf(book: IncidentBook, subscriptionId: string, exceptId?: string): Tiyn {
  let sum = 0;
  for (const c of book.monthCompensations.get(subscriptionId) ?? []) if (c.status !== 'rejected' && c.id !== exceptId) sum += c.quote.amount;
  return sum;
}

/**
 * `quoteCompensation` for one subscription and this incident (§4.3), with the
 * service's compensation policy and planned-works notice, `end` replaced by
 * an agreed one when a manager overrides the duration.
 */
export function quoteLine(book: IncidentBook, fee: FeeBasis, alreadyCompensated: Tiyn, end: string = book.incident.end!): CompensationLine {
  const key = `${fee.periodPrice}|${fee.billingMonths}|${alreadyCompensated}|${end}`;
  const known = book.quotes.get(key);
  if (known) return known;
  const policy = book.service.policy.compensation;
  if (policy === null) throw new CommandError('errors:compensation.notApplicable', { field: 'incidentId', params: { service: book.service.code } });
  const { incident } = book;
  const quote = quoteCompensation({
    periodPrice: fee.periodPrice,
    billingMonths: fee.billingMonths,
    policy,
    plannedNoticeHours: book.service.policy.plannedWorks?.noticeHours ?? PLANNED_NOTICE_HOURS,
    incidents: [{ id: incident.id, start: incident.start, end, cause: incident.cause, ...(incident.announcedAt === null ? {} : { announcedAt: incident.announcedAt }) }],
    alreadyCompensated: alreadyCompensated > 0 ? [{ month: book.month, amount: alreadyCompensated }] : [],
  });
  const line = quote.lines[0]!;
  book.quotes.set(key, line);
  return line;
}

/** A quote line as a compensation record keeps it. */
export function quoteRecord(line: CompensationLine): Compensation['quote'] {
  return { hours: line.hours, amount: line.amount, excluded: line.excluded, ...(line.reason === undefined ? {} : { reason: line.reason }) };
}

// ---------------------------------------------------------------------------
// Commands

const compensationRef = (compensation: Compensation) => ({ table: 'compensations' as const, id: compensation.id });
const incidentRefOf = (compensations: Compensation[]) => (compensations[0] ? { table: 'incidents' as const, id: compensations[0].incidentId } : null);

/**
 * Drafts the compensations of a closed incident (§4.3, §6): one `requested`
 * compensation per affected subscription, excluded ones included with
 * amount 0 and their reason, quoted with the tariff the subscription had
 * when the incident began, the price of the period that held the start,
 * and that subscription's other compensations of the month (not rejected)
 * as already compensated. Refused for an open incident, a service that does
 * not compensate downtime, and an incident already proposed. Drafting is
 * not a decision: an operator may do it. Reads in bulk, writes once.
 */
export const proposeCompensations = defineCommand({
  name: 'proposeCompensations',
  role: 'operator',
  input: z.object({ incidentId: refSchema('errors:incident.notFound') }),
  ref: incidentRefOf,
  run: async (tx, input): Promise<Compensation[]> => {
    const incident = await loadIncident(tx, input.incidentId);
    if (incident.end === null) throw new CommandError('errors:incident.open', { field: 'incidentId' });
    const [service, proposed] = await Promise.all([
      loadService(tx, incident.serviceId),
      tx.read.compensations.where('[incidentId+status]').between([incident.id, Dexie.minKey], [incident.id, Dexie.maxKey], true, true).count(),
    ]);
    if (service.policy.compensation === null) throw new CommandError('errors:compensation.notApplicable', { field: 'incidentId', params: { service: service.code } });
    if (proposed > 0) throw new CommandError('errors:compensation.alreadyProposed', { field: 'incidentId' });
    const book = await readIncidentBook(tx, incident, service, incident.subscriptionIds);
    // Quoted a slice at a time (a task each), then written by slices.
    const compensations = await tx.mapInSlices(incident.subscriptionIds, (subscriptionId): Compensation => {
      const subscription = book.subscriptions.get(subscriptionId);
      if (!subscription) throw new CommandError('errors:subscription.notFound', { params: { subscriptionId } });
      const line = quoteLine(book, feeBasisOf(book, subscription), alreadyCompensatedOf(book, subscriptionId));
      return {
        id: newId(),
        accountId: subscription.accountId,
        subscriptionId,
        incidentId: incident.id,
        month: line.month,
        quote: quoteRecord(line),
        overrideMinutes: null,
        overrideReason: null,
        status: 'requested',
        requestedAt: tx.meta.at,
        requestedBy: tx.meta.actor,
        decidedAt: null,
        decidedBy: null,
        decisionReason: null,
        ledgerEntryIds: [],
      };
    });
    return tx.insertMany('compensations', compensations);
  },
});

async function loadUndecidedCompensation(tx: Reader, id: string): Promise<Compensation> {
  const compensation = await tx.read.compensations.get(id);
  if (!compensation) throw new CommandError('errors:compensation.notFound', { field: 'compensationId' });
  if (compensation.status !== 'requested') {
    throw new CommandError('errors:compensation.alreadyDecided', { field: 'compensationId', params: { status: compensation.status } });
  }
  return compensation;
}

/** The compensation credit: one `bonus` entry (kind `compensation`) linked to the incident and the compensation, dated today. */
function creditEntries(tx: CommandTx, compensation: Compensation, serviceId: string): LedgerEntry[] {
  if (compensation.quote.amount <= 0) return [];
  return splitEntries(postingOf(tx, tx.meta.today), {
    accountId: compensation.accountId,
    kind: 'compensation',
    split: { bonus: compensation.quote.amount, money: 0 },
    direction: 'credit',
    subscriptionId: compensation.subscriptionId,
    serviceId,
    links: { incidentId: compensation.incidentId, compensationId: compensation.id },
  });
}

/** The longest agreed duration: 366 days. */
export const MAX_OVERRIDE_MINUTES = 527_040;

export const approveCompensationInput = z.object({
  compensationId: refSchema('errors:compensation.notFound'),
  /** The duration agreed with the client (§4.3, 000 §9.2), in whole minutes. */
  overrideMinutes: z
    .number({ error: 'errors:compensation.overrideMinutesInvalid' })
    .int({ error: 'errors:compensation.overrideMinutesInvalid' })
    .min(0, { error: 'errors:compensation.overrideMinutesInvalid' })
    .max(MAX_OVERRIDE_MINUTES, { error: 'errors:compensation.overrideMinutesInvalid' })
    .optional(),
  /** Required with overrideMinutes, refused without it. */
  overrideReason: multilineTextSchema({ max: TEXT_LIMITS.reason, required: false }),
});

/**
 * Approves one requested compensation (manager): the amount is credited to
 * the `bonus` bucket, dated today; nothing is posted for 0. With an agreed
 * duration (`overrideMinutes` and a written `overrideReason`) the amount is
 * quoted again as if the incident had lasted that long, under the same cap
 * (the subscription's other compensations of the month that are not
 * rejected count as already compensated). An excluded line stays excluded:
 * its duration cannot be overridden.
 */
export const approveCompensation = defineCommand({
  name: 'approveCompensation',
  role: 'manager',
  input: approveCompensationInput,
  ref: compensationRef,
  run: async (tx, input): Promise<Compensation> => {
    const { overrideMinutes, overrideReason } = input;
    if (overrideMinutes === undefined && overrideReason !== undefined) throw new CommandError('errors:compensation.overrideMinutesRequired', { field: 'overrideMinutes' });
    if (overrideMinutes !== undefined && overrideReason === undefined) throw new CommandError('errors:compensation.overrideReasonRequired', { field: 'overrideReason' });
    const before = await loadUndecidedCompensation(tx, input.compensationId);
    await loadOpenAccount(tx, before.accountId);
    const incident = await loadIncident(tx, before.incidentId);
    let quote = before.quote;
    if (overrideMinutes !== undefined) {
      if (before.quote.excluded) throw new CommandError('errors:compensation.overrideExcluded', { field: 'overrideMinutes', params: { reason: before.quote.reason } });
      const service = await loadService(tx, incident.serviceId);
      const book = await readIncidentBook(tx, incident, service, [before.subscriptionId]);
      const subscription = book.subscriptions.get(before.subscriptionId);
      if (!subscription) throw new CommandError('errors:subscription.notFound', { params: { subscriptionId: before.subscriptionId } });
      const end = new Date(Date.parse(incident.start) + overrideMinutes * 60_000).toISOString();
      quote = quoteRecord(quoteLine(book, feeBasisOf(book, subscription), alreadyCompensatedOf(book, before.subscriptionId, before.id), end));
    }
    const decided = { ...before, quote };
    const posted = await tx.post(creditEntries(tx, decided, incident.serviceId));
    const after: Compensation = {
      ...decided,
      overrideMinutes: overrideMinutes ?? null,
      overrideReason: overrideReason ?? null,
      ...decision(tx, 'approved', { reason: overrideReason ?? null, ledgerEntryIds: posted.map((e) => e.id) }),
    };
    return tx.update('compensations', before, after);
  },
});

/** Refuses a requested compensation with a written reason (manager); nothing is credited. */
export const rejectCompensation = defineCommand({
  name: 'rejectCompensation',
  role: 'manager',
  input: z.object({ compensationId: refSchema('errors:compensation.notFound'), reason: reasonInputSchema }),
  ref: compensationRef,
  run: async (tx, input): Promise<Compensation> => {
    const before = await loadUndecidedCompensation(tx, input.compensationId);
    const after: Compensation = { ...before, ...decision(tx, 'rejected', { reason: input.reason }) };
    return tx.update('compensations', before, after);
  },
});

/**
 * Approves every requested compensation of an incident at once, as quoted
 * (manager), in one transaction: one index read, one posting of all the
 * credits, one bulk update. Compensations of clients whose account has been
 * closed stay requested (a closed account takes no credit; reject them with
 * a reason). Returns the compensations it approved.
 */
export const approveIncidentCompensations = defineCommand({
  name: 'approveIncidentCompensations',
  role: 'manager',
  input: z.object({ incidentId: refSchema('errors:incident.notFound') }),
  ref: incidentRefOf,
  run: async (tx, input): Promise<Compensation[]> => {
    const incident = await loadIncident(tx, input.incidentId);
    const [requested, closed] = await Promise.all([
      tx.read.compensations.where('[incidentId+status]').equals([incident.id, 'requested']).toArray(),
      tx.read.accounts.where('status').equals('closed').primaryKeys(),
    ]);
    const closedIds = new Set(closed as string[]);
    // Built a slice at a time (a task each); post and updateMany write by slices.
    const decided = await tx.mapInSlices(
      requested.filter((before) => !closedIds.has(before.accountId)),
      (before) => {
        const credit = creditEntries(tx, before, incident.serviceId);
        const after: Compensation = { ...before, ...decision(tx, 'approved', { reason: null, ledgerEntryIds: credit.map((e) => e.id) }) };
        return { before, after, credit };
      },
    );
    await tx.post(decided.flatMap((d) => d.credit));
    await tx.updateMany(
      'compensations',
      decided.map((d) => [d.before, d.after] as const),
    );
    return decided.map((d) => d.after);
  },
});

/** For the views: the compensations of one incident, every status, through `[incidentId+status]`. */
export function compensationsOfIncident(reader: Reader, incidentId: string): Promise<Compensation[]> {
  return reader.read.compensations.where('[incidentId+status]').between([incidentId, Dexie.minKey], [incidentId, Dexie.maxKey], true, true).toArray();
}
