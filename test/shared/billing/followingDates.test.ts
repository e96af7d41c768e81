import { describe, expect, test } from 'vitest';
import { deletionDate, isRefundOverdue, priceChangeAllowed, priceForPeriod, refundDueDate } from '../../../shared/billing';
import { expectInputError } from './expectInputError';

describe('dates that follow from a period', () => {
  test('deletion after the grace days (1C servers 14, site builder 7, ONEbuh 30)', () => {
    expect(deletionDate('2026-04-10', 14)).toBe('2026-04-24');
    expect(deletionDate('2026-04-10', 7)).toBe('2026-04-17');
    expect(deletionDate('2026-02-01', 30)).toBe('2026-03-03');
  });

  test('a refund requested on Friday 2026-03-20 is due 15 working days later, past Nauryz', () => {
    // Working days: 03-26, 27, 30, 31, 04-01, 02, 03, 06, 07, 08, 09, 10, 13, 14, 15.
    expect(refundDueDate('2026-03-20')).toBe('2026-04-15');
    expect(isRefundOverdue('2026-04-15', '2026-04-15')).toBe(false);
    expect(isRefundOverdue('2026-04-15', '2026-04-16')).toBe(true);
  });

  test('price changes need 30 days of notice', () => {
    expect(priceChangeAllowed('2026-03-01', '2026-03-31')).toBe(true);
    expect(priceChangeAllowed('2026-03-02', '2026-03-31')).toBe(false);
    expect(priceChangeAllowed('2026-04-01', '2026-03-31')).toBe(false);
    expect(priceChangeAllowed('2026-03-20', '2026-03-31', 10)).toBe(true);
  });

  test('a period pays the price in force on its start', () => {
    const history = [{ effectiveFrom: '2025-01-01', price: 1_000_000 }, { effectiveFrom: '2026-04-01', price: 1_200_000 }];
    expect(priceForPeriod('2026-03-15', history)).toBe(1_000_000);
    expect(priceForPeriod('2026-04-01', history)).toBe(1_200_000);
    expect(priceForPeriod('2026-04-15', history)).toBe(1_200_000);
  });

  test('bad input', () => {
    expectInputError(() => deletionDate('2026-02-30', 14), 'periodEnd');
    expectInputError(() => deletionDate('2026-02-01', -1), 'graceDays');
    expectInputError(() => refundDueDate('2026-13-01'), 'requestDate');
    expectInputError(() => refundDueDate('2026-03-01', 2.5), 'workingDays');
    expectInputError(() => priceChangeAllowed('2026-03-01', '2026-02-30'), 'effectiveFrom');
    expectInputError(() => priceChangeAllowed('2026-03-01', '2026-03-31', -3), 'noticeDays');
    expectInputError(() => isRefundOverdue('x', '2026-01-01'), 'dueDate');
    expectInputError(() => priceForPeriod('2024-01-01', [{ effectiveFrom: '2025-01-01', price: 1 }]), 'periodStart', /before the first price/);
    expectInputError(() => priceForPeriod('2026-01-01', [{ effectiveFrom: '2025-01-01', price: -1 }]), 'history[0].price');
    expectInputError(() => priceForPeriod('2026-01-01', []), 'history');
  });
});
