import { Temporal } from 'temporal-polyfill';
import { BILLING_RULES, fail } from './errors';
import { DEFAULT_CALENDAR, addWorkingDaysTo, type WorkingCalendar } from './calendar';
import { addDaysTo, assertDayCount, daysBetweenDates, parseIsoDate } from './dates';
import { assertTiyn } from './money';
import type { IsoDate, Tiyn } from './types';

/** Data is deleted on periodEnd + graceDays when the service is not renewed (§4.5). */
export function deletionDate(periodEnd: IsoDate, graceDays: number): IsoDate {
  const end = parseIsoDate('periodEnd', periodEnd);
  const days = assertDayCount('graceDays', graceDays);
  return addDaysTo('graceDays', end, days).toString();
}

/** A refund is due within `workingDays` working days of the request (001 §4.8: 15). */
export function refundDueDate(requestDate: IsoDate, workingDays = 15, calendar: WorkingCalendar = DEFAULT_CALENDAR): IsoDate {
  const request = parseIsoDate('requestDate', requestDate);
  return addWorkingDaysTo(request, workingDays, calendar, { date: 'requestDate', days: 'workingDays' }).toString();
}

/** Overdue from the day after the due date (the due date itself is still in time). */
export function isRefundOverdue(dueDate: IsoDate, today: IsoDate): boolean {
  return Temporal.PlainDate.compare(parseIsoDate('today', today), parseIsoDate('dueDate', dueDate)) > 0;
}

/** A price change must be announced at least `noticeDays` calendar days before it takes effect (§4.5). */
export function priceChangeAllowed(announcedOn: IsoDate, effectiveFrom: IsoDate, noticeDays = 30): boolean {
  const announced = parseIsoDate('announcedOn', announcedOn);
  const effective = parseIsoDate('effectiveFrom', effectiveFrom);
  assertDayCount('noticeDays', noticeDays);
  return daysBetweenDates(announced, effective) >= noticeDays;
}

export interface DatedPrice {
  effectiveFrom: IsoDate;
  price: Tiyn;
}

/**
 * The price a period pays: the latest price effective on or before the
 * period's start, so a period already running keeps its price and the new
 * one applies from the first period that starts on or after its date.
 */
export function priceForPeriod(periodStart: IsoDate, history: readonly DatedPrice[]): Tiyn {
  const start = parseIsoDate('periodStart', periodStart);
  if (!Array.isArray(history) || history.length === 0) fail('history', BILLING_RULES.nonEmptyList);
  let best: { from: Temporal.PlainDate; price: Tiyn } | null = null;
  // An index loop, not forEach: every entry is checked, holes included.
  for (let i = 0; i < history.length; i++) {
    const h: unknown = history[i];
    if (typeof h !== 'object' || h === null) fail(`history[${i}]`, BILLING_RULES.datedPriceShape);
    const entry = h as Partial<DatedPrice>;
    const from = parseIsoDate(`history[${i}].effectiveFrom`, entry.effectiveFrom);
    const price = assertTiyn(`history[${i}].price`, entry.price);
    if (Temporal.PlainDate.compare(from, start) > 0) continue;
    if (best === null || Temporal.PlainDate.compare(from, best.from) >= 0) best = { from, price };
  }
  if (best === null) return fail('periodStart', BILLING_RULES.beforeFirstPrice);
  return best.price;
}
