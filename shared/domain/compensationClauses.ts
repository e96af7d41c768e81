import type { ExclusionReason } from '../billing';
import type { Service } from './catalog';

/**
 * Where each service's terms (shared/reference) say what the compensation
 * screens and reports apply (domain-rules §4.3): the rule (1 % per full
 * hour, capped, as bonuses), the duration settled by agreement, the bonus
 * paid in cash only when the client leaves, the exclusions, and planned
 * works with their 48-hour notice. Clause numbers are the same in both
 * languages.
 */
export interface CompensationClauses {
  /** "1 % of the monthly fee per full hour, at most 100 % a month, as bonuses". */
  rule: string;
  /** Disagreements about the duration are settled by agreement. */
  agreement: string;
  /** Bonuses are paid in cash only when the client leaves. */
  cash: string;
  /** The list of downtime that is not compensated. */
  exclusions: string;
  /** Planned works and their notice. */
  planned: string;
}

const TERMS: Partial<Record<Service['code'], CompensationClauses>> = {
  onebuh: { rule: '000 §9.3', agreement: '000 §9.2', cash: '000 §9.4', exclusions: '000 §9.5', planned: '000 §6.2' },
  cloud1c: { rule: '001 §8.3', agreement: '001 §8.2', cash: '001 §8.4', exclusions: '001 §8.5', planned: '001 §7.1' },
  site_builder: { rule: '004 §8.3', agreement: '004 §8.2', cash: '004 §8.4', exclusions: '004 §8.5', planned: '004 §7.1' },
};

/** The clause of every service that compensates downtime: for texts not tied to one service (the account's card). */
export const ALL_CASH_CLAUSES = Object.values(TERMS)
  .map((terms) => terms.cash)
  .join(', ');

export function clausesOf(service: Pick<Service, 'code'> | null | undefined): CompensationClauses | null {
  return (service && TERMS[service.code]) ?? null;
}

/** The clause an exclusion rests on: the exclusions list, and for announced planned works the planned-works clause too. */
export function exclusionClause(reason: ExclusionReason, clauses: CompensationClauses | null): string | null {
  if (!clauses) return null;
  return reason === 'planned_announced' ? `${clauses.exclusions}, ${clauses.planned.replace(/^\d+ /, '')}` : clauses.exclusions;
}

const EXCLUSIONS: readonly ExclusionReason[] = ['force_majeure', 'client', 'third_party_software', 'network_dns', 'planned_announced'];

/** A stored `quote.reason` as the engine's exclusion reason (records keep it as a plain string). */
export function asExclusion(reason: string | undefined | null): ExclusionReason | null {
  return EXCLUSIONS.find((r) => r === reason) ?? null;
}
