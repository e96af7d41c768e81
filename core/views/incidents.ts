import Dexie from 'dexie';
import { z } from 'zod';
import {
  availabilityOf,
  CAUSES,
  PLANNED_NOTICE_HOURS,
  quoteCompensation,
  type AvailabilityReport,
  type Cause,
  type CompensationIncident,
  type CompensationPolicy,
  type ExclusionReason,
} from '../../shared/billing';
import { isoDateTimeInputSchema, type Compensation, type Incident, type IsoDate, type IsoDateTime, type LocalizedText, type Service, type Tiyn } from '../../shared/domain';
import { alreadyCompensatedOf, compensationsOfIncident, feeBasisOf, readIncidentBook, type FeeBasis } from '../commands/compensations';
import { storedInstant } from '../commands/incidents';
import type { AppDatabase } from '../db';
import { CommandError } from '../errors';
import { parseInput } from '../registry';
import { readerOf } from '../tx';

// ---------------------------------------------------------------------------
// Shared pieces

export type IncidentStatus = 'open' | 'closed';

/**
 * Whether compensations were drafted: `proposed` (there are some), `none`
 * (not yet; the incident may still be open), `not_applicable` (the service's
 * terms give no downtime compensation).
 */
export type ProposalState = 'proposed' | 'none' | 'not_applicable';

export interface CompensationSummary {
  requested: number;
  approved: number;
  rejected: number;
  amountRequested: Tiyn;
  amountApproved: Tiyn;
}

export function summaryOf(compensations: readonly Compensation[]): CompensationSummary {
  const summary: CompensationSummary = { requested: 0, approved: 0, rejected: 0, amountRequested: 0, amountApproved: 0 };
  for (const c of compensations) {
    summary[c.status] += 1;
    if (c.status === 'requested') summary.amountRequested += c.quote.amount;
    else if (c.status === 'approved') summary.amountApproved += c.quote.amount;
  }
  return summary;
}

/** Whole minutes from start to end (floor); null while open. */
export function durationMinutesOf(incident: Pick<Incident, 'start' | 'end'>): number | null {
  return incident.end === null ? null : Math.floor((Date.parse(incident.end) - Date.parse(incident.start)) / 60_000);
}

function engineIncident(incident: Incident, end: IsoDateTime): CompensationIncident {
  return { id: incident.id, start: incident.start, end, cause: incident.cause, ...(incident.announcedAt === null ? {} : { announcedAt: incident.announcedAt }) };
}

function noticeHoursOf(service: Service | undefined): number {
  return service?.policy.plannedWorks?.noticeHours ?? PLANNED_NOTICE_HOURS;
}

/**
 * The engine's exclusion reason for an incident ending at `end`, through its
 * public `quoteCompensation` (a line for a price of 0: only the reason is read).
 */
function exclusionAt(incident: Incident, end: IsoDateTime, noticeHours: number): ExclusionReason | null {
  const [line] = quoteCompensation({ periodPrice: 0, billingMonths: 1, plannedNoticeHours: noticeHours, incidents: [engineIncident(incident, end)] }).lines;
  return line!.reason ?? null;
}

/** Why the incident gives no compensation whatever the subscription (its cause, or planned works announced in time), or null. */
export function incidentExclusion(incident: Incident, service?: Service): ExclusionReason | null {
  return exclusionAt(incident, incident.end ?? incident.start, noticeHoursOf(service));
}

