import { expect } from 'vitest';
import { BillingInputError } from '../../../shared/billing';

/** Runs `fn`, asserting it throws BillingInputError for `field` (and, when given, a rule containing `rule`). */
export function expectInputError(fn: () => unknown, field: string, rule?: string | RegExp): BillingInputError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(BillingInputError);
  const err = caught as BillingInputError;
  expect(err.field).toBe(field);
  expect(err.message).toContain(field);
  expect(err.message).toContain(err.rule);
  if (rule !== undefined) expect(err.rule).toMatch(rule);
  return err;
}
