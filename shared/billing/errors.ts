/**
 * The one error the engine throws for bad input. Callers (store commands,
 * other tools) map `field` and `rule` to their own messages; the message is
 * English for developers and always names both.
 */
export class BillingInputError extends Error {
  readonly field: string;
  readonly rule: string;

  constructor(field: string, rule: string) {
    super(`${field}: ${rule}`);
    this.name = 'BillingInputError';
    this.field = field;
    this.rule = rule;
  }
}

export function fail(field: string, rule: string): never {
  throw new BillingInputError(field, rule);
}

/**
 * Rule texts that callers match on (the store maps them to `errors:` keys).
 * Part of the contract: do not reword them.
 */
export const BILLING_RULES = {
  withinPeriod: 'must be within [periodStart, periodEnd)',
  notBeforePeriodStart: 'must not be before periodStart',
  sameService: 'must be the same service as the current tariff',
  sameBillingPeriod: 'must be the same billing period as the current tariff',
  beforeFirstPrice: 'is before the first price in history',
  exceedsPaid: 'must not exceed paid.money + paid.bonus',
} as const;
