import { addDays, BUSINESS_OFFSET_MINUTES, businessDateOf, nextPeriodEnd, quoteCompensation, splitCharge } from '../../shared/billing';
import {
  PAYMENT_METHODS,
  tariffPriceOn,
  type Compensation,
  type Incident,
  type IsoDate,
  type LedgerEntry,
  type Period,
  type ProviderRequisites,
  type Service,
  type Subscription,
  type SubscriptionStatus,
  type Tariff,
} from '../../shared/domain';
import { addCounterDeltas, addLedgerTotals, applyCounterDeltas } from '../counters';
import type { AppDatabase, StoredAccount } from '../db';
import { CommandError } from '../errors';
import { paymentEntry, splitEntries, type Posting } from '../ledgerEntries';
import { searchFieldsOf } from '../searchFields';
import { REQUISITES_SETTING } from '../commands/requisites';
import type { DemoOptions, DemoSummary } from '../types';
import { IinBinFactory, demoParty } from './people';
import { Random } from './random';
import { planDemoSupport } from './support';

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
  | { type: 'charge'; at: string; date: IsoDate; price: number; subscriptionId: string; serviceId: string; period: Period }
  | { type: 'compensation'; at: string; date: IsoDate; serviceId: string; compensation: Compensation };

function evenShare(total: number, parts: number, index: number): number {
  return Math.floor(((index + 1) * total) / parts) - Math.floor((index * total) / parts);
}

function monthsBack(date: IsoDate, months: number, day: number): IsoDate {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}


const MINUTES_PER_DAY = 24 * 60;
/** "HH:MM" of every minute of a day, built once: most instants are that and the date. */
const CLOCK_TEXT = Array.from({ length: MINUTES_PER_DAY }, (_, m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);

/**
 * The UTC instant of a business-time wall clock (UTC+05:00). It runs a few
 * million times, so the usual case (the same day in UTC) is two string
 * concatenations with a precomputed "HH:MM"; only times before 05:00 local
 * (the previous day in UTC) go through Date.UTC. Same text as toISOString().
 */
function instantAt(date: IsoDate, minuteOfDay: number): string {
  const utcMinute = minuteOfDay - BUSINESS_OFFSET_MINUTES;
  if (utcMinute >= 0 && utcMinute < MINUTES_PER_DAY && Number.isInteger(utcMinute)) return `${date}T${CLOCK_TEXT[utcMinute]!}:00.000Z`;
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), 0, utcMinute);
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

/** How much to generate; validated by demoSizeOf. */
export interface DemoSize {
  accounts: number;
  subscriptions: number;
  ledgerEntries: number;
  seed: number;
}

export function demoSizeOf(opts: DemoOptions): DemoSize {
  const accounts = checkCount('accounts', opts.accounts, 2000);
  const subscriptions = checkCount('subscriptions', opts.subscriptions, Math.round(accounts * 1.5));
  const ledgerEntries = checkCount('ledgerEntries', opts.ledgerEntries, accounts * 10);
  if (subscriptions > 0 && accounts === 0) throw new RangeError('generateDemoData: subscriptions need accounts');
  return { accounts, subscriptions, ledgerEntries, seed: opts.seed ?? 1 };
}

/** The rows of one write transaction: a run of accounts with everything that belongs to them. */
export interface DemoChunk {
  accounts: StoredAccount[];
  subscriptions: Subscription[];
  ledger: LedgerEntry[];
  compensations: Compensation[];
}

export interface DemoPlanner {
  readonly size: DemoSize;
  /** Plans the next `chunkAccounts` accounts (in memory, nothing is written); null after the last. */
  nextChunk(): DemoChunk | null;
  /** The incidents some compensation refers to; complete once every chunk has been planned. */
  incidents(): Incident[];
}

/**
 * Plans the demo book chunk by chunk, deterministically for the seed and
 * `today`, from the active catalog. Pure computation: the caller writes the
 * rows (generateDemoData), or the bench writes the same rows raw to compare.
 */
