import { describe, expect, test } from 'vitest';
import { DEFAULT_CALENDAR, slaDueAt, slaOpenMinutes, type WorkingCalendar } from '../../../shared/billing';
import { expectInputError } from './expectInputError';

/**
 * Open minutes of a support clock between two instants: the time a ticket
 * waited for the client that moves its resolution deadline (001 §7.2).
 * March 2026: Fri 13, Mon 16; Mon 23 – Wed 25 are Nauryz days off.
 */
describe('slaOpenMinutes', () => {
  test('24x7 counts wall time, whole minutes rounded down, whatever the offsets', () => {
    expect(slaOpenMinutes({ from: '2026-03-15T13:00:00+05:00', to: '2026-03-15T15:30:00+05:00', clock: '24x7' })).toBe(150);
    expect(slaOpenMinutes({ from: '2026-03-15T08:00:00Z', to: '2026-03-15T15:30:59+05:00', clock: '24x7' })).toBe(150);
    expect(slaOpenMinutes({ from: '2026-03-13T19:00:00+05:00', to: '2026-03-16T10:00:00+05:00', clock: '24x7' })).toBe(63 * 60);
  });

  test('business: only the window on working days; a weekend is 0', () => {
    // Friday 19:00 → Monday 10:00: nothing open.
    expect(slaOpenMinutes({ from: '2026-03-13T19:00:00+05:00', to: '2026-03-16T10:00:00+05:00', clock: 'business' })).toBe(0);
    // Friday 17:00 → Thursday 19 March 10:00: 2 h on Friday, Mon 16 – Wed 18 are 3 × 9 h, Thursday before opening 0.
    expect(slaOpenMinutes({ from: '2026-03-13T17:00:00+05:00', to: '2026-03-19T10:00:00+05:00', clock: 'business' })).toBe(120 + 3 * 540);
    // Friday 20 March 17:00 → Thursday 26 March 10:00: 2 h on Friday; the weekend and Nauryz 23–25 are 0.
    expect(slaOpenMinutes({ from: '2026-03-20T17:00:00+05:00', to: '2026-03-26T10:00:00+05:00', clock: 'business' })).toBe(120);
    // Inside one day, before opening to after closing: the whole window.
    expect(slaOpenMinutes({ from: '2026-03-16T07:00:00+05:00', to: '2026-03-16T21:00:00+05:00', clock: 'business' })).toBe(540);
    // The partner window 09:00–18:00.
    expect(slaOpenMinutes({ from: '2026-03-16T08:00:00+05:00', to: '2026-03-16T09:30:00+05:00', clock: 'business', window: { open: '09:00', close: '18:00' } })).toBe(30);
  });

  test('a calendar edit counts: a working Saturday opens, a day off closes', () => {
    const calendar: WorkingCalendar = { years: { ...DEFAULT_CALENDAR.years, 2026: { nonWorkingWeekdays: ['2026-03-16'], workingWeekends: ['2026-03-14'] } } };
    expect(slaOpenMinutes({ from: '2026-03-13T18:00:00+05:00', to: '2026-03-17T11:00:00+05:00', clock: 'business', calendar })).toBe(60 + 540 + 60);
  });

  test('`to` not after `from` is 0', () => {
    expect(slaOpenMinutes({ from: '2026-03-16T12:00:00+05:00', to: '2026-03-16T12:00:00+05:00', clock: 'business' })).toBe(0);
    expect(slaOpenMinutes({ from: '2026-03-16T12:00:00+05:00', to: '2026-03-16T11:00:00+05:00', clock: '24x7' })).toBe(0);
  });

  test('agrees with slaDueAt: the open minutes up to a deadline are its hours', () => {
    for (const createdAt of ['2026-03-13T18:30:00+05:00', '2026-03-14T11:00:00+05:00', '2026-03-20T09:59:00+05:00', '2026-03-16T15:00:00+05:00']) {
      for (const hours of [1, 4, 9, 72, 74.5]) {
        const due = slaDueAt({ createdAt, hours, clock: 'business' });
        expect(slaOpenMinutes({ from: createdAt, to: due, clock: 'business' })).toBe(hours * 60);
      }
    }
  });

  test('bad input is refused with the field named', () => {
    expectInputError(() => slaOpenMinutes({ from: 'yesterday', to: '2026-03-16T12:00:00+05:00', clock: '24x7' }), 'from');
    expectInputError(() => slaOpenMinutes({ from: '2026-03-16T12:00:00+05:00', to: '2026-03-16', clock: '24x7' }), 'to');
    expectInputError(() => slaOpenMinutes({ from: '2026-03-16T12:00:00+05:00', to: '2026-03-17T12:00:00+05:00', clock: 'weekly' as '24x7' }), 'clock');
    expectInputError(() => slaOpenMinutes({ from: '2026-03-16T12:00:00+05:00', to: '2026-03-17T12:00:00+05:00', clock: 'business', window: { open: '19:00', close: '10:00' } }), 'window.close');
  });
});
