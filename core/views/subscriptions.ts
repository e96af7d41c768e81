import Dexie from 'dexie';
import { tariffPriceOn, type DecisionStatus, type IsoDate, type LocalizedText, type Period, type Refund, type Subscription, type SubscriptionStatus } from '../../shared/domain';
import { paidShares, type PaidShares } from '../commands/paidShares';
import type { AppDatabase } from '../db';
import { readerOf } from '../tx';

/** More rows than this are not useful on one screen; the user narrows the filter instead. */
export const SUBSCRIPTION_LIST_LIMIT = 2000;

/** The Subscriptions screen's filter; every field is optional and they combine with AND. */
export interface SubscriptionFilter {
  status?: SubscriptionStatus;
  serviceId?: string;
  /** The current period's end (the renewal day, the first unpaid day) between these days, both included. */
  periodEnd?: { from: IsoDate; to: IsoDate };
  /** Only subscriptions with a tariff change scheduled for the next renewal. */
  scheduledChange?: boolean;
  /** Only these clients (the ids searchAccounts found); an empty list matches nothing. */
  accountIds?: string[];
  /** Default SUBSCRIPTION_LIST_LIMIT. */
  limit?: number;
}

/** A subscription with what the list shows next to it: client, service and tariff names, the period's price. */
export interface SubscriptionListRow extends Subscription {
  accountName: string;
  accountIinBin: string;
  serviceName: LocalizedText;
  tariffName: LocalizedText;
  billingMonths: 1 | 12;
  scheduledTariffName: LocalizedText | null;
  /** The tariff's price for the current period (on its start; on the requested start while pending); null when it has none. */
  price: number | null;
}

export interface SubscriptionList {
  rows: SubscriptionListRow[];
  /** More subscriptions match than `limit`: only the first `limit` are in `rows`. */
  truncated: boolean;
  limit: number;
}

type SubscriptionCollection = ReturnType<AppDatabase['subscriptions']['toCollection']>;

/** The order the list shows statuses in: what needs work first, history last. */
const STATUS_ORDER: readonly SubscriptionStatus[] = ['pending_payment', 'active', 'suspended', 'expired', 'cancelled', 'deleted'];

/**
 * Statuses that always have a current period: only a subscription that was
 * activated reaches them, and it keeps its last period. Their rows are all
 * in the `[status+currentPeriod.end]` index (a row whose key path is null is
 * not indexed), which walks them soonest renewal first.
 */
const ALWAYS_PERIOD: ReadonlySet<SubscriptionStatus> = new Set(['active', 'suspended', 'expired', 'deleted']);

/** One status, soonest renewal first where the index allows it. */
function byStatus(db: AppDatabase, status: SubscriptionStatus): SubscriptionCollection {
  if (ALWAYS_PERIOD.has(status)) return db.subscriptions.where('[status+currentPeriod.end]').between([status, Dexie.minKey], [status, Dexie.maxKey], true, true);
  return db.subscriptions.where('status').equals(status);
}

/**
 * The indexed walks for a filter (SCHEMA_V4), each with its own rows: a
 * client search walks `accountId`, a period-end range
 * `[status+currentPeriod.end]` (or `currentPeriod.end` without a status), a
 * service `[serviceId+status]`, and a status (or no filter: every status in
 * STATUS_ORDER, so the first `limit` rows are the ones that need work)
 * `[status+currentPeriod.end]` or `status`. Whatever the index does not
 * cover is checked on the walk. Nothing reads the table in key order.
 */
function walks(db: AppDatabase, filter: SubscriptionFilter): SubscriptionCollection[] {
  const table = db.subscriptions;
  const { status, serviceId, periodEnd, accountIds } = filter;
  if (accountIds !== undefined) return [table.where('accountId').anyOf(accountIds)];
  if (periodEnd !== undefined) {
    if (status !== undefined) return [table.where('[status+currentPeriod.end]').between([status, periodEnd.from], [status, periodEnd.to], true, true)];
    return [table.where('currentPeriod.end').between(periodEnd.from, periodEnd.to, true, true)];
  }
  if (serviceId !== undefined) {
    if (status !== undefined) return [table.where('[serviceId+status]').equals([serviceId, status])];
    return STATUS_ORDER.map((s) => table.where('[serviceId+status]').equals([serviceId, s]));
  }
  if (status !== undefined) return [byStatus(db, status)];
  return STATUS_ORDER.map((s) => byStatus(db, s));
}

