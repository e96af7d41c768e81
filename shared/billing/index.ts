/**
 * The billing engine's public API (domain-rules §5). Other parts of the app
 * and other tools import from here only; names are stable.
 */
export * from './types';
export * from './policies';
export { BillingInputError, BILLING_RULES, inYearRule, isInYearRule } from './errors';
export { roundDiv, assertTiyn, tiynToBig, bigToTiyn, MONEY_RULES, type TiynOptions } from './money';
export {
  BUSINESS_OFFSET, BUSINESS_OFFSET_MINUTES, DATE_RULES, MIN_DATE_YEAR, MAX_DATE_YEAR, parseIsoDate, parseInstant, assertMonthKey, daysBetween, addDays, businessDateOf,
  monthKeyOf, formatInstant,
} from './dates';
export { nextPeriodEnd, periodDays } from './periods';
export {
  DEFAULT_CALENDAR, isWorkingDay, addWorkingDays, proposeCalendarYear, validateCalendarYear,
  type CalendarYear, type WorkingCalendar,
} from './calendar';
export { slaDueAt, slaOpenMinutes, type SlaInput, type SlaOpenTimeInput } from './sla';
export { vatOf, vatRateOn, VAT_RATES, type VatRate } from './vat';
export { isValidIinBin, explainIinBin, makeIinBin, type IinBinProblem } from './iinBin';
export {
  quoteTariffChange, assertSameTariffFamily, tariffFamilyMismatch,
  type TariffChangeInput, type TariffChangeQuote, type TariffFamily, type TariffFamilyMismatch,
} from './tariffChange';
export {
  quoteCancellation, allocateToBuckets, splitCharge,
  type CancellationInput, type CancellationQuote, type BucketAmounts,
} from './cancellation';
export {
  quoteCompensation, DEFAULT_COMPENSATION, PLANNED_NOTICE_HOURS,
  type CompensationInput, type CompensationIncident, type CompensationLine, type CompensationQuote, type ExclusionReason,
} from './compensation';
export { availabilityOf, type AvailabilityInput, type AvailabilityReport } from './availability';
export {
  deletionDate, refundDueDate, isRefundOverdue, priceChangeAllowed, priceForPeriod, type DatedPrice,
} from './followingDates';
export { amountInWords, MAX_AMOUNT_IN_WORDS_TIYN, AMOUNT_IN_WORDS_RULES } from './amountInWords';
export { ibanChecksumValid, isValidKzIban, isValidBik, isValidKbe, isValidKnp } from './requisites';
