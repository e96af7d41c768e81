import { Temporal } from 'temporal-polyfill';
import { fail } from './errors';
import { DEFAULT_CALENDAR, WorkingDayLookup, nextWorkingDay, type WorkingCalendar } from './calendar';
import {
  MS_PER_DAY, MS_PER_MINUTE, businessEpochMs, epochDayOf, formatInstant, instantFromBusinessEpochMs, parseInstant,
  plainDateFromEpochDay,
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
  if (!m) return fail(field, 'must be a time HH:MM from 00:00 to 23:59');
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Whole minutes in `hours`; fractional hours are allowed when they are whole minutes (1.5 h = 90 min). */
function budgetMinutes(hours: unknown): number {
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0 || hours > MAX_SLA_HOURS) {
    return fail('hours', `must be a number greater than 0 and at most ${MAX_SLA_HOURS}`);
  }
  const minutes = Math.round(hours * 60);
  // Tolerates the binary error of e.g. 0.1 h, refuses 1/7 h.
  if (Math.abs(minutes - hours * 60) > 1e-6) fail('hours', 'must be a whole number of minutes');
  return minutes;
}

/**
 * When a support target is due. 24x7: createdAt + hours. Business: the
 * earliest instant by which `hours` of open time (working days, inside the
 * window) have passed; a ticket created outside the window starts at the next
 * opening, and a budget used up exactly at closing time is due at closing.
 */
export function slaDueAt(input: SlaInput): IsoDateTime {
  if (typeof input !== 'object' || input === null) fail('input', 'must be an object');
  const created = parseInstant('createdAt', input.createdAt);
  const minutes = budgetMinutes(input.hours);
  if (input.clock === '24x7') return formatInstant(created.add({ minutes }));
  if (input.clock !== 'business') fail('clock', "must be '24x7' or 'business'");

  const window = input.window ?? DEFAULT_BUSINESS_WINDOW;
  if (typeof window !== 'object' || window === null) fail('window', 'must be { open, close }');
  const openMin = minuteOfDay('window.open', window.open);
  const closeMin = minuteOfDay('window.close', window.close);
  if (closeMin <= openMin) fail('window.close', 'must be after window.open');
  const lookup = new WorkingDayLookup(input.calendar ?? DEFAULT_CALENDAR);

  // Integer milliseconds on a business-time axis: days are whole multiples of MS_PER_DAY.
  const createdMs = businessEpochMs(created);
  let day = plainDateFromEpochDay(Math.floor(createdMs / MS_PER_DAY));
  let cursor = createdMs;
  let remaining = minutes * MS_PER_MINUTE;
  const dayStart = (d: Temporal.PlainDate) => epochDayOf(d) * MS_PER_DAY;
  if (!lookup.isWorkingDay(day) || cursor >= dayStart(day) + closeMin * MS_PER_MINUTE) {
    day = nextWorkingDay(day, lookup);
    cursor = dayStart(day) + openMin * MS_PER_MINUTE;
  }
  for (;;) {
    const open = dayStart(day) + openMin * MS_PER_MINUTE;
    const close = dayStart(day) + closeMin * MS_PER_MINUTE;
    if (cursor < open) cursor = open;
    const available = close - cursor;
    if (remaining <= available) return formatInstant(instantFromBusinessEpochMs(cursor + remaining));
    remaining -= available;
    day = nextWorkingDay(day, lookup);
    cursor = dayStart(day) + openMin * MS_PER_MINUTE;
  }
}