export function planDemoData(
  catalog: { services: readonly Service[]; tariffs: readonly Tariff[] },
  size: DemoSize,
  today: IsoDate,
  chunkAccounts: number = CHUNK_ACCOUNTS,
): DemoPlanner {
  const { accounts: accountCount, subscriptions: subscriptionCount, ledgerEntries: ledgerCount, seed } = size;
  if (!Number.isSafeInteger(chunkAccounts) || chunkAccounts < 1) throw new RangeError('generateDemoData: chunkAccounts must be a positive integer');
  const tariffs = catalog.tariffs.filter((t) => t.active);
  if (tariffs.length === 0 && subscriptionCount > 0) throw new Error('generateDemoData: the catalog is empty; call ensureCatalog() first');
  const serviceById = new Map(catalog.services.map((s) => [s.id, s]));
  // Remembered per tariff, then per day (no key strings to build: this runs for every period).
  const prices = new Map<Tariff, Map<IsoDate, number>>();
  const priceOf = (tariff: Tariff, start: IsoDate): number => {
    let byDay = prices.get(tariff);
    if (byDay === undefined) prices.set(tariff, (byDay = new Map()));
    let price = byDay.get(start);
    if (price === undefined) {
      price = tariffPriceOn(tariff, start)!;
      byDay.set(start, price);
    }
    return price;
  };

  const random = new Random(seed);
  const idRandom = new Random(seed ^ 0x5bd1e995);
  const newId = () => idRandom.orderedUuid();
  const ids = new IinBinFactory(random);
  const incidentsByKey = new Map<string, Incident[]>();
  const incidents: Incident[] = [];
  let opCounter = 0;
  const opPrefix = `demo-${seed}-`;
  /** Every demo movement is its own operation, as if a command had posted it. */
  const posting = (at: string, businessDate: IsoDate): Posting => ({ operationId: opPrefix + ++opCounter, actor: DEMO_ACTOR, at, businessDate, newId });

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
    const from = instantAt(period.start, 0);
    const until = instantAt(period.end, 0);
    const reusable = pool.filter((i) => i.start >= from && i.start < until);
    if (reusable.length > 0 && random.chance(0.8)) return random.pick(reusable);
    const date = monthsBack(period.start, 0, Math.min(28, Number(period.start.slice(8, 10)) + random.int(0, 10)));
    if (date >= today || date >= period.end) return null;
    const startMinute = random.int(0, 22 * 60);
    const start = instantAt(date, startMinute);
    const end = new Date(Date.parse(start) + random.int(60, 9 * 60) * 60_000).toISOString();
    if (businessDateOf(end) >= today) return null;
    const incident: Incident = {
      id: newId(),
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
    const accountId = newId();
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
      const plan = planPeriods(choice.tariff, count);
      const { periods } = plan;
      // The book as if renewals had run every day up to today: an expired one past its grace days is already deleted.
      const lastEnd = periods[periods.length - 1]?.end;
      const graceDays = choice.service.policy.graceDays;
      const status: SubscriptionStatus =
        plan.status === 'expired' && lastEnd !== undefined && graceDays !== null && addDays(lastEnd, graceDays) <= today ? 'deleted' : plan.status;
      const startDate = periods[0]?.start ?? monthsBack(today, 0, random.int(1, Number(today.slice(8, 10))));
      const createdAt = instantAt(periods[0]?.start ?? startDate, random.int(9 * 60, 18 * 60));
      const last = periods[periods.length - 1] ?? null;
      const subscription: Subscription = {
        id: newId(),
        accountId,
        tariffId: choice.tariff.id,
        serviceId: choice.service.id,
        status,
        startDate,
        firstUseDate: periods[0]?.start ?? null,
        anchorDay: Number(startDate.slice(8, 10)),
        currentPeriod: last,
        autoRenew: status === 'deleted' ? false : choice.service.policy.autoRenew,
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
        events.push({ type: 'charge', at: instantAt(period.start, 13 * 60), date: period.start, price, subscriptionId: p.subscription.id, serviceId: p.service.id, period });
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
                id: newId(),
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
              events.push({ type: 'compensation', at: decidedAt, date: decidedDate, serviceId: p.service.id, compensation });
            }
          }
        }
      }
    }

    let firstDate = today;
    for (const e of events) if (e.date < firstDate) firstDate = e.date;
    const closed = planned.length > 0 && planned.every((p) => p.subscription.status === 'cancelled' || p.subscription.status === 'expired') && random.chance(0.3);
    const createdAt = instantAt(monthsBack(firstDate, random.int(0, 2), 1), random.int(9 * 60, 18 * 60));
    const status = closed ? 'closed' : random.chance(0.03) ? 'suspended' : 'active';
    const search = searchFieldsOf(party);
    // Built field by field (no spreads): this runs once per account.
    const account: StoredAccount = {
      id: accountId,
      kind: party.kind,
      name: party.name,
      language: party.language,
      email: party.email,
      phone: party.phone,
      iinBin: party.iinBin,
      status,
      createdAt,
      updatedAt: createdAt,
      nameWords: search.nameWords,
      phoneDigits: search.phoneDigits,
      emailLower: search.emailLower,
    };
    if (party.responsiblePerson !== undefined) account.responsiblePerson = party.responsiblePerson;
    return { account, planned, events, budget, firstDate };
  }

  /**
   * Bonus first, in time order, through the commands' own entry builders
   * (paymentEntry, splitEntries). Whatever is left of the entry budget
   * becomes extra top-up payments (money only): they never change a split,
   * which depends on the bonus alone, so they may fall anywhere in time.
   */
  function ledgerOf(accountId: string, events: DemoEvent[], budget: number, firstDate: IsoDate, chunk: DemoChunk): void {
    const entries = chunk.ledger;
    const before = entries.length;
    events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    let bonus = 0;
    for (const event of events) {
      if (event.type === 'payment') {
        entries.push(
          paymentEntry(posting(event.at, event.date), {
            accountId,
            amount: event.amount,
            method: random.pick(PAYMENT_METHODS),
            subscriptionId: event.subscriptionId,
          }),
        );
      } else if (event.type === 'charge') {
        const split = splitCharge(event.price, bonus);
        for (const entry of splitEntries(posting(event.at, event.date), {
          accountId,
          kind: 'period_charge',
          split,
          direction: 'debit',
          subscriptionId: event.subscriptionId,
          serviceId: event.serviceId,
          period: event.period,
        })) {
          entries.push(entry);
        }
        bonus -= split.bonus;
      } else {
        const c = event.compensation;
        for (const entry of splitEntries(posting(event.at, event.date), {
          accountId,
          kind: 'compensation',
          split: { bonus: c.quote.amount, money: 0 },
          direction: 'credit',
          subscriptionId: c.subscriptionId,
          serviceId: event.serviceId,
          links: { incidentId: c.incidentId, compensationId: c.id },
        })) {
          c.ledgerEntryIds.push(entry.id);
          entries.push(entry);
        }
        chunk.compensations.push(c);
        bonus += c.quote.amount;
      }
    }
    for (let n = entries.length - before; n < budget; n++) {
      const date = monthsBack(firstDate, -random.int(0, 12), random.int(1, 28));
      const on = date > today ? today : date;
      entries.push(
        paymentEntry(posting(instantAt(on, random.int(9 * 60, 18 * 60)), on), {
          accountId,
          amount: random.int(5, 60) * 100_000,
          method: random.pick(PAYMENT_METHODS),
        }),
      );
    }
  }

  let nextAccount = 0;
  return {
    size,
    nextChunk() {
      if (nextAccount >= accountCount) return null;
      const chunk: DemoChunk = { accounts: [], subscriptions: [], ledger: [], compensations: [] };
      const end = Math.min(accountCount, nextAccount + chunkAccounts);
      for (; nextAccount < end; nextAccount++) {
        const { account, planned, events, budget, firstDate } = planAccount(nextAccount);
        chunk.accounts.push(account);
        for (const p of planned) chunk.subscriptions.push(p.subscription);
        ledgerOf(account.id, events, budget, firstDate, chunk);
      }
      return chunk;
    },
    incidents: () => incidents.filter((i) => i.subscriptionIds.length > 0),
  };
}

