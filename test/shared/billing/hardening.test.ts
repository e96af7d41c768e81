// Bad input to the engine: every refusal is a BillingInputError naming the
// field and a rule constant, never a TypeError/RangeError, NaN or a 6-digit year.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, test } from 'vitest';
import * as billing from '../../../shared/billing';
import {
  BILLING_RULES, BillingInputError, CAUSES, DATE_RULES, DEFAULT_POLICIES, MAX_DATE_YEAR, MIN_DATE_YEAR, MONEY_RULES, SERVICE_CODES,
  addDays, addWorkingDays, allocateToBuckets, assertMonthKey, assertSameTariffFamily, assertTiyn, availabilityOf, bigToTiyn,
  businessDateOf, daysBetween, deletionDate, formatInstant, inYearRule, isInYearRule, isServiceCode, isWorkingDay, monthKeyOf,
  nextPeriodEnd, parseInstant, parseIsoDate, periodDays, policyFor, priceForPeriod, quoteCancellation, quoteCompensation,
  quoteTariffChange, refundDueDate, roundDiv, slaDueAt, splitCharge, tariffFamilyMismatch, tiynToBig, validateCalendarYear, vatOf,
  vatRateOn, type CompensationIncident, type DatedPrice, type TariffFamily, type VatRate, type WorkingCalendar,
} from '../../../shared/billing';
import { BILLING_ERROR_KEYS, FALLBACK_BILLING_ERROR_KEY, toCommandError } from '../../../core/commands/billingErrors';
import { CommandError } from '../../../core/errors';

/** Every rule text the engine may throw with. */
const ALL_RULES = new Set<string>([...Object.values(BILLING_RULES), ...Object.values(MONEY_RULES), ...Object.values(DATE_RULES)]);
const isKnownRule = (rule: string) => ALL_RULES.has(rule) || isInYearRule(rule);

/** Runs `fn` and returns what it threw (undefined when it did not throw). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

/** Asserts `fn` throws BillingInputError with exactly this field and rule. */
function expectRule(fn: () => unknown, field: string, rule: string): void {
  const e = thrown(fn);
  expect(e, `expected BillingInputError(${field}, ${rule})`).toBeInstanceOf(BillingInputError);
  const err = e as BillingInputError;
  expect({ field: err.field, rule: err.rule }).toEqual({ field, rule });
  expect(err.message).toBe(`${field}: ${rule}`);
}

const DATE_4Y = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT_4Y = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+05:00$/;

describe('rule constants', () => {
  test('the contracted rule texts are unchanged', () => {
    expect({
      withinPeriod: BILLING_RULES.withinPeriod,
      notBeforePeriodStart: BILLING_RULES.notBeforePeriodStart,
      sameService: BILLING_RULES.sameService,
      sameBillingPeriod: BILLING_RULES.sameBillingPeriod,
      beforeFirstPrice: BILLING_RULES.beforeFirstPrice,
      exceedsPaid: BILLING_RULES.exceedsPaid,
    }).toEqual({
      withinPeriod: 'must be within [periodStart, periodEnd)',
      notBeforePeriodStart: 'must not be before periodStart',
      sameService: 'must be the same service as the current tariff',
      sameBillingPeriod: 'must be the same billing period as the current tariff',
      beforeFirstPrice: 'is before the first price in history',
      exceedsPaid: 'must not exceed paid.money + paid.bonus',
    });
    expect({ integer: MONEY_RULES.integer, nonNegative: MONEY_RULES.nonNegative, range: MONEY_RULES.range }).toEqual({
      integer: 'must be a safe integer number of tiyn',
      nonNegative: 'must not be negative',
      range: 'result is outside the safe integer range',
    });
    expect({ date: DATE_RULES.date, instant: DATE_RULES.instant, month: DATE_RULES.month, days: DATE_RULES.days }).toEqual({
      date: 'must be an existing calendar date YYYY-MM-DD',
      instant: 'must be an ISO 8601 date-time with an explicit offset or Z',
      month: 'must be a month YYYY-MM',
      days: 'must be a safe integer number of days',
    });
    // Texts that used to be inline literals keep their wording as constants.
    expect(DATE_RULES.outOfRange).toBe('moves the date outside the supported range');
    expect(MONEY_RULES.nonZero).toBe('must not be zero');
    expect(BILLING_RULES.afterPeriodStart).toBe('must be after periodStart');
    expect(BILLING_RULES.calendarYear).toBe('must be an integer year from 1970 to 9999');
    expect(BILLING_RULES.noWorkingDay).toBe('has no working day within 366 days');
    expect(BILLING_RULES.slaHours).toBe('must be a number greater than 0 and at most 10000');
  });

  test('lists inside rule texts match the code lists', () => {
    expect(BILLING_RULES.cause).toBe(`must be one of ${CAUSES.join(', ')}`);
    expect(BILLING_RULES.serviceCode).toBe(`must be one of ${SERVICE_CODES.join(', ')}`);
    expect(Object.keys(DEFAULT_POLICIES).sort()).toEqual([...SERVICE_CODES].sort());
  });

  test('rule texts are distinct, so a rule maps to one meaning', () => {
    const all = [...Object.values(BILLING_RULES), ...Object.values(MONEY_RULES), ...Object.values(DATE_RULES)];
    expect(new Set(all).size).toBe(all.length);
  });

  test('the one parameterised rule is recognisable', () => {
    expect(inYearRule(2026)).toBe('must be in 2026');
    expect(isInYearRule(inYearRule(2026))).toBe(true);
    expect(isInYearRule('must be in [periodStart, periodEnd)')).toBe(false);
    expect(isInYearRule(null)).toBe(false);
    expect(isInYearRule(Object.create(null))).toBe(false);
    for (const bad of [1969, 10_000, 2026.5, NaN, '2026', null]) expectRule(() => inYearRule(bad as never), 'year', BILLING_RULES.calendarYear);
  });

  test('the index exports the constants and the supported year range', () => {
    expect(billing.BILLING_RULES).toBe(BILLING_RULES);
    expect(billing.MONEY_RULES).toBe(MONEY_RULES);
    expect(billing.DATE_RULES).toBe(DATE_RULES);
    expect([MIN_DATE_YEAR, MAX_DATE_YEAR]).toEqual([1, 9999]);
  });
});

