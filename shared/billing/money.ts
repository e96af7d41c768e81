import { BILLING_RULES, fail } from './errors';
import type { Tiyn } from './types';

/** Rules named in BillingInputError for amounts, so tests and callers can match them. */
export const MONEY_RULES = {
  integer: 'must be a safe integer number of tiyn',
  nonNegative: 'must not be negative',
  range: 'result is outside the safe integer range',
  bigint: 'must be a bigint',
  nonZero: 'must not be zero',
} as const;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

/**
 * numerator / denominator rounded once to an integer, half away from zero.
 * Exact for any size: the whole money path stays in BigInt until this point.
 */
export function roundDiv(numerator: bigint, denominator: bigint): bigint {
  if (typeof numerator !== 'bigint') fail('numerator', MONEY_RULES.bigint);
  if (typeof denominator !== 'bigint') fail('denominator', MONEY_RULES.bigint);
  if (denominator === 0n) fail('denominator', MONEY_RULES.nonZero);
  const n = denominator < 0n ? -numerator : numerator;
  const d = abs(denominator);
  const q = n / d; // BigInt division truncates toward zero
  const r = abs(n % d);
  if (2n * r >= d) return n < 0n ? q - 1n : q + 1n;
  return q;
}

export interface TiynOptions {
  allowNegative?: boolean;
}

/** Throws unless `value` is a safe integer (and, by default, not negative). */
export function assertTiyn(field: string, value: unknown, options: TiynOptions = {}): Tiyn {
  if (typeof options !== 'object' || options === null) fail('options', BILLING_RULES.object);
  const { allowNegative = false } = options;
  if (typeof allowNegative !== 'boolean') fail('options.allowNegative', BILLING_RULES.boolean);
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) fail(field, MONEY_RULES.integer);
  if (!allowNegative && value < 0) fail(field, MONEY_RULES.nonNegative);
  // -0 is 0: never hand a negative zero on (it prints as "-0" in some formatters).
  return value === 0 ? 0 : value;
}

/** The amount as a BigInt after validating it as tiyn. */
export function tiynToBig(field: string, value: unknown, options: TiynOptions = {}): bigint {
  return BigInt(assertTiyn(field, value, options));
}

/** Back from BigInt to a number, refusing anything a double cannot hold exactly. */
export function bigToTiyn(field: string, value: bigint): Tiyn {
  if (typeof value !== 'bigint') fail(field, MONEY_RULES.bigint);
  if (value > MAX_SAFE || value < MIN_SAFE) fail(field, MONEY_RULES.range);
  return Number(value);
}

export function minBig(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

export function maxBig(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