/** The settings row that says what the generator did: a load under way (or one that died) or the summary of a finished one. */
export const DEMO_SETTING = 'demoData';

/** A demo provider (valid BIN, IBAN and BIC formats; not a real company). */
export const DEMO_REQUISITES: ProviderRequisites = {
  name: { kk: '«Есеп Бұлт» ЖШС', ru: 'ТОО «Есеп Бұлт»' },
  bin: '180240012342',
  address: { kk: 'Алматы қ., Әуезов ауданы, Жандосов к-сі, 58, 4-кеңсе', ru: 'г. Алматы, Ауэзовский район, ул. Жандосова, 58, офис 4' },
  iban: 'KZ566010002000012345',
  bank: 'АО «Халык Банк Казахстана»',
  bik: 'HSBKKZKX',
  kbe: '17',
  knp: '859',
  director: 'Сәрсенбаев Ержан Қайратұлы',
  chiefAccountant: 'Өмірзақова Гүлнұр Бақытқызы',
  phone: '+7 727 355 00 00',
  email: 'buh@esep-cloud.kz',
  logo: null,
};

export type DemoMarker =
  | { state: 'loading'; seed: number; startedAt: string; accounts: number; subscriptions: number; ledgerEntries: number }
  | ({ state: 'done'; generatedAt: string } & DemoSummary);

