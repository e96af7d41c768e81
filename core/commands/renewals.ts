import Dexie from 'dexie';
import { z } from 'zod';
import { addDays, splitCharge } from '../../shared/billing';
import { isoDateSchema, tariffPriceOn, type Balances, type Period, type Service, type Subscription, type Tariff } from '../../shared/domain';
import type { AppDatabase } from '../db';
import { CommandError } from '../errors';
import { splitEntries } from '../ledgerEntries';
import { defineCommand, refSchema } from '../registry';
import { readerOf, type Reader } from '../tx';
import { balancesOf } from '../balances';
import { loadCalendar } from '../calendar';
import { postingOf } from './charges';
import { edoAccessOf, opensEdoAccess } from './edo';
import { assertNotFuture } from './dates';
import { periodFrom } from './subscriptions';

export type RenewalOutcome = 'renewed' | 'suspended' | 'expired' | 'deleted';

export interface RenewalTotals {
  renewed: number;
  suspended: number;
  expired: number;
  deleted: number;
}

export const EMPTY_TOTALS: RenewalTotals = { renewed: 0, suspended: 0, expired: 0, deleted: 0 };

export function addTotals(a: RenewalTotals, b: RenewalTotals): RenewalTotals {
  return { renewed: a.renewed + b.renewed, suspended: a.suspended + b.suspended, expired: a.expired + b.expired, deleted: a.deleted + b.deleted };
}

/** What the run does to one subscription: the transitions in order and the periods it charges. */
export interface RenewalStep {
  before: Subscription;
  after: Subscription;
  outcomes: RenewalOutcome[];
  charges: { period: Period; tariffId: string; price: number; split: Record<'money' | 'bonus', number> }[];
}

/**
 * What a step needs, all in memory: the catalog and the accounts' balances
 * as they stand (a charge lowers them, so an account's second subscription
 * sees what the first left). Steps are synchronous on purpose: a chunk reads
 * everything first and writes everything after, so its IndexedDB
 * transaction never waits on a long chain of plain promises (Chromium
 * commits a transaction that has nothing pending: PrematureCommitError).
 */
export interface RenewalEnv {
  balances: Map<string, Balances>;
  service(id: string): Service | undefined;
  tariff(id: string): Tariff | undefined;
}

/**
 * §6 "Renewals" for one subscription on business date `date`. An active,
 * auto-renewing one whose period has ended is charged period after period
 * (each at the price in force on its start; a scheduled tariff takes over at
 * the first) until its period contains `date`, and is suspended when the
 * balance cannot cover a period (its last paid period stays current). An
 * active one without auto-renewal expires. A suspended or expired one whose
 * `end + graceDays ≤ date` is deleted. Run again for the same date: nothing.
 * The charges lower `env.balances` (bonus first).
 */
export function renewalStep(env: RenewalEnv, subscription: Subscription, date: string): RenewalStep {
  let current = subscription;
  const outcomes: RenewalOutcome[] = [];
  const charges: RenewalStep['charges'] = [];
  if (current.status === 'active' && current.currentPeriod !== null && current.currentPeriod.end <= date) {
    if (!current.autoRenew) {
      current = { ...current, status: 'expired' };
      outcomes.push('expired');
    } else {
      while (current.currentPeriod !== null && current.currentPeriod.end <= date) {
        const tariff = env.tariff(current.scheduledTariffId ?? current.tariffId);
        if (!tariff) throw new CommandError('errors:tariff.notFound', { params: { subscriptionId: current.id } });
        const start = current.currentPeriod.end;
        const price = tariffPriceOn(tariff, start);
        if (price === undefined) throw new CommandError('errors:tariff.noPrice', { params: { date: start } });
        const balances = env.balances.get(current.accountId) ?? { money: 0, bonus: 0 };
        if (price > Math.max(0, balances.money) + Math.max(0, balances.bonus)) {
          current = { ...current, status: 'suspended' };
          outcomes.push('suspended');
          break;
        }
        const period = periodFrom(start, tariff.billingMonths, current.anchorDay);
        const split = splitCharge(price, Math.max(0, balances.bonus));
        env.balances.set(current.accountId, { money: balances.money - split.money, bonus: balances.bonus - split.bonus });
        charges.push({ period, tariffId: tariff.id, price, split });
        current = { ...current, tariffId: tariff.id, scheduledTariffId: null, currentPeriod: period };
      }
      if (charges.length > 0) outcomes.unshift('renewed');
    }
  }
  if ((current.status === 'suspended' || current.status === 'expired') && current.currentPeriod !== null) {
    const graceDays = env.service(current.serviceId)?.policy.graceDays ?? null;
    if (graceDays !== null && addDays(current.currentPeriod.end, graceDays) <= date) {
      current = { ...current, status: 'deleted', autoRenew: false };
      outcomes.push('deleted');
    }
  }
  return { before: subscription, after: current, outcomes, charges };
}

