import { BUSINESS_OFFSET_MINUTES, businessDateOf, nextPeriodEnd, quoteCompensation, splitCharge } from '../../shared/billing';
import {
  PAYMENT_METHODS,
  type Account,
  tariffPriceOn,
  type Compensation,
  type Incident,
  type IsoDate,
  type LedgerEntry,
  type Period,
  type Service,
  type Subscription,
  type SubscriptionStatus,
  type Tariff,
} from '../../shared/domain';
import type { AppDatabase, StoredAccount } from '../db';
import { CommandError } from '../errors';
import { searchFieldsOf } from '../searchFields';
import type { DemoOptions, DemoSummary } from '../types';
import { IinBinFactory, demoParty } from './people';
import { Random } from './random';

export const DEMO_ACTOR = 'demo';
/** Accounts per write transaction: about 10 000–20 000 rows across the tables. */
const CHUNK_ACCOUNTS = 1500;
const COMPENSATION_CHANCE = 0.12;

interface PlannedSubscription {
  subscription: Subscription;
  tariff: Tariff;
  service: Service;
  periods: Period[];
  compensate: boolean;
}

/** One ledger movement before it is split into buckets; processed in time order per account. */
type DemoEvent =
  | { type: 'payment'; at: string; date: IsoDate; amount: number; subscriptionId?: string }
  | { type: 'charge'; at: string; date: IsoDate; price: number; subscriptionId: string; period: Period }
  | { type: 'compensation'; at: string; date: IsoDate; compensation: Compensation };

function evenShare(total: number, parts: number, index: number): number {
  return Math.floor(((index + 1) * total) / parts) - Math.floor((index * total) / parts);
}

function monthsBack(date: IsoDate, months: number, day: number): IsoDate {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}


/** The UTC instant of a business-time wall clock (UTC+05:00); arithmetic, not string parsing: it runs a million times. */
function instantAt(date: IsoDate, minuteOfDay: number): string {
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), 0, minuteOfDay - BUSINESS_OFFSET_MINUTES);
  return new Date(ms).toISOString();
}

/** The engine's nextPeriodEnd, remembered: demo periods share a few thousand distinct starts. */
const periodEnds = new Map<string, IsoDate>();
function periodEnd(start: IsoDate, months: number, anchor: number): IsoDate {
  const key = `${start}|${months}|${anchor}`;
  let end = periodEnds.get(key);
  if (end === undefined) {
    end = nextPeriodEnd(start, months, anchor);
    periodEnds.set(key, end);
  }
  return end;
}

function periodsFrom(start: IsoDate, months: number, count: number): Period[] {
  const anchor = Number(start.slice(8, 10));
  const periods: Period[] = [];
  let from = start;
  for (let i = 0; i < count; i++) {
    const end = periodEnd(from, months, anchor);
    periods.push({ start: from, end });
    from = end;
  }
  return periods;
}

function checkCount(name: string, value: number | undefined, fallback: number): number {
  const n = value ?? fallback;
  if (!Number.isSafeInteger(n) || n < 0 || n > 10_000_000) throw new RangeError(`generateDemoData: ${name} must be a non-negative integer`);
  return n;
}

/**
 * Fills an EMPTY store with realistic, reproducible data, fast: it writes
 * with bulkAdd in chunks instead of going through the per-command path (no
 * audit, outbox or operation records), but produces the same record shapes,
 * and every ledger is consistent: each period is charged at the tariff price in
 * force on its start day, bonus first, and no bucket ever goes below zero.
 * Counts are exact: `accounts`, `subscriptions` and `ledgerEntries` as asked.
 */
