import { describe, expect, test } from 'vitest';
import { VAT_RATES, explainIinBin, isValidIinBin, makeIinBin, vatOf, vatRateOn } from '../../../shared/billing';
import { expectInputError } from './expectInputError';

describe('VAT', () => {
  test('the rate is dated data: 12 % through 2025-12-31, 16 % from 2026-01-01', () => {
    expect(VAT_RATES.map((r) => r.percent)).toEqual([12, 16]);
    expect(vatRateOn('2025-12-31')).toBe(12);
    expect(vatRateOn('2026-01-01')).toBe(16);
    expect(vatRateOn('2019-06-01')).toBe(12);
  });

  test('rounds half away from zero on the exact value', () => {
    // 7 × 16 / 116 = 0.9655… → 1; 29 × 16 / 116 = 4 exactly; 58 × 12 / 112 = 6.214… → 6
    expect(vatOf(7, '2026-05-05')).toBe(1);
    expect(vatOf(29, '2026-05-05')).toBe(4);
    expect(vatOf(58, '2025-05-05')).toBe(6);
    expect(vatOf(0, '2026-05-05')).toBe(0);
  });

  test('another rate table can be passed', () => {
    const table = [{ validFrom: null, percent: 12 }, { validFrom: '2027-07-01', percent: 20 }];
    expect(vatOf(12_000, '2027-07-01', table)).toBe(2_000);
    expect(vatOf(11_200, '2027-06-30', table)).toBe(1_200);
  });

  test('bad input', () => {
    expectInputError(() => vatOf(-100, '2026-01-01'), 'gross', /negative/);
    expectInputError(() => vatOf(10.5, '2026-01-01'), 'gross', /integer/);
    expectInputError(() => vatOf(100, '2026-02-30'), 'date');
    expectInputError(() => vatOf(100, '2026-01-01', []), 'rates');
    expectInputError(() => vatOf(100, '2026-01-01', [{ validFrom: '2027-01-01', percent: 12 }]), 'date', /no VAT rate/);
    expectInputError(() => vatOf(100, '2026-01-01', [{ validFrom: null, percent: 12.5 }]), 'rates[0].percent');
    expectInputError(() => vatRateOn('2026-1-1'), 'date');
    expectInputError(() => vatRateOn('2026-01-01', [{ validFrom: '2025-02-29', percent: 12 }]), 'rates[0].validFrom');
  });
});

describe('IIN/BIN', () => {
  // Check digits computed by hand from the rule (weights 1…11 mod 11; on 10, weights 3…11,1,2).
  test('valid with the first weighting: 900101300007', () => {
    expect(isValidIinBin('900101300007')).toBe(true);
    expect(explainIinBin('900101300007')).toBeNull();
  });

  test('valid with the second weighting: 900101300811', () => {
    expect(isValidIinBin('900101300811')).toBe(true);
  });

  test('makeIinBin computes the check digit, or null when both weightings give 10', () => {
    expect(makeIinBin('90010130000')).toBe('900101300007');
    expect(makeIinBin('90010130081')).toBe('900101300811');
    expect(makeIinBin('90010130080')).toBeNull();
    for (let d = 0; d <= 9; d++) expect(explainIinBin(`90010130080${d}`)).toBe('checksum');
  });

  test('makeIinBin output always validates', () => {
    for (let n = 10_000_000_000; n < 10_000_000_300; n++) {
      const id = makeIinBin(String(n));
      if (id !== null) expect(isValidIinBin(id)).toBe(true);
    }
  });

  test('explains each problem', () => {
    expect(explainIinBin('900101300008')).toBe('checksum');
    expect(explainIinBin('90010130000')).toBe('length');
    expect(explainIinBin('9001013000071')).toBe('length');
    expect(explainIinBin('')).toBe('length');
    expect(explainIinBin('90010130000O')).toBe('non_digit');
    expect(explainIinBin('900101 300007')).toBe('non_digit');
    expect(isValidIinBin('90010130000O')).toBe(false);
  });

  test('makeIinBin bad input', () => {
    expectInputError(() => makeIinBin('9001013000'), 'first11', /11 digits/);
    expectInputError(() => makeIinBin('9001013000a'), 'first11');
  });
});
