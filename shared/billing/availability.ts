import { Temporal } from 'temporal-polyfill';
import { BILLING_RULES, fail } from './errors';
import { BUSINESS_OFFSET, MS_PER_HOUR, MS_PER_MINUTE } from './dates';
import { PLANNED_NOTICE_HOURS, isAnnouncedPlannedWork, parseIncident, type CompensationIncident } from './compensation';
import { roundDiv } from './money';

export interface AvailabilityInput {
  /** Calendar year in business time. */
  year: number;
  incidents: CompensationIncident[];
  /** Guarantee in basis points of a percent; default 9980 (99.8 %). */
  targetBp?: number;
}

export interface AvailabilityReport {
  year: number;
  hoursInYear: number;
  /** Downtime inside the year, overlaps counted once, in milliseconds (exact). */
  downtimeMs: number;
  /** floor(downtimeMs / 1 minute). */
  downtimeMinutes: number;
  /** Exact availability (yearMs − downtimeMs) / yearMs. */
  availability: { numerator: number; denominator: number };
  /** Availability in basis points of a percent, rounded down (never flatters the provider). */
  availabilityBp: number;
  /** Presentation only: availability in percent as a double. */
  availabilityPercent: number;
  targetBp: number;
  /** Allowed downtime: (10000 − targetBp) / 10000 of the year, exact in milliseconds. */
  budgetMs: number;
  /** Presentation only: 17.52 (17.568 in a leap year) for 99.8 %. */
  budgetHours: number;
  /** Share of the budget used, basis points (10000 = all of it), rounded half away from zero; null with no budget. */
  budgetUsedBp: number | null;
  meetsTarget: boolean;
}

function yearStartMs(year: number): number {
  return Temporal.ZonedDateTime.from({ year, month: 1, day: 1, timeZone: BUSINESS_OFFSET }).epochMilliseconds;
}

/**
 * Availability of a service or subscription over a calendar year
 * (domain-rules §4.4). Downtime excludes planned works announced at least
 * 48 h ahead; incidents are clipped to the year and overlapping ones counted
 * once (decided: the service is not down twice at the same time).
 */
export function availabilityOf(input: AvailabilityInput): AvailabilityReport {
  if (typeof input !== 'object' || input === null) fail('input', BILLING_RULES.object);
  const { year } = input;
  if (typeof year !== 'number' || !Number.isSafeInteger(year) || year < 1970 || year > 9998) fail('year', BILLING_RULES.availabilityYear);
  const rawTargetBp: unknown = input.targetBp ?? 9980;
  if (typeof rawTargetBp !== 'number' || !Number.isSafeInteger(rawTargetBp) || rawTargetBp < 0 || rawTargetBp > 10000) {
    return fail('targetBp', BILLING_RULES.targetBp);
  }
  const targetBp = rawTargetBp === 0 ? 0 : rawTargetBp; // never report -0
  if (!Array.isArray(input.incidents)) fail('incidents', BILLING_RULES.list);

  const from = yearStartMs(year);
  const to = yearStartMs(year + 1);
  const yearMs = to - from;
  // Array.from, not map: a hole in the list is an incident to refuse, not one to skip.
  const intervals = Array.from(input.incidents, (raw, i) => parseIncident(`incidents[${i}]`, i, raw))
    .filter((i) => !isAnnouncedPlannedWork(i, PLANNED_NOTICE_HOURS))
    .map((i) => [Math.max(from, i.start.epochMilliseconds), Math.min(to, i.end.epochMilliseconds)] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);

  let downtimeMs = 0;
  let coveredUntil = from;
  for (const [s, e] of intervals) {
    const start = Math.max(s, coveredUntil);
    if (e > start) downtimeMs += e - start;
    coveredUntil = Math.max(coveredUntil, e);
  }

  const up = BigInt(yearMs - downtimeMs);
  const budgetMs = Number((BigInt(yearMs) * BigInt(10000 - targetBp)) / 10000n);
  return {
    year,
    hoursInYear: yearMs / MS_PER_HOUR,
    downtimeMs,
    downtimeMinutes: Math.floor(downtimeMs / MS_PER_MINUTE),
    availability: { numerator: yearMs - downtimeMs, denominator: yearMs },
    availabilityBp: Number((up * 10000n) / BigInt(yearMs)),
    availabilityPercent: ((yearMs - downtimeMs) / yearMs) * 100,
    targetBp,
    budgetMs,
    budgetHours: budgetMs / MS_PER_HOUR,
    budgetUsedBp: budgetMs === 0 ? null : Number(roundDiv(BigInt(downtimeMs) * 10000n, BigInt(budgetMs))),
    meetsTarget: downtimeMs * 10000 <= yearMs * (10000 - targetBp),
  };
}
