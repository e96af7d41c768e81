import { addDays } from '../../../shared/billing';
import { formatDateShort, tiynToDecimalString } from '../../i18n/format';
import type { LocalizedText, Subscription } from '../../../core';

/** What a subscription dialog needs to know about its row, from the account page or the all-subscriptions list. */
export interface SubscriptionTarget {
  subscription: Subscription;
  accountName: string;
  serviceName: LocalizedText;
  tariffName: LocalizedText;
}

/** The last paid day of a half-open period [start, end). */
export function lastPaidDay(period: { end: string }): string {
  return addDays(period.end, -1);
}

/** `10.03.2026 – 09.04.2026`: the period as an accountant reads it, through its last paid day. */
export function periodText(period: { start: string; end: string }): string {
  return `${formatDateShort(period.start)} – ${formatDateShort(lastPaidDay(period))}`;
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `date` moved into [min, max] (ISO dates compare as strings). */
export function clampDate(date: string, min: string, max: string): string {
  if (date < min) return min;
  if (date > max) return max;
  return date;
}

const amountFormat = new Intl.NumberFormat('ru-KZ', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** `1600000` tiyn → `16 000,00`: a price inside a formula, without the ₸ (exact, like formatMoney). */
export function formatAmount(tiyn: number): string {
  return amountFormat.format(tiynToDecimalString(tiyn) as Intl.StringNumericLiteral);
}
