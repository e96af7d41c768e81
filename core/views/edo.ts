import { businessDateOf } from '../../shared/billing';
import { tariffPriceOn, type EdoAccess, type IsoDate, type LocalizedText, type Tariff, type Tiyn } from '../../shared/domain';
import type { AppDatabase } from '../db';

export const EDO_ACCESS_STATUSES = ['awaiting_access', 'access_overdue', 'access_granted', 'act_sent', 'accepted', 'accepted_auto', 'rejected'] as const;
export type EdoAccessStatus = (typeof EDO_ACCESS_STATUSES)[number];

/**
 * Where one paid year's access stands on `today` (002 §2.2, §4.2): access
 * due within 5 working days of the payment (overdue the day after
 * `accessDueDate`); the act, once sent, accepted when the client signs it,
 * or automatically from `actAcceptanceDate` when the client has not
 * answered; rejected when the client refused it with a reason.
 */
export function edoAccessStatus(access: EdoAccess, today: IsoDate): EdoAccessStatus {
  if (access.clientDecision === 'rejected') return 'rejected';
  if (access.clientDecision === 'signed') return 'accepted';
  if (access.actSentOn !== null && access.actAcceptanceDate !== null) return today >= access.actAcceptanceDate ? 'accepted_auto' : 'act_sent';
  if (access.accessGrantedOn !== null) return 'access_granted';
  return today > access.accessDueDate ? 'access_overdue' : 'awaiting_access';
}

export type EdoAccessView = EdoAccess & { status: EdoAccessStatus };

export interface EdoUsageRow {
  month: string;
  documents: number;
  /** The current tariff's monthly document limit; null: not limited. */
  limit: number | null;
  exceeded: boolean;
}

export interface EdoSuggestion {
  tariffId: string;
  name: LocalizedText;
  documentsPerMonth: number;
  /** The tariff's price in force today. */
  price: Tiyn;
}

export interface EdoOfSubscription {
  /** Newest paid year first. */
  accesses: EdoAccessView[];
  /** Newest month first. */
  usage: EdoUsageRow[];
  documentLimit: number | null;
  /** The cheapest tariff that covers the highest month above the limit in the current period (002 §4.4), or null. */
  suggestion: EdoSuggestion | null;
}

/** Today as the app's clock gives it when the screen does not say (the screens pass their clock's date). */
function todayOr(today: IsoDate | undefined): IsoDate {
  return typeof today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(today) ? today : businessDateOf(new Date().toISOString());
}

/**
 * The cheapest active tariff of the same service and billing period, other
 * than the current one, whose monthly document limit covers `documents`;
 * priced on `today`. Ties go to the smaller limit, then the catalog order.
 */
export function upgradeSuggestion(tariffs: readonly Tariff[], current: Tariff, documents: number, today: IsoDate): EdoSuggestion | null {
  let best: EdoSuggestion | null = null;
  let bestOrder = 0;
  for (const tariff of tariffs) {
    const limit = tariff.limits.documentsPerMonth;
    if (tariff.id === current.id || !tariff.active || tariff.serviceId !== current.serviceId || tariff.billingMonths !== current.billingMonths) continue;
    if (limit === undefined || limit < documents) continue;
    const price = tariffPriceOn(tariff, today);
    if (price === undefined) continue;
    const better =
      best === null ||
      price < best.price ||
      (price === best.price && (limit < best.documentsPerMonth || (limit === best.documentsPerMonth && tariff.sortOrder < bestOrder)));
    if (better) {
      best = { tariffId: tariff.id, name: tariff.name, documentsPerMonth: limit, price };
      bestOrder = tariff.sortOrder;
    }
  }
  return best;
}

/**
 * A Uchet.EDO subscription's access years with their status on `today`
 * (the screen's clock date; default the system clock), the documents per
 * month against the current tariff's limit, and an upgrade suggestion when
 * a month of the current period went above it.
 */