export function totalsOf(steps: readonly RenewalStep[]): RenewalTotals {
  const totals = { ...EMPTY_TOTALS };
  for (const step of steps) for (const outcome of step.outcomes) totals[outcome] += 1;
  return totals;
}

/**
 * The ids of subscriptions the run may change on `date`, through indexes
 * only (keys, no records): active ones whose period has ended
 * ([status+currentPeriod.end]), and suspended or expired ones whose
 * deletion date has come (`end + graceDays <= date`, per service: the
 * period-end range of the service's grace intersected with the service's
 * [serviceId+status] keys). Those still within their grace days are not
 * walked: the daily run would read thousands of them for nothing.
 */
export async function dueSubscriptionIds(reader: Reader, date: string): Promise<string[]> {
  const subscriptions = reader.read.subscriptions;
  const endedBy = (status: string, day: string) =>
    subscriptions.where('[status+currentPeriod.end]').between([status, Dexie.minKey], [status, day], true, true).primaryKeys() as Promise<string[]>;
  const services = (await reader.read.services.toArray()).filter((s) => s.policy.graceDays !== null);
  const [active, ...waiting] = await Promise.all([
    endedBy('active', date),
    ...(['suspended', 'expired'] as const).flatMap((status) =>
      services.map(async (service) => {
        const [ended, ofService] = await Promise.all([
          endedBy(status, addDays(date, -service.policy.graceDays!)),
          subscriptions.where('[serviceId+status]').equals([service.id, status]).primaryKeys() as Promise<string[]>,
        ]);
        const mine = new Set(ofService);
        return ended.filter((id) => mine.has(id));
      }),
    ),
  ]);
  return [...active!, ...waiting.flat()];
}

/** The catalog and the balances of the subscriptions' accounts, read in parallel (no chain of awaits). */
async function envFor(reader: Reader, subscriptions: readonly Subscription[], balancesOfAccounts: (accountIds: string[]) => Promise<Balances[]>): Promise<RenewalEnv> {
  // Only a charge needs a balance: accounts whose active, auto-renewing subscriptions have ended.
  const accountIds = [...new Set(subscriptions.filter((s) => s.status === 'active' && s.autoRenew).map((s) => s.accountId))];
  const [catalog, balances] = await Promise.all([catalogOf(reader), balancesOfAccounts(accountIds)]);
  return { ...catalog, balances: new Map(accountIds.map((id, i) => [id, balances[i]!])) };
}

async function catalogOf(reader: Reader): Promise<Pick<RenewalEnv, 'service' | 'tariff'>> {
  const [services, tariffs] = await Promise.all([reader.read.services.toArray(), reader.read.tariffs.toArray()]);
  const serviceById = new Map(services.map((s) => [s.id, s]));
  const tariffById = new Map(tariffs.map((t) => [t.id, t]));
  return { service: (id) => serviceById.get(id), tariff: (id) => tariffById.get(id) };
}

export const renewalChunkInput = z.object({
  date: isoDateSchema,
  subscriptionIds: z.array(refSchema('errors:subscription.notFound')).max(10_000),
});

/**
 * One chunk of a renewal run, in one transaction: the run is cut into
 * chunks so that no main-thread task is long and a crash loses at most one
 * chunk; each subscription's step is idempotent for the date, so a resumed
 * run charges nothing twice.
 */
