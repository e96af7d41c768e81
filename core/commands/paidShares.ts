import type { Bucket, LedgerEntry, Period } from '../../shared/domain';
import type { Reader } from '../tx';

/** Kinds that take money for a subscription (negative entries) or give part of it back (positive). */
const CHARGE_KINDS: ReadonlySet<LedgerEntry['kind']> = new Set(['period_charge', 'tariff_change_charge', 'tariff_change_credit', 'refund']);

export interface PaidShares {
  /** What is still paid per bucket (charges less credits and refunds), in positive tiyn. */
  paid: Record<Bucket, number>;
  /** The same, whole: everything charged less what was credited back (the refund quote's chargedTotal). */
  total: number;
}

/**
 * What the client paid for a subscription, per bucket, net of credits and
 * refunds: for the whole subscription, or for one period (entries that name
 * it). Refunds and credits go back to the buckets in this proportion (§4.2).
 */
export async function paidShares(tx: Reader, subscriptionId: string, period?: Period): Promise<PaidShares> {
  const paid = { money: 0, bonus: 0 };
  await tx.read.ledger
    .where('subscriptionId')
    .equals(subscriptionId)
    .each((entry) => {
      if (!CHARGE_KINDS.has(entry.kind)) return;
      if (period && entry.period?.start !== period.start) return;
      paid[entry.bucket] -= entry.amount;
    });
  return { paid: { money: Math.max(0, paid.money), bonus: Math.max(0, paid.bonus) }, total: Math.max(0, paid.money + paid.bonus) };
}
