import { Temporal } from 'temporal-polyfill';
import { BILLING_RULES, fail } from './errors';
import { MS_PER_HOUR, MS_PER_MINUTE, assertMonthKey, monthKeyOfInstant, parseInstant } from './dates';
import { bigToTiyn, maxBig, minBig, roundDiv, tiynToBig } from './money';
import type { CompensationPolicy } from './policies';
import { CAUSES, type Cause, type IsoDateTime, type Tiyn } from './types';

/** 1 % of the monthly fee per full hour, at most 100 % a month (000 §9, 001 §8, 004 §8). */
export const DEFAULT_COMPENSATION: CompensationPolicy = { percentPerHour: 1, monthlyCapPercent: 100 };
/** Planned works announced at least this long before they begin are not the provider's downtime. */
export const PLANNED_NOTICE_HOURS = 48;
const NS_PER_HOUR = 3_600_000_000_000n;

export type ExclusionReason = 'force_majeure' | 'client' | 'third_party_software' | 'network_dns' | 'planned_announced';

export interface CompensationIncident {
  id: string;
  start: IsoDateTime;
  end: IsoDateTime;
  cause: Cause;
  /** When planned works were announced to clients. */
  announcedAt?: IsoDateTime;
}

export interface CompensationInput {
  periodPrice: Tiyn;
  billingMonths: 1 | 12;
  incidents: CompensationIncident[];
  /** Already credited for this subscription, per 'YYYY-MM' month (entries for one month add up). */
  alreadyCompensated?: { month: string; amount: Tiyn }[];
  /** Defaults to DEFAULT_COMPENSATION. */
  policy?: CompensationPolicy;
  /** Defaults to PLANNED_NOTICE_HOURS. */
  plannedNoticeHours?: number;
}

export interface CompensationLine {
  id: string;
  /** 'YYYY-MM' of the incident start in business time. */
  month: string;
  /** Whole minutes of the incident. */
  minutes: number;
  /** Full hours: floor(minutes / 60), reported for excluded lines too. */
  hours: number;
  amount: Tiyn;
  excluded: boolean;
  reason?: ExclusionReason;
  /** The monthly cap reduced this line below its raw amount. */
  capped: boolean;
}

export interface CompensationQuote {
  /** In order of incident start (input order among equal starts). */
  lines: CompensationLine[];
  total: Tiyn;
}

const EXCLUDED_CAUSES: Partial<Record<Cause, ExclusionReason>> = {
  force_majeure: 'force_majeure',
  client: 'client',
  third_party_software: 'third_party_software',
  network_dns: 'network_dns',
};

export interface ParsedIncident {
  index: number;
  id: string;
  start: Temporal.Instant;
  end: Temporal.Instant;
  cause: Cause;
  announcedAt: Temporal.Instant | null;
}

/** Validates one incident; `field` is its path in the input, e.g. 'incidents[2]'. */
export function parseIncident(field: string, index: number, raw: CompensationIncident): ParsedIncident {
  if (typeof raw !== 'object' || raw === null) fail(field, BILLING_RULES.object);
  if (typeof raw.id !== 'string' || raw.id === '') fail(`${field}.id`, BILLING_RULES.nonEmptyString);
  const start = parseInstant(`${field}.start`, raw.start);
  const end = parseInstant(`${field}.end`, raw.end);
  if (Temporal.Instant.compare(end, start) < 0) fail(`${field}.end`, BILLING_RULES.notBeforeStart);
  if (!CAUSES.includes(raw.cause)) fail(`${field}.cause`, BILLING_RULES.cause);
  const announcedAt = raw.announcedAt === undefined ? null : parseInstant(`${field}.announcedAt`, raw.announcedAt);
  return { index, id: raw.id, start, end, cause: raw.cause, announcedAt };
}

/** Planned works count as the provider's downtime unless announced at least `noticeHours` before they began. */
export function isAnnouncedPlannedWork(i: ParsedIncident, noticeHours = PLANNED_NOTICE_HOURS): boolean {
  if (i.cause !== 'planned' || i.announcedAt === null) return false;
  // Exact nanoseconds in BigInt: any whole number of hours, however large, compares without a RangeError.
  return i.announcedAt.epochNanoseconds <= i.start.epochNanoseconds - BigInt(noticeHours) * NS_PER_HOUR;
}

export function exclusionReason(i: ParsedIncident, noticeHours = PLANNED_NOTICE_HOURS): ExclusionReason | null {
  if (isAnnouncedPlannedWork(i, noticeHours)) return 'planned_announced';
  return EXCLUDED_CAUSES[i.cause] ?? null;
}