export async function edoOfSubscription(db: AppDatabase, subscriptionId: string, today?: IsoDate): Promise<EdoOfSubscription> {
  const day = todayOr(today);
  const [subscription, accesses, usage] = await Promise.all([
    db.subscriptions.get(subscriptionId),
    db.edoAccess.where('subscriptionId').equals(subscriptionId).toArray(),
    db.edoUsage.where('subscriptionId').equals(subscriptionId).toArray(),
  ]);
  const tariffs = subscription ? await db.tariffs.where('serviceId').equals(subscription.serviceId).toArray() : [];
  const current = subscription ? tariffs.find((t) => t.id === subscription.tariffId) : undefined;
  const documentLimit = current?.limits.documentsPerMonth ?? null;
  const rows = usage
    .map((u): EdoUsageRow => ({ month: u.month, documents: u.documents, limit: documentLimit, exceeded: documentLimit !== null && u.documents > documentLimit }))
    .sort((a, b) => (a.month < b.month ? 1 : -1));
  const fromMonth = subscription?.currentPeriod?.start.slice(0, 7) ?? '';
  const peak = rows.filter((r) => r.exceeded && r.month >= fromMonth).reduce((max, r) => Math.max(max, r.documents), 0);
  return {
    accesses: accesses
      .sort((a, b) => (a.periodStart < b.periodStart ? 1 : a.periodStart > b.periodStart ? -1 : a.createdAt < b.createdAt ? 1 : -1))
      .map((a) => ({ ...a, status: edoAccessStatus(a, day) })),
    usage: rows,
    documentLimit,
    suggestion: current && peak > 0 ? upgradeSuggestion(tariffs, current, peak, day) : null,
  };
}

export const EDO_REGISTER_LIMIT = 500;

export interface EdoAccessFilter {
  status?: EdoAccessStatus;
  accountId?: string;
  /** The screen's clock date; default the system clock. */
  today?: IsoDate;
  /** Default EDO_REGISTER_LIMIT, at most 5000. */
  limit?: number;
}

export interface EdoAccessRow extends EdoAccessView {
  accountName: string;
  tariffName: LocalizedText | null;
}

export interface EdoAccessRegister {
  rows: EdoAccessRow[];
  /** More match than `limit`. */
  truncated: boolean;
  limit: number;
}

function registerWalk(db: AppDatabase, status: EdoAccessStatus | undefined, today: IsoDate) {
  switch (status) {
    case 'awaiting_access':
      return db.edoAccess.where('accessDueDate').aboveOrEqual(today);
    case 'access_overdue':
      return db.edoAccess.where('accessDueDate').below(today).reverse();
    case 'act_sent':
      return db.edoAccess.where('actAcceptanceDate').above(today);
    case 'accepted_auto':
      return db.edoAccess.where('actAcceptanceDate').belowOrEqual(today).reverse();
    default:
      return db.edoAccess.orderBy('accessDueDate').reverse();
  }
}

/**
 * The Uchet.EDO access register: by status on `today`, through the date
 * indexes where the status follows from a date (awaiting: access due today
 * or later, soonest first; act sent: acceptance still ahead, soonest
 * first; overdue and accepted automatically: those dates passed, latest
 * first), else newest access due date first; the client and tariff joined
 * for the rows returned.
 */
export async function listEdoAccess(db: AppDatabase, given: EdoAccessFilter = {}): Promise<EdoAccessRegister> {
  const filter: EdoAccessFilter = typeof given === 'object' && given !== null ? given : {};
  const today = todayOr(filter.today);
  const limit = Math.max(1, Math.min(Math.floor(Number(filter.limit ?? EDO_REGISTER_LIMIT)) || EDO_REGISTER_LIMIT, 5000));
  const wanted = (a: EdoAccess) => (filter.status === undefined || edoAccessStatus(a, today) === filter.status) && (filter.accountId === undefined || a.accountId === filter.accountId);
  let found: EdoAccess[];
  if (filter.accountId !== undefined) {
    found = (await db.edoAccess.where('accountId').equals(filter.accountId).toArray())
      .filter(wanted)
      .sort((a, b) => (a.accessDueDate < b.accessDueDate ? 1 : -1))
      .slice(0, limit + 1);
  } else {
    found = await registerWalk(db, filter.status, today).filter(wanted).limit(limit + 1).toArray();
  }
  const truncated = found.length > limit;
  const accesses = truncated ? found.slice(0, limit) : found;
  const [accounts, subscriptions, tariffs] = await Promise.all([
    db.accounts.bulkGet([...new Set(accesses.map((a) => a.accountId))]),
    db.subscriptions.bulkGet([...new Set(accesses.map((a) => a.subscriptionId))]),
    db.tariffs.toArray(),
  ]);
  const accountName = new Map(accounts.filter((a) => a !== undefined).map((a) => [a.id, a.name]));
  const tariffOf = new Map(subscriptions.filter((s) => s !== undefined).map((s) => [s.id, s.tariffId]));
  const tariffName = new Map(tariffs.map((t) => [t.id, t.name]));
  return {
    rows: accesses.map((a) => {
      const tariffId = tariffOf.get(a.subscriptionId);
      return { ...a, status: edoAccessStatus(a, today), accountName: accountName.get(a.accountId) ?? '', tariffName: (tariffId && tariffName.get(tariffId)) || null };
    }),
    truncated,
    limit,
  };
}
