import type { TFunction } from 'i18next';
import { BUSINESS_OFFSET, BUSINESS_OFFSET_MINUTES, PLANNED_NOTICE_HOURS } from '../../../shared/billing';
import { formatInteger } from '../../i18n/format';

/**
 * Date and time in business time (UTC+05:00) for the incident screens: the
 * dialogs take a date and a time typed as Almaty wall-clock time, and the
 * store gets one instant with the offset written out, whatever the
 * computer's own time zone is.
 */

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

/** A date (`YYYY-MM-DD`) and a time (`HH:MM`) as typed, read as business time. */
export interface LocalDateTime {
  date: string;
  time: string;
}

export const EMPTY_DATE_TIME: LocalDateTime = { date: '', time: '' };

/** `2026-03-19` + `08:00` → `2026-03-19T08:00:00+05:00`; null when either part is missing or not a real date or time. */
export function businessInstant(value: LocalDateTime): string | null {
  if (!ISO_DATE.test(value.date) || !TIME.test(value.time)) return null;
  const instant = `${value.date}T${value.time.slice(0, 5)}:00${BUSINESS_OFFSET}`;
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return null;
  // Date.parse rolls 2026-02-30 over to March: a date that does not exist is refused here.
  return businessDateTimeOf(ms).date === value.date ? instant : null;
}

/** Whether nothing was typed in either part. */
export function isBlank(value: LocalDateTime): boolean {
  return value.date === '' && value.time === '';
}

const pad2 = (n: number) => n.toString().padStart(2, '0');

/** The business-time date and time (`HH:MM`, seconds dropped) of an epoch instant. */
export function businessDateTimeOf(ms: number): LocalDateTime {
  const shifted = new Date(ms + BUSINESS_OFFSET_MINUTES * MS_PER_MINUTE);
  return {
    date: `${shifted.getUTCFullYear()}-${pad2(shifted.getUTCMonth() + 1)}-${pad2(shifted.getUTCDate())}`,
    time: `${pad2(shifted.getUTCHours())}:${pad2(shifted.getUTCMinutes())}`,
  };
}

/** Whole minutes between two instants (floor), as the store counts an incident's duration. */
export function minutesBetween(startMs: number, endMs: number): number {
  return Math.floor((endMs - startMs) / MS_PER_MINUTE);
}

/** `239` → `3 ч 59 мин` / `3 сағ 59 мин`; `180` → `3 ч`; `5` → `5 мин`. */
export function formatDuration(t: TFunction, minutes: number): string {
  const whole = Math.max(0, Math.floor(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return t('incidents:duration.minutes', { minutes: rest });
  if (rest === 0) return t('incidents:duration.hours', { hours: formatInteger(hours) });
  return t('incidents:duration.hoursMinutes', { hours: formatInteger(hours), minutes: rest });
}

export type NoticeVerdict =
  /** Planned works without an announcement time. */
  | { kind: 'none'; counts: true }
  /** Announced `minutes` before the start (0 or more); counts as downtime unless at least the required hours. */
  | { kind: 'before'; minutes: number; counts: boolean }
  /** Announced `minutes` after the works began: always downtime. */
  | { kind: 'after'; minutes: number; counts: true };

/**
 * The 48-hour rule (domain-rules §4.3): planned works count as the
 * provider's downtime unless announced at least `requiredHours` before they
 * began. The same comparison as the engine's, on whole milliseconds.
 */
export function plannedNotice(startMs: number, announcedMs: number | null, requiredHours: number = PLANNED_NOTICE_HOURS): NoticeVerdict {
  if (announcedMs === null) return { kind: 'none', counts: true };
  const noticeMs = startMs - announcedMs;
  if (noticeMs < 0) return { kind: 'after', minutes: Math.floor(-noticeMs / MS_PER_MINUTE), counts: true };
  return { kind: 'before', minutes: Math.floor(noticeMs / MS_PER_MINUTE), counts: noticeMs < requiredHours * MS_PER_HOUR };
}

/**
 * The verdict in words: `Объявлено за 47 ч до начала: считается простоем`;
 * `short` for a table cell: `Объявлены за 47 ч — простой`.
 */
export function noticeText(t: TFunction, verdict: NoticeVerdict, form: 'long' | 'short' = 'long'): string {
  const ns = form === 'long' ? 'incidents:notice' : 'incidents:noticeShort';
  const outcome = verdict.counts ? t(`${ns}.counts`) : t(`${ns}.excluded`);
  if (verdict.kind === 'none') return t(`${ns}.none`, { outcome });
  return t(`${ns}.${verdict.kind}`, { duration: formatDuration(t, verdict.minutes), outcome });
}

const decimalFormats = new Map<number, Intl.NumberFormat>();

/** `17.568` → `17,568` (ru-KZ in both languages, like money), at most `digits` decimals. */
export function formatDecimal(value: number, digits: number): string {
  let format = decimalFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('ru-KZ', { maximumFractionDigits: digits });
    decimalFormats.set(digits, format);
  }
  return format.format(value);
}

/** Basis points of a percent, exactly: `9995` → `99,95`, `2274` → `22,74`, `10000` → `100`. */
export function formatBasisPoints(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const fraction = Math.abs(bp % 100);
  const wholeText = formatInteger(whole);
  return fraction === 0 ? wholeText : `${bp < 0 && whole === 0 ? '-' : ''}${wholeText},${pad2(fraction).replace(/0$/, '')}`;
}
