import { Temporal } from 'temporal-polyfill';
import { BILLING_RULES, fail } from './errors';
import { DATE_RULES, daysBetweenDates, isoDateOf, parseIsoDate } from './dates';
import type { IsoDate } from './types';

/**
 * The end (exclusive) of a period of `months` months starting on `start`.
 * The period ends on the anchor day of the target month, or on its last day
 * when the month is shorter; the anchor is kept so later periods return to it
 * (anchor 31: Jan 31 → Feb 28 → Mar 31 → Apr 30).
 */
export function nextPeriodEnd(start: IsoDate, months: number, anchorDay?: number): IsoDate {
  const s = parseIsoDate('start', start);
  if (typeof months !== 'number' || !Number.isSafeInteger(months)) fail('months', DATE_RULES.months);
  if (months < 1) fail('months', DATE_RULES.atLeastOne);
  if (months > 1200) fail('months', BILLING_RULES.monthsMax);
  const anchor: unknown = anchorDay ?? s.day;
  if (typeof anchor !== 'number' || !Number.isSafeInteger(anchor) || anchor < 1 || anchor > 31) return fail('anchorDay', BILLING_RULES.anchorDay);
  // The start itself must sit on the anchor (or on the last day of a month too short for it).
  if (s.day !== Math.min(anchor, s.daysInMonth)) fail('anchorDay', BILLING_RULES.anchorMatch);
  const target = Temporal.PlainYearMonth.from({ year: s.year, month: s.month }).add({ months });
  // 9999-12-31 + 1 month would be written '+010000-01-31': refused, not returned.
  return isoDateOf('months', Temporal.PlainDate.from({ year: target.year, month: target.month, day: Math.min(anchor, target.daysInMonth) }));
}

/** `end − start` in days for a half-open period; end must be after start. */
export function periodDays(start: IsoDate, end: IsoDate): number {
  return checkedPeriod(start, end).days;
}

export interface CheckedPeriod {
  start: Temporal.PlainDate;
  end: Temporal.PlainDate;
  days: number;
}

/** periodStart and periodEnd parsed, with periodEnd after periodStart. */
export function checkedPeriod(start: unknown, end: unknown): CheckedPeriod {
  const s = parseIsoDate('periodStart', start);
  const e = parseIsoDate('periodEnd', end);
  const days = daysBetweenDates(s, e);
  if (days <= 0) fail('periodEnd', BILLING_RULES.afterPeriodStart);
  return { start: s, end: e, days };
}