export async function generateDemoData(db: AppDatabase, opts: DemoOptions & { today: Date }): Promise<DemoSummary> {
  const started = Date.now();
  const accountCount = checkCount('accounts', opts.accounts, 2000);
  const subscriptionCount = checkCount('subscriptions', opts.subscriptions, Math.round(accountCount * 1.5));
  const ledgerCount = checkCount('ledgerEntries', opts.ledgerEntries, accountCount * 10);
  const seed = opts.seed ?? 1;
  if (subscriptionCount > 0 && accountCount === 0) throw new RangeError('generateDemoData: subscriptions need accounts');
  if ((await db.accounts.count()) > 0) throw new CommandError('errors:demo.notEmpty');

  const services = await db.services.toArray();
  const tariffs = (await db.tariffs.toArray()).filter((t) => t.active);
  const serviceById = new Map(services.map((s) => [s.id, s]));
  const prices = new Map<string, number>();
  const priceOf = (tariff: Tariff, start: IsoDate): number => {
    const key = `${tariff.id}|${start}`;
    let price = prices.get(key);
    if (price === undefined) {
      price = tariffPriceOn(tariff, start)!;
      prices.set(key, price);
    }
    return price;
  };
  if (tariffs.length === 0) throw new Error('generateDemoData: the catalog is empty; call ensureCatalog() first');

  const random = new Random(seed);
  const idRandom = new Random(seed ^ 0x5bd1e995);
  const ids = new IinBinFactory(random);
  const today = businessDateOf(opts.today.toISOString());
  const incidentsByKey = new Map<string, Incident[]>();
  const incidents: Incident[] = [];
  let opCounter = 0;
  const nextOp = () => `demo-${seed}-${++opCounter}`;
  const summary = { accounts: 0, subscriptions: 0, ledgerEntries: 0, incidents: 0, compensations: 0 };

  // Subscriptions per account: an even spread, jittered pairwise so that the total stays exact.
  const subsPerAccount = Array.from({ length: accountCount }, (_, i) => evenShare(subscriptionCount, accountCount, i));
  for (let i = 0; i + 1 < accountCount; i += 2) {
    const total = subsPerAccount[i]! + subsPerAccount[i + 1]!;
    const first = random.int(Math.max(0, total - 3), Math.min(3, total));
    subsPerAccount[i] = first;
    subsPerAccount[i + 1] = total - first;
  }
  let subscriptionIndex = 0;
  // Ledger entries: spread over subscriptions, or over accounts (as payments) when there are none.
  const budgetOf = (accountIndex: number) =>
    subscriptionCount === 0 ? (accountCount === 0 ? 0 : evenShare(ledgerCount, accountCount, accountIndex)) : 0;
  const subscriptionBudget = () => evenShare(ledgerCount, subscriptionCount, subscriptionIndex++);

  function planPeriods(tariff: Tariff, count: number): { periods: Period[]; status: SubscriptionStatus } {
    const months = tariff.billingMonths;
    if (count === 0) return { periods: [], status: 'pending_payment' };
    const current = random.chance(0.8);
    const day = random.int(1, 28);
    let back = (count - 1) * months + random.int(0, months - 1) + (current ? 0 : months + random.int(1, 6));
    for (;;) {
      const periods = periodsFrom(monthsBack(today, back, day), months, count);
      const last = periods[periods.length - 1]!;
      if (last.start <= today) {
        if (last.end > today) return { periods, status: 'active' };
        return { periods, status: random.chance(0.3) ? 'cancelled' : 'expired' };
      }
      back += 1;
    }
  }

  function incidentFor(service: Service, period: Period): Incident | null {
    const key = `${service.id}|${period.start.slice(0, 7)}`;
    const pool = incidentsByKey.get(key) ?? [];
    const reusable = pool.filter((i) => i.start >= instantAt(period.start, 0) && i.start < instantAt(period.end, 0));
    if (reusable.length > 0 && random.chance(0.8)) return random.pick(reusable);
    const date = monthsBack(period.start, 0, Math.min(28, Number(period.start.slice(8, 10)) + random.int(0, 10)));
    if (date >= today || date >= period.end) return null;
    const startMinute = random.int(0, 22 * 60);
    const start = instantAt(date, startMinute);
    const end = new Date(Date.parse(start) + random.int(60, 9 * 60) * 60_000).toISOString();
    if (businessDateOf(end) >= today) return null;
    const incident: Incident = {
      id: idRandom.orderedUuid(),
      serviceId: service.id,
      subscriptionIds: [],
      start,
      end,
      cause: 'provider',
      announcedAt: null,
      source: random.chance(0.7) ? 'monitoring' : 'ticket',
      ticketId: null,
      notes: '',
      createdAt: end,
    };
    pool.push(incident);
    incidentsByKey.set(key, pool);
    incidents.push(incident);
    return incident;
  }

  function planAccount(accountIndex: number): { account: StoredAccount; planned: PlannedSubscription[]; events: DemoEvent[]; budget: number; firstDate: IsoDate } {
    const party = demoParty(random, ids);
    const accountId = idRandom.orderedUuid();
    const planned: PlannedSubscription[] = [];
    const subCount = subsPerAccount[accountIndex]!;
    const choices = Array.from({ length: subCount }, () => {
      const tariff = random.pick(tariffs);
      const service = serviceById.get(tariff.serviceId)!;
      return { tariff, service, compensate: service.policy.compensation !== null && random.chance(COMPENSATION_CHANCE) };
    });
    // Worst case, every charge after a compensation is split over both buckets: budget 3 entries per period.
    const costPerPeriod = choices.some((c) => c.compensate) ? 3 : 2;
    let budget = budgetOf(accountIndex);
    for (const choice of choices) {
      const subBudget = subscriptionBudget();
      budget += subBudget;
      let compensate = choice.compensate;
      let count = Math.floor((subBudget - (compensate ? 1 : 0)) / costPerPeriod);
      if (count === 0) {
        compensate = false;
        count = Math.floor(subBudget / costPerPeriod);
      }
      count = Math.min(count, choice.tariff.billingMonths === 12 ? 3 : 36);
      const { periods, status } = planPeriods(choice.tariff, count);
      const startDate = periods[0]?.start ?? monthsBack(today, 0, random.int(1, Number(today.slice(8, 10))));
      const createdAt = instantAt(periods[0]?.start ?? startDate, random.int(9 * 60, 18 * 60));
      const last = periods[periods.length - 1] ?? null;
      const subscription: Subscription = {
        id: idRandom.orderedUuid(),
        accountId,
        tariffId: choice.tariff.id,
        serviceId: choice.service.id,
        status,
        startDate,
        firstUseDate: periods[0]?.start ?? null,
        anchorDay: Number(startDate.slice(8, 10)),
        currentPeriod: last,
        autoRenew: choice.service.policy.autoRenew,
        scheduledTariffId: null,
        createdAt,
        updatedAt: last ? instantAt(last.start, 9 * 60) : createdAt,
      };
      planned.push({ subscription, tariff: choice.tariff, service: choice.service, periods, compensate });
    }

    const events: DemoEvent[] = [];
    for (const p of planned) {
      for (const period of p.periods) {
        const price = priceOf(p.tariff, period.start);
        const payDate = period.start;
        events.push({ type: 'payment', at: instantAt(payDate, random.int(9 * 60, 12 * 60)), date: payDate, amount: price, subscriptionId: p.subscription.id });
        events.push({ type: 'charge', at: instantAt(period.start, 13 * 60), date: period.start, price, subscriptionId: p.subscription.id, period });
      }
      if (p.compensate && p.periods.length > 0) {
        const period = random.pick(p.periods);
        const incident = incidentFor(p.service, period);
        if (incident) {
          const price = priceOf(p.tariff, period.start);
          const quote = quoteCompensation({
            periodPrice: price,
            billingMonths: p.tariff.billingMonths,
            incidents: [{ id: incident.id, start: incident.start, end: incident.end!, cause: incident.cause }],
          });
          const line = quote.lines[0]!;
          if (quote.total > 0) {
            incident.subscriptionIds.push(p.subscription.id);
            const decidedAt = new Date(Date.parse(incident.end!) + random.int(1, 3) * 86_400_000).toISOString();
            const decidedDate = businessDateOf(decidedAt);
            if (decidedDate <= today) {
              const compensation: Compensation = {
                id: idRandom.orderedUuid(),
                accountId,
                subscriptionId: p.subscription.id,
                incidentId: incident.id,
                month: line.month,
                quote: { hours: line.hours, amount: line.amount, excluded: false },
                overrideMinutes: null,
                overrideReason: null,
                status: 'approved',
                requestedAt: incident.end!,
                requestedBy: DEMO_ACTOR,
                decidedAt,
                decidedBy: DEMO_ACTOR,
                ledgerEntryIds: [],
              };
              events.push({ type: 'compensation', at: decidedAt, date: decidedDate, compensation });
            }
          }
        }
      }
    }

    const firstDate = events.reduce<IsoDate>((min, e) => (e.date < min ? e.date : min), today);
    const closed = planned.length > 0 && planned.every((p) => p.subscription.status === 'cancelled' || p.subscription.status === 'expired') && random.chance(0.3);
    const createdAt = instantAt(monthsBack(firstDate, random.int(0, 2), 1), random.int(9 * 60, 18 * 60));
    const account: Account = {
      id: accountId,
      ...party,
      status: closed ? 'closed' : random.chance(0.03) ? 'suspended' : 'active',
      createdAt,
      updatedAt: createdAt,
    };
    return { account: { ...account, ...searchFieldsOf(account) }, planned, events, budget, firstDate };
  }

  /**
   * Bonus first, in time order. Whatever is left of the entry budget becomes
   * extra top-up payments (money only): they never change a split, which
   * depends on the bonus alone, so they may fall anywhere in time.
   */
  function ledgerOf(accountId: string, events: DemoEvent[], budget: number, firstDate: IsoDate): { entries: LedgerEntry[]; compensations: Compensation[] } {
    const entries: LedgerEntry[] = [];
    const compensations: Compensation[] = [];
    events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    let bonus = 0;
    const base = (at: string, date: IsoDate) => ({ accountId, operationId: nextOp(), actor: DEMO_ACTOR, at, businessDate: date });
    for (const event of events) {
      if (event.type === 'payment') {
        entries.push({
          id: idRandom.orderedUuid(),
          ...base(event.at, event.date),
          bucket: 'money',
          amount: event.amount,
          kind: 'payment',
          method: random.pick(PAYMENT_METHODS),
          ...(event.subscriptionId === undefined ? {} : { subscriptionId: event.subscriptionId }),
        });
      } else if (event.type === 'charge') {
        const split = splitCharge(event.price, bonus);
        const chargeId = idRandom.orderedUuid();
        const shared = base(event.at, event.date);
        for (const bucket of ['bonus', 'money'] as const) {
          if (split[bucket] === 0) continue;
          entries.push({ id: idRandom.orderedUuid(), ...shared, bucket, amount: -split[bucket], kind: 'period_charge', subscriptionId: event.subscriptionId, chargeId, period: event.period });
        }
        bonus -= split.bonus;
      } else {
        const c = event.compensation;
        const entry: LedgerEntry = {
          id: idRandom.orderedUuid(),
          ...base(event.at, event.date),
          bucket: 'bonus',
          amount: c.quote.amount,
          kind: 'compensation',
          subscriptionId: c.subscriptionId,
          incidentId: c.incidentId,
          compensationId: c.id,
        };
        c.ledgerEntryIds.push(entry.id);
        entries.push(entry);
        compensations.push(c);
        bonus += c.quote.amount;
      }
    }
    while (entries.length < budget) {
      const date = monthsBack(firstDate, -random.int(0, 12), random.int(1, 28));
      const on = date > today ? today : date;
      entries.push({
        id: idRandom.orderedUuid(),
        ...base(instantAt(on, random.int(9 * 60, 18 * 60)), on),
        bucket: 'money',
        amount: random.int(5, 60) * 100_000,
        kind: 'payment',
        method: random.pick(PAYMENT_METHODS),
      });
    }
    return { entries, compensations };
  }

  interface Chunk {
    accounts: StoredAccount[];
    subscriptions: Subscription[];
    ledger: LedgerEntry[];
    compensations: Compensation[];
  }

  function planChunk(from: number): Chunk {
    const chunk: Chunk = { accounts: [], subscriptions: [], ledger: [], compensations: [] };
    for (let i = from; i < Math.min(accountCount, from + CHUNK_ACCOUNTS); i++) {
      const { account, planned, events, budget, firstDate } = planAccount(i);
      const result = ledgerOf(account.id, events, budget, firstDate);
      chunk.accounts.push(account);
      for (const p of planned) chunk.subscriptions.push(p.subscription);
      for (const entry of result.entries) chunk.ledger.push(entry);
      for (const c of result.compensations) chunk.compensations.push(c);
    }
    return chunk;
  }

  // All four bulkAdds are issued at once, so the database works on them while
  // the next chunk is being planned: the CPU and the disk overlap.
  function writeChunk(chunk: Chunk): Promise<void> {
    return db.transaction('rw', [db.accounts, db.subscriptions, db.ledger, db.compensations], async () => {
      await Promise.all([
        db.accounts.bulkAdd(chunk.accounts),
        db.subscriptions.bulkAdd(chunk.subscriptions),
        db.ledger.bulkAdd(chunk.ledger),
        db.compensations.bulkAdd(chunk.compensations),
      ]);
    });
  }

  let writing: Promise<void> = Promise.resolve();
  for (let from = 0; from < accountCount; from += CHUNK_ACCOUNTS) {
    const chunk = planChunk(from);
    await writing;
    if (from > 0) opts.onProgress?.(summary.accounts, accountCount);
    writing = writeChunk(chunk);
    writing.catch(() => undefined); // awaited (and rethrown) on the next round; not an unhandled rejection meanwhile
    // Let the transaction start and hand its requests to the database before planning on.
    await new Promise((resolve) => setTimeout(resolve, 0));
    summary.accounts += chunk.accounts.length;
    summary.subscriptions += chunk.subscriptions.length;
    summary.ledgerEntries += chunk.ledger.length;
    summary.compensations += chunk.compensations.length;
  }
  await writing;
  opts.onProgress?.(summary.accounts, accountCount);
  const usedIncidents = incidents.filter((i) => i.subscriptionIds.length > 0);
  await db.incidents.bulkAdd(usedIncidents);
  summary.incidents = usedIncidents.length;
  const result: DemoSummary = { ...summary, seed, ms: Date.now() - started };
  await db.settings.put({ key: 'demoData', value: { ...result, generatedAt: opts.today.toISOString() } });
  return result;
}