export const renewalChunk = defineCommand({
  name: 'renewalChunk',
  role: 'manager',
  input: renewalChunkInput,
  ref: () => null,
  run: async (tx, input): Promise<RenewalTotals> => {
    assertNotFuture(tx, input.date);
    // Read everything, decide in memory, then write in bulk (see RenewalEnv).
    const subscriptions = (await tx.read.subscriptions.bulkGet(input.subscriptionIds)).filter((s) => s !== undefined);
    const env = await envFor(tx, subscriptions, (accountIds) => tx.balancesOfMany(accountIds));
    const balancesBefore = new Map(env.balances);
    const steps = subscriptions.map((subscription) => renewalStep(env, subscription, input.date)).filter((step) => step.outcomes.length > 0);
    const entries = steps.flatMap((step) =>
      step.charges.flatMap((charge) =>
        splitEntries(postingOf(tx, charge.period.start), {
          accountId: step.before.accountId,
          kind: 'period_charge',
          split: charge.split,
          direction: 'debit',
          subscriptionId: step.before.id,
          serviceId: step.before.serviceId,
          period: charge.period,
        }),
      ),
    );
    await tx.post(entries, { balancesBefore });
    // A charged Uchet.EDO year opens its access record (002 §2.2): one insert per period, with the chunk's writes.
    const edoSteps = steps.filter((step) => step.charges.length > 0 && opensEdoAccess(env.service(step.before.serviceId)));
    if (edoSteps.length > 0) {
      const calendar = await loadCalendar(tx);
      await tx.insertMany(
        'edoAccess',
        edoSteps.flatMap((step) => step.charges.map((charge) => edoAccessOf(step.before, env.service(step.before.serviceId)!, charge.period, calendar, tx.meta.at))),
      );
    }
    await tx.updateMany(
      'subscriptions',
      steps.map((step) => [step.before, { ...step.after, updatedAt: tx.meta.at }]),
    );
    return totalsOf(steps);
  },
});

export const RENEWALS_LAST_RUN = 'renewals.lastRun';

/** Opens a run: records its date under the run's operation id, so a resume with another date is refused. */
export const beginRenewals = defineCommand({
  name: 'beginRenewals',
  role: 'manager',
  input: z.object({ date: isoDateSchema }),
  ref: () => null,
  run: async (tx, input): Promise<{ date: string }> => {
    assertNotFuture(tx, input.date);
    return { date: input.date };
  },
});

/** Closes a run: its totals (the sum of its chunks) and the date, kept as the last run for the start-up reminder. */
export const finishRenewals = defineCommand({
  name: 'finishRenewals',
  role: 'manager',
  input: z.object({ date: isoDateSchema, totals: z.object({ renewed: z.number().int(), suspended: z.number().int(), expired: z.number().int(), deleted: z.number().int() }) }),
  ref: () => ({ table: 'settings', id: RENEWALS_LAST_RUN }),
  run: async (tx, input): Promise<RenewalTotals> => {
    await tx.putSetting(RENEWALS_LAST_RUN, { date: input.date, at: tx.meta.at, actor: tx.meta.actor, totals: input.totals });
    return input.totals;
  },
});

/** A preview line: what the run would do to one subscription. */
export interface RenewalPreviewLine {
  subscriptionId: string;
  accountId: string;
  serviceId: string;
  tariffId: string;
  outcomes: RenewalOutcome[];
  periods: number;
  amount: number;
}

export interface RenewalPreview {
  date: string;
  totals: RenewalTotals;
  /** Sum of the charges the run would post. */
  amount: number;
  lines: RenewalPreviewLine[];
}

/**
 * What `runRenewals` would do on `date`, without writing: the same steps,
 * with balances kept in memory (charges in the preview lower them as the
 * run would).
 */
export async function previewRenewals(db: AppDatabase, date: string): Promise<RenewalPreview> {
  const reader = readerOf(db);
  const ids = await dueSubscriptionIds(reader, date);
  const subscriptions = (await db.subscriptions.bulkGet(ids)).filter((s) => s !== undefined);
  const env = await envFor(reader, subscriptions, (accountIds) => Promise.all(accountIds.map((id) => balancesOf(db, id))));
  const lines: RenewalPreviewLine[] = [];
  const steps: RenewalStep[] = [];
  let amount = 0;
  for (const subscription of subscriptions) {
    const step = renewalStep(env, subscription, date);
    if (step.outcomes.length === 0) continue;
    steps.push(step);
    const charged = step.charges.reduce((sum, c) => sum + c.price, 0);
    amount += charged;
    lines.push({
      subscriptionId: subscription.id,
      accountId: subscription.accountId,
      serviceId: subscription.serviceId,
      tariffId: step.after.tariffId,
      outcomes: step.outcomes,
      periods: step.charges.length,
      amount: charged,
    });
  }
  return { date, totals: totalsOf(steps), amount, lines };
}
