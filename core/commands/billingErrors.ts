import { BILLING_RULES, BillingInputError, DATE_RULES, MAX_DATE_YEAR, MIN_DATE_YEAR, MONEY_RULES } from '../../shared/billing';
import { CommandError } from '../errors';

type ErrorKey = ConstructorParameters<typeof CommandError>[0];

/**
 * Engine rules (by their constants, never by their English text) that have a
 * message of their own. Every other rule is a caller bug or corrupt data and
 * shows `errors:billing.invalidInput` with the field.
 */
export const BILLING_ERROR_KEYS: ReadonlyMap<string, ErrorKey> = new Map<string, ErrorKey>([
  [MONEY_RULES.integer, 'errors:amount.notInteger'],
  [MONEY_RULES.nonNegative, 'errors:amount.negative'],
  [MONEY_RULES.range, 'errors:amount.tooLarge'],
  [BILLING_RULES.amountInWordsRange, 'errors:amount.tooLarge'],
  [DATE_RULES.date, 'errors:date.invalid'],
  [DATE_RULES.instant, 'errors:dateTime.invalid'],
  [DATE_RULES.month, 'errors:month.invalid'],
  [DATE_RULES.yearRange, 'errors:date.outOfRange'],
  [DATE_RULES.outOfRange, 'errors:date.resultOutOfRange'],
  [BILLING_RULES.beforeFirstPrice, 'errors:tariff.noPriceForPeriod'],
  [BILLING_RULES.withinPeriod, 'errors:tariffChange.outsidePeriod'],
  [BILLING_RULES.sameService, 'errors:tariff.otherService'],
  [BILLING_RULES.sameBillingPeriod, 'errors:tariff.otherBillingPeriod'],
  [BILLING_RULES.notBeforePeriodStart, 'errors:cancellation.beforePeriod'],
  [BILLING_RULES.afterPeriodStart, 'errors:period.endNotAfterStart'],
  [BILLING_RULES.serviceCode, 'errors:service.notFound'],
  [BILLING_RULES.noVatRate, 'errors:vat.noRate'],
  [BILLING_RULES.noWorkingDay, 'errors:calendar.noWorkingDay'],
  [BILLING_RULES.calendarDate, 'errors:calendar.yearOutOfRange'],
]);

export const FALLBACK_BILLING_ERROR_KEY: ErrorKey = 'errors:billing.invalidInput';

const pad4 = (year: number) => String(year).padStart(4, '0');
/** The dates the engine can read and write ('{{min}}', '{{max}}' in the date range messages). */
const SUPPORTED_DATES = { min: `${pad4(MIN_DATE_YEAR)}-01-01`, max: `${pad4(MAX_DATE_YEAR)}-12-31` };

/** Parameters some messages need besides `field` and `rule`. */
const EXTRA_PARAMS: ReadonlyMap<string, Record<string, unknown>> = new Map([
  [DATE_RULES.yearRange, SUPPORTED_DATES],
  [DATE_RULES.outOfRange, SUPPORTED_DATES],
]);

/** The engine names a field and a rule in English; the UI needs an `errors:` key. */
export function toCommandError(error: unknown): unknown {
  if (!(error instanceof BillingInputError)) return error;
  // Maps, not object literals: a rule can never hit Object.prototype ('constructor', '__proto__').
  const code = BILLING_ERROR_KEYS.get(error.rule) ?? FALLBACK_BILLING_ERROR_KEY;
  const params = { ...EXTRA_PARAMS.get(error.rule), field: error.field, rule: error.rule };
  return new CommandError(code, { field: error.field, params, cause: error });
}
