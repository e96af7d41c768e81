/**
 * Number, money and date formatting for both UI languages.
 *
 * Chromium (and so Electron) ships without Kazakh locale data: Intl asked for
 * `kk` silently falls back to another language. Numbers and money therefore use
 * `ru-KZ` in both languages (the output Kazakh users expect: `12 345,67 ₸`), and
 * month and weekday names come from our own `locales/{kk,ru}/dates.json`.
 */
import kkDates from '../../locales/kk/dates.json';
import ruDates from '../../locales/ru/dates.json';
import { BUSINESS_OFFSET_MINUTES } from '../../shared/billing';

export type UiLanguage = 'kk' | 'ru';

const NUMBER_LOCALE = 'ru-KZ';

interface DateNames {
  months: string[];
  weekdays: string[];
  longDate: string;
  longDateWithWeekday: string;
}

const DATE_NAMES: Record<UiLanguage, DateNames> = { kk: kkDates, ru: ruDates };

const moneyFormat = new Intl.NumberFormat(NUMBER_LOCALE, {
  style: 'currency',
  currency: 'KZT',
  currencyDisplay: 'narrowSymbol',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const integerFormat = new Intl.NumberFormat(NUMBER_LOCALE, { maximumFractionDigits: 0 });

/**
 * Tiyn to an exact decimal string ('-1234.05'), by integer arithmetic only:
 * dividing by 100 in floating point would already be a rounding.
 */
export function tiynToDecimalString(tiyn: number | bigint): string {
  if (typeof tiyn === 'number' && !Number.isSafeInteger(tiyn)) {
    throw new RangeError(`Money must be an integer number of tiyn, got ${tiyn}`);
  }
  const value = BigInt(tiyn);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = abs / 100n;
  const fraction = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole.toString()}.${fraction}`;
}

/** `1234567` tiyn → `12 345,67 ₸` (no-break spaces), in both UI languages. */
export function formatMoney(tiyn: number | bigint): string {
  // A decimal string is formatted exactly (Intl.NumberFormat v3), with no float in between.
  return moneyFormat.format(tiynToDecimalString(tiyn) as Intl.StringNumericLiteral);
}

/** `12345` → `12 345`. */
export function formatInteger(value: number): string {
  return integerFormat.format(value);
}

function parseIsoDate(date: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function fill(pattern: string, values: Record<string, string | number>): string {
  return pattern.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** Monday = 0 … Sunday = 6, for a calendar date (no time zone involved). */
function weekdayIndex(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

/** `2026-11-21` → `21 қараша 2026 ж.` / `21 ноября 2026 г.` */
export function formatDateLong(date: string, lang: UiLanguage): string {
  const { year, month, day } = parseIsoDate(date);
  const names = DATE_NAMES[lang];
  return fill(names.longDate, { day, month: names.months[month - 1] ?? '', year });
}

/** `2026-11-21` → `сенбі, 21 қараша 2026 ж.` / `суббота, 21 ноября 2026 г.` */
export function formatDateWithWeekday(date: string, lang: UiLanguage): string {
  const { year, month, day } = parseIsoDate(date);
  const names = DATE_NAMES[lang];
  return fill(names.longDateWithWeekday, {
    weekday: names.weekdays[weekdayIndex(year, month, day)] ?? '',
    day,
    month: names.months[month - 1] ?? '',
    year,
  });
}

const pad2 = (n: number) => n.toString().padStart(2, '0');

/** `2026-11-21` → `21.11.2026`: the numeric form used in tables, the same in both languages. */
export function formatDateShort(date: string): string {
  const { year, month, day } = parseIsoDate(date);
  return `${pad2(day)}.${pad2(month)}.${year}`;
}

/** Wall-clock parts of an instant in business time (UTC+05:00). */
function businessParts(instant: Date) {
  const shifted = new Date(instant.getTime() + BUSINESS_OFFSET_MINUTES * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/** An ISO instant (any offset) → `21.11.2026 14:05`, shown in UTC+05:00. */
export function formatInstant(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new RangeError(`Not an ISO instant: ${iso}`);
  const p = businessParts(new Date(time));
  return `${pad2(p.day)}.${pad2(p.month)}.${p.year} ${pad2(p.hour)}:${pad2(p.minute)}`;
}
