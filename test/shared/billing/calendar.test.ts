import { describe, expect, test } from 'vitest';
import { DEFAULT_CALENDAR, addWorkingDays, isWorkingDay, proposeCalendarYear, validateCalendarYear, type WorkingCalendar } from '../../../shared/billing';
import { expectInputError } from './expectInputError';

describe('working calendar', () => {
  test('isWorkingDay: weekdays, holidays, weekends and transfers', () => {
    expect(isWorkingDay('2026-03-26')).toBe(true);
    expect(isWorkingDay('2026-03-24')).toBe(false);
    expect(isWorkingDay('2026-03-28')).toBe(false);
    expect(isWorkingDay('2025-01-05')).toBe(true);
    expect(isWorkingDay('2025-01-03')).toBe(false);
  });

  test('addWorkingDays: 0 returns the date itself, even a holiday', () => {
    expect(addWorkingDays('2026-03-23', 0)).toBe('2026-03-23');
  });

  test('addWorkingDays crosses the new year', () => {
    // 2026-12-31 Thu; 2027-01-01 Fri off, 01-04 Mon off, 01-05 Tue.
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-05');
  });

  test('a year missing from the calendar uses the rule-based proposal', () => {
    // 2028-03-08 is a Wednesday holiday by the rules.
    expect(addWorkingDays('2028-03-07', 1)).toBe('2028-03-09');
  });

  test('an edited calendar is respected and survives a JSON round trip', () => {
    const edited: WorkingCalendar = JSON.parse(JSON.stringify(DEFAULT_CALENDAR));
    edited.years[2026] = { nonWorkingWeekdays: ['2026-06-01'], workingWeekends: ['2026-06-06'] };
    expect(addWorkingDays('2026-05-29', 1, edited)).toBe('2026-06-02');
    expect(addWorkingDays('2026-06-05', 1, edited)).toBe('2026-06-06');
    expect(isWorkingDay('2026-03-24', edited)).toBe(true);
  });

  test('proposals for other years move weekend holidays forward (2028: 1 Jan Sat, 2 Jan Sun → 3 and 4 Jan)', () => {
    const y = proposeCalendarYear(2028).nonWorkingWeekdays;
    expect(y.slice(0, 3)).toEqual(['2028-01-03', '2028-01-04', '2028-01-07']);
    expect(y).toContain('2028-03-15');
    expect(y).not.toContain('2028-08-30');
  });

  test('30 Aug is a holiday up to 2025 only', () => {
    expect(proposeCalendarYear(2024).nonWorkingWeekdays).toContain('2024-08-30');
  });

  test('Orthodox Christmas on a weekend is not moved (2024-01-07 Sunday)', () => {
    // 2024: Jan 1 Mon, 2 Tue; Jan 7 Sunday stays a Sunday; nothing on Jan 8.
    expect(proposeCalendarYear(2024).nonWorkingWeekdays).not.toContain('2024-01-08');
  });

  test('bad input', () => {
    expectInputError(() => addWorkingDays('2026-02-30', 1), 'date');
    expectInputError(() => addWorkingDays('2026-03-02', -1), 'days', /at least 0/);
    expectInputError(() => addWorkingDays('2026-03-02', 1.5), 'days');
    expectInputError(() => isWorkingDay('2026-3-2'), 'date');
    expectInputError(() => proposeCalendarYear(2026.5), 'year');
    expectInputError(() => addWorkingDays('2026-03-02', 1, { years: { 2026: { nonWorkingWeekdays: ['2026-03-07'], workingWeekends: [] } } }),
      'calendar.years.2026.nonWorkingWeekdays[0]', /Monday to Friday/);
    expectInputError(() => validateCalendarYear(2026, { nonWorkingWeekdays: [], workingWeekends: ['2026-03-09'] }),
      'calendar.years.2026.workingWeekends[0]', /Saturday or Sunday/);
    expectInputError(() => validateCalendarYear(2026, { nonWorkingWeekdays: ['2027-01-04'], workingWeekends: [] }),
      'calendar.years.2026.nonWorkingWeekdays[0]', /in 2026/);
    expectInputError(() => addWorkingDays('2026-03-02', 1, {} as WorkingCalendar), 'calendar');
  });
});