function proposalOf(service: Service | undefined, compensations: number): ProposalState {
  if (compensations > 0) return 'proposed';
  return service?.policy.compensation ? 'none' : 'not_applicable';
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The instants (UTC, stored form) at which a business-time month begins and the next one begins. */
function monthRange(month: string): [string, string] {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  return [storedInstant('month', `${month}-01T00:00:00+05:00`), storedInstant('month', `${next}-01T00:00:00+05:00`)];
}

// ---------------------------------------------------------------------------
// listIncidents

/** The list shows at most this many incidents; the user narrows the filter for older ones. */
export const INCIDENT_LIST_LIMIT = 2000;
export const DEFAULT_INCIDENT_LIST_LIMIT = 200;

export const incidentFilterSchema = z.object({
  serviceId: z.string({ error: 'errors:service.notFound' }).optional(),
  /** 'YYYY-MM' in business time: incidents that began in that month. */
  month: z.string({ error: 'errors:month.invalid' }).regex(MONTH, { error: 'errors:month.invalid' }).optional(),
  cause: z.enum(CAUSES as [Cause, ...Cause[]], { error: 'errors:incident.causeInvalid' }).optional(),
  status: z.enum(['open', 'closed'], { error: 'errors:validation.invalid' }).optional(),
  limit: z.number({ error: 'errors:validation.invalid' }).int({ error: 'errors:validation.invalid' }).positive({ error: 'errors:validation.invalid' }).optional(),
});
export type IncidentFilter = z.input<typeof incidentFilterSchema>;

/** An incident as the list shows it: without the (possibly long) list of subscription ids, with their number. */
export interface IncidentListRow extends Omit<Incident, 'subscriptionIds'> {
  status: IncidentStatus;
  affectedCount: number;
  /** Whole minutes; null while open. */
  durationMinutes: number | null;
  serviceName: LocalizedText | null;
  exclusion: ExclusionReason | null;
  proposal: ProposalState;
  /** null unless proposed. */
  compensation: CompensationSummary | null;
}

export interface IncidentList {
  rows: IncidentListRow[];
  /** More incidents match than `limit`: only the newest `limit` are in `rows`. */
  truncated: boolean;
  limit: number;
}

/**
 * Incidents newest first (by start), through `[serviceId+start]` with a
 * service or `start` without one (a month is a range of either); cause and
 * status are checked on the walk, which stops after `limit` + 1 rows. Each
 * row's compensations are summed through `[incidentId+status]`, all rows in
 * parallel.
 */
export async function listIncidents(db: AppDatabase, rawFilter: IncidentFilter = {}): Promise<IncidentList> {
  const filter = parseInput(incidentFilterSchema, rawFilter);
  const limit = Math.min(filter.limit ?? DEFAULT_INCIDENT_LIST_LIMIT, INCIDENT_LIST_LIMIT);
  const [from, to] = filter.month === undefined ? [undefined, undefined] : monthRange(filter.month);
  const table = db.incidents;
  const walk =
    filter.serviceId !== undefined
      ? table.where('[serviceId+start]').between([filter.serviceId, from ?? Dexie.minKey], [filter.serviceId, to ?? Dexie.maxKey], true, false)
      : from !== undefined
        ? table.where('start').between(from, to, true, false)
        : table.orderBy('start');
  const { cause, status } = filter;
  const reversed = walk.reverse();
  const found = await (cause === undefined && status === undefined
    ? reversed
    : reversed.filter((i) => (cause === undefined || i.cause === cause) && (status === undefined || (i.end === null) === (status === 'open')))
  )
    .limit(limit + 1)
    .toArray();
  const truncated = found.length > limit;
  const incidents = truncated ? found.slice(0, limit) : found;

  const [services, compensations] = await Promise.all([
    db.services.toArray(),
    // A service without compensation has none to sum.
    Promise.all(incidents.map((i) => compensationsOfIncident(readerOf(db), i.id))),
  ]);
  const serviceById = new Map(services.map((s) => [s.id, s]));
  const rows = incidents.map((incident, i): IncidentListRow => {
    const { subscriptionIds, ...fields } = incident;
    const service = serviceById.get(incident.serviceId);
    const proposal = proposalOf(service, compensations[i]!.length);
    return {
      ...fields,
      status: incident.end === null ? 'open' : 'closed',
      affectedCount: subscriptionIds.length,
      durationMinutes: durationMinutesOf(incident),
      serviceName: service?.name ?? null,
      exclusion: incidentExclusion(incident, service),
      proposal,
      compensation: proposal === 'proposed' ? summaryOf(compensations[i]!) : null,
    };
  });
  return { rows, truncated, limit };
}

// ---------------------------------------------------------------------------
// getIncident

/** Planned works: how long before they began they were announced, and whether they count as downtime (48-hour rule). */
export interface PlannedNotice {
  announcedAt: IsoDateTime | null;
  /** Whole minutes from the announcement to the start (negative: announced after they began); null when not announced. */
  noticeMinutes: number | null;
  /** The notice the terms require (48 h). */
  requiredHours: number;
  countsAsDowntime: boolean;
}

/** One line of the compensation table: the record and how its amount came about. */
export interface CompensationLineView extends Compensation {
  accountName: string;
  /** The tariff the subscription had when the incident began; null when it cannot be told (a tariff gone from the catalog). */
  tariff: { id: string; name: LocalizedText } | null;
  /** The start of the paid period that held the incident start (null: none did; the price on the incident's day was used). */
  periodStart: IsoDate | null;
  periodPrice: Tiyn | null;
  billingMonths: 1 | 12 | null;
  /** The monthly fee, exact: numerator / denominator tiyn (a 12-month price need not divide by 12). */
  monthlyFee: { numerator: Tiyn; denominator: 1 | 12 } | null;
  /** The minutes counted: the agreed ones when overridden, else the incident's. */
  minutes: number;
  /** Full hours (quote.hours). */
  hours: number;
  percentPerHour: number;
  /** hours × percentPerHour, before the monthly cap. */
  percent: number;
  monthlyCapPercent: number;
  /** The cap already used this month by the subscription's other compensations that are not rejected. */
  usedByOthers: Tiyn;
}

export interface IncidentDetail {
  incident: Incident;
  service: Service;
  status: IncidentStatus;
  durationMinutes: number | null;
  /** Full hours of the incident (floor); null while open. */
  hours: number | null;
  exclusion: ExclusionReason | null;
  /** Only for planned works. */
  planned: PlannedNotice | null;
  policy: CompensationPolicy | null;
  /** 'YYYY-MM' in business time of the start: the month whose cap the compensations use. */
  month: string;
  proposal: ProposalState;
  summary: CompensationSummary | null;
  lines: CompensationLineView[];
}

function plannedNoticeOf(incident: Incident, service: Service): PlannedNotice | null {
  if (incident.cause !== 'planned') return null;
  const requiredHours = noticeHoursOf(service);
  return {
    announcedAt: incident.announcedAt,
    noticeMinutes: incident.announcedAt === null ? null : Math.floor((Date.parse(incident.start) - Date.parse(incident.announcedAt)) / 60_000),
    requiredHours,
    countsAsDowntime: exclusionAt(incident, incident.end ?? incident.start, requiredHours) !== 'planned_announced',
  };
}

/**
 * An incident with its service and its compensation table: per compensation
 * the client, the tariff in force when the incident began, the monthly fee
 * (exact), the hours and percent, the cap already used by the
 * subscription's other compensations of the month, the amount and the
 * decision. null when there is no such incident.
 */
export async function getIncident(db: AppDatabase, incidentId: string): Promise<IncidentDetail | null> {
  const reader = readerOf(db);
  const incident = await db.incidents.get(incidentId);
  if (!incident) return null;
  const [service, compensations] = await Promise.all([db.services.get(incident.serviceId), compensationsOfIncident(reader, incident.id)]);
  if (!service) return null;
  // In the incident's order of subscriptions (the order they were drafted in).
  const position = new Map(incident.subscriptionIds.map((id, i) => [id, i]));
  compensations.sort((a, b) => (position.get(a.subscriptionId) ?? 0) - (position.get(b.subscriptionId) ?? 0));
  const ids = compensations.map((c) => c.subscriptionId);
  const [book, accounts] = await Promise.all([
    readIncidentBook(reader, incident, service, ids),
    db.accounts.bulkGet([...new Set(compensations.map((c) => c.accountId))]),
  ]);
  const accountName = new Map(accounts.filter((a) => a !== undefined).map((a) => [a.id, a.name]));
  const durationMinutes = durationMinutesOf(incident);
  const policy = service.policy.compensation;
  const lines = compensations.map((c): CompensationLineView => {
    const subscription = book.subscriptions.get(c.subscriptionId);
    let fee: FeeBasis | null = null;
    try {
      fee = subscription ? feeBasisOf(book, subscription) : null;
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
    }
    const tariff = fee ? book.tariffs.get(fee.tariffId) : undefined;
    const percentPerHour = policy?.percentPerHour ?? 0;
    return {
      ...c,
      accountName: accountName.get(c.accountId) ?? '',
      tariff: tariff ? { id: tariff.id, name: tariff.name } : null,
      periodStart: fee?.periodStart ?? null,
      periodPrice: fee?.periodPrice ?? null,
      billingMonths: fee?.billingMonths ?? null,
      monthlyFee: fee ? { numerator: fee.periodPrice, denominator: fee.billingMonths } : null,
      minutes: c.overrideMinutes ?? durationMinutes ?? 0,
      hours: c.quote.hours,
      percentPerHour,
      percent: c.quote.hours * percentPerHour,
      monthlyCapPercent: policy?.monthlyCapPercent ?? 0,
      usedByOthers: alreadyCompensatedOf(book, c.subscriptionId, c.id),
    };
  });
  return {
    incident,
    service,
    status: incident.end === null ? 'open' : 'closed',
    durationMinutes,
    hours: durationMinutes === null ? null : Math.floor(durationMinutes / 60),
    exclusion: incidentExclusion(incident, service),
    planned: plannedNoticeOf(incident, service),
    policy,
    month: book.month,
    proposal: proposalOf(service, compensations.length),
    summary: compensations.length > 0 ? summaryOf(compensations) : null,
    lines,
  };
}

// ---------------------------------------------------------------------------
// compensationsOfAccount

export interface AccountCompensationRow extends Compensation {
  incidentStart: IsoDateTime | null;
  incidentEnd: IsoDateTime | null;
  cause: Cause | null;
  serviceId: string | null;
  serviceName: LocalizedText | null;
}

/** A client's compensations, newest first (by when they were drafted), with the incident's start, end, cause and service. */
export async function compensationsOfAccount(db: AppDatabase, accountId: string): Promise<AccountCompensationRow[]> {
  const compensations = await db.compensations.where('accountId').equals(accountId).toArray();
  const [incidents, services] = await Promise.all([db.incidents.bulkGet([...new Set(compensations.map((c) => c.incidentId))]), db.services.toArray()]);
  const incidentById = new Map(incidents.filter((i) => i !== undefined).map((i) => [i.id, i]));
  const serviceById = new Map(services.map((s) => [s.id, s]));
  const key = (c: Compensation) => `${c.requestedAt}\u0000${c.id}`;
  return compensations
    .sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0))
    .map((c) => {
      const incident = incidentById.get(c.incidentId);
      return {
        ...c,
        incidentStart: incident?.start ?? null,
        incidentEnd: incident?.end ?? null,
        cause: incident?.cause ?? null,
        serviceId: incident?.serviceId ?? null,
        serviceName: (incident && serviceById.get(incident.serviceId)?.name) ?? null,
      };
    });
}

