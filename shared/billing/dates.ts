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
  months: 'must be a safe integer number of months',
  atLeastZero: 'must be at least 0',
  atLeastOne: 'must be at least 1',
  /** An input date, month or instant (its business-time day) outside 0001-01-01 … 9999-12-31. */
  yearRange: 'must be in a year from 0001 to 9999',
  /** A computed date that cannot be written YYYY-MM-DD with a 4-digit year. */
  outOfRange: 'moves the date outside the supported range',
  temporalInstant: 'must be a Temporal.Instant',
} as const;

/** The supported years: every date the engine reads or writes is YYYY-MM-DD with a 4-digit year. */
export const MIN_DATE_YEAR = 1;
export const MAX_DATE_YEAR = 9999;

function yearInRange(year: number): boolean {
  return year >= MIN_DATE_YEAR && year <= MAX_DATE_YEAR;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// Seconds and fractions optional; the offset is required: a bare local time is ambiguous.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** 'YYYY-MM-DD' with a year 0001–9999 that exists in the calendar. */
export function parseIsoDate(field: string, value: unknown): Temporal.PlainDate {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) fail(field, DATE_RULES.date);
  let date: Temporal.PlainDate;
  try {
    date = Temporal.PlainDate.from(value, { overflow: 'reject' });
  } catch {
    return fail(field, DATE_RULES.date);
  }
  if (!yearInRange(date.year)) fail(field, DATE_RULES.yearRange);
  return date;
}

/** An instant with an explicit offset whose business-time day lies in 0001-01-01 … 9999-12-31. */
export function parseInstant(field: string, value: unknown): Temporal.Instant {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) fail(field, DATE_RULES.instant);
  let instant: Temporal.Instant;
  try {
    instant = Temporal.Instant.from(value);
  } catch {
    return fail(field, DATE_RULES.instant);
  }
  if (!instantInRange(instant)) fail(field, DATE_RULES.yearRange);
  return instant;
}

export function assertMonthKey(field: string, value: unknown): string {
  const m = typeof value === 'string' ? MONTH_KEY.exec(value) : null;
  if (!m) return fail(field, DATE_RULES.month);
  if (!yearInRange(Number(m[1]))) fail(field, DATE_RULES.yearRange);
  return m[0];
}

/** A safe integer count of days, at least 0 (or at least 1). */
export function assertDayCount(field: string, value: unknown, { min = 0 }: { min?: 0 | 1 } = {}): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) fail(field, DATE_RULES.days);
  if (value < min) fail(field, min === 0 ? DATE_RULES.atLeastZero : DATE_RULES.atLeastOne);
  return value;
}

/** Whether the instant's business-time day has a 4-digit year (0001–9999). */
export function instantInRange(instant: Temporal.Instant): boolean {
  return yearInRange(businessDateTime(instant).year);
}

/**
 * A computed date as 'YYYY-MM-DD'; refuses (naming `field`, the input that
 * moved it there) a date outside 0001-01-01 … 9999-12-31, which Temporal
 * would write with a 6-digit year ('+010000-01-31').
 */
export function isoDateOf(field: string, date: Temporal.PlainDate): IsoDate {
  if (!yearInRange(date.year)) fail(field, DATE_RULES.outOfRange);
  return date.toString();
}

/** `date` moved by `days`, refusing (naming `field`) a result outside 0001-01-01 … 9999-12-31. */
export function addDaysTo(field: string, date: Temporal.PlainDate, days: number): Temporal.PlainDate {
  let result: Temporal.PlainDate;
  try {
    result = date.add({ days });
  } catch {
    return fail(field, DATE_RULES.outOfRange);
  }
  if (!yearInRange(result.year)) fail(field, DATE_RULES.outOfRange);
  return result;
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
  if (typeof days !== 'number' || !Number.isSafeInteger(days)) fail('days', DATE_RULES.days);
  return addDaysTo('days', d, days).toString();
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

/**
 * 'YYYY-MM-DDTHH:MM:SS+05:00' (a fraction of a second only when there is one).
 * Refuses anything but a Temporal.Instant, and an instant whose business-time
 * day is outside 0001-01-01 … 9999-12-31 (it would need a 6-digit year).
 */
export function formatInstant(instant: Temporal.Instant, field = 'instant'): IsoDateTime {
  if (!(instant instanceof Temporal.Instant)) fail(field, DATE_RULES.temporalInstant);
  if (!instantInRange(instant)) fail(field, DATE_RULES.yearRange);
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
