import { PLANNED_NOTICE_HOURS, quoteCompensation, type CompensationLine } from '../../../shared/billing';
import type { Compensation, Store } from '../../../core';

export { MAX_OVERRIDE_MINUTES } from '../../../core';

/** `getIncident`'s answer (core/views/incidents.ts): the incident, its service and its compensation table. */
export type IncidentDetail = NonNullable<Awaited<ReturnType<Store['getIncident']>>>;
export type CompensationLineView = IncidentDetail['lines'][number];
export type CompensationStatus = Compensation['status'];

export const COMPENSATION_STATUSES: readonly CompensationStatus[] = ['requested', 'approved', 'rejected'];
export const STATUS_COLOR: Record<CompensationStatus, string> = { requested: 'yellow', approved: 'teal', rejected: 'gray' };


export interface CompensationTotals {
  count: Record<CompensationStatus, number>;
  amount: Record<CompensationStatus, number>;
}

/** Counts and amounts per status (the amount of a rejected line is what was quoted and not credited). */
export function totalsOf(lines: readonly Compensation[]): CompensationTotals {
  const totals: CompensationTotals = { count: { requested: 0, approved: 0, rejected: 0 }, amount: { requested: 0, approved: 0, rejected: 0 } };
  for (const line of lines) {
    totals.count[line.status] += 1;
    totals.amount[line.status] += line.quote.amount;
  }
  return totals;
}

/**
 * What approving a line with an agreed duration would credit: the engine's
 * `quoteCompensation` (shared/billing, the call the store's
 * `approveCompensation` repeats) with the line's fee basis, the service's
 * policy and planned-works notice, the incident's start and cause, the end
 * moved to start + `minutes`, and the subscription's other compensations of
 * the month as already compensated. null when the fee basis is unknown (the
 * amount is then computed by the store on approval and shown in the row).
 */
export function previewOverride(detail: IncidentDetail, line: CompensationLineView, minutes: number): CompensationLine | null {
  const { incident, service, policy } = detail;
  if (policy === null || line.periodPrice === null || line.billingMonths === null) return null;
  const end = new Date(Date.parse(incident.start) + minutes * 60_000).toISOString();
  try {
    const quote = quoteCompensation({
      periodPrice: line.periodPrice,
      billingMonths: line.billingMonths,
      policy,
      plannedNoticeHours: service.policy.plannedWorks?.noticeHours ?? PLANNED_NOTICE_HOURS,
      incidents: [{ id: incident.id, start: incident.start, end, cause: incident.cause, ...(incident.announcedAt === null ? {} : { announcedAt: incident.announcedAt }) }],
      alreadyCompensated: line.usedByOthers > 0 ? [{ month: detail.month, amount: line.usedByOthers }] : [],
    });
    return quote.lines[0] ?? null;
  } catch {
    return null;
  }
}
