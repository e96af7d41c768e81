// Every worked example of domain-rules.md, and Kill Bill's day-count cases, by name.
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_CALENDAR, addWorkingDays, availabilityOf, nextPeriodEnd, proposeCalendarYear, quoteCancellation,
  quoteCompensation, quoteTariffChange, vatOf,
} from '../../../shared/billing';

describe('domain-rules §4.1 tariff change', () => {
  test('10 000,00 → 16 000,00 ₸ on 2026-03-25 in 2026-03-10 → 2026-04-10 charges 3 096,77 ₸', () => {
    expect(
      quoteTariffChange({ periodStart: '2026-03-10', periodEnd: '2026-04-10', effectiveDate: '2026-03-25', oldPrice: 1_000_000, newPrice: 1_600_000 }),
    ).toEqual({ remainingDays: 16, periodDays: 31, amount: 309_677 });
  });

  test('the reverse downgrade credits the same 3 096,77 ₸', () => {
    expect(
      quoteTariffChange({ periodStart: '2026-03-10', periodEnd: '2026-04-10', effectiveDate: '2026-03-25', oldPrice: 1_600_000, newPrice: 1_000_000 }).amount,
    ).toBe(-309_677);
  });
});

describe('domain-rules §4.2 cancellation', () => {
  const base = {
    firstUseDate: '2026-02-01', periodStart: '2026-02-01', periodEnd: '2026-03-01', currentPrice: 1_200_000, chargedTotal: 1_200_000,
  };

  test('12 000,00 ₸ for 2026-02-01 → 2026-03-01 cancelled 2026-02-20 refunds 385 714 tiyn', () => {
    expect(quoteCancellation({ ...base, cancelDate: '2026-02-20', refundWindowDays: null })).toMatchObject({ kind: 'prorated', amount: 385_714 });
  });

  test('refund window of 14 days from first use 2026-02-01: 2026-02-14 is inside (full refund)', () => {
    expect(quoteCancellation({ ...base, cancelDate: '2026-02-14', refundWindowDays: 14 })).toMatchObject({ kind: 'full', amount: 1_200_000 });
  });

  test('refund window of 14 days from first use 2026-02-01: 2026-02-15 is outside (prorated)', () => {
    // 14 unused days of 28.
    expect(quoteCancellation({ ...base, cancelDate: '2026-02-15', refundWindowDays: 14 })).toMatchObject({ kind: 'prorated', amount: 600_000 });
  });

  test('full refund is everything charged less what was credited back (chargedTotal), not the period price', () => {
    expect(quoteCancellation({ ...base, chargedTotal: 1_509_677, cancelDate: '2026-02-10', refundWindowDays: 14 }).amount).toBe(1_509_677);
  });

  test('after the period has ended the prorated refund is 0', () => {
    expect(quoteCancellation({ ...base, cancelDate: '2026-03-05', refundWindowDays: null })).toMatchObject({ kind: 'prorated', amount: 0 });
  });
});

describe('domain-rules §4.3 compensation', () => {
  test('monthly fee 15 000,00 ₸, outage 3 h 59 min → 3 h → 450,00 ₸', () => {
    const q = quoteCompensation({
      periodPrice: 1_500_000,
      billingMonths: 1,
      incidents: [{ id: 'i1', start: '2026-03-10T10:00:00+05:00', end: '2026-03-10T13:59:00+05:00', cause: 'provider' }],
    });
    expect(q.lines).toEqual([{ id: 'i1', month: '2026-03', minutes: 239, hours: 3, amount: 45_000, excluded: false, capped: false }]);
    expect(q.total).toBe(45_000);
  });

  test('a 12-month tariff uses price / 12 exactly: 100 000 tiyn a year, 1 h → round(83,33…) = 83', () => {
    const q = quoteCompensation({
      periodPrice: 100_000,
      billingMonths: 12,
      incidents: [{ id: 'y', start: '2026-03-10T10:00:00+05:00', end: '2026-03-10T11:00:00+05:00', cause: 'provider' }],
    });
    expect(q.total).toBe(83);
  });
});

describe('domain-rules §4.4 availability', () => {
  test('99.8 % allows 17.52 h in 2026', () => {
    const r = availabilityOf({ year: 2026, incidents: [] });
    expect(r.hoursInYear).toBe(8760);
    expect(r.budgetHours).toBe(17.52);
    expect(r.budgetMs).toBe(63_072_000);
  });

  test('99.8 % allows 17.568 h in leap 2028', () => {
    const r = availabilityOf({ year: 2028, incidents: [] });
    expect(r.hoursInYear).toBe(8784);
    expect(r.budgetHours).toBe(17.568);
    expect(r.budgetMs).toBe(63_244_800);
  });
});

describe('domain-rules §1 periods', () => {
  test('anchor 31: Jan 31 → Feb 28 → Mar 31 → Apr 30', () => {
    const feb = nextPeriodEnd('2026-01-31', 1);
    const mar = nextPeriodEnd(feb, 1, 31);
    const apr = nextPeriodEnd(mar, 1, 31);
    expect([feb, mar, apr]).toEqual(['2026-02-28', '2026-03-31', '2026-04-30']);
  });

  test('anchor 31 in a leap year: Jan 31 → Feb 29', () => {
    expect(nextPeriodEnd('2028-01-31', 1)).toBe('2028-02-29');
  });

  test('12 months from Feb 29 → Feb 28, and back to Feb 29 in the next leap year', () => {
    expect(nextPeriodEnd('2028-02-29', 12)).toBe('2029-02-28');
    expect(nextPeriodEnd('2031-02-28', 12, 29)).toBe('2032-02-29');
  });

  test('period 2026-03-10 → 2026-04-10 is one month', () => {
    expect(nextPeriodEnd('2026-03-10', 1)).toBe('2026-04-10');
  });
});

