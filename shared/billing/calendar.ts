import { Temporal } from 'temporal-polyfill';
import { BILLING_RULES, fail, inYearRule } from './errors';
import { DATE_RULES, assertDayCount, parseIsoDate } from './dates';
import type { IsoDate } from './types';

/**
 * One year of the working calendar as editable data: weekdays that are days
 * off (holidays, moved holidays, government transfers) and weekend days that
 * are working days (the other side of a transfer).
 */
export interface CalendarYear {
  nonWorkingWeekdays: IsoDate[];
  workingWeekends: IsoDate[];
}

/** JSON-serializable; keys are years (they become strings in JSON, which indexes the same). */
export interface WorkingCalendar {
  years: Record<number, CalendarYear>;
}

const MIN_YEAR = 1970;
const MAX_YEAR = 9999;

/** Kazakhstan, as domain-rules §1 lists it (Kurban Ait included where decreed). */
export const DEFAULT_CALENDAR: WorkingCalendar = {
  years: {
    2025: {
      nonWorkingWeekdays: [
        '2025-01-01', '2025-01-02', '2025-01-03', '2025-01-07', '2025-03-10', '2025-03-21', '2025-03-24', '2025-03-25',
        '2025-05-01', '2025-05-07', '2025-05-09', '2025-06-06', '2025-07-07', '2025-09-01', '2025-10-27', '2025-12-16',
      ],
      workingWeekends: ['2025-01-05'],
    },
    2026: {
      nonWorkingWeekdays: [
        '2026-01-01', '2026-01-02', '2026-01-07', '2026-03-09', '2026-03-23', '2026-03-24', '2026-03-25',
        '2026-05-01', '2026-05-07', '2026-05-11', '2026-05-27', '2026-07-06', '2026-10-26', '2026-12-16',
      ],
      workingWeekends: [],
    },
    2027: {
      nonWorkingWeekdays: [
        '2027-01-01', '2027-01-04', '2027-01-07', '2027-03-08', '2027-03-15', '2027-03-22', '2027-03-23', '2027-03-24',
        '2027-05-03', '2027-05-07', '2027-05-10', '2027-07-06', '2027-10-25', '2027-12-16',
      ],
      workingWeekends: [],
    },
  },
};

function isWeekend(d: Temporal.PlainDate): boolean {
  return d.dayOfWeek >= 6;
}

function assertYear(field: string, year: unknown): number {
  if (typeof year !== 'number' || !Number.isSafeInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    fail(field, BILLING_RULES.calendarYear);
  }
  return year;
}

/** Holidays that move to the next working day when they fall on a weekend. */
function movableHolidays(year: number): string[] {
  const days = ['01-01', '01-02', '03-08', '03-21', '03-22', '03-23', '05-01', '05-07', '05-09', '07-06', '10-25', '12-16'];
  if (year <= 2025) days.push('08-30');
  if (year >= 2027) days.push('03-15');
  return days.map((md) => `${year}-${md}`).sort();
}

/**
 * The rule-based days off of a year (domain-rules §1) as a starting point for
 * a manager: fixed holidays, weekend holidays moved to the next working day,
 * Orthodox Christmas (never moved). Kurban Ait follows the lunar calendar and
 * government transfers are decreed each year, so neither is proposed.
 */
export function proposeCalendarYear(year: number): CalendarYear {
  assertYear('year', year);
  const off = new Set<string>();
  const christmas = Temporal.PlainDate.from({ year, month: 1, day: 7 });
  if (!isWeekend(christmas)) off.add(christmas.toString());
  const holidays = movableHolidays(year).map((s) => Temporal.PlainDate.from(s));
  const holidaySet = new Set(holidays.map((d) => d.toString()));
  for (const d of holidays) if (!isWeekend(d)) off.add(d.toString());
  for (const d of holidays) {
    if (!isWeekend(d)) continue;
    let next = d.add({ days: 1 });
    while (isWeekend(next) || off.has(next.toString()) || holidaySet.has(next.toString())) next = next.add({ days: 1 });
    off.add(next.toString());
  }
  // A moved day can land in January of the next year (a weekend 31 Dec holiday would); keep the year's own days only.
  return { nonWorkingWeekdays: [...off].filter((s) => s.startsWith(`${year}-`)).sort(), workingWeekends: [] };
}

