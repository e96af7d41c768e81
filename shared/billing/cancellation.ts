import { Temporal } from 'temporal-polyfill';
import { BILLING_RULES, fail } from './errors';
import { assertDayCount, daysBetweenDates, parseIsoDate } from './dates';
import { bigToTiyn, minBig, roundDiv, tiynToBig } from './money';
import { checkedPeriod } from './periods';
import type { IsoDate, LedgerBucket, Tiyn } from './types';

export interface CancellationInput {
  firstUseDate: IsoDate;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  cancelDate: IsoDate;
  /** Price of the tariff in force for the current period. */
  currentPrice: Tiyn;
  /** Everything charged for this subscription less what was already credited back. */
  chargedTotal: Tiyn;
  /** Full refund window in calendar days from first use; null: none. */
  refundWindowDays: number | null;
}

export interface CancellationQuote {
  kind: 'full' | 'prorated';
  amount: Tiyn;
  /** Unused days of the current period (0 once it has ended). */
  remainingDays: number;
  periodDays: number;
}

/**
 * Refund on cancellation (domain-rules §4.2). Full refund inside the window
 * (`cancelDate < firstUseDate + w`), otherwise the unused days of the
 * current period. The prorated amount never exceeds chargedTotal (decided:
 * a refund cannot return more than was charged).
 */
export function quoteCancellation(input: CancellationInput): CancellationQuote {
  if (typeof input !== 'object' || input === null) fail('input', BILLING_RULES.object);
  const firstUse = parseIsoDate('firstUseDate', input.firstUseDate);
  const period = checkedPeriod(input.periodStart, input.periodEnd);
  const cancel = parseIsoDate('cancelDate', input.cancelDate);
  if (Temporal.PlainDate.compare(cancel, period.start) < 0) fail('cancelDate', BILLING_RULES.notBeforePeriodStart);
  const price = tiynToBig('currentPrice', input.currentPrice);
  const charged = tiynToBig('chargedTotal', input.chargedTotal);
  const w = input.refundWindowDays;
  if (w !== null) assertDayCount('refundWindowDays', w);
  const remainingDays = Math.max(0, daysBetweenDates(cancel, period.end));

  if (w !== null && daysBetweenDates(firstUse, cancel) < w) {
    return { kind: 'full', amount: bigToTiyn('amount', charged), remainingDays, periodDays: period.days };
  }
  const prorated = roundDiv(price * BigInt(remainingDays), BigInt(period.days));
  return { kind: 'prorated', amount: bigToTiyn('amount', minBig(prorated, charged)), remainingDays, periodDays: period.days };
}

export type BucketAmounts = Record<LedgerBucket, Tiyn>;

/**
 * Splits a refund or credit back into the buckets in the proportion the
 * charge was paid: the bonus share is rounded once (half away from zero) and
 * money gets the rest, so the parts always sum to `amount` exactly.
 */
export function allocateToBuckets(amount: Tiyn, paid: BucketAmounts): BucketAmounts {
  const a = tiynToBig('amount', amount);
  if (typeof paid !== 'object' || paid === null) fail('paid', BILLING_RULES.bucketsShape);
  const money = tiynToBig('paid.money', paid.money);
  const bonus = tiynToBig('paid.bonus', paid.bonus);
  const total = money + bonus;
  if (a > total) fail('amount', BILLING_RULES.exceedsPaid);
  if (total === 0n) return { money: 0, bonus: 0 };
  const bonusShare = roundDiv(a * bonus, total);
  return { money: bigToTiyn('money', a - bonusShare), bonus: bigToTiyn('bonus', bonusShare) };
}

/** How a charge is paid: bonus first, then money. */
export function splitCharge(amount: Tiyn, availableBonus: Tiyn): BucketAmounts {
  const a = tiynToBig('amount', amount);
  const b = tiynToBig('availableBonus', availableBonus);
  const bonus = minBig(a, b);
  return { money: bigToTiyn('money', a - bonus), bonus: bigToTiyn('bonus', bonus) };
}
