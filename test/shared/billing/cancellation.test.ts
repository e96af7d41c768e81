import { describe, expect, test } from 'vitest';
import { allocateToBuckets, quoteCancellation, splitCharge } from '../../../shared/billing';
import { expectInputError } from './expectInputError';

const base = {
  firstUseDate: '2026-02-01', periodStart: '2026-02-01', periodEnd: '2026-03-01', cancelDate: '2026-02-20',
  currentPrice: 1_200_000, chargedTotal: 1_200_000, refundWindowDays: 14 as number | null,
};

describe('quoteCancellation', () => {
  test('in a later period the window from first use has long passed', () => {
    expect(quoteCancellation({ ...base, periodStart: '2026-03-01', periodEnd: '2026-04-01', cancelDate: '2026-03-02' }))
      .toMatchObject({ kind: 'prorated', amount: 1_161_290 }); // 1 200 000 × 30 / 31 = 1 161 290.3
  });

  test('cancelling on the period start refunds the whole period price', () => {
    expect(quoteCancellation({ ...base, refundWindowDays: null, cancelDate: '2026-02-01' }).amount).toBe(1_200_000);
  });

  test('a window of 0 days never gives a full refund', () => {
    expect(quoteCancellation({ ...base, refundWindowDays: 0, cancelDate: '2026-02-01' }).kind).toBe('prorated');
  });

  test('the prorated refund never exceeds what was charged (decided)', () => {
    expect(quoteCancellation({ ...base, refundWindowDays: null, chargedTotal: 100_000 }).amount).toBe(100_000);
  });

  test('bad input', () => {
    expectInputError(() => quoteCancellation({ ...base, cancelDate: '2026-01-31' }), 'cancelDate', /before periodStart/);
    expectInputError(() => quoteCancellation({ ...base, cancelDate: '2026-02-29' }), 'cancelDate', /existing calendar date/);
    expectInputError(() => quoteCancellation({ ...base, firstUseDate: '2026-02-31' }), 'firstUseDate');
    expectInputError(() => quoteCancellation({ ...base, periodEnd: '2026-01-01' }), 'periodEnd', /after periodStart/);
    expectInputError(() => quoteCancellation({ ...base, currentPrice: -5 }), 'currentPrice', /negative/);
    expectInputError(() => quoteCancellation({ ...base, chargedTotal: 0.1 }), 'chargedTotal', /integer/);
    expectInputError(() => quoteCancellation({ ...base, refundWindowDays: -1 }), 'refundWindowDays');
    expectInputError(() => quoteCancellation({ ...base, refundWindowDays: 1.5 }), 'refundWindowDays');
  });
});

describe('buckets', () => {
  test('splitCharge spends bonus first', () => {
    expect(splitCharge(10_000, 3_000)).toEqual({ money: 7_000, bonus: 3_000 });
    expect(splitCharge(10_000, 30_000)).toEqual({ money: 0, bonus: 10_000 });
    expect(splitCharge(10_000, 0)).toEqual({ money: 10_000, bonus: 0 });
  });

  test('allocateToBuckets returns a refund in the proportion paid', () => {
    expect(allocateToBuckets(385_714, { money: 900_000, bonus: 300_000 })).toEqual({ money: 289_285, bonus: 96_429 });
    // 1 × 1/2 = 0.5 → the bonus share rounds half away from zero, money takes the rest.
    expect(allocateToBuckets(1, { money: 1, bonus: 1 })).toEqual({ money: 0, bonus: 1 });
    expect(allocateToBuckets(0, { money: 0, bonus: 0 })).toEqual({ money: 0, bonus: 0 });
  });

  test('bad input', () => {
    expectInputError(() => splitCharge(-1, 0), 'amount', /negative/);
    expectInputError(() => splitCharge(1, -1), 'availableBonus', /negative/);
    expectInputError(() => splitCharge(1.2, 0), 'amount', /integer/);
    expectInputError(() => allocateToBuckets(11, { money: 5, bonus: 5 }), 'amount', /must not exceed/);
    expectInputError(() => allocateToBuckets(1, { money: -5, bonus: 10 }), 'paid.money', /negative/);
    expectInputError(() => allocateToBuckets(1, { money: 5, bonus: 0.5 }), 'paid.bonus', /integer/);
    expectInputError(() => allocateToBuckets(1, null as never), 'paid');
  });
});
