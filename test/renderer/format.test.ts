import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClock } from '../../core';
import {
  formatDateLong,
  formatDateShort,
  formatDateWithWeekday,
  formatInstant,
  formatInteger,
  formatMoney,
  tiynToDecimalString,
} from '../../renderer/i18n/format';

const NBSP = '\u00a0';

describe('formatMoney', () => {
  it('formats tiyn as tenge with a no-break space between groups and before ₸', () => {
    expect(formatMoney(1234567)).toBe(`12${NBSP}345,67${NBSP}₸`);
    expect(formatMoney(0)).toBe(`0,00${NBSP}₸`);
    expect(formatMoney(5)).toBe(`0,05${NBSP}₸`);
    expect(formatMoney(100)).toBe(`1,00${NBSP}₸`);
    expect(formatMoney(-45000)).toBe(`-450,00${NBSP}₸`);
  });

  it('is exact beyond the range where tiyn / 100 in floating point stays exact', () => {
    expect(formatMoney(22495)).toBe(`224,95${NBSP}₸`);
    expect(formatMoney(Number.MAX_SAFE_INTEGER)).toBe(`90${NBSP}071${NBSP}992${NBSP}547${NBSP}409,91${NBSP}₸`);
    expect(formatMoney(123456789012345678901n)).toBe(`1${NBSP}234${NBSP}567${NBSP}890${NBSP}123${NBSP}456${NBSP}789,01${NBSP}₸`);
  });

  it('refuses non-integer tiyn instead of rounding silently', () => {
    expect(() => formatMoney(10.5)).toThrow(RangeError);
  });

  it('round-trips: the digits shown are exactly the tiyn given', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (tiyn) => {
        const digits = formatMoney(tiyn).replace(/[^\d-]/g, '');
        expect(BigInt(digits)).toBe(BigInt(tiyn));
      }),
    );
  });

  it('builds the decimal string by integer arithmetic', () => {
    expect(tiynToDecimalString(-5)).toBe('-0.05');
    expect(tiynToDecimalString(1000)).toBe('10.00');
  });
});

describe('dates', () => {
  it('writes long dates with month names from the locale files', () => {
    expect(formatDateLong('2026-11-21', 'kk')).toBe('21 қараша 2026 ж.');
    expect(formatDateLong('2026-11-21', 'ru')).toBe('21 ноября 2026 г.');
    expect(formatDateLong('2026-03-08', 'kk')).toBe('8 наурыз 2026 ж.');
    expect(formatDateLong('2026-05-01', 'ru')).toBe('1 мая 2026 г.');
  });

  it('adds the weekday', () => {
    expect(formatDateWithWeekday('2026-11-21', 'kk')).toBe('сенбі, 21 қараша 2026 ж.');
    expect(formatDateWithWeekday('2026-11-23', 'ru')).toBe('понедельник, 23 ноября 2026 г.');
    expect(formatDateWithWeekday('2026-11-22', 'kk')).toBe('жексенбі, 22 қараша 2026 ж.');
  });

  it('writes short dates as DD.MM.YYYY and rejects non-dates', () => {
    expect(formatDateShort('2026-03-09')).toBe('09.03.2026');
    expect(() => formatDateShort('2026-3-9')).toThrow(RangeError);
  });

  it('shows instants in business time, UTC+05:00', () => {
    expect(formatInstant('2026-03-31T19:30:00.000Z')).toBe('01.04.2026 00:30');
    expect(formatInstant('2026-03-31T22:00:00+05:00')).toBe('31.03.2026 22:00');
    // Today's business date comes from the app's one clock.
    expect(createClock('2026-12-31T18:59:59Z', () => 0).today()).toBe('2026-12-31');
    expect(createClock('2026-12-31T19:00:00Z', () => 0).today()).toBe('2027-01-01');
  });
});

describe('formatInteger', () => {
  it('groups thousands with a no-break space', () => {
    expect(formatInteger(100000)).toBe(`100${NBSP}000`);
    expect(formatInteger(21)).toBe('21');
  });
});
