import type { Bucket, IsoDate, IsoDateTime, LedgerEntry, LedgerKind, PaymentMethod, Period, Tiyn } from '../shared/domain';

/**
 * Builds ledger rows. The commands and the demo generator both make their
 * entries here, so the rows a demo book holds have exactly the shape the
 * commands write (the generator only brings its own deterministic ids).
 */
export interface Posting {
  operationId: string;
  actor: string;
  /** When it was recorded (UTC). */
  at: IsoDateTime;
  /** The business day it belongs to. */
  businessDate: IsoDate;
  /** Makes record ids: newId in the commands, ordered ids in the demo generator. */
  newId: () => string;
}

export interface PaymentLine {
  accountId: string;
  amount: Tiyn;
  method: PaymentMethod;
  reference?: string;
  subscriptionId?: string;
}

/** A client's payment: money in, in the `money` bucket. */
export function paymentEntry(posting: Posting, line: PaymentLine): LedgerEntry {
  return {
    id: posting.newId(),
    accountId: line.accountId,
    bucket: 'money',
    amount: line.amount,
    kind: 'payment',
    method: line.method,
    ...(line.reference === undefined ? {} : { reference: line.reference }),
    ...(line.subscriptionId === undefined ? {} : { subscriptionId: line.subscriptionId }),
    operationId: posting.operationId,
    actor: posting.actor,
    at: posting.at,
    businessDate: posting.businessDate,
  };
}

export interface SplitLine {
  accountId: string;
  kind: LedgerKind;
  /** Positive amounts per bucket; the sign comes from `direction`. */
  split: Record<Bucket, Tiyn>;
  /** 'debit' takes from the client (a charge), 'credit' gives back (a refund, a credit, a compensation). */
  direction: 'debit' | 'credit';
  subscriptionId?: string;
  serviceId?: string;
  period?: Period;
  links?: Partial<Pick<LedgerEntry, 'incidentId' | 'refundId' | 'compensationId' | 'tariffChangeId'>>;
}

/**
 * One entry per bucket that moves (bonus first, no zero rows), sharing a
 * chargeId so that a later refund can go back in the same proportion.
 */
export function splitEntries(posting: Posting, line: SplitLine): LedgerEntry[] {
  const chargeId = posting.newId();
  const sign = line.direction === 'debit' ? -1 : 1;
  const entries: LedgerEntry[] = [];
  for (const bucket of ['bonus', 'money'] as const) {
    if (line.split[bucket] === 0) continue;
    entries.push({
      id: posting.newId(),
      accountId: line.accountId,
      bucket,
      amount: sign * line.split[bucket],
      kind: line.kind,
      ...(line.subscriptionId === undefined ? {} : { subscriptionId: line.subscriptionId }),
      ...(line.serviceId === undefined ? {} : { serviceId: line.serviceId }),
      ...line.links,
      chargeId,
      ...(line.period === undefined ? {} : { period: line.period }),
      operationId: posting.operationId,
      actor: posting.actor,
      at: posting.at,
      businessDate: posting.businessDate,
    });
  }
  return entries;
}

/** A single signed movement in one bucket (a payout when the client leaves, a correction). */
export function bucketEntry(posting: Posting, line: { accountId: string; bucket: Bucket; amount: Tiyn; kind: LedgerKind }): LedgerEntry {
  return {
    id: posting.newId(),
    accountId: line.accountId,
    bucket: line.bucket,
    amount: line.amount,
    kind: line.kind,
    operationId: posting.operationId,
    actor: posting.actor,
    at: posting.at,
    businessDate: posting.businessDate,
  };
}
