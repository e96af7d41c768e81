import { Temporal } from 'temporal-polyfill';
import { fail } from './errors';
import { parseIsoDate } from './dates';
import { bigToTiyn, roundDiv, tiynToBig } from './money';
import type { IsoDate, Tiyn } from './types';

/** A VAT rate in force from `validFrom` (null: since always) until the next entry. */
export interface VatRate {
  validFrom: IsoDate | null;
  /** Whole percent. */
  percent: number;
}

/** 12 % up to 2025-12-31, 16 % from 2026-01-01 (Tax Code of 2025). A dated setting, not a constant in code. */
export const VAT_RATES: readonly VatRate[] = [
  { validFrom: null, percent: 12 },
  { validFrom: '2026-01-01', percent: 16 },
];

/** The rate in force on `date`: the entry with the latest validFrom on or before it. */
export function vatRateOn(date: IsoDate, rates: readonly VatRate[] = VAT_RATES): number {
  const d = parseIsoDate('date', date);
  if (!Array.isArray(rates) || rates.length === 0) fail('rates', 'must be a non-empty list');
  // null (since always) sorts before every date; the latest start on or before `date` wins.
  let best: { fromDay: string; percent: number } | null = null;
  rates.forEach((r, i) => {
    const from = r.validFrom === null ? null : parseIsoDate(`rates[${i}].validFrom`, r.validFrom);
    if (!Number.isSafeInteger(r.percent) || r.percent < 0 || r.percent > 100) fail(`rates[${i}].percent`, 'must be an integer from 0 to 100');
    if (from !== null && Temporal.PlainDate.compare(from, d) > 0) return;
    const fromDay = from === null ? '' : from.toString();
    if (best === null || fromDay >= best.fromDay) best = { fromDay, percent: r.percent };
  });
  if (best === null) return fail('date', 'has no VAT rate in force');
  return (best as { percent: number }).percent;
}

/** The VAT contained in a VAT-inclusive amount: round(gross × r / (100 + r)). */
export function vatOf(gross: Tiyn, date: IsoDate, rates: readonly VatRate[] = VAT_RATES): Tiyn {
  const g = tiynToBig('gross', gross);
  const r = BigInt(vatRateOn(date, rates));
  return bigToTiyn('vat', roundDiv(g * r, 100n + r));
}
