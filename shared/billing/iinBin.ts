import { BILLING_RULES, fail } from './errors';

/** Why an IIN/BIN is wrong, as a stable code for the UI to translate. */
export type IinBinProblem = 'length' | 'non_digit' | 'checksum';

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

function weighted(digits: number[], weights: number[]): number {
  return digits.reduce((sum, d, i) => sum + d * (weights[i] ?? 0), 0) % 11;
}

/** The check digit for 11 digits, or null when both weightings give 10 (no valid number). */
function checkDigit(first11: number[]): number | null {
  const first = weighted(first11, FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weighted(first11, SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

/**
 * null when valid; otherwise the first problem found. Characters are checked
 * before length so that '12345678901O' (letter O) says "digits only".
 */
export function explainIinBin(id: string): IinBinProblem | null {
  if (typeof id !== 'string') return 'non_digit';
  if (!/^\d*$/.test(id)) return 'non_digit';
  if (id.length !== 12) return 'length';
  const digits = [...id].map(Number);
  return checkDigit(digits.slice(0, 11)) === digits[11] ? null : 'checksum';
}

export function isValidIinBin(id: string): boolean {
  return explainIinBin(id) === null;
}

/** Completes 11 digits with their check digit; null when no check digit makes them valid. */
export function makeIinBin(first11: string): string | null {
  if (typeof first11 !== 'string' || !/^\d{11}$/.test(first11)) fail('first11', BILLING_RULES.first11);
  const check = checkDigit([...first11].map(Number));
  return check === null ? null : first11 + String(check);
}
