import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { assertTiyn, bigToTiyn, roundDiv, tiynToBig } from '../../../shared/billing';
import { expectInputError } from './expectInputError';

/** Reference: half away from zero via exact decimal reasoning on |n|, independent of the implementation. */
function referenceRoundDiv(n: bigint, d: bigint): bigint {
  const negative = (n < 0n) !== (d < 0n);
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (2n * an + ad) / (2n * ad); // floor(|n|/|d| + 1/2)
  return negative ? -q : q;
}

describe('roundDiv', () => {
  test.each([
    [5n, 2n, 3n], [-5n, 2n, -3n], [5n, -2n, -3n], [-5n, -2n, 3n],
    [7n, 3n, 2n], [-7n, 3n, -2n], [8n, 3n, 3n], [-8n, 3n, -3n], [0n, 7n, 0n],
    [44_991n, 2n, 22_496n], [600_000n * 16n, 31n, 309_677n],
  ])('%s / %s = %s', (n, d, expected) => {
    expect(roundDiv(n, d)).toBe(expected);
  });

  test('matches the reference on random big values', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).filter((d) => d !== 0n), (n, d) => {
        expect(roundDiv(n, d)).toBe(referenceRoundDiv(n, d));
      }),
    );
  });

  test('division by zero is bad input', () => {
    expectInputError(() => roundDiv(1n, 0n), 'denominator', 'must not be zero');
  });
});

describe('assertTiyn', () => {
  test('accepts safe integers and returns them', () => {
    expect(assertTiyn('price', 0)).toBe(0);
    expect(assertTiyn('price', Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
    expect(assertTiyn('delta', -5, { allowNegative: true })).toBe(-5);
    expect(tiynToBig('price', 12)).toBe(12n);
  });

  test.each([
    [1.5, /safe integer/], [Number.NaN, /safe integer/], [Number.POSITIVE_INFINITY, /safe integer/],
    [2 ** 53, /safe integer/], ['100', /safe integer/], [-1, /negative/],
  ])('%s is rejected', (value, rule) => {
    expectInputError(() => assertTiyn('price', value), 'price', rule);
  });

  test('bigToTiyn refuses values a double cannot hold exactly', () => {
    expect(bigToTiyn('amount', -42n)).toBe(-42);
    expectInputError(() => bigToTiyn('amount', 2n ** 53n), 'amount', /safe integer range/);
    expectInputError(() => tiynToBig('price', -3), 'price', /negative/);
    expect(tiynToBig('delta', -3, { allowNegative: true })).toBe(-3n);
  });
});
