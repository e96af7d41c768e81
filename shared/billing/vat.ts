import { Temporal } from 'temporal-polyfill';
import { BILLING_RULES, fail } from './errors';
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
  if (!Array.isArray(rates) || rates.length === 0) fail('rates', BILLING_RULES.nonEmptyList);
  // null (since always) sorts before every date; the latest start on or before `date` wins.
  let best: { fromDay: string; percent: number } | null = null;
  // An index loop, not forEach: every entry is checked, holes included.
  for (let i = 0; i < rates.length; i++) {
    const r: unknown = rates[i];
    if (typeof r !== 'object' || r === null) fail(`rates[${i}]`, BILLING_RULES.vatRateShape);
    const { validFrom, percent } = r as Partial<VatRate>;
    const from = validFrom === null ? null : parseIsoDate(`rates[${i}].validFrom`, validFrom);
    if (typeof percent !== 'number' || !Number.isSafeInteger(percent) || percent < 0 || percent > 100) {
      return fail(`rates[${i}].percent`, BILLING_RULES.percent);
    }
    if (from !== null && Temporal.PlainDate.compare(from, d) > 0) continue;
    // Four-digit years: the ISO strings compare like the dates.
    const fromDay = from === null ? '' : from.toString();
    if (best === null || fromDay >= best.fromDay) best = { fromDay, percent: percent === 0 ? 0 : percent };
  }
  if (best === null) return fail('date', BILLING_RULES.noVatRate);
  return best.percent;
}

/** The VAT contained in a VAT-inclusive amount: round(gross × r / (100 + r)). */
export function vatOf(gross: Tiyn, date: IsoDate, rates: readonly VatRate[] = VAT_RATES): Tiyn {
  const g = tiynToBig('gross', gross);
  const r = BigInt(vatRateOn(date, rates));
  return bigToTiyn('vat', roundDiv(g * r, 100n + r));
}
