import { describe, expect, test } from 'vitest';
import { slaDueAt } from '../../../shared/billing';
import { expectInputError } from './expectInputError';

describe('slaDueAt', () => {
  test('24x7: createdAt + hours, shown in +05:00', () => {
    expect(slaDueAt({ createdAt: '2026-03-31T05:00:00Z', hours: 2, clock: '24x7' })).toBe('2026-03-31T12:00:00+05:00');
    expect(slaDueAt({ createdAt: '2026-03-31T22:00:00+05:00', hours: 8, clock: '24x7' })).toBe('2026-04-01T06:00:00+05:00');
  });

  test('business: inside the window the hours simply pass', () => {
    expect(slaDueAt({ createdAt: '2026-03-31T10:00:00+05:00', hours: 2, clock: 'business' })).toBe('2026-03-31T12:00:00+05:00');
  });

  test('business: a deadline may fall exactly at 19:00, never at the next 10:00', () => {
    expect(slaDueAt({ createdAt: '2026-03-31T15:00:00+05:00', hours: 4, clock: 'business' })).toBe('2026-03-31T19:00:00+05:00');
  });

  test('business: a budget left at closing continues at the next opening', () => {
    expect(slaDueAt({ createdAt: '2026-03-31T18:00:00+05:00', hours: 4, clock: 'business' })).toBe('2026-04-01T13:00:00+05:00');
  });

  test('business: created before opening starts at 10:00', () => {
    expect(slaDueAt({ createdAt: '2026-03-31T07:30:00+05:00', hours: 1, clock: 'business' })).toBe('2026-03-31T11:00:00+05:00');
  });

  test('business: created at or after closing, over a weekend, starts at the next working opening', () => {
    expect(slaDueAt({ createdAt: '2026-03-27T19:00:00+05:00', hours: 1, clock: 'business' })).toBe('2026-03-30T11:00:00+05:00');
    expect(slaDueAt({ createdAt: '2026-03-28T12:00:00+05:00', hours: 4, clock: 'business' })).toBe('2026-03-30T14:00:00+05:00');
  });

  test('business: holidays are skipped (Nauryz 2026-03-23…25)', () => {
    expect(slaDueAt({ createdAt: '2026-03-20T18:00:00+05:00', hours: 4, clock: 'business' })).toBe('2026-03-26T13:00:00+05:00');
  });

  test('business: 72 h is eight working days of 9 h', () => {
    expect(slaDueAt({ createdAt: '2026-04-01T10:00:00+05:00', hours: 72, clock: 'business' })).toBe('2026-04-10T19:00:00+05:00');
  });

  test('business: instants given in UTC are read in business time', () => {
    // 04:00Z = 09:00 business time, before opening.
    expect(slaDueAt({ createdAt: '2026-03-31T04:00:00Z', hours: 1, clock: 'business' })).toBe('2026-03-31T11:00:00+05:00');
  });

  test('business: fractional hours by minutes, and seconds carried', () => {
    expect(slaDueAt({ createdAt: '2026-03-31T18:30:00+05:00', hours: 1.5, clock: 'business' })).toBe('2026-04-01T11:00:00+05:00');
    expect(slaDueAt({ createdAt: '2026-03-31T10:00:00+05:00', hours: 0.1, clock: 'business' })).toBe('2026-03-31T10:06:00+05:00');
    expect(slaDueAt({ createdAt: '2026-03-31T12:34:56+05:00', hours: 1, clock: 'business' })).toBe('2026-03-31T13:34:56+05:00');
  });

  test('business: another window (partner requests 09:00–18:00)', () => {
    expect(slaDueAt({ createdAt: '2026-03-31T17:00:00+05:00', hours: 8, clock: 'business', window: { open: '09:00', close: '18:00' } }))
      .toBe('2026-04-01T16:00:00+05:00');
  });

  test('bad input', () => {
    expectInputError(() => slaDueAt({ createdAt: '2026-03-31T10:00:00', hours: 1, clock: 'business' }), 'createdAt', /explicit offset/);
    expectInputError(() => slaDueAt({ createdAt: '2026-02-30T10:00:00+05:00', hours: 1, clock: '24x7' }), 'createdAt');
    expectInputError(() => slaDueAt({ createdAt: '2026-03-31T10:00:00+05:00', hours: 0, clock: '24x7' }), 'hours');
    expectInputError(() => slaDueAt({ createdAt: '2026-03-31T10:00:00+05:00', hours: -1, clock: 'business' }), 'hours');
    expectInputError(() => slaDueAt({ createdAt: '2026-03-31T10:00:00+05:00', hours: 1 / 7, clock: 'business' }), 'hours', /whole number of minutes/);
    expectInputError(() => slaDueAt({ createdAt: '2026-03-31T10:00:00+05:00', hours: 1, clock: 'weekdays' as never }), 'clock');
    expectInputError(() => slaDueAt({ createdAt: '2026-03-31T10:00:00+05:00', hours: 1, clock: 'business', window: { open: '19:00', close: '10:00' } }), 'window.close');
    expectInputError(() => slaDueAt({ createdAt: '2026-03-31T10:00:00+05:00', hours: 1, clock: 'business', window: { open: '9:00', close: '18:00' } }), 'window.open');
  });
});