/**
 * The counters of the tables a demo load writes (row counts of accounts and
 * subscriptions, the ledger's and the compensations' monthly totals): cleared with the rows of a
 * load that died.
 */
const DEMO_COUNTED_TABLES = ['accounts', 'subscriptions', 'ledger', 'compensations'] as const;
const isDemoCounterKey = (key: string) => DEMO_COUNTED_TABLES.some((table) => key === table || key.startsWith(`${table}:`));

/** Loads running in this JavaScript context, by database name (a second start is refused, never mistaken for a dead load). */
const running = new Set<string>();

interface LockManagerLike {
  request<T>(name: string, options: { ifAvailable: true }, callback: (lock: unknown) => Promise<T>): Promise<T>;
}

/**
 * One load per database at a time, also across windows and tabs when the
 * Web Locks API is there: a browser releases a lock when its holder dies,
 * so a 'loading' marker with no lock held is a load that died.
 */
async function exclusively<T>(dbName: string, run: () => Promise<T>): Promise<T> {
  if (running.has(dbName)) throw new CommandError('errors:demo.notEmpty');
  running.add(dbName);
  try {
    const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
    if (!locks) return await run();
    return await locks.request(`esep-demo-data:${dbName}`, { ifAvailable: true }, async (lock) => {
      if (!lock) throw new CommandError('errors:demo.notEmpty');
      return run();
    });
  } finally {
    running.delete(dbName);
  }
}

/** What to add to the counters for a chunk's rows: the same keys the commands keep (row counts, monthly ledger and compensation totals). */
function countersOfChunk(chunk: DemoChunk): Map<string, number> {
  const deltas = new Map<string, number>();
  for (const account of chunk.accounts) addCounterDeltas(deltas, 'accounts', null, account);
  for (const subscription of chunk.subscriptions) addCounterDeltas(deltas, 'subscriptions', null, subscription);
  for (const compensation of chunk.compensations) addCounterDeltas(deltas, 'compensations', null, compensation);
  addLedgerTotals(deltas, chunk.ledger);
  return deltas;
}

/**
 * Fills an EMPTY store with realistic, reproducible data, fast: it writes
 * with bulkAdd in chunks instead of going through the commands (no audit,
 * outbox or operation records: demo data must never sync), but the ledger
 * rows come from the commands' own builders and the counters are kept.
 * Every ledger is consistent: each period is charged at the tariff price in
 * force on its start day, bonus first, and no bucket ever goes below zero.
 * Counts are exact: `accounts`, `subscriptions` and `ledgerEntries` as asked.
 *
 * A `demoData` marker says 'loading' from before the first chunk until the
 * last one is written ('done', with the summary). A load that finds a
 * 'loading' marker (an earlier load died halfway) clears what that load
 * wrote and starts again; a store with accounts and no such marker is refused.
 */