// ---------------------------------------------------------------------------
// availability

export const availabilityInputSchema = z.object({
  year: z.number({ error: 'errors:validation.invalid' }).int({ error: 'errors:validation.invalid' }).min(2000, { error: 'errors:validation.invalid' }).max(2099, { error: 'errors:validation.invalid' }),
  serviceId: z.string({ error: 'errors:service.notFound' }).optional(),
  subscriptionId: z.string({ error: 'errors:subscription.notFound' }).optional(),
  /** Open incidents count up to this instant (default: now). */
  asOf: isoDateTimeInputSchema.optional(),
});
export type AvailabilityInput = z.input<typeof availabilityInputSchema>;

export interface AvailabilityRow {
  serviceId: string;
  serviceName: LocalizedText;
  /** The service's yearly guarantee (basis points of a percent, 9980 = 99.8 %); null: none (the report then uses 99.8 % only as a yardstick). */
  guaranteeBp: number | null;
  report: AvailabilityReport;
  /** Incidents that overlap the year and count as downtime. */
  incidents: number;
  /** Planned works that overlap the year, announced at least 48 h ahead: not downtime. */
  excludedPlanned: number;
  /** Of the counted incidents, those still open (counted up to `asOf`). */
  open: number;
  /** Every incident that overlaps the year, oldest first: counted as downtime or not (announced planned works), with its minutes inside the year. */
  listed: AvailabilityListedIncident[];
}

