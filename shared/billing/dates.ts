import { Temporal } from 'temporal-polyfill';
import { fail } from './errors';
import type { IsoDate, IsoDateTime } from './types';

/** Business time is a fixed offset: Kazakhstan has had a single zone, UTC+05:00, since 2024-03-01. */
export const BUSINESS_OFFSET = '+05:00';
/** The same offset as a number, for code that shifts epoch times itself (display, bulk generation). */
export const BUSINESS_OFFSET_MINUTES = 5 * 60;
const BUSINESS_OFFSET_MS = BUSINESS_OFFSET_MINUTES * 60 * 1000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

export const DATE_RULES = {
  date: 'must be an existing calendar date YYYY-MM-DD',
  instant: 'must be an ISO 8601 date-time with an explicit offset or Z',
  month: 'must be a month YYYY-MM',
  days: 'must be a safe integer number of days',
} as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// Seconds and fractions optional; the offset is required: a bare local time is ambiguous.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const MONTH_KEY = /^\d{4}-(0[1-9]|1[0-2])$/;

export function parseIsoDate(field: string, value: unknown): Temporal.PlainDate {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) fail(field, DATE_RULES.date);
  try {
    return Temporal.PlainDate.from(value, { overflow: 'reject' });
  } catch {
    return fail(field, DATE_RULES.date);
  }
}

export function parseInstant(field: string, value: unknown): Temporal.Instant {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) fail(field, DATE_RULES.instant);
  try {
    return Temporal.Instant.from(value);
  } catch {
    return fail(field, DATE_RULES.instant);
  }
}

export function assertMonthKey(field: string, value: unknown): string {
  if (typeof value !== 'string' || !MONTH_KEY.test(value)) fail(field, DATE_RULES.month);
  return value;
}

export function assertDayCount(field: string, value: unknown, { min = 0 }: { min?: number } = {}): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) fail(field, DATE_RULES.days);
  if (value < min) fail(field, `must be at least ${min}`);
  return value;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetweenDates(from: Temporal.PlainDate, to: Temporal.PlainDate): number {
  return from.until(to, { largestUnit: 'day' }).days;
}

/** `to − from` in calendar days; IsoDate strings are validated. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return daysBetweenDates(parseIsoDate('from', from), parseIsoDate('to', to));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = parseIsoDate('date', date);
  assertDayCount('days', days, { min: Number.MIN_SAFE_INTEGER });
  try {
    return d.add({ days }).toString();
  } catch {
    return fail('days', 'moves the date outside the supported range');
  }
}

/** The wall-clock date and time of an instant in business time. */
export function businessDateTime(instant: Temporal.Instant): Temporal.PlainDateTime {
  return instant.toZonedDateTimeISO(BUSINESS_OFFSET).toPlainDateTime();
}

/** The business-time calendar day on which an instant falls. */
export function businessDateOf(instant: IsoDateTime): IsoDate {
  return businessDateTime(parseInstant('instant', instant)).toPlainDate().toString();
}

/** 'YYYY-MM' of the instant in business time (compensation caps are per such month). */
export function monthKeyOfInstant(instant: Temporal.Instant): string {
  return businessDateTime(instant).toPlainDate().toPlainYearMonth().toString();
}

export function monthKeyOf(instant: IsoDateTime): string {
  return monthKeyOfInstant(parseInstant('instant', instant));
}

/** 'YYYY-MM-DDTHH:MM:SS+05:00' (a fraction of a second only when there is one). */
export function formatInstant(instant: Temporal.Instant): IsoDateTime {
  return instant.toZonedDateTimeISO(BUSINESS_OFFSET).toString({ timeZoneName: 'never' });
}

/** Milliseconds since the epoch, shifted so that whole days are business-time days. */
export function businessEpochMs(instant: Temporal.Instant): number {
  return instant.epochMilliseconds + BUSINESS_OFFSET_MS;
}

export function instantFromBusinessEpochMs(ms: number): Temporal.Instant {
  return Temporal.Instant.fromEpochMilliseconds(ms - BUSINESS_OFFSET_MS);
}

export function plainDateFromEpochDay(epochDay: number): Temporal.PlainDate {
  return new Temporal.PlainDate(1970, 1, 1).add({ days: epochDay });
}

export function epochDayOf(date: Temporal.PlainDate): number {
  return daysBetweenDates(new Temporal.PlainDate(1970, 1, 1), date);
}
