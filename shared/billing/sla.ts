import { Temporal } from 'temporal-polyfill';
import { BILLING_RULES, fail } from './errors';
import { DEFAULT_CALENDAR, WorkingDayLookup, nextWorkingDay, type WorkingCalendar } from './calendar';
import {
  DATE_RULES, MS_PER_DAY, MS_PER_MINUTE, businessEpochMs, epochDayOf, formatInstant, instantFromBusinessEpochMs, instantInRange,
  parseInstant, plainDateFromEpochDay,
} from './dates';
import { DEFAULT_BUSINESS_WINDOW, type SupportClock, type TimeWindow } from './policies';
import type { IsoDateTime } from './types';

export interface SlaInput {
  createdAt: IsoDateTime;
  hours: number;
  clock: SupportClock;
  calendar?: WorkingCalendar;
  /** 'HH:MM' business time; default 10:00–19:00. */
  window?: TimeWindow;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MAX_SLA_HOURS = 10_000;

function minuteOfDay(field: string, value: unknown): number {
  const m = typeof value === 'string' ? HH_MM.exec(value) : null;
  if (!m) return fail(field, BILLING_RULES.timeOfDay);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Whole minutes in `hours`; fractional hours are allowed when they are whole minutes (1.5 h = 90 min). */
function budgetMinutes(hours: unknown): number {
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0 || hours > MAX_SLA_HOURS) {
    return fail('hours', BILLING_RULES.slaHours);
  }
  const minutes = Math.round(hours * 60);
  // Tolerates the binary error of e.g. 0.1 h, refuses 1/7 h.
  if (Math.abs(minutes - hours * 60) > 1e-6) fail('hours', BILLING_RULES.wholeMinutes);
  return minutes;
}

/** The window's opening and closing minute of the day (default 10:00–19:00); closing after opening. */
function windowMinutes(window: TimeWindow | undefined = DEFAULT_BUSINESS_WINDOW): { openMin: number; closeMin: number } {
  if (typeof window !== 'object' || window === null) fail('window', BILLING_RULES.windowShape);
  const openMin = minuteOfDay('window.open', window.open);
  const closeMin = minuteOfDay('window.close', window.close);
  if (closeMin <= openMin) fail('window.close', BILLING_RULES.afterOpen);
  return { openMin, closeMin };
}

/**
 * When a support target is due. 24x7: createdAt + hours. Business: the
 * earliest instant by which `hours` of open time (working days, inside the
 * window) have passed; a ticket created outside the window starts at the next
 * opening, and a budget used up exactly at closing time is due at closing.
 */
export function slaDueAt(input: SlaInput): IsoDateTime {
  if (typeof input !== 'object' || input === null) fail('input', BILLING_RULES.object);
  const created = parseInstant('createdAt', input.createdAt);
  const minutes = budgetMinutes(input.hours);
  if (input.clock === '24x7') return due(created.add({ minutes }));
  if (input.clock !== 'business') fail('clock', BILLING_RULES.clock);

  const { openMin, closeMin } = windowMinutes(input.window);
  const lookup = new WorkingDayLookup(input.calendar ?? DEFAULT_CALENDAR);

  // Integer milliseconds on a business-time axis: days are whole multiples of MS_PER_DAY.
  const createdMs = businessEpochMs(created);
  let day = plainDateFromEpochDay(Math.floor(createdMs / MS_PER_DAY));
  let cursor = createdMs;
  let remaining = minutes * MS_PER_MINUTE;
  const dayStart = (d: Temporal.PlainDate) => epochDayOf(d) * MS_PER_DAY;
  if (!lookup.isWorkingDay(day, 'createdAt') || cursor >= dayStart(day) + closeMin * MS_PER_MINUTE) {
    day = nextWorkingDay(day, lookup, 'hours');
    cursor = dayStart(day) + openMin * MS_PER_MINUTE;
  }
  for (;;) {
    const open = dayStart(day) + openMin * MS_PER_MINUTE;
    const close = dayStart(day) + closeMin * MS_PER_MINUTE;
    if (cursor < open) cursor = open;
    const available = close - cursor;
    if (remaining <= available) return due(instantFromBusinessEpochMs(cursor + remaining));
    remaining -= available;
    day = nextWorkingDay(day, lookup, 'hours');
    cursor = dayStart(day) + openMin * MS_PER_MINUTE;
  }
}

/** The deadline as an IsoDateTime; one past 9999-12-31 (business time) cannot be written and is refused. */
function due(instant: Temporal.Instant): IsoDateTime {
  if (!instantInRange(instant)) fail('hours', DATE_RULES.outOfRange);
  return formatInstant(instant);
}

export interface SlaOpenTimeInput {
  from: IsoDateTime;
  to: IsoDateTime;
  clock: SupportClock;
  calendar?: WorkingCalendar;
  /** 'HH:MM' business time; default 10:00–19:00. */
  window?: TimeWindow;
}

/**
 * Whole minutes of open time of a support clock in [from, to), rounded
 * down: 24x7 counts wall time; business counts only the minutes inside the
 * window on working days. 0 when `to` is not after `from`. This is the time
 * a ticket spent waiting for the client that moves its resolution deadline
 * (001 §7.2): a weekend of waiting on the business clock is 0 minutes.
 */
export function slaOpenMinutes(input: SlaOpenTimeInput): number {
  if (typeof input !== 'object' || input === null) fail('input', BILLING_RULES.object);
  const from = parseInstant('from', input.from);
  const to = parseInstant('to', input.to);
  if (input.clock !== '24x7' && input.clock !== 'business') fail('clock', BILLING_RULES.clock);
  const fromMs = businessEpochMs(from);
  const toMs = businessEpochMs(to);
  if (toMs <= fromMs) return 0;
  if (input.clock === '24x7') return Math.floor((toMs - fromMs) / MS_PER_MINUTE);

  const { openMin, closeMin } = windowMinutes(input.window);
  const lookup = new WorkingDayLookup(input.calendar ?? DEFAULT_CALENDAR);
  const lastDay = Math.floor((toMs - 1) / MS_PER_DAY);
  let open = 0;
  for (let epochDay = Math.floor(fromMs / MS_PER_DAY); epochDay <= lastDay; epochDay++) {
    if (!lookup.isWorkingDay(plainDateFromEpochDay(epochDay), 'from')) continue;
    const start = Math.max(fromMs, epochDay * MS_PER_DAY + openMin * MS_PER_MINUTE);
    const end = Math.min(toMs, epochDay * MS_PER_DAY + closeMin * MS_PER_MINUTE);
    if (end > start) open += end - start;
  }
  return Math.floor(open / MS_PER_MINUTE);
}
