import { z } from 'zod';
import { validateCalendarYear, type CalendarYear } from '../../shared/billing';
import { CALENDAR_SETTING, isShippedYear, storedCalendar } from '../calendar';
import { CommandError } from '../errors';
import { defineCommand } from '../registry';

/** Years an admin may save: those of the business dates the app keeps (2000–2099). */
export const CALENDAR_MIN_YEAR = 2000;
export const CALENDAR_MAX_YEAR = 2099;

const yearSchema = z
  .number({ error: 'errors:calendar.yearInvalid' })
  .int({ error: 'errors:calendar.yearInvalid' })
  .min(CALENDAR_MIN_YEAR, { error: 'errors:calendar.yearInvalid' })
  .max(CALENDAR_MAX_YEAR, { error: 'errors:calendar.yearInvalid' });

/** A year has at most 262 weekdays and 105 weekend days; a longer list has duplicates or other years' days. */
const dateListSchema = z.array(z.iso.date({ error: 'errors:date.invalid' }), { error: 'errors:validation.invalid' }).max(366, { error: 'errors:validation.invalid' });

/** Day of week of 'YYYY-MM-DD', 1 = Monday … 7 = Sunday (UTC arithmetic on a date, no time zone involved). */
function dayOfWeek(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export const saveCalendarYearInput = z
  .object({ year: yearSchema, nonWorkingWeekdays: dateListSchema, workingWeekends: dateListSchema })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    const check = (list: string[], name: 'nonWorkingWeekdays' | 'workingWeekends', weekend: boolean) => {
      list.forEach((date, i) => {
        const path = [name, i];
        if (Number(date.slice(0, 4)) !== input.year) {
          ctx.addIssue({ code: 'custom', path, message: 'errors:calendar.dateNotInYear', params: { date, year: input.year } });
        } else if ((dayOfWeek(date) >= 6) !== weekend) {
          ctx.addIssue({ code: 'custom', path, message: weekend ? 'errors:calendar.notWeekend' : 'errors:calendar.notWeekday', params: { date } });
        } else if (seen.has(date)) {
          ctx.addIssue({ code: 'custom', path, message: 'errors:calendar.duplicate', params: { date } });
        }
        seen.add(date);
      });
    };
    check(input.nonWorkingWeekdays, 'nonWorkingWeekdays', false);
    check(input.workingWeekends, 'workingWeekends', true);
  });

export interface CalendarYearResult extends CalendarYear {
  year: number;
}

const calendarRef = () => ({ table: 'settings' as const, id: CALENDAR_SETTING });

/**
 * Saves one year of the working-day calendar (admin): the weekdays that are
 * days off and the weekend days that are working days. A saved year
 * replaces that year of the shipped defaults (2025–2027) or adds a year;
 * every later computation on working days uses it. Dates belong to the
 * year, days off are Monday–Friday, working weekend days Saturday/Sunday,
 * no date twice. Stored sorted.
 */
export const saveCalendarYear = defineCommand({
  name: 'saveCalendarYear',
  role: 'admin',
  input: saveCalendarYearInput,
  ref: calendarRef,
  run: async (tx, input): Promise<CalendarYearResult> => {
    const entry: CalendarYear = { nonWorkingWeekdays: [...input.nonWorkingWeekdays].sort(), workingWeekends: [...input.workingWeekends].sort() };
    // The engine's own check too: the stored calendar must be one WorkingDayLookup reads.
    validateCalendarYear(input.year, entry);
    const stored = await storedCalendar(tx);
    stored.years[String(input.year)] = entry;
    await tx.putSetting(CALENDAR_SETTING, stored);
    return { year: input.year, ...entry };
  },
});

/**
 * Removes an added year (admin); computations then fall back to the
 * rule-based proposal for it. The shipped years (2025–2027) cannot be
 * removed: an edited shipped year is changed back by saving its values.
 */
export const removeCalendarYear = defineCommand({
  name: 'removeCalendarYear',
  role: 'admin',
  input: z.object({ year: yearSchema }),
  ref: calendarRef,
  run: async (tx, input): Promise<{ year: number }> => {
    if (isShippedYear(input.year)) throw new CommandError('errors:calendar.shippedYear', { field: 'year', params: { year: input.year } });
    const stored = await storedCalendar(tx);
    if (!Object.hasOwn(stored.years, String(input.year))) throw new CommandError('errors:calendar.yearNotFound', { field: 'year', params: { year: input.year } });
    delete stored.years[String(input.year)];
    await tx.putSetting(CALENDAR_SETTING, stored);
    return { year: input.year };
  },
});
