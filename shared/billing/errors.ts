/**
 * The one error the engine throws for bad input. Callers (store commands,
 * other tools) map `field` and `rule` to their own messages; the message is
 * English for developers and always names both.
 */
export class BillingInputError extends Error {
  readonly field: string;
  readonly rule: string;

  constructor(field: string, rule: string) {
    // Field names can come from callers (parseIsoDate(field, …)): never let a bad one turn into a TypeError here.
    const f = asText(field);
    const r = asText(rule);
    super(`${f}: ${r}`);
    this.name = 'BillingInputError';
    this.field = f;
    this.rule = r;
  }
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value); // a null-prototype object or a Symbol-hostile toString
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

  // Shapes of the input.
  object: 'must be an object',
  list: 'must be a list',
  nonEmptyList: 'must be a non-empty list',
  nonEmptyString: 'must be a non-empty string',
  boolean: 'must be true or false',
  bucketsShape: 'must be { money, bonus }',
  tariffFamilyShape: 'must be { serviceId, billingMonths }',
  datedPriceShape: 'must be { effectiveFrom, price }',
  vatRateShape: 'must be { validFrom, percent }',
  alreadyCompensatedShape: 'must be { month, amount }',
  policyShape: 'must be { percentPerHour, monthlyCapPercent }',
  windowShape: 'must be { open, close }',
  calendarShape: 'must be a WorkingCalendar { years: { [year]: { nonWorkingWeekdays, workingWeekends } } }',
  dateList: 'must be a list of dates',

  // Values.
  serviceCode: 'must be one of onebuh, cloud1c, site_builder, uchet_edo, prosto',
  billingMonths: 'must be 1 or 12',
  cause: 'must be one of provider, planned, force_majeure, client, third_party_software, network_dns',
  unique: 'must be unique',
  notBeforeStart: 'must not be before start',
  afterPeriodStart: 'must be after periodStart',
  nonNegativeInteger: 'must be a non-negative integer',
  nonNegativeNumber: 'must be a non-negative number',
  wholeHours: 'must be a safe integer number of hours',
  percent: 'must be an integer from 0 to 100',
  noVatRate: 'has no VAT rate in force',
  targetBp: 'must be an integer from 0 to 10000',
  availabilityYear: 'must be an integer year from 1970 to 9998',
  monthsMax: 'must be at most 1200',
  anchorDay: 'must be an integer from 1 to 31',
  anchorMatch: 'must match the day of start (or start must be the last day of a shorter month)',
  first11: 'must be exactly 11 digits',

  // Working calendar and SLA.
  calendarYear: 'must be an integer year from 1970 to 9999',
  calendarDate: 'must fall in a working-calendar year from 1970 to 9999',
  weekday: 'must be a Monday to Friday',
  weekend: 'must be a Saturday or Sunday',
  noWorkingDay: 'has no working day within 366 days',
  workingDaysMax: 'must be at most 100000',
  timeOfDay: 'must be a time HH:MM from 00:00 to 23:59',
  slaHours: 'must be a number greater than 0 and at most 10000',
  wholeMinutes: 'must be a whole number of minutes',
  clock: "must be '24x7' or 'business'",
  afterOpen: 'must be after window.open',
  amountInWordsRange: 'must be a whole number of tiyn from 0 to 999999999999999',
  wordsLanguage: "must be 'kk' or 'ru'",
} as const;

/**
 * The one rule whose text carries a value: a calendar entry listed under
 * year Y that is not in Y (`must be in 2026`). Match it with `isInYearRule`.
 */
export function inYearRule(year: number): string {
  if (typeof year !== 'number' || !Number.isSafeInteger(year) || year < 1970 || year > 9999) fail('year', BILLING_RULES.calendarYear);
  return `must be in ${year}`;
}

export function isInYearRule(rule: unknown): boolean {
  return typeof rule === 'string' && /^must be in \d{4}$/.test(rule);
}