describe('BillingInputError', () => {
  test('a field name that cannot be printed does not turn the refusal into a TypeError', () => {
    const e = thrown(() => parseIsoDate(Object.create(null) as never, 'x'));
    expect(e).toBeInstanceOf(BillingInputError);
    expect((e as BillingInputError).field).toBe('[object Object]');
    expect((e as BillingInputError).rule).toBe(DATE_RULES.date);
    const hostile = { toString: () => { throw new Error('no'); } };
    expect((thrown(() => assertTiyn(hostile as never, 'x')) as BillingInputError).message).toBe(`[object Object]: ${MONEY_RULES.integer}`);
    expect(new BillingInputError(Symbol('f') as never, 'r').field).toBe('Symbol(f)');
  });
});

describe('money', () => {
  test('roundDiv refuses anything but bigints', () => {
    for (const bad of [1, 1.5, NaN, '1', null, undefined, {}, Symbol('x')]) {
      expectRule(() => roundDiv(bad as never, 3n), 'numerator', MONEY_RULES.bigint);
      expectRule(() => roundDiv(3n, bad as never), 'denominator', MONEY_RULES.bigint);
    }
    expectRule(() => roundDiv(1n, 0n), 'denominator', MONEY_RULES.nonZero);
    expect(roundDiv(7n, 2n)).toBe(4n);
  });

  test('bigToTiyn refuses a non-bigint and anything outside the safe range', () => {
    for (const bad of [5, 0, -0, NaN, Infinity, '5', null, undefined, {}, Symbol('x'), 2 ** 53]) {
      expectRule(() => bigToTiyn('amount', bad as never), 'amount', MONEY_RULES.bigint);
    }
    expectRule(() => bigToTiyn('amount', 2n ** 53n), 'amount', MONEY_RULES.range);
    expectRule(() => bigToTiyn('amount', -(2n ** 53n)), 'amount', MONEY_RULES.range);
    expect(bigToTiyn('amount', 2n ** 53n - 1n)).toBe(Number.MAX_SAFE_INTEGER);
    expect(bigToTiyn('amount', -(2n ** 53n) + 1n)).toBe(Number.MIN_SAFE_INTEGER);
  });

  test('property: bigToTiyn is exact inside the safe range and refuses outside it', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }), (v) => {
        const safe = v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER);
        if (safe) expect(BigInt(bigToTiyn('v', v))).toBe(v);
        else expectRule(() => bigToTiyn('v', v), 'v', MONEY_RULES.range);
      }),
    );
  });

  test('property: bigToTiyn never returns for a non-bigint', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        fc.pre(typeof v !== 'bigint');
        expectRule(() => bigToTiyn('v', v as never), 'v', MONEY_RULES.bigint);
      }),
    );
  });

  test('assertTiyn / tiynToBig refuse malformed options', () => {
    expectRule(() => assertTiyn('price', 1, null as never), 'options', BILLING_RULES.object);
    expectRule(() => tiynToBig('price', 1, 'yes' as never), 'options', BILLING_RULES.object);
    expectRule(() => assertTiyn('price', -1, { allowNegative: 'yes' as never }), 'options.allowNegative', BILLING_RULES.boolean);
    expectRule(() => tiynToBig('price', 1, { allowNegative: 1 as never }), 'options.allowNegative', BILLING_RULES.boolean);
    expect(assertTiyn('price', -1, { allowNegative: true })).toBe(-1);
  });

  test('assertTiyn turns -0 into 0 (and so does everything that passes an amount on)', () => {
    expect(Object.is(assertTiyn('price', -0), 0)).toBe(true);
    expect(Object.is(priceForPeriod('2026-01-01', [{ effectiveFrom: '2025-01-01', price: -0 }]), 0)).toBe(true);
  });

  test('assertTiyn refuses NaN, infinities, huge numbers and non-numbers', () => {
    for (const bad of [NaN, Infinity, -Infinity, 2 ** 53, 1e308, 1.5, '1', null, undefined, 1n, {}]) {
      expectRule(() => assertTiyn('price', bad), 'price', MONEY_RULES.integer);
    }
  });
});

describe('service policies', () => {
  test('policyFor refuses prototype names and unknown codes', () => {
    for (const bad of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', 'ONEBUH', ' onebuh', null, undefined, 1, {}]) {
      expectRule(() => policyFor(bad as never), 'code', BILLING_RULES.serviceCode);
    }
    // An object that stringifies to a real code is still not a code.
    expectRule(() => policyFor({ toString: () => 'onebuh' } as never), 'code', BILLING_RULES.serviceCode);
  });

  test('policyFor returns the policy of every real code', () => {
    for (const code of SERVICE_CODES) expect(policyFor(code).code).toBe(code);
  });

  test('isServiceCode uses own keys only', () => {
    expect(SERVICE_CODES.every(isServiceCode)).toBe(true);
    for (const bad of ['__proto__', 'constructor', 'toString', '', null, 0]) expect(isServiceCode(bad)).toBe(false);
  });
});

