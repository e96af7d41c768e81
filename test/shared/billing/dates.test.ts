import { describe, expect, test } from 'vitest';
import {
  addDays, assertMonthKey, businessDateOf, daysBetween, formatInstant, monthKeyOf, nextPeriodEnd, parseInstant, parseIsoDate,
  periodDays,
} from '../../../shared/billing';
import { expectInputError } from './expectInputError';

describe('dates', () => {
  test('parseIsoDate accepts real dates, including leap days', () => {
    expect(parseIsoDate('d', '2028-02-29').toString()).toBe('2028-02-29');
  });

  test.each(['2026-02-30', '2026-02-29', '2026-13-01', '2026-00-10', '2026-1-5', '20260105', '2026-01-05T00:00', ' 2026-01-05', ''])(
    'parseIsoDate rejects %j',
    (s) => {
      expectInputError(() => parseIsoDate('periodStart', s), 'periodStart', /existing calendar date/);
    },
  );

  test('parseInstant needs an explicit offset', () => {
    expect(parseInstant('t', '2026-03-31T17:00:00Z').epochMilliseconds).toBe(Date.UTC(2026, 2, 31, 17));
    expect(parseInstant('t', '2026-03-31T22:00+05:00').epochMilliseconds).toBe(Date.UTC(2026, 2, 31, 17));
    expectInputError(() => parseInstant('createdAt', '2026-03-31T22:00:00'), 'createdAt', /explicit offset/);
    expectInputError(() => parseInstant('createdAt', '2026-02-30T10:00:00+05:00'), 'createdAt');
    expectInputError(() => parseInstant('createdAt', '2026-03-31'), 'createdAt');
    expectInputError(() => parseInstant('createdAt', '2026-03-31T25:00:00Z'), 'createdAt');
  });

  test('business date and month are taken in UTC+05:00', () => {
    expect(businessDateOf('2026-03-31T19:00:00Z')).toBe('2026-04-01');
    expect(businessDateOf('2026-03-31T18:59:59Z')).toBe('2026-03-31');
    expect(monthKeyOf('2026-03-31T19:30:00Z')).toBe('2026-04');
    expect(formatInstant(parseInstant('t', '2026-03-31T07:00:00Z'))).toBe('2026-03-31T12:00:00+05:00');
  });

  test('businessDateOf and monthKeyOf bad input', () => {
    expectInputError(() => businessDateOf('2026-03-31T10:00:00'), 'instant', /explicit offset/);
    expectInputError(() => monthKeyOf('2026-03-31'), 'instant');
  });

  test('daysBetween and addDays count calendar days', () => {
    expect(daysBetween('2026-03-10', '2026-04-10')).toBe(31);
    expect(daysBetween('2026-04-10', '2026-03-10')).toBe(-31);
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expectInputError(() => addDays('2026-02-28', 0.5), 'days');
    expectInputError(() => daysBetween('2026-02-30', '2026-03-01'), 'from');
  });

  test('assertMonthKey', () => {
    expect(assertMonthKey('m', '2026-12')).toBe('2026-12');
    expectInputError(() => assertMonthKey('month', '2026-13'), 'month', /YYYY-MM/);
    expectInputError(() => assertMonthKey('month', '2026-3'), 'month');
  });
});

describe('periods', () => {
  test('periodDays of a half-open period', () => {
    expect(periodDays('2026-02-01', '2026-03-01')).toBe(28);
    expect(periodDays('2012-05-01', '2013-05-01')).toBe(365);
  });

  test('periodDays rejects an end not after its start', () => {
    expectInputError(() => periodDays('2026-03-01', '2026-03-01'), 'periodEnd', /after periodStart/);
    expectInputError(() => periodDays('2026-03-01', '2026-02-01'), 'periodEnd', /after periodStart/);
  });

  test('a month from the 30th clamps in February and returns after', () => {
    expect(nextPeriodEnd('2026-01-30', 1)).toBe('2026-02-28');
    expect(nextPeriodEnd('2026-02-28', 1, 30)).toBe('2026-03-30');
  });

  test('several months at once use the anchor', () => {
    expect(nextPeriodEnd('2026-01-31', 3)).toBe('2026-04-30');
  });

  test('nextPeriodEnd bad input', () => {
    expectInputError(() => nextPeriodEnd('2026-02-30', 1), 'start');
    expectInputError(() => nextPeriodEnd('2026-01-10', 0), 'months');
    expectInputError(() => nextPeriodEnd('2026-01-10', 1.5), 'months');
    expectInputError(() => nextPeriodEnd('2026-01-10', 1, 32), 'anchorDay');
    expectInputError(() => nextPeriodEnd('2026-01-10', 1, 31), 'anchorDay', /match the day of start/);
  });
});