describe('domain-rules §1 VAT', () => {
  test('12 % on 2025-12-31: VAT of 112,00 ₸ is 12,00 ₸', () => {
    expect(vatOf(11_200, '2025-12-31')).toBe(1_200);
  });

  test('16 % from 2026-01-01: VAT of 116,00 ₸ is 16,00 ₸', () => {
    expect(vatOf(11_600, '2026-01-01')).toBe(1_600);
  });

  test('the same gross on either side of the switch', () => {
    // 1 000 000 × 12 / 112 = 107 142.86 → 107 143; × 16 / 116 = 137 931.03 → 137 931
    expect(vatOf(1_000_000, '2025-12-31')).toBe(107_143);
    expect(vatOf(1_000_000, '2026-01-01')).toBe(137_931);
  });
});

describe('domain-rules §1 working calendar', () => {
  const listed2026 = ['01-01', '01-02', '01-07', '03-09', '03-23', '03-24', '03-25', '05-01', '05-07', '05-11', '05-27', '07-06', '10-26', '12-16'];
  const listed2025 = ['01-01', '01-02', '01-03', '01-07', '03-10', '03-21', '03-24', '03-25', '05-01', '05-07', '05-09', '06-06', '07-07', '09-01', '10-27', '12-16'];
  const listed2027 = ['01-01', '01-04', '01-07', '03-08', '03-15', '03-22', '03-23', '03-24', '05-03', '05-07', '05-10', '07-06', '10-25', '12-16'];

  test('the default calendar holds exactly the listed 2025, 2026 and 2027 days', () => {
    expect(DEFAULT_CALENDAR.years[2025]).toEqual({ nonWorkingWeekdays: listed2025.map((d) => `2025-${d}`), workingWeekends: ['2025-01-05'] });
    expect(DEFAULT_CALENDAR.years[2026]).toEqual({ nonWorkingWeekdays: listed2026.map((d) => `2026-${d}`), workingWeekends: [] });
    expect(DEFAULT_CALENDAR.years[2027]).toEqual({ nonWorkingWeekdays: listed2027.map((d) => `2027-${d}`), workingWeekends: [] });
  });

  test('the rules propose 2026 exactly as listed minus Kurban Ait (05-27)', () => {
    expect(proposeCalendarYear(2026)).toEqual({
      nonWorkingWeekdays: listed2026.filter((d) => d !== '05-27').map((d) => `2026-${d}`),
      workingWeekends: [],
    });
  });

  test('the rules propose 2027 exactly as listed (Kurban Ait not yet decreed)', () => {
    expect(proposeCalendarYear(2027).nonWorkingWeekdays).toEqual(listed2027.map((d) => `2027-${d}`));
  });

  test('the rules propose 2025 as listed minus the decreed transfer (01-03) and Kurban Ait (06-06)', () => {
    expect(proposeCalendarYear(2025).nonWorkingWeekdays).toEqual(listed2025.filter((d) => d !== '01-03' && d !== '06-06').map((d) => `2025-${d}`));
  });

  test('Sunday 2025-01-05 was a working day: the next working day after Friday 2025-01-03 is that Sunday', () => {
    expect(addWorkingDays('2025-01-03', 1)).toBe('2025-01-05');
    expect(addWorkingDays('2025-01-05', 1)).toBe('2025-01-06');
  });

  test('working days skip Nauryz 2026: Friday 2026-03-20 + 1 is Thursday 2026-03-26', () => {
    expect(addWorkingDays('2026-03-20', 1)).toBe('2026-03-26');
  });

  test('Kurban Ait 2026-05-27 is a day off: Tuesday 05-26 + 1 is Thursday 05-28', () => {
    expect(addWorkingDays('2026-05-26', 1)).toBe('2026-05-28');
  });
});

describe('Kill Bill day-count convention (calendar days, end excluded, change day on the new plan, half-up)', () => {
  test('24 995 tiyn/month, period 2012-04-02 → 2012-05-02, start on 2012-04-05 costs 22 496 tiyn (exact 22 495.5 rounds up)', () => {
    expect(
      quoteTariffChange({ periodStart: '2012-04-02', periodEnd: '2012-05-02', effectiveDate: '2012-04-05', oldPrice: 0, newPrice: 24_995 }),
    ).toEqual({ remainingDays: 27, periodDays: 30, amount: 22_496 });
  });

  test('224.955 case: the exact value 224.955 ₸ is a tie and rounds half away from zero to 22 496 tiyn', () => {
    expect((24_995 * 27) % 30).toBe(15); // remainder exactly half the divisor: a true tie, decided by the rule, not by float luck
    expect(quoteTariffChange({ periodStart: '2012-04-02', periodEnd: '2012-05-02', effectiveDate: '2012-04-05', oldPrice: 0, newPrice: 24_995 }).amount).toBe(22_496);
  });

  test('239 995 yearly plan 2012-05-01 → 2013-05-01 cancelled 2012-05-11 credits 233 420', () => {
    expect(
      quoteCancellation({
        firstUseDate: '2012-05-01', periodStart: '2012-05-01', periodEnd: '2013-05-01', cancelDate: '2012-05-11',
        currentPrice: 239_995, chargedTotal: 239_995, refundWindowDays: null,
      }),
    ).toEqual({ kind: 'prorated', amount: 233_420, remainingDays: 355, periodDays: 365 });
  });
});
