import { DEFAULT_CALENDAR, type CalendarYear, type WorkingCalendar } from '../shared/billing';
import type { AppDatabase } from './db';
import { readerOf, type Reader } from './tx';

/**
 * The working-day calendar in force (domain-rules §1): the years shipped in
 * DEFAULT_CALENDAR (2025–2027), overridden and extended by the years an
 * admin saved (settings row `calendar`, `{ years: { [year]: CalendarYear } }`,
 * only the edited years). Every core computation on working days reads it
 * here: refund due dates, ticket deadlines, Uchet.EDO dates. Years in
 * neither fall back to the rule-based proposal (WorkingDayLookup).
 */
export const CALENDAR_SETTING = 'calendar';

/** The stored value: the edited years only. */
export interface StoredCalendar {
  years: Record<string, CalendarYear>;
}

export const SHIPPED_YEARS: readonly number[] = Object.keys(DEFAULT_CALENDAR.years).map(Number).sort((a, b) => a - b);

export function isShippedYear(year: number): boolean {
  return SHIPPED_YEARS.includes(year);
}

/** The edited years as stored (an empty calendar when nothing was saved). */
export async function storedCalendar(reader: Reader): Promise<StoredCalendar> {
  const row = await reader.read.settings.get(CALENDAR_SETTING);
  const value = row?.value as StoredCalendar | undefined;
  return { years: { ...(value?.years ?? {}) } };
}

/** The shipped years with the edited ones laid over them. */
export function mergeCalendar(stored: StoredCalendar): WorkingCalendar {
  const years: Record<number, CalendarYear> = { ...DEFAULT_CALENDAR.years };
  for (const [year, entry] of Object.entries(stored.years)) years[Number(year)] = entry;
  return { years };
}

/** The calendar in force, read once per command or query. */
export async function loadCalendar(reader: Reader): Promise<WorkingCalendar> {
  return mergeCalendar(await storedCalendar(reader));
}

export interface CalendarView {
  /** The calendar in force: shipped years with the edited ones laid over them. */
  calendar: WorkingCalendar;
  /** Years shipped with the app (2025–2027): editable, never removed. */
  shippedYears: number[];
  /** Years an admin saved (shipped ones edited, or added). */
  editedYears: number[];
}

/** The working-day calendar for the settings editor (the `calendar` query). */
export async function getCalendar(db: AppDatabase): Promise<CalendarView> {
  const stored = await storedCalendar(readerOf(db));
  return {
    calendar: mergeCalendar(stored),
    shippedYears: [...SHIPPED_YEARS],
    editedYears: Object.keys(stored.years).map(Number).sort((a, b) => a - b),
  };
}