export interface AvailabilityListedIncident {
  incidentId: string;
  start: IsoDateTime;
  end: IsoDateTime | null;
  cause: Cause;
  minutes: number;
  counted: boolean;
}

export interface AvailabilityResult {
  year: number;
  asOf: IsoDateTime;
  services: AvailabilityRow[];
  /** For one subscription: the incidents that listed it. */
  subscription: (AvailabilityRow & { subscriptionId: string }) | null;
}

function availabilityRow(service: Service, year: number, incidents: readonly Incident[], yearFrom: number, yearTo: number, asOfMs: number): AvailabilityRow {
  const counted: CompensationIncident[] = [];
  let excludedPlanned = 0;
  let open = 0;
  let countedIncidents = 0;
  const listed: AvailabilityListedIncident[] = [];
  for (const incident of incidents) {
    const startMs = Date.parse(incident.start);
    if (startMs > asOfMs) continue;
    const endMs = incident.end === null ? Math.max(startMs, asOfMs) : Date.parse(incident.end);
    if (Math.min(endMs, yearTo) <= Math.max(startMs, yearFrom)) continue;
    const engine = engineIncident(incident, new Date(endMs).toISOString());
    // The engine's availabilityOf excludes planned works announced PLANNED_NOTICE_HOURS ahead: counted the same way.
    const planned = exclusionAt(incident, engine.end, PLANNED_NOTICE_HOURS) === 'planned_announced';
    listed.push({
      incidentId: incident.id,
      start: incident.start,
      end: incident.end,
      cause: incident.cause,
      minutes: Math.floor((Math.min(endMs, yearTo) - Math.max(startMs, yearFrom)) / 60_000),
      counted: !planned,
    });
    if (planned) {
      excludedPlanned += 1;
      continue;
    }
    countedIncidents += 1;
    if (incident.end === null) open += 1;
    counted.push(engine);
  }
  const guaranteeBp = service.policy.availabilityTargetBp;
  return {
    serviceId: service.id,
    serviceName: service.name,
    guaranteeBp,
    report: availabilityOf({ year, incidents: counted, targetBp: guaranteeBp ?? 9980 }),
    incidents: countedIncidents,
    excludedPlanned,
    open,
    listed: listed.sort((a, b) => Date.parse(a.start) - Date.parse(b.start)),
  };
}

