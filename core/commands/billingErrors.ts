import { BillingInputError, DATE_RULES, MONEY_RULES } from '../../shared/billing';
import { CommandError } from '../errors';

const KEY_BY_RULE: Record<string, string> = {
  [MONEY_RULES.integer]: 'errors:amount.notInteger',
  [MONEY_RULES.nonNegative]: 'errors:amount.negative',
  [MONEY_RULES.range]: 'errors:amount.tooLarge',
  [DATE_RULES.date]: 'errors:date.invalid',
  [DATE_RULES.instant]: 'errors:dateTime.invalid',
  'is before the first price in history': 'errors:tariff.noPrice',
  'must be within [periodStart, periodEnd)': 'errors:tariffChange.outsidePeriod',
  'must be the same service as the current tariff': 'errors:tariff.otherService',
  'must be the same billing period as the current tariff': 'errors:tariff.otherBillingPeriod',
  'must not be before periodStart': 'errors:cancellation.beforePeriod',
};

/** The engine names a field and a rule in English; the UI needs an `errors:` key. */
export function toCommandError(error: unknown): unknown {
  if (!(error instanceof BillingInputError)) return error;
  const code = KEY_BY_RULE[error.rule] ?? 'errors:billing.invalidInput';
  return new CommandError(code, { field: error.field, params: { field: error.field, rule: error.rule }, cause: error });
}
