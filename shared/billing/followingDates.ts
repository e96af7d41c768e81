import { Temporal } from 'temporal-polyfill';
import { BILLING_RULES, fail } from './errors';
import { DEFAULT_CALENDAR, addWorkingDays, type WorkingCalendar } from './calendar';
import { assertDayCount, daysBetweenDates, parseIsoDate } from './dates';
import { assertTiyn } from './money';
import type { IsoDate, Tiyn } from './types';

/** Data is deleted on periodEnd + graceDays when the service is not renewed (§4.5). */
export function deletionDate(periodEnd: IsoDate, graceDays: number): IsoDate {
  const end = parseIsoDate('periodEnd', periodEnd);
  assertDayCount('graceDays', graceDays);
  return end.add({ days: graceDays }).toString();
}

/** A refund is due within `workingDays` working days of the request (001 §4.8: 15). */
export function refundDueDate(requestDate: IsoDate, workingDays = 15, calendar: WorkingCalendar = DEFAULT_CALENDAR): IsoDate {
  parseIsoDate('requestDate', requestDate);
  assertDayCount('workingDays', workingDays);
  return addWorkingDays(requestDate, workingDays, calendar);
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
  if (!Array.isArray(history) || history.length === 0) fail('history', 'must be a non-empty list');
  let best: { from: Temporal.PlainDate; price: Tiyn } | null = null;
  history.forEach((h, i) => {
    const from = parseIsoDate(`history[${i}].effectiveFrom`, h.effectiveFrom);
    const price = assertTiyn(`history[${i}].price`, h.price);
    if (Temporal.PlainDate.compare(from, start) > 0) return;
    if (best === null || Temporal.PlainDate.compare(from, best.from) >= 0) best = { from, price };
  });
  if (best === null) return fail('periodStart', BILLING_RULES.beforeFirstPrice);
  return (best as { price: Tiyn }).price;
}