/**
 * Availability over a calendar year (§4.4, `availabilityOf`): per service
 * (the one asked, else every service with a guarantee) and, optionally, for
 * one subscription (the incidents that listed it). Planned works announced
 * at least 48 h ahead are not downtime; overlapping incidents count once;
 * an open incident counts up to `asOf` (default now). Reads each service's
 * incidents that began before the year ended through `[serviceId+start]`.
 */
export async function availability(db: AppDatabase, rawInput: AvailabilityInput): Promise<AvailabilityResult> {
  const input = parseInput(availabilityInputSchema, rawInput);
  const asOf = input.asOf === undefined ? new Date().toISOString() : storedInstant('asOf', input.asOf);
  const asOfMs = Date.parse(asOf);
  const yearFrom = storedInstant('year', `${input.year}-01-01T00:00:00+05:00`);
  const yearTo = storedInstant('year', `${input.year + 1}-01-01T00:00:00+05:00`);
  const [allServices, subscription] = await Promise.all([
    db.services.toArray(),
    input.subscriptionId === undefined ? Promise.resolve(undefined) : db.subscriptions.get(input.subscriptionId),
  ]);
  if (input.subscriptionId !== undefined && !subscription) throw new CommandError('errors:subscription.notFound', { field: 'subscriptionId' });
  allServices.sort((a, b) => a.sortOrder - b.sortOrder);
  let services: Service[];
  if (input.serviceId !== undefined) {
    services = allServices.filter((s) => s.id === input.serviceId);
    if (services.length === 0) throw new CommandError('errors:service.notFound', { field: 'serviceId' });
  } else services = allServices.filter((s) => s.policy.availabilityTargetBp !== null);
  const subscriptionService = subscription ? allServices.find((s) => s.id === subscription.serviceId) : undefined;
  const wanted = [...new Set([...services, ...(subscriptionService ? [subscriptionService] : [])])];
  const incidentLists = await Promise.all(
    wanted.map((s) => db.incidents.where('[serviceId+start]').between([s.id, Dexie.minKey], [s.id, yearTo], true, false).toArray()),
  );
  const incidentsOf = new Map(wanted.map((s, i) => [s.id, incidentLists[i]!]));
  const from = Date.parse(yearFrom);
  const to = Date.parse(yearTo);
  return {
    year: input.year,
    asOf,
    services: services.map((s) => availabilityRow(s, input.year, incidentsOf.get(s.id)!, from, to, asOfMs)),
    subscription:
      subscription && subscriptionService
        ? {
            subscriptionId: subscription.id,
            ...availabilityRow(
              subscriptionService,
              input.year,
              incidentsOf.get(subscriptionService.id)!.filter((i) => i.subscriptionIds.includes(subscription.id)),
              from,
              to,
              asOfMs,
            ),
          }
        : null,
  };
}
