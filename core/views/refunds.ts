import { isRefundOverdue } from '../../shared/billing';
import { isoDateSchema, type DecisionStatus, type IsoDate, type LocalizedText, type Refund } from '../../shared/domain';
import type { AppDatabase } from '../db';
import { parseInput } from '../registry';
import { listRefunds } from './subscriptions';

/** The register shows at most this many refunds; the user narrows the filter for older ones. */
export const REFUND_REGISTER_LIMIT = 2000;

export interface RefundRegisterFilter {
  accountId?: string;
  status?: DecisionStatus;
  /** Only refunds still undecided after their due date on this day (`isRefundOverdue`). */
  overdueOn?: IsoDate;
  /** Default REFUND_REGISTER_LIMIT. */
  limit?: number;
}

/** A refund with what the register shows next to it: the client's name, the service and tariff. */
export interface RefundRegisterRow extends Refund {
  accountName: string;
  serviceId: string | null;
  serviceName: LocalizedText | null;
  tariffName: LocalizedText | null;
}

export interface RefundRegister {
  rows: RefundRegisterRow[];
  /** More refunds match than `limit`: only the newest `limit` are in `rows`. */
  truncated: boolean;
  limit: number;
}

/**
 * The refunds register (§4.2): `listRefunds` (newest first, through the
 * `accountId` or `status` index), an overdue filter (an overdue refund is
 * still `requested`, so it walks the `status` index), and the client,
 * service and tariff joined for the rows found only.
 */
export async function refundRegister(db: AppDatabase, filter: RefundRegisterFilter = {}): Promise<RefundRegister> {
  const limit = Math.max(1, Math.min(filter.limit ?? REFUND_REGISTER_LIMIT, REFUND_REGISTER_LIMIT));
  const overdueOn = filter.overdueOn === undefined ? undefined : parseInput(isoDateSchema, filter.overdueOn);
  if (overdueOn !== undefined && filter.status !== undefined && filter.status !== 'requested') return { rows: [], truncated: false, limit };
  const status = overdueOn !== undefined ? 'requested' : filter.status;
  let found = await listRefunds(db, {
    ...(filter.accountId === undefined ? {} : { accountId: filter.accountId }),
    ...(status === undefined ? {} : { status }),
    // Overdue ones are filtered after the walk: read them all (undecided refunds are few).
    limit: overdueOn === undefined ? limit + 1 : Number.MAX_SAFE_INTEGER,
  });
  if (overdueOn !== undefined) found = found.filter((refund) => isRefundOverdue(refund.dueDate, overdueOn));
  const truncated = found.length > limit;
  const refunds = truncated ? found.slice(0, limit) : found;

  const subscriptionIds = [...new Set(refunds.map((r) => r.subscriptionId))];
  const [accounts, subscriptions, services, tariffs] = await Promise.all([
    db.accounts.bulkGet([...new Set(refunds.map((r) => r.accountId))]),
    db.subscriptions.bulkGet(subscriptionIds),
    db.services.toArray(),
    db.tariffs.toArray(),
  ]);
  const accountName = new Map(accounts.filter((a) => a !== undefined).map((a) => [a.id, a.name]));
  const subscriptionById = new Map(subscriptions.filter((s) => s !== undefined).map((s) => [s.id, s]));
  const serviceById = new Map(services.map((s) => [s.id, s]));
  const tariffById = new Map(tariffs.map((t) => [t.id, t]));
  const rows = refunds.map((refund): RefundRegisterRow => {
    const subscription = subscriptionById.get(refund.subscriptionId);
    return {
      ...refund,
      accountName: accountName.get(refund.accountId) ?? '',
      serviceId: subscription?.serviceId ?? null,
      serviceName: (subscription && serviceById.get(subscription.serviceId)?.name) ?? null,
      tariffName: (subscription && tariffById.get(subscription.tariffId)?.name) ?? null,
    };
  });
  return { rows, truncated, limit };
}
