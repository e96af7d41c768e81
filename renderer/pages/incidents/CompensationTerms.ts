import type { TFunction } from 'i18next';
import { roundDiv } from '../../../shared/billing';
import { formatMoney } from '../../i18n/format';

export { ALL_CASH_CLAUSES, asExclusion, clausesOf, exclusionClause, type CompensationClauses } from '../../../shared/domain/compensationClauses';

/** "3 h 59 min" in the UI language, as the incidents list writes it. */
export { formatDuration } from './incidentTime';

/** 'YYYY-MM' → "March 2026" / "2026 ж. наурыз". */
export function formatMonth(t: TFunction, month: string): string {
  const [year, m] = month.split('-');
  return t('compensations:month', { year, month: t(`compensations:months.${Number(m)}`) });
}

/**
 * A monthly fee kept exactly as numerator / denominator tiyn (a 12-month
 * price need not divide by 12): the price itself for a monthly tariff,
 * else the twelfth rounded to the tiyn for display, with the exact
 * `price / 12` beside it.
 */
export function feeText(t: TFunction, fee: { numerator: number; denominator: 1 | 12 }): { main: string; note: string } {
  if (fee.denominator === 1) return { main: formatMoney(fee.numerator), note: t('compensations:table.feeMonthly') };
  return { main: formatMoney(roundDiv(BigInt(fee.numerator), BigInt(fee.denominator))), note: t('compensations:table.feeYearly', { price: formatMoney(fee.numerator) }) };
}

/** The cap of one month in tiyn (fee × cap %), rounded to the tiyn for display. */
export function capOf(fee: { numerator: number; denominator: 1 | 12 }, capPercent: number): bigint {
  return roundDiv(BigInt(fee.numerator) * BigInt(capPercent), BigInt(fee.denominator) * 100n);
}

/**
 * Whether the monthly cap cut this line: its amount is at least a tiyn
 * below the raw `fee × percent / 100` (cumulative rounding alone moves a
 * line by less than a tiyn).
 */
export function isCapped(amount: number, fee: { numerator: number; denominator: 1 | 12 }, percent: number): boolean {
  const den = BigInt(fee.denominator) * 100n;
  const raw = BigInt(fee.numerator) * BigInt(percent);
  return (BigInt(amount) + 1n) * den <= raw;
}
