import { fail } from './errors';
import type { Tiyn } from './types';

/** Rules named in BillingInputError for amounts, so tests and callers can match them. */
export const MONEY_RULES = {
  integer: 'must be a safe integer number of tiyn',
  nonNegative: 'must not be negative',
  range: 'result is outside the safe integer range',
} as const;

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

/**
 * numerator / denominator rounded once to an integer, half away from zero.
 * Exact for any size: the whole money path stays in BigInt until this point.
 */
export function roundDiv(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) fail('denominator', 'must not be zero');
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
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) fail(field, MONEY_RULES.integer);
  if (!options.allowNegative && value < 0) fail(field, MONEY_RULES.nonNegative);
  return value;
}

/** The amount as a BigInt after validating it as tiyn. */
export function tiynToBig(field: string, value: unknown, options: TiynOptions = {}): bigint {
  return BigInt(assertTiyn(field, value, options));
}

/** Back from BigInt to a number, refusing anything a double cannot hold exactly. */
export function bigToTiyn(field: string, value: bigint): Tiyn {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) fail(field, MONEY_RULES.range);
  return Number(value);
}

export function minBig(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

export function maxBig(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