export async function generateDemoData(db: AppDatabase, opts: DemoOptions & { today: Date; chunkAccounts?: number }): Promise<DemoSummary> {
  const size = demoSizeOf(opts);
  return exclusively(db.name, () => load(db, size, opts));
}

async function load(db: AppDatabase, size: DemoSize, opts: DemoOptions & { today: Date; chunkAccounts?: number }): Promise<DemoSummary> {
  const started = Date.now();
  const [services, tariffs] = await Promise.all([db.services.toArray(), db.tariffs.toArray()]);
  const planner = planDemoData({ services, tariffs }, size, businessDateOf(opts.today.toISOString()), opts.chunkAccounts);
  await begin(db, { state: 'loading', seed: size.seed, startedAt: opts.today.toISOString(), accounts: size.accounts, subscriptions: size.subscriptions, ledgerEntries: size.ledgerEntries });

  // Each chunk's bulkAdds (and its counters) are issued together, and the
  // next chunk is planned while the database writes this one: CPU and disk overlap.
  const writeChunk = (chunk: DemoChunk): Promise<void> =>
    db.transaction('rw', [db.accounts, db.subscriptions, db.ledger, db.compensations, db.counters], async () => {
      await Promise.all([
        db.accounts.bulkAdd(chunk.accounts),
        db.subscriptions.bulkAdd(chunk.subscriptions),
        db.ledger.bulkAdd(chunk.ledger),
        chunk.compensations.length > 0 ? db.compensations.bulkAdd(chunk.compensations) : undefined,
        applyCounterDeltas(db, countersOfChunk(chunk)),
      ]);
    });

  const summary = { accounts: 0, subscriptions: 0, ledgerEntries: 0, incidents: 0, compensations: 0 };
  let writing: Promise<void> = Promise.resolve();
  for (let chunk = planner.nextChunk(); chunk !== null; chunk = planner.nextChunk()) {
    await writing;
    if (summary.accounts > 0) opts.onProgress?.(summary.accounts, size.accounts);
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
  opts.onProgress?.(summary.accounts, size.accounts);
  const incidents = planner.incidents();
  summary.incidents = incidents.length;
  const result: DemoSummary = { ...summary, seed: size.seed, ms: Date.now() - started };
  const support = await planDemoSupport(db, { seed: size.seed, accounts: size.accounts, today: opts.today });
  await db.transaction('rw', [db.incidents, db.tickets, db.edoAccess, db.settings], async () => {
    await db.incidents.bulkAdd(incidents);
    await Promise.all([db.tickets.bulkAdd(support.tickets), db.edoAccess.bulkAdd(support.edoAccess)]);
    // Documents need the provider's requisites; a demo provider's, unless an admin already entered real ones.
    if (!(await db.settings.get(REQUISITES_SETTING))) await db.settings.put({ key: REQUISITES_SETTING, value: DEMO_REQUISITES });
    await db.settings.put({ key: DEMO_SETTING, value: { state: 'done', ...result, generatedAt: opts.today.toISOString() } satisfies DemoMarker });
  });
  return result;
}

/**
 * In one transaction: refuses a store that has accounts (unless an earlier
 * load died halfway: then clears what it wrote) and marks the load as under way.
 */
async function begin(db: AppDatabase, marker: DemoMarker): Promise<void> {
  await db.transaction('rw', [db.accounts, db.subscriptions, db.ledger, db.compensations, db.incidents, db.counters, db.settings], async () => {
    const previous = (await db.settings.get(DEMO_SETTING))?.value as DemoMarker | undefined;
    if (previous?.state === 'loading') {
      await Promise.all([db.accounts.clear(), db.subscriptions.clear(), db.ledger.clear(), db.compensations.clear(), db.incidents.clear()]);
      const keys = (await db.counters.toCollection().primaryKeys()).filter(isDemoCounterKey);
      await db.counters.bulkDelete(keys);
    } else if ((await db.accounts.limit(1).count()) > 0) {
      throw new CommandError('errors:demo.notEmpty');
    }
    await db.settings.put({ key: DEMO_SETTING, value: marker });
  });
}
