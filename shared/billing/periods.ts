import { Temporal } from 'temporal-polyfill';
import { fail } from './errors';
import { assertDayCount, daysBetweenDates, parseIsoDate } from './dates';
import type { IsoDate } from './types';

/**
 * The end (exclusive) of a period of `months` months starting on `start`.
 * The period ends on the anchor day of the target month, or on its last day
 * when the month is shorter; the anchor is kept so later periods return to it
 * (anchor 31: Jan 31 → Feb 28 → Mar 31 → Apr 30).
 */
export function nextPeriodEnd(start: IsoDate, months: number, anchorDay?: number): IsoDate {
  const s = parseIsoDate('start', start);
  assertDayCount('months', months, { min: 1 });
  if (months > 1200) fail('months', 'must be at most 1200');
  const anchor = anchorDay ?? s.day;
  if (!Number.isSafeInteger(anchor) || anchor < 1 || anchor > 31) fail('anchorDay', 'must be an integer from 1 to 31');
  // The start itself must sit on the anchor (or on the last day of a month too short for it).
  if (s.day !== Math.min(anchor, s.daysInMonth)) fail('anchorDay', 'must match the day of start (or start must be the last day of a shorter month)');
  const target = Temporal.PlainYearMonth.from({ year: s.year, month: s.month }).add({ months });
  return Temporal.PlainDate.from({ year: target.year, month: target.month, day: Math.min(anchor, target.daysInMonth) }).toString();
}

/** `end − start` in days for a half-open period; end must be after start. */
export function periodDays(start: IsoDate, end: IsoDate): number {
  return checkedPeriod('periodStart', start, 'periodEnd', end).days;
}

export interface CheckedPeriod {
  start: Temporal.PlainDate;
  end: Temporal.PlainDate;
  days: number;
}

export function checkedPeriod(startField: string, start: unknown, endField: string, end: unknown): CheckedPeriod {
  const s = parseIsoDate(startField, start);
  const e = parseIsoDate(endField, end);
  const days = daysBetweenDates(s, e);
  if (days <= 0) fail(endField, `must be after ${startField}`);
  return { start: s, end: e, days };
}
