import { describe, expect, test } from 'vitest';
import { BILLING_RULES, assertSameTariffFamily, quoteTariffChange, tariffFamilyMismatch } from '../../../shared/billing';
import { expectInputError } from './expectInputError';

const period = { periodStart: '2026-03-10', periodEnd: '2026-04-10' };

describe('quoteTariffChange', () => {
  test('a change on the first day prorates the whole period', () => {
    expect(quoteTariffChange({ ...period, effectiveDate: '2026-03-10', oldPrice: 1_000_000, newPrice: 1_600_000 }))
      .toEqual({ remainingDays: 31, periodDays: 31, amount: 600_000 });
  });

  test('a change on the last day costs one day', () => {
    // 600 000 / 31 = 19 354.8… → 19 355
    expect(quoteTariffChange({ ...period, effectiveDate: '2026-04-09', oldPrice: 1_000_000, newPrice: 1_600_000 }))
      .toEqual({ remainingDays: 1, periodDays: 31, amount: 19_355 });
  });

  test('same price is 0', () => {
    expect(quoteTariffChange({ ...period, effectiveDate: '2026-03-20', oldPrice: 500, newPrice: 500 }).amount).toBe(0);
  });

  test('bad input', () => {
    const ok = { ...period, effectiveDate: '2026-03-25', oldPrice: 1_000_000, newPrice: 1_600_000 };
    expectInputError(() => quoteTariffChange({ ...ok, effectiveDate: '2026-04-10' }), 'effectiveDate', 'must be within [periodStart, periodEnd)');
    const early = expectInputError(() => quoteTariffChange({ ...ok, effectiveDate: '2026-03-09' }), 'effectiveDate');
    expect(early.rule).toBe(BILLING_RULES.withinPeriod);
    expect(early.message).toBe('effectiveDate: must be within [periodStart, periodEnd)');
    expectInputError(() => quoteTariffChange({ ...ok, effectiveDate: '2026-02-30' }), 'effectiveDate', /existing calendar date/);
    expectInputError(() => quoteTariffChange({ ...ok, periodEnd: '2026-03-01' }), 'periodEnd', /after periodStart/);
    expectInputError(() => quoteTariffChange({ ...ok, periodStart: '2026-3-10' }), 'periodStart');
    expectInputError(() => quoteTariffChange({ ...ok, oldPrice: -1 }), 'oldPrice', /negative/);
    expectInputError(() => quoteTariffChange({ ...ok, newPrice: 1.5 }), 'newPrice', /integer/);
    expectInputError(() => quoteTariffChange({ ...ok, newPrice: 2 ** 53 }), 'newPrice', /integer/);
    expectInputError(() => quoteTariffChange(null as never), 'input');
  });
});

describe('tariff family', () => {
  test('same service and period length is a tariff change', () => {
    expect(tariffFamilyMismatch({ serviceId: 'cloud1c', billingMonths: 1 }, { serviceId: 'cloud1c', billingMonths: 1 })).toBeNull();
    expect(() => assertSameTariffFamily({ serviceId: 'cloud1c', billingMonths: 1 }, { serviceId: 'cloud1c', billingMonths: 1 })).not.toThrow();
  });

  test('another service or another period length is not', () => {
    expect(tariffFamilyMismatch({ serviceId: 'a', billingMonths: 1 }, { serviceId: 'b', billingMonths: 1 })).toBe('service');
    expect(tariffFamilyMismatch({ serviceId: 'a', billingMonths: 1 }, { serviceId: 'a', billingMonths: 12 })).toBe('billing_period');
    expectInputError(() => assertSameTariffFamily({ serviceId: 'a', billingMonths: 1 }, { serviceId: 'b', billingMonths: 1 }), 'to.serviceId', /same service/);
    expectInputError(() => assertSameTariffFamily({ serviceId: 'a', billingMonths: 1 }, { serviceId: 'a', billingMonths: 12 }), 'to.billingMonths', /same billing period/);
    expectInputError(() => assertSameTariffFamily({ serviceId: 'a', billingMonths: 3 }, { serviceId: 'a', billingMonths: 3 }), 'from.billingMonths', /1 or 12/);
    expectInputError(() => assertSameTariffFamily({ serviceId: '', billingMonths: 1 }, { serviceId: 'a', billingMonths: 1 }), 'from.serviceId');
  });
});