function matches(filter: SubscriptionFilter): (s: Subscription) => boolean {
  const { status, serviceId, periodEnd, scheduledChange } = filter;
  return (s) =>
    (status === undefined || s.status === status) &&
    (serviceId === undefined || s.serviceId === serviceId) &&
    (periodEnd === undefined || (s.currentPeriod !== null && s.currentPeriod.end >= periodEnd.from && s.currentPeriod.end <= periodEnd.to)) &&
    (scheduledChange !== true || s.scheduledTariffId !== null);
}

/** Status (STATUS_ORDER), then period end ascending (soonest renewal first; no period last), then client. */
function inListOrder(a: SubscriptionListRow, b: SubscriptionListRow): number {
  const sa = STATUS_ORDER.indexOf(a.status);
  const sb = STATUS_ORDER.indexOf(b.status);
  if (sa !== sb) return sa - sb;
  const ea = a.currentPeriod?.end ?? '\uffff';
  const eb = b.currentPeriod?.end ?? '\uffff';
  if (ea !== eb) return ea < eb ? -1 : 1;
  return a.accountName.localeCompare(b.accountName, 'ru') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Every subscription that matches the filter, at most `limit` of them (one
 * more is read to know whether there are more), in list order (status,
 * soonest renewal, client), with the client's name and identifier, the
 * service and tariff names and the period's price joined.
 */
export async function listSubscriptions(db: AppDatabase, filter: SubscriptionFilter = {}): Promise<SubscriptionList> {
  const limit = Math.max(1, Math.min(filter.limit ?? SUBSCRIPTION_LIST_LIMIT, SUBSCRIPTION_LIST_LIMIT));
  if (filter.accountIds !== undefined && filter.accountIds.length === 0) return { rows: [], truncated: false, limit };
  const found: Subscription[] = [];
  const matching = matches(filter);
  for (const collection of walks(db, filter)) {
    // One row more than the limit says whether there are more.
    found.push(...(await collection.filter(matching).limit(limit + 1 - found.length).toArray()));
    if (found.length > limit) break;
  }
  const truncated = found.length > limit;
  const subscriptions = truncated ? found.slice(0, limit) : found;

  const [accounts, services, tariffs] = await Promise.all([
    db.accounts.bulkGet([...new Set(subscriptions.map((s) => s.accountId))]),
    db.services.toArray(),
    db.tariffs.toArray(),
  ]);
  const accountById = new Map(accounts.filter((a) => a !== undefined).map((a) => [a.id, a]));
  const serviceById = new Map(services.map((s) => [s.id, s]));
  const tariffById = new Map(tariffs.map((t) => [t.id, t]));

  const rows: SubscriptionListRow[] = [];
  for (const subscription of subscriptions) {
    const account = accountById.get(subscription.accountId);
    const service = serviceById.get(subscription.serviceId);
    const tariff = tariffById.get(subscription.tariffId);
    if (!account || !service || !tariff) continue;
    const scheduled = subscription.scheduledTariffId === null ? undefined : tariffById.get(subscription.scheduledTariffId);
    rows.push({
      ...subscription,
      accountName: account.name,
      accountIinBin: account.iinBin,
      serviceName: service.name,
      tariffName: tariff.name,
      billingMonths: tariff.billingMonths,
      scheduledTariffName: scheduled?.name ?? null,
      price: tariffPriceOn(tariff, subscription.currentPeriod?.start ?? subscription.startDate) ?? null,
    });
  }
  rows.sort(inListOrder);
  return { rows, truncated, limit };
}

export const REFUND_LIST_LIMIT = 500;

/**
 * Refunds, newest first: of one client (the `accountId` index), or with one
 * status (the `status` index), or both; at most `limit` (default 500).
 */
export async function listRefunds(db: AppDatabase, filter: { accountId?: string; status?: DecisionStatus; limit?: number } = {}): Promise<Refund[]> {
  const limit = Math.max(1, filter.limit ?? REFUND_LIST_LIMIT);
  const { accountId, status } = filter;
  const collection =
    accountId !== undefined
      ? db.refunds.where('accountId').equals(accountId)
      : status !== undefined
        ? db.refunds.where('status').equals(status)
        : db.refunds.toCollection();
  const rows = await collection
    .reverse()
    .filter((r) => status === undefined || r.status === status)
    .limit(limit)
    .toArray();
  const key = (r: Refund) => `${r.requestedAt}\u0000${r.id}`;
  return rows.sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
}

/**
 * What the client paid for a subscription (or one of its periods) per
 * bucket, net of credits and refunds: the proportion a tariff-change credit
 * or a refund goes back in, for the dialogs to show before anything is posted.
 */
export function subscriptionPaidShares(db: AppDatabase, subscriptionId: string, period?: Period): Promise<PaidShares> {
  return paidShares(readerOf(db), subscriptionId, period);
}