export function durationMinutes(start: Temporal.Instant, end: Temporal.Instant): number {
  return Math.floor((end.epochMilliseconds - start.epochMilliseconds) / MS_PER_MINUTE);
}

function checkPolicy(policy: unknown): CompensationPolicy {
  if (typeof policy !== 'object' || policy === null) fail('policy', BILLING_RULES.policyShape);
  const p = policy as CompensationPolicy;
  if (!Number.isSafeInteger(p.percentPerHour) || p.percentPerHour < 0) fail('policy.percentPerHour', BILLING_RULES.nonNegativeInteger);
  if (!Number.isSafeInteger(p.monthlyCapPercent) || p.monthlyCapPercent < 0) fail('policy.monthlyCapPercent', BILLING_RULES.nonNegativeInteger);
  return p;
}

/**
 * Downtime compensation for one subscription (domain-rules §4.3). All sums
 * are exact rationals over the common denominator billingMonths × 100; the
 * month's capped running total C is rounded once per line, each line getting
 * round(C_i) − round(C_{i−1}).
 */
export function quoteCompensation(input: CompensationInput): CompensationQuote {
  if (typeof input !== 'object' || input === null) fail('input', BILLING_RULES.object);
  const price = tiynToBig('periodPrice', input.periodPrice);
  if (input.billingMonths !== 1 && input.billingMonths !== 12) fail('billingMonths', BILLING_RULES.billingMonths);
  const policy = checkPolicy(input.policy ?? DEFAULT_COMPENSATION);
  const noticeHours: unknown = input.plannedNoticeHours ?? PLANNED_NOTICE_HOURS;
  if (typeof noticeHours !== 'number' || !Number.isFinite(noticeHours) || noticeHours < 0) {
    return fail('plannedNoticeHours', BILLING_RULES.nonNegativeNumber);
  }
  if (!Number.isSafeInteger(noticeHours)) fail('plannedNoticeHours', BILLING_RULES.wholeHours);
  if (!Array.isArray(input.incidents)) fail('incidents', BILLING_RULES.list);

  // Array.from, not map: a hole in the list is an incident to refuse, not one to skip.
  const incidents = Array.from(input.incidents, (raw, i) => parseIncident(`incidents[${i}]`, i, raw));
  const seen = new Set<string>();
  for (const i of incidents) {
    if (seen.has(i.id)) fail(`incidents[${i.index}].id`, BILLING_RULES.unique);
    seen.add(i.id);
  }

  // Amounts are numerators over `den` tiyn: fee = price / months, percents / 100.
  const den = BigInt(input.billingMonths) * 100n;
  const capNum = price * BigInt(policy.monthlyCapPercent);
  const running = new Map<string, bigint>();
  const already = input.alreadyCompensated ?? [];
  if (!Array.isArray(already)) fail('alreadyCompensated', BILLING_RULES.list);
  for (let i = 0; i < already.length; i++) {
    const entry: unknown = already[i];
    if (typeof entry !== 'object' || entry === null) fail(`alreadyCompensated[${i}]`, BILLING_RULES.alreadyCompensatedShape);
    const { month: rawMonth, amount: rawAmount } = entry as { month?: unknown; amount?: unknown };
    const month = assertMonthKey(`alreadyCompensated[${i}].month`, rawMonth);
    const amount = tiynToBig(`alreadyCompensated[${i}].amount`, rawAmount);
    running.set(month, (running.get(month) ?? 0n) + amount * den);
  }

  const ordered = [...incidents].sort((a, b) => Temporal.Instant.compare(a.start, b.start) || a.index - b.index);
  const lines: CompensationLine[] = [];
  let total = 0n;
  for (const i of ordered) {
    const month = monthKeyOfInstant(i.start);
    const minutes = durationMinutes(i.start, i.end);
    const hours = Math.floor((i.end.epochMilliseconds - i.start.epochMilliseconds) / MS_PER_HOUR);
    const reason = exclusionReason(i, noticeHours);
    if (reason !== null) {
      lines.push({ id: i.id, month, minutes, hours, amount: 0, excluded: true, reason, capped: false });
      continue;
    }
    const before = running.get(month) ?? 0n;
    const raw = price * BigInt(hours) * BigInt(policy.percentPerHour);
    // Already-credited amounts above the cap must not turn into a negative line.
    const after = maxBig(before, minBig(before + raw, capNum));
    running.set(month, after);
    const amount = roundDiv(after, den) - roundDiv(before, den);
    total += amount;
    lines.push({ id: i.id, month, minutes, hours, amount: bigToTiyn('amount', amount), excluded: false, capped: after - before < raw });
  }
  return { lines, total: bigToTiyn('total', total) };
}