/** Throws unless every listed day is a real date of `year` on the right kind of day. */
export function validateCalendarYear(year: number, entry: CalendarYear): CalendarYear {
  assertYear('year', year);
  const base = `calendar.years.${year}`;
  if (typeof entry !== 'object' || entry === null) fail(base, BILLING_RULES.object);
  const check = (list: unknown, name: string, wantWeekend: boolean) => {
    if (!Array.isArray(list)) return fail(`${base}.${name}`, BILLING_RULES.dateList);
    // An index loop, not forEach: a hole in the list is an entry to refuse, not one to skip.
    for (let i = 0; i < list.length; i++) {
      const field = `${base}.${name}[${i}]`;
      const d = parseIsoDate(field, list[i]);
      if (d.year !== year) fail(field, inYearRule(year));
      if (isWeekend(d) !== wantWeekend) fail(field, wantWeekend ? BILLING_RULES.weekend : BILLING_RULES.weekday);
    }
  };
  check(entry.nonWorkingWeekdays, 'nonWorkingWeekdays', false);
  check(entry.workingWeekends, 'workingWeekends', true);
  return entry;
}

/** Looks a date up fast; years missing from the calendar use the rule-based proposal. */
export class WorkingDayLookup {
  private readonly years = new Map<number, { off: Set<string>; on: Set<string> }>();

  constructor(private readonly calendar: WorkingCalendar = DEFAULT_CALENDAR) {
    if (typeof calendar !== 'object' || calendar === null || typeof calendar.years !== 'object' || calendar.years === null) {
      fail('calendar', BILLING_RULES.calendarShape);
    }
  }

  /** `field` names the input to blame when `d` lies outside the calendar's years (1970–9999). */
  isWorkingDay(d: Temporal.PlainDate, field = 'date'): boolean {
    if (d.year < MIN_YEAR || d.year > MAX_YEAR) fail(field, BILLING_RULES.calendarDate);
    const year = this.year(d.year);
    const s = d.toString();
    return isWeekend(d) ? year.on.has(s) : !year.off.has(s);
  }

  private year(y: number) {
    let entry = this.years.get(y);
    if (!entry) {
      // Own keys only: a year is never looked up on Object.prototype.
      const listed = Object.hasOwn(this.calendar.years, y) ? this.calendar.years[y] : undefined;
      const source = listed === undefined ? proposeCalendarYear(y) : validateCalendarYear(y, listed);
      entry = { off: new Set(source.nonWorkingWeekdays), on: new Set(source.workingWeekends) };
      this.years.set(y, entry);
    }
    return entry;
  }
}

export function isWorkingDay(date: IsoDate, calendar: WorkingCalendar = DEFAULT_CALENDAR): boolean {
  return new WorkingDayLookup(calendar).isWorkingDay(parseIsoDate('date', date));
}

/** Guards loops over days against a calendar edited into having no working days. */
export const MAX_DAYS_WITHOUT_WORK = 366;

/**
 * The first working day after `after`. `field` names the input to blame when
 * the search runs past 9999-12-31.
 */
export function nextWorkingDay(after: Temporal.PlainDate, lookup: WorkingDayLookup, field = 'days'): Temporal.PlainDate {
  let d = after;
  for (let i = 0; i < MAX_DAYS_WITHOUT_WORK; i++) {
    d = d.add({ days: 1 });
    if (d.year > MAX_YEAR) fail(field, DATE_RULES.outOfRange);
    if (lookup.isWorkingDay(d, field)) return d;
  }
  return fail('calendar', BILLING_RULES.noWorkingDay);
}

/** addWorkingDays on a parsed date; the field names are those of the caller's input. */
export function addWorkingDaysTo(
  date: Temporal.PlainDate, days: unknown, calendar: WorkingCalendar, fields: { date: string; days: string },
): Temporal.PlainDate {
  const n = assertDayCount(fields.days, days);
  if (n > 100_000) fail(fields.days, BILLING_RULES.workingDaysMax);
  if (date.year < MIN_YEAR) fail(fields.date, BILLING_RULES.calendarDate);
  const lookup = new WorkingDayLookup(calendar);
  let d = date;
  for (let i = 0; i < n; i++) d = nextWorkingDay(d, lookup, fields.days);
  return d;
}

/** The n-th working day after `date` (`date` itself not counted; n = 0 returns `date`). */
export function addWorkingDays(date: IsoDate, days: number, calendar: WorkingCalendar = DEFAULT_CALENDAR): IsoDate {
  const d = parseIsoDate('date', date);
  // nextWorkingDay refuses to step past 9999-12-31, so the result always has a 4-digit year.
  return addWorkingDaysTo(d, days, calendar, { date: 'date', days: 'days' }).toString();
}
