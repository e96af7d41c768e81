import { Temporal } from 'temporal-polyfill';
import { BILLING_RULES, fail } from './errors';
import { daysBetweenDates, parseIsoDate } from './dates';
import { bigToTiyn, roundDiv, tiynToBig } from './money';
import { checkedPeriod } from './periods';
import type { IsoDate, Tiyn } from './types';

export interface TariffChangeInput {
  periodStart: IsoDate;
  periodEnd: IsoDate;
  /** The first day on the new tariff. */
  effectiveDate: IsoDate;
  oldPrice: Tiyn;
  newPrice: Tiyn;
}

export interface TariffChangeQuote {
  remainingDays: number;
  periodDays: number;
  /** Positive: charged to the client; negative: credited. */
  amount: Tiyn;
}

/**
 * A tariff change inside the period (domain-rules §4.1): the price difference
 * for the remaining days, round((new − old) × remaining / periodDays). The
 * period end does not move.
 */
export function quoteTariffChange(input: TariffChangeInput): TariffChangeQuote {
  if (typeof input !== 'object' || input === null) fail('input', BILLING_RULES.object);
  const period = checkedPeriod(input.periodStart, input.periodEnd);
  const effective = parseIsoDate('effectiveDate', input.effectiveDate);
  if (Temporal.PlainDate.compare(effective, period.start) < 0 || Temporal.PlainDate.compare(effective, period.end) >= 0) {
    fail('effectiveDate', BILLING_RULES.withinPeriod);
  }
  const oldPrice = tiynToBig('oldPrice', input.oldPrice);
  const newPrice = tiynToBig('newPrice', input.newPrice);
  const remainingDays = daysBetweenDates(effective, period.end);
  const amount = roundDiv((newPrice - oldPrice) * BigInt(remainingDays), BigInt(period.days));
  return { remainingDays, periodDays: period.days, amount: bigToTiyn('amount', amount) };
}

/** What decides whether two tariffs belong to one family (a change between them is a tariff change). */
export interface TariffFamily {
  serviceId: string;
  billingMonths: number;
}

export type TariffFamilyMismatch = 'service' | 'billing_period';

function checkFamily(name: 'from' | 'to', t: unknown): TariffFamily {
  if (typeof t !== 'object' || t === null) fail(name, BILLING_RULES.tariffFamilyShape);
  const { serviceId, billingMonths } = t as Partial<TariffFamily>;
  if (typeof serviceId !== 'string' || serviceId === '') fail(`${name}.serviceId`, BILLING_RULES.nonEmptyString);
  if (billingMonths !== 1 && billingMonths !== 12) fail(`${name}.billingMonths`, BILLING_RULES.billingMonths);
  return { serviceId, billingMonths };
}

/**
 * null when `to` may replace `from` inside a subscription; otherwise why not.
 * Both must be well-formed families (a non-empty serviceId, billingMonths 1 or 12).
 */
export function tariffFamilyMismatch(from: TariffFamily, to: TariffFamily): TariffFamilyMismatch | null {
  const a = checkFamily('from', from);
  const b = checkFamily('to', to);
  if (a.serviceId !== b.serviceId) return 'service';
  if (a.billingMonths !== b.billingMonths) return 'billing_period';
  return null;
}

/**
 * A change to another service or to another billing-period length is not a
 * tariff change (domain-rules §4.1): it is a new subscription.
 */
export function assertSameTariffFamily(from: TariffFamily, to: TariffFamily): void {
  const mismatch = tariffFamilyMismatch(from, to);
  if (mismatch === 'service') fail('to.serviceId', BILLING_RULES.sameService);
  if (mismatch === 'billing_period') fail('to.billingMonths', BILLING_RULES.sameBillingPeriod);
}
