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