describe('dates', () => {
  test('parseIsoDate accepts years 0001–9999 only', () => {
    expect(parseIsoDate('d', '0001-01-01').toString()).toBe('0001-01-01');
    expect(parseIsoDate('d', '9999-12-31').toString()).toBe('9999-12-31');
    expectRule(() => parseIsoDate('d', '0000-01-01'), 'd', DATE_RULES.yearRange);
    expectRule(() => parseIsoDate('d', '0000-12-31'), 'd', DATE_RULES.yearRange);
    for (const bad of ['+010000-01-01', '-000001-01-01', '10000-01-01', '2026-02-30', '2026-1-1', '', ' 2026-01-01', '2026-01-01T00:00Z', null, undefined, 20260101, NaN, {}]) {
      expectRule(() => parseIsoDate('d', bad), 'd', DATE_RULES.date);
    }
  });

  test('property: parseIsoDate accepts exactly the existing dates of years 0001–9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const daysInMonth = m >= 1 && m <= 12 ? new Temporal.PlainYearMonth(Math.max(y, 1), m).daysInMonth : 0;
        const exists = m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth;
        if (exists && y >= 1) expect(parseIsoDate('d', s).toString()).toBe(s);
        else expect(thrown(() => parseIsoDate('d', s))).toBeInstanceOf(BillingInputError);
      }),
    );
  });

  test('parseInstant refuses an instant whose business-time day is outside 0001–9999', () => {
    expectRule(() => parseInstant('at', '0000-12-31T18:59:59Z'), 'at', DATE_RULES.yearRange); // 0000-12-31 23:59:59 in +05:00
    expectRule(() => parseInstant('at', '0001-01-01T00:00:00+06:00'), 'at', DATE_RULES.yearRange); // 0000-12-31 23:00 in +05:00
    expectRule(() => parseInstant('at', '9999-12-31T23:00:00-05:00'), 'at', DATE_RULES.yearRange); // 10000-01-01 09:00 in +05:00
    expectRule(() => parseInstant('at', '+010000-01-01T00:00:00Z'), 'at', DATE_RULES.instant);
    expect(parseInstant('at', '9999-12-31T18:59:59Z').toString()).toBe('9999-12-31T18:59:59Z');
    expect(parseInstant('at', '0001-01-01T00:00:00+05:00').toString()).toBe('0000-12-31T19:00:00Z');
    expect(parseInstant('at', '0000-12-31T23:00:00Z').toString()).toBe('0000-12-31T23:00:00Z'); // 0001-01-01 04:00 in +05:00
  });

  test('businessDateOf and monthKeyOf never write a 6-digit year', () => {
    expectRule(() => businessDateOf('9999-12-31T23:00:00-05:00'), 'instant', DATE_RULES.yearRange);
    expectRule(() => monthKeyOf('9999-12-31T23:00:00-05:00'), 'instant', DATE_RULES.yearRange);
    expect(businessDateOf('9999-12-31T18:59:59Z')).toBe('9999-12-31');
    expect(monthKeyOf('0001-01-01T00:00:00+05:00')).toBe('0001-01');
  });

  test('assertMonthKey accepts years 0001–9999 only', () => {
    expectRule(() => assertMonthKey('m', '0000-01'), 'm', DATE_RULES.yearRange);
    expect(assertMonthKey('m', '0001-01')).toBe('0001-01');
    for (const bad of ['+010000-01', '2026-13', '2026-1', null, 202601]) expectRule(() => assertMonthKey('m', bad), 'm', DATE_RULES.month);
  });

  test('addDays refuses a result outside 0001-01-01 … 9999-12-31', () => {
    expectRule(() => addDays('9999-12-31', 1), 'days', DATE_RULES.outOfRange);
    expectRule(() => addDays('0001-01-01', -1), 'days', DATE_RULES.outOfRange);
    // Beyond what Temporal can represent at all: still a BillingInputError, not a RangeError.
    expectRule(() => addDays('2026-01-01', Number.MAX_SAFE_INTEGER), 'days', DATE_RULES.outOfRange);
    expectRule(() => addDays('2026-01-01', Number.MIN_SAFE_INTEGER), 'days', DATE_RULES.outOfRange);
    for (const bad of [NaN, Infinity, 1.5, 2 ** 53, '1', null, undefined]) expectRule(() => addDays('2026-01-01', bad as never), 'days', DATE_RULES.days);
    expect(addDays('9999-12-30', 1)).toBe('9999-12-31');
    expect(addDays('2026-01-01', -0)).toBe('2026-01-01');
  });

  test('daysBetween and periodDays across the whole range', () => {
    expect(daysBetween('0001-01-01', '9999-12-31')).toBe(3_652_058);
    expectRule(() => periodDays('2026-03-01', '2026-03-01'), 'periodEnd', BILLING_RULES.afterPeriodStart);
    expectRule(() => daysBetween('0000-01-01', '2026-01-01'), 'from', DATE_RULES.yearRange);
  });

  test('formatInstant refuses a non-instant and an instant it cannot write with a 4-digit year', () => {
    for (const bad of [null, undefined, '2026-01-01T00:00:00Z', 0, {}, Temporal.PlainDate.from('2026-01-01')]) {
      expectRule(() => formatInstant(bad as never), 'instant', DATE_RULES.temporalInstant);
    }
    expectRule(() => formatInstant(Temporal.Instant.from('9999-12-31T19:00:00Z')), 'instant', DATE_RULES.yearRange);
    expectRule(() => formatInstant(Temporal.Instant.from('0000-12-31T18:59:59Z')), 'instant', DATE_RULES.yearRange);
    expect(formatInstant(Temporal.Instant.from('9999-12-31T18:59:59Z'))).toBe('9999-12-31T23:59:59+05:00');
  });

  test('nextPeriodEnd refuses a period end after 9999-12-31', () => {
    expectRule(() => nextPeriodEnd('9999-12-31', 1, 31), 'months', DATE_RULES.outOfRange); // was '+010000-01-31'
    expectRule(() => nextPeriodEnd('9999-12-01', 1), 'months', DATE_RULES.outOfRange);
    expectRule(() => nextPeriodEnd('9990-01-01', 1200), 'months', DATE_RULES.outOfRange);
    expect(nextPeriodEnd('9999-11-30', 1, 31)).toBe('9999-12-31');
    expect(nextPeriodEnd('0001-01-31', 1)).toBe('0001-02-28');
  });

  test('nextPeriodEnd names months with months rules', () => {
    for (const bad of [NaN, 1.5, Infinity, '1', null]) expectRule(() => nextPeriodEnd('2026-01-10', bad as never), 'months', DATE_RULES.months);
    expectRule(() => nextPeriodEnd('2026-01-10', 0), 'months', DATE_RULES.atLeastOne);
    expectRule(() => nextPeriodEnd('2026-01-10', -0), 'months', DATE_RULES.atLeastOne);
    expectRule(() => nextPeriodEnd('2026-01-10', 1201), 'months', BILLING_RULES.monthsMax);
    expectRule(() => nextPeriodEnd('2026-01-10', 1, '10' as never), 'anchorDay', BILLING_RULES.anchorDay);
    expectRule(() => nextPeriodEnd('2026-01-10', 1, 31), 'anchorDay', BILLING_RULES.anchorMatch);
  });

  test('property: date producers return a 4-digit-year date or refuse with outOfRange', () => {
    const anyDate = fc.integer({ min: 0, max: 3_652_058 }).map((n) => Temporal.PlainDate.from('0001-01-01').add({ days: n }).toString());
    const nearEnd = fc.integer({ min: 0, max: 800 }).map((n) => Temporal.PlainDate.from('9999-12-31').subtract({ days: n }).toString());
    const date = fc.oneof(anyDate, nearEnd, fc.constantFrom('9999-12-31', '0001-01-01'));
    const count = fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.constantFrom(Number.MAX_SAFE_INTEGER, 100_000));
    const check = (fn: () => string, field: string) => {
      const e = thrown(fn);
      if (e === undefined) expect(fn()).toMatch(DATE_4Y);
      else expectRule(() => { throw e; }, field, DATE_RULES.outOfRange);
    };
    fc.assert(
      fc.property(date, count, fc.boolean(), (d, n, negative) => {
        check(() => addDays(d, negative ? -n : n), 'days');
        check(() => deletionDate(d, n), 'graceDays');
        const s = Temporal.PlainDate.from(d);
        const months = 1 + (n % 1200);
        check(() => nextPeriodEnd(d, months, s.day), 'months');
      }),
      { numRuns: 300 },
    );
  });

  test('property: working-day producers return a 4-digit-year date or refuse', () => {
    const nearEnd = fc.integer({ min: 0, max: 400 }).map((n) => Temporal.PlainDate.from('9999-12-31').subtract({ days: n }).toString());
    fc.assert(
      fc.property(nearEnd, fc.integer({ min: 0, max: 400 }), (d, n) => {
        for (const [fn, field] of [[() => addWorkingDays(d, n), 'days'], [() => refundDueDate(d, n), 'workingDays']] as const) {
          const e = thrown(fn);
          if (e === undefined) expect(fn()).toMatch(DATE_4Y);
          else expectRule(() => { throw e; }, field, DATE_RULES.outOfRange);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('following dates', () => {
  test('deletionDate refuses a date after 9999-12-31 and counts Temporal cannot hold', () => {
    expectRule(() => deletionDate('9999-12-31', 1), 'graceDays', DATE_RULES.outOfRange); // was '+010000-01-01'
    expectRule(() => deletionDate('2026-03-01', Number.MAX_SAFE_INTEGER), 'graceDays', DATE_RULES.outOfRange); // was a RangeError
    expectRule(() => deletionDate('2026-03-01', 1e9), 'graceDays', DATE_RULES.outOfRange);
    expectRule(() => deletionDate('2026-03-01', -1), 'graceDays', DATE_RULES.atLeastZero);
    expect(deletionDate('9999-12-17', 14)).toBe('9999-12-31');
  });

  test('refundDueDate blames its own fields', () => {
    expectRule(() => refundDueDate('2026-03-02', 100_001), 'workingDays', BILLING_RULES.workingDaysMax);
    expectRule(() => refundDueDate('9999-12-31', 1), 'workingDays', DATE_RULES.outOfRange);
    expectRule(() => refundDueDate('1969-06-02', 1), 'requestDate', BILLING_RULES.calendarDate);
    expectRule(() => refundDueDate('2026-03-02', -1), 'workingDays', DATE_RULES.atLeastZero);
  });

  test('priceForPeriod refuses a history that is not a list of { effectiveFrom, price }', () => {
    for (const bad of [null, undefined, 'x', 1, {}, []]) expectRule(() => priceForPeriod('2026-01-01', bad as never), 'history', BILLING_RULES.nonEmptyList);
    for (const bad of [null, undefined, 1, 'x']) expectRule(() => priceForPeriod('2026-01-01', [bad] as never), 'history[0]', BILLING_RULES.datedPriceShape);
    const ok: DatedPrice = { effectiveFrom: '2025-01-01', price: 100 };
    // A hole is an entry too: it is refused, not skipped.
    const holey = [ok, ok] as DatedPrice[];
    delete holey[1];
    expectRule(() => priceForPeriod('2026-01-01', holey), 'history[1]', BILLING_RULES.datedPriceShape);
    expectRule(() => priceForPeriod('2026-01-01', [{ price: 1 }] as never), 'history[0].effectiveFrom', DATE_RULES.date);
    expectRule(() => priceForPeriod('2026-01-01', [{ effectiveFrom: '0000-01-01', price: 1 }]), 'history[0].effectiveFrom', DATE_RULES.yearRange);
    expectRule(() => priceForPeriod('2026-01-01', [{ effectiveFrom: '2025-01-01' }] as never), 'history[0].price', MONEY_RULES.integer);
    expectRule(() => priceForPeriod('2026-01-01', [{ effectiveFrom: '2025-01-01', price: NaN }]), 'history[0].price', MONEY_RULES.integer);
    expectRule(() => priceForPeriod('0000-01-01', [ok]), 'periodStart', DATE_RULES.yearRange);
    expectRule(() => priceForPeriod('2024-01-01', [ok]), 'periodStart', BILLING_RULES.beforeFirstPrice);
    expect(priceForPeriod('9999-12-31', [ok, { effectiveFrom: '9999-12-31', price: 7 }])).toBe(7);
  });
});

describe('working calendar', () => {
  test('isWorkingDay and addWorkingDays blame the date outside the calendar years', () => {
    expectRule(() => isWorkingDay('1969-12-31'), 'date', BILLING_RULES.calendarDate);
    expectRule(() => isWorkingDay('0001-01-01'), 'date', BILLING_RULES.calendarDate);
    expectRule(() => addWorkingDays('1969-12-31', 0), 'date', BILLING_RULES.calendarDate);
    expectRule(() => addWorkingDays('9999-12-31', 1), 'days', DATE_RULES.outOfRange);
    expect(isWorkingDay('9999-12-31')).toBe(true); // a Friday
    expect(addWorkingDays('9999-12-30', 1)).toBe('9999-12-31');
  });

  test('a calendar year is read from the calendar object itself, never from its prototype', () => {
    const inherited = Object.create({ 2026: { nonWorkingWeekdays: ['2026-03-02'], workingWeekends: [] } }) as WorkingCalendar['years'];
    expect(isWorkingDay('2026-03-02', { years: inherited })).toBe(true);
    expect(isWorkingDay('2026-03-02', { years: { 2026: { nonWorkingWeekdays: ['2026-03-02'], workingWeekends: [] } } })).toBe(false);
  });

  test('validateCalendarYear checks every entry, holes included', () => {
    const holey = ['2026-03-02', '2026-03-03'];
    delete holey[0];
    expectRule(() => validateCalendarYear(2026, { nonWorkingWeekdays: holey, workingWeekends: [] }),
      'calendar.years.2026.nonWorkingWeekdays[0]', DATE_RULES.date);
    expectRule(() => validateCalendarYear(2026, { nonWorkingWeekdays: null as never, workingWeekends: [] }),
      'calendar.years.2026.nonWorkingWeekdays', BILLING_RULES.dateList);
    expectRule(() => validateCalendarYear(2026, null as never), 'calendar.years.2026', BILLING_RULES.object);
    expectRule(() => validateCalendarYear(2026, { nonWorkingWeekdays: ['2027-01-04'], workingWeekends: [] }),
      'calendar.years.2026.nonWorkingWeekdays[0]', inYearRule(2026));
    expectRule(() => validateCalendarYear(1969, { nonWorkingWeekdays: [], workingWeekends: [] }), 'year', BILLING_RULES.calendarYear);
  });

  test('a calendar without working days is refused by rule', () => {
    const weekdays: string[] = [];
    for (let d = Temporal.PlainDate.from('2026-01-01'); d.year === 2026; d = d.add({ days: 1 })) if (d.dayOfWeek <= 5) weekdays.push(d.toString());
    expectRule(() => addWorkingDays('2026-01-01', 1, { years: { 2026: { nonWorkingWeekdays: weekdays, workingWeekends: [] } } }),
      'calendar', BILLING_RULES.noWorkingDay);
  });
});

describe('VAT', () => {
  test('vatRateOn refuses entries that are not { validFrom, percent }', () => {
    for (const bad of [null, undefined, 12, 'x']) expectRule(() => vatRateOn('2026-01-01', [bad] as never), 'rates[0]', BILLING_RULES.vatRateShape);
    const holey = [{ validFrom: null, percent: 12 }, { validFrom: null, percent: 12 }] as VatRate[];
    delete holey[1];
    expectRule(() => vatRateOn('2026-01-01', holey), 'rates[1]', BILLING_RULES.vatRateShape);
    expectRule(() => vatOf(100, '2026-01-01', [null] as never), 'rates[0]', BILLING_RULES.vatRateShape);
    for (const bad of [null, 'x', 1, {}, []]) expectRule(() => vatRateOn('2026-01-01', bad as never), 'rates', BILLING_RULES.nonEmptyList);
    expectRule(() => vatRateOn('2026-01-01', [{ percent: 12 }] as never), 'rates[0].validFrom', DATE_RULES.date);
    for (const bad of [NaN, Infinity, -1, 101, 12.5, '12', null]) {
      expectRule(() => vatRateOn('2026-01-01', [{ validFrom: null, percent: bad as never }]), 'rates[0].percent', BILLING_RULES.percent);
    }
    expectRule(() => vatRateOn('2026-01-01', [{ validFrom: '2027-01-01', percent: 12 }]), 'date', BILLING_RULES.noVatRate);
  });

  test('vatRateOn refuses bad dates of every kind', () => {
    for (const bad of [null, undefined, 20260101, NaN, '2026-02-30', '+010000-01-01', '']) expectRule(() => vatRateOn(bad as never), 'date', DATE_RULES.date);
    expectRule(() => vatRateOn('0000-01-01'), 'date', DATE_RULES.yearRange);
    expect(vatRateOn('9999-12-31')).toBe(16);
    expect(vatRateOn('0001-01-01')).toBe(12);
  });

  test('a rate of -0 is reported as 0', () => {
    expect(Object.is(vatRateOn('2026-01-01', [{ validFrom: null, percent: -0 }]), 0)).toBe(true);
  });
});

describe('tariff family', () => {
  const ok: TariffFamily = { serviceId: 'cloud1c', billingMonths: 1 };

  test('tariffFamilyMismatch refuses null, undefined and malformed families', () => {
    for (const bad of [null, undefined, 1, 'cloud1c']) {
      expectRule(() => tariffFamilyMismatch(bad as never, ok), 'from', BILLING_RULES.tariffFamilyShape);
      expectRule(() => tariffFamilyMismatch(ok, bad as never), 'to', BILLING_RULES.tariffFamilyShape);
      expectRule(() => assertSameTariffFamily(ok, bad as never), 'to', BILLING_RULES.tariffFamilyShape);
    }
    for (const serviceId of [undefined, null, '', 1]) {
      expectRule(() => tariffFamilyMismatch({ ...ok, serviceId } as never, ok), 'from.serviceId', BILLING_RULES.nonEmptyString);
    }
    for (const billingMonths of [undefined, null, 3, '1', NaN, -0.5]) {
      expectRule(() => tariffFamilyMismatch(ok, { ...ok, billingMonths } as never), 'to.billingMonths', BILLING_RULES.billingMonths);
    }
    expectRule(() => tariffFamilyMismatch({} as never, ok), 'from.serviceId', BILLING_RULES.nonEmptyString);
  });

  test('well-formed families still compare', () => {
    expect(tariffFamilyMismatch(ok, ok)).toBeNull();
    expect(tariffFamilyMismatch(ok, { ...ok, serviceId: 'site_builder' })).toBe('service');
    expect(tariffFamilyMismatch(ok, { ...ok, billingMonths: 12 })).toBe('billing_period');
    expectRule(() => assertSameTariffFamily(ok, { ...ok, serviceId: 'x' }), 'to.serviceId', BILLING_RULES.sameService);
  });
});

describe('compensation and availability', () => {
  const incident: CompensationIncident = { id: 'a', start: '2026-03-01T10:00:00+05:00', end: '2026-03-01T13:59:00+05:00', cause: 'provider' };
  const planned: CompensationIncident = { ...incident, cause: 'planned', announcedAt: '2026-02-01T10:00:00+05:00' };
  const base = { periodPrice: 1_500_000, billingMonths: 1 as const, incidents: [incident] };

  test('a hole in incidents is refused, not a TypeError', () => {
    const holey = [incident, incident] as CompensationIncident[];
    delete holey[0];
    expectRule(() => quoteCompensation({ ...base, incidents: holey }), 'incidents[0]', BILLING_RULES.object);
    expectRule(() => availabilityOf({ year: 2026, incidents: holey }), 'incidents[0]', BILLING_RULES.object);
    expectRule(() => quoteCompensation({ ...base, incidents: [null] as never }), 'incidents[0]', BILLING_RULES.object);
  });

  test('a hole in alreadyCompensated is refused, not silently ignored', () => {
    const holey = [{ month: '2026-03', amount: 1 }, { month: '2026-03', amount: 1 }];
    delete holey[0];
    expectRule(() => quoteCompensation({ ...base, alreadyCompensated: holey }), 'alreadyCompensated[0]', BILLING_RULES.alreadyCompensatedShape);
    expectRule(() => quoteCompensation({ ...base, alreadyCompensated: [{ month: '0000-12', amount: 1 }] }), 'alreadyCompensated[0].month', DATE_RULES.yearRange);
    expectRule(() => quoteCompensation({ ...base, alreadyCompensated: 'x' as never }), 'alreadyCompensated', BILLING_RULES.list);
  });

  test('plannedNoticeHours: a fraction is refused by rule, a huge count is compared exactly', () => {
    expectRule(() => quoteCompensation({ ...base, incidents: [planned], plannedNoticeHours: 1.5 }), 'plannedNoticeHours', BILLING_RULES.wholeHours);
    expectRule(() => quoteCompensation({ ...base, incidents: [planned], plannedNoticeHours: 1e300 }), 'plannedNoticeHours', BILLING_RULES.wholeHours);
    for (const bad of [NaN, Infinity, -1, '48']) {
      expectRule(() => quoteCompensation({ ...base, incidents: [planned], plannedNoticeHours: bad as never }), 'plannedNoticeHours', BILLING_RULES.nonNegativeNumber);
    }
    // Announced a month ahead, but the notice asked for is longer than recorded time: it counts as downtime.
    const huge = quoteCompensation({ ...base, incidents: [planned], plannedNoticeHours: Number.MAX_SAFE_INTEGER });
    expect(huge.lines[0]).toMatchObject({ excluded: false, hours: 3, amount: 45_000 });
    // The usual 48 h: excluded.
    expect(quoteCompensation({ ...base, incidents: [planned] }).lines[0]).toMatchObject({ excluded: true, reason: 'planned_announced' });
    // Exactly 48 h before still counts as announced (nanosecond-exact comparison).
    const exact = { ...planned, announcedAt: '2026-02-27T10:00:00+05:00' };
    expect(quoteCompensation({ ...base, incidents: [exact] }).lines[0]!.excluded).toBe(true);
    const late = { ...planned, announcedAt: '2026-02-27T10:00:00.000000001+05:00' };
    expect(quoteCompensation({ ...base, incidents: [late] }).lines[0]!.excluded).toBe(false);
  });

  test('incident instants outside 0001–9999 (business time) are refused', () => {
    expectRule(() => quoteCompensation({ ...base, incidents: [{ ...incident, end: '9999-12-31T23:00:00-05:00' }] }), 'incidents[0].end', DATE_RULES.yearRange);
    expectRule(() => quoteCompensation({ ...base, incidents: [{ ...incident, cause: 'toString' as never }] }), 'incidents[0].cause', BILLING_RULES.cause);
    expectRule(() => quoteCompensation({ ...base, incidents: [incident, incident] }), 'incidents[1].id', BILLING_RULES.unique);
  });

  test('availability targetBp: -0 is reported as 0, junk is refused by rule', () => {
    expect(Object.is(availabilityOf({ year: 2026, incidents: [], targetBp: -0 }).targetBp, 0)).toBe(true);
    for (const bad of [NaN, '9980', 1.5, -1, 10_001]) {
      expectRule(() => availabilityOf({ year: 2026, incidents: [], targetBp: bad as never }), 'targetBp', BILLING_RULES.targetBp);
    }
    expectRule(() => availabilityOf({ year: 9999, incidents: [] }), 'year', BILLING_RULES.availabilityYear);
  });
});

describe('SLA', () => {
  test('a deadline after 9999-12-31 (business time) is refused, not written with a 6-digit year', () => {
    expectRule(() => slaDueAt({ createdAt: '9999-12-31T20:00:00+05:00', hours: 10, clock: '24x7' }), 'hours', DATE_RULES.outOfRange);
    expectRule(() => slaDueAt({ createdAt: '9999-12-31T18:00:00+05:00', hours: 4, clock: 'business' }), 'hours', DATE_RULES.outOfRange);
    expect(slaDueAt({ createdAt: '9999-12-31T20:00:00+05:00', hours: 3, clock: '24x7' })).toBe('9999-12-31T23:00:00+05:00');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 48 * 60 }), fc.integer({ min: 1, max: 48 }), fc.constantFrom('24x7' as const, 'business' as const), (back, hours, clock) => {
        const createdAt = formatInstant(Temporal.Instant.from('9999-12-31T18:59:00Z').subtract({ minutes: back }));
        const e = thrown(() => slaDueAt({ createdAt, hours, clock }));
        if (e === undefined) expect(slaDueAt({ createdAt, hours, clock })).toMatch(INSTANT_4Y);
        else expectRule(() => { throw e; }, 'hours', DATE_RULES.outOfRange);
      }),
      { numRuns: 200 },
    );
    expect(slaDueAt({ createdAt: '9999-12-31T10:00:00+05:00', hours: 9, clock: 'business' })).toBe('9999-12-31T19:00:00+05:00');
  });

  test('a business-hours ticket before the calendar years blames createdAt', () => {
    expectRule(() => slaDueAt({ createdAt: '1969-12-31T10:00:00+05:00', hours: 1, clock: 'business' }), 'createdAt', BILLING_RULES.calendarDate);
    expect(slaDueAt({ createdAt: '1969-12-31T10:00:00+05:00', hours: 1, clock: '24x7' })).toBe('1969-12-31T11:00:00+05:00');
  });

  test('shape and value rules are constants', () => {
    const ok = { createdAt: '2026-03-02T10:00:00+05:00', hours: 1, clock: 'business' as const };
    expectRule(() => slaDueAt(null as never), 'input', BILLING_RULES.object);
    expectRule(() => slaDueAt({ ...ok, clock: 'toString' as never }), 'clock', BILLING_RULES.clock);
    expectRule(() => slaDueAt({ ...ok, hours: NaN }), 'hours', BILLING_RULES.slaHours);
    expectRule(() => slaDueAt({ ...ok, hours: 1 / 7 }), 'hours', BILLING_RULES.wholeMinutes);
    expectRule(() => slaDueAt({ ...ok, window: 'x' as never }), 'window', BILLING_RULES.windowShape);
    expectRule(() => slaDueAt({ ...ok, window: { open: 10 as never, close: '19:00' } }), 'window.open', BILLING_RULES.timeOfDay);
    expectRule(() => slaDueAt({ ...ok, window: { open: '19:00', close: '10:00' } }), 'window.close', BILLING_RULES.afterOpen);
    expectRule(() => slaDueAt({ ...ok, calendar: { years: null } as never }), 'calendar', BILLING_RULES.calendarShape);
  });
});

describe('every exported function, fed junk', () => {
  const junk = [
    null, undefined, NaN, Infinity, -Infinity, -0, 0, 1.5, -1, 2 ** 53, Number.MAX_SAFE_INTEGER, 1e308, 10n, '', 'x', '__proto__',
    'constructor', '9999-12-31', '0000-01-01', '+010000-01-01', '2026-02-30', '9999-12-31T23:00:00-05:00', '0000-12-31T23:00:00Z',
    {}, [], [null], [undefined], Object.create(null), { valueOf: () => 1 }, { toString: () => '2026-01-01' },
  ];
  const incident = { id: 'a', start: '2026-03-01T10:00:00+05:00', end: '2026-03-01T13:59:00+05:00', cause: 'planned', announcedAt: '2026-02-01T10:00:00+05:00' };
  const calendar = { years: { 2026: { nonWorkingWeekdays: ['2026-03-09'], workingWeekends: [] } } };
  /** A valid call of each exported function; each argument, and each field of an object argument, is then replaced by junk. */
  const validCalls: Record<string, unknown[]> = {
    quoteTariffChange: [{ periodStart: '2026-03-10', periodEnd: '2026-04-10', effectiveDate: '2026-03-25', oldPrice: 1_000_000, newPrice: 1_600_000 }],
    quoteCancellation: [{ firstUseDate: '2026-02-01', periodStart: '2026-02-01', periodEnd: '2026-03-01', cancelDate: '2026-02-20', currentPrice: 1_200_000, chargedTotal: 1_200_000, refundWindowDays: 14 }],
    quoteCompensation: [{ periodPrice: 1_500_000, billingMonths: 1, incidents: [incident], alreadyCompensated: [{ month: '2026-03', amount: 5 }], policy: { percentPerHour: 1, monthlyCapPercent: 100 }, plannedNoticeHours: 48 }],
    availabilityOf: [{ year: 2026, targetBp: 9980, incidents: [incident] }],
    slaDueAt: [{ createdAt: '2026-03-02T10:00:00+05:00', hours: 4, clock: 'business', window: { open: '10:00', close: '19:00' }, calendar }],
    slaOpenMinutes: [{ from: '2026-03-02T10:00:00+05:00', to: '2026-03-04T12:00:00+05:00', clock: 'business', window: { open: '10:00', close: '19:00' }, calendar }],
    nextPeriodEnd: ['2026-01-31', 1, 31],
    addWorkingDays: ['2026-03-02', 15, calendar],
    isWorkingDay: ['2026-03-02', calendar],
    proposeCalendarYear: [2026],
    validateCalendarYear: [2026, { nonWorkingWeekdays: ['2026-03-09'], workingWeekends: [] }],
    vatOf: [11_200, '2026-03-01', [{ validFrom: null, percent: 12 }]],
    vatRateOn: ['2026-03-01', [{ validFrom: null, percent: 12 }]],
    isValidIinBin: ['123456789012'],
    amountInWords: [100_101, 'ru'],
    ibanChecksumValid: ['KZ566010002000012345'],
    isValidKzIban: ['KZ566010002000012345'],
    isValidBik: ['HSBKKZKX'],
    isValidKbe: ['17'],
    isValidKnp: ['859'],
    explainIinBin: ['123456789012'],
    makeIinBin: ['12345678901'],
    roundDiv: [10n, 3n],
    assertTiyn: ['f', 10, { allowNegative: false }],
    tiynToBig: ['f', 10, { allowNegative: true }],
    bigToTiyn: ['f', 10n],
    parseIsoDate: ['f', '2026-03-01'],
    parseInstant: ['f', '2026-03-01T10:00:00+05:00'],
    assertMonthKey: ['f', '2026-03'],
    daysBetween: ['2026-03-01', '2026-04-01'],
    addDays: ['2026-03-01', 3],
    businessDateOf: ['2026-03-01T10:00:00+05:00'],
    monthKeyOf: ['2026-03-01T10:00:00+05:00'],
    formatInstant: [Temporal.Instant.from('2026-03-01T05:00:00Z')],
    periodDays: ['2026-03-01', '2026-04-01'],
    policyFor: ['cloud1c'],
    isServiceCode: ['cloud1c'],
    tariffFamilyMismatch: [{ serviceId: 'a', billingMonths: 1 }, { serviceId: 'a', billingMonths: 1 }],
    assertSameTariffFamily: [{ serviceId: 'a', billingMonths: 1 }, { serviceId: 'a', billingMonths: 1 }],
    allocateToBuckets: [100, { money: 50, bonus: 50 }],
    splitCharge: [100, 30],
    deletionDate: ['2026-03-01', 14],
    refundDueDate: ['2026-03-02', 15, calendar],
    isRefundOverdue: ['2026-03-02', '2026-03-03'],
    priceChangeAllowed: ['2026-03-02', '2026-05-03', 30],
    priceForPeriod: ['2026-03-02', [{ effectiveFrom: '2026-01-01', price: 100 }]],
    inYearRule: [2026],
    isInYearRule: ['must be in 2026'],
  };

  /** Nothing escapes but a BillingInputError with a known rule; nothing returned is NaN, undefined or a 6-digit year. */
  function expectSound(name: string, args: unknown[]): void {
    const fn = (billing as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!;
    let result: unknown;
    try {
      result = fn(...args);
    } catch (e) {
      if (!(e instanceof BillingInputError)) throw new Error(`${name} threw ${String(e)} for ${describeArgs(args)}`);
      expect(isKnownRule(e.rule), `${name}: rule "${e.rule}" is not a constant`).toBe(true);
      return;
    }
    const bad = badValue(result);
    if (bad !== null) throw new Error(`${name} returned ${bad} for ${describeArgs(args)}`);
  }

  function badValue(v: unknown, depth = 0): string | null {
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    if (typeof v === 'number' && Object.is(v, -0)) return '-0';
    if (typeof v === 'string' && /^[+-]\d{6}/.test(v)) return v;
    if (typeof v === 'function') return 'a function';
    if (v !== null && typeof v === 'object' && depth < 3 && !(v instanceof Temporal.Instant) && !(v instanceof Temporal.PlainDate)) {
      for (const [key, x] of Object.entries(v)) {
        if (key === 'id') continue; // ids are free text, echoed back
        const b = badValue(x, depth + 1);
        if (b !== null) return b;
      }
    }
    return null;
  }

  function describeArgs(args: unknown[]): string {
    return args.map((a) => (typeof a === 'bigint' ? `${a}n` : (() => { try { return JSON.stringify(a) ?? String(a); } catch { return '?'; } })())).join(', ');
  }

  test('every exported function is covered', () => {
    const functions = Object.entries(billing).filter(([, v]) => typeof v === 'function').map(([k]) => k);
    const notCovered = functions.filter((f) => f !== 'BillingInputError' && !(f in validCalls));
    expect(notCovered).toEqual([]);
  });

  test.each(Object.keys(validCalls))('%s', (name) => {
    const args = validCalls[name]!;
    expectSound(name, args);
    for (let i = 0; i <= args.length; i++) {
      for (const j of junk) {
        const a = [...args];
        a[i] = j;
        expectSound(name, a);
      }
      const arg = args[i];
      if (arg !== null && typeof arg === 'object' && !Array.isArray(arg) && !(arg instanceof Temporal.Instant)) {
        for (const key of Object.keys(arg)) {
          for (const j of junk) expectSound(name, Object.assign([...args], { [i]: { ...arg, [key]: j } }));
          const inner = (arg as Record<string, unknown>)[key];
          if (Array.isArray(inner) && typeof inner[0] === 'object' && inner[0] !== null) {
            for (const innerKey of Object.keys(inner[0])) {
              for (const j of junk) expectSound(name, Object.assign([...args], { [i]: { ...arg, [key]: [{ ...inner[0], [innerKey]: j }] } }));
            }
          }
        }
      }
      if (Array.isArray(arg) && typeof arg[0] === 'object' && arg[0] !== null) {
        for (const key of Object.keys(arg[0])) for (const j of junk) expectSound(name, Object.assign([...args], { [i]: [{ ...arg[0], [key]: j }] }));
      }
    }
  });

  test('property: random values in every argument position', () => {
    const value = fc.oneof(fc.constantFrom(...junk), fc.anything({ withBigInt: true, withNullPrototype: true, withSparseArray: true }));
    const names = Object.keys(validCalls);
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.nat(), value, (name, pos, v) => {
        const args = [...validCalls[name]!];
        args[pos % (args.length + 1)] = v;
        expectSound(name, args);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('store mapping of engine errors (core/commands/billingErrors.ts)', () => {
  const locales = ['ru', 'kk'].map((lang) => ({
    lang,
    json: JSON.parse(readFileSync(join(__dirname, '../../../locales', lang, 'errors.json'), 'utf8')) as Record<string, Record<string, string>>,
  }));
  const text = (json: Record<string, Record<string, string>>, code: string) => {
    const [group, key] = code.replace(/^errors:/, '').split('.');
    return json[group!]?.[key!];
  };

  test('maps rules by constant to keys present in both languages', () => {
    expect(BILLING_ERROR_KEYS.get(BILLING_RULES.withinPeriod)).toBe('errors:tariffChange.outsidePeriod');
    expect(BILLING_ERROR_KEYS.get(BILLING_RULES.notBeforePeriodStart)).toBe('errors:cancellation.beforePeriod');
    expect(BILLING_ERROR_KEYS.get(BILLING_RULES.sameService)).toBe('errors:tariff.otherService');
    expect(BILLING_ERROR_KEYS.get(BILLING_RULES.sameBillingPeriod)).toBe('errors:tariff.otherBillingPeriod');
    expect(BILLING_ERROR_KEYS.get(MONEY_RULES.integer)).toBe('errors:amount.notInteger');
    expect(BILLING_ERROR_KEYS.get(DATE_RULES.date)).toBe('errors:date.invalid');
    for (const rule of BILLING_ERROR_KEYS.keys()) expect(ALL_RULES.has(rule), rule).toBe(true);
    for (const code of [...BILLING_ERROR_KEYS.values(), FALLBACK_BILLING_ERROR_KEY]) {
      for (const { lang, json } of locales) expect(text(json, code), `${lang} ${code}`).toEqual(expect.any(String));
    }
  });

  test('an engine error becomes a CommandError with the mapped key, field and rule', () => {
    const cases: [() => unknown, string, string][] = [
      [() => quoteTariffChange({ periodStart: '2026-03-10', periodEnd: '2026-04-10', effectiveDate: '2026-04-10', oldPrice: 1, newPrice: 2 }), 'errors:tariffChange.outsidePeriod', 'effectiveDate'],
      [() => quoteCancellation({ firstUseDate: '2026-02-01', periodStart: '2026-02-01', periodEnd: '2026-03-01', cancelDate: '2026-01-31', currentPrice: 1, chargedTotal: 1, refundWindowDays: null }), 'errors:cancellation.beforePeriod', 'cancelDate'],
      [() => priceForPeriod('2024-01-01', [{ effectiveFrom: '2025-01-01', price: 1 }]), 'errors:tariff.noPriceForPeriod', 'periodStart'],
      [() => nextPeriodEnd('9999-12-31', 1), 'errors:date.resultOutOfRange', 'months'],
      [() => parseIsoDate('date', '0000-01-01'), 'errors:date.outOfRange', 'date'],
      [() => periodDays('2026-03-01', '2026-02-01'), 'errors:period.endNotAfterStart', 'periodEnd'],
      [() => policyFor('__proto__' as never), 'errors:service.notFound', 'code'],
      [() => vatRateOn('2026-01-01', [{ validFrom: '2027-01-01', percent: 12 }]), 'errors:vat.noRate', 'date'],
      [() => isWorkingDay('1969-12-31'), 'errors:calendar.yearOutOfRange', 'date'],
      [() => splitCharge(-1, 0), 'errors:amount.negative', 'amount'],
      [() => allocateToBuckets(1, null as never), 'errors:billing.invalidInput', 'paid'],
    ];
    for (const [fn, code, field] of cases) {
      const engineError = thrown(fn) as BillingInputError;
      expect(engineError).toBeInstanceOf(BillingInputError);
      const mapped = toCommandError(engineError) as CommandError;
      expect(mapped).toBeInstanceOf(CommandError);
      expect({ code: mapped.code, field: mapped.field }).toEqual({ code, field });
      expect(mapped.params).toMatchObject({ field, rule: engineError.rule });
    }
  });

  test('range messages get the supported dates as {{min}} and {{max}}', () => {
    const mapped = toCommandError(thrown(() => addDays('9999-12-31', 1))) as CommandError;
    expect(mapped.params).toMatchObject({ min: '0001-01-01', max: '9999-12-31', field: 'days' });
    for (const { json } of locales) expect(text(json, mapped.code)).toMatch(/\{\{min\}\}.*\{\{max\}\}/);
  });

  test('a rule named like an Object.prototype member falls back to the generic key', () => {
    for (const rule of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const mapped = toCommandError(new BillingInputError('x', rule)) as CommandError;
      expect(mapped.code).toBe(FALLBACK_BILLING_ERROR_KEY);
    }
  });

  test('anything else passes through unchanged', () => {
    const other = new TypeError('boom');
    expect(toCommandError(other)).toBe(other);
  });
});
