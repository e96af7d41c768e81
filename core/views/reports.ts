import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { addDays, businessDateOf, daysBetween, deletionDate, vatOf, vatRateOn } from '../../shared/billing';
import {
  asExclusion,
  clausesOf,
  exclusionClause,
  idSchema,
  isoDateSchema,
  isoDateTimeInputSchema,
  tariffPriceOn,
  type AvailabilityReportData,
  type Compensation,
  type CompensationReport,
  type CompensationReportLine,
  type CompensationTotals,
  type DebtorRow,
  type DebtorsReport,
  type IsoDate,
  type IsoDateTime,
  type LedgerKind,
  type LocalizedText,
  type RefundReportRow,
  type RefundsReport,
  type RevenueCell,
  type RevenueReport,
  type Service,
  type ServiceRef,
  type SubscriptionStatus,
  SUBSCRIPTION_STATUSES,
} from '../../shared/domain';
import { compensationTotalKey } from '../counters';
import { storedInstant } from '../commands/incidents';
import type { AppDatabase } from '../db';
import { CommandError } from '../errors';
import { parseInput } from '../registry';
import { getProviderRequisites } from './documents';
import { availability } from './incidents';
import { ledgerTotalsByMonth } from './ledger';
import { balancesOf } from '../balances';

/** A report's range and filter. `now`: when it is made (default: the clock); its business day is the report's "today". */
export const reportInputSchema = z
  .object({
    from: isoDateSchema,
    to: isoDateSchema,
    serviceId: idSchema.optional(),
    now: isoDateTimeInputSchema.optional(),
  })
  .refine((input) => input.from <= input.to, { path: ['to'], message: 'errors:reports.rangeInvalid' });
export type ReportInput = z.input<typeof reportInputSchema>;

export const availabilityReportInputSchema = z.object({
  year: z.number({ error: 'errors:validation.invalid' }).int({ error: 'errors:validation.invalid' }).min(2000, { error: 'errors:validation.invalid' }).max(2099, { error: 'errors:validation.invalid' }),
  serviceId: idSchema.optional(),
  now: isoDateTimeInputSchema.optional(),
});
export type AvailabilityReportInput = z.input<typeof availabilityReportInputSchema>;

export const debtorsReportInputSchema = z.object({ serviceId: idSchema.optional(), now: isoDateTimeInputSchema.optional() });
export type DebtorsReportInput = z.input<typeof debtorsReportInputSchema>;

const nowOf = (now: string | undefined): IsoDateTime => (now === undefined ? new Date().toISOString() : storedInstant('now', now));

const serviceRef = (service: Service): ServiceRef => ({ id: service.id, name: service.name });

async function servicesInOrder(db: AppDatabase): Promise<Service[]> {
  return (await db.services.toArray()).sort((a, b) => a.sortOrder - b.sortOrder);
}

/** The service filter, refused when it names no service. */
function filterService(services: readonly Service[], serviceId: string | undefined): Service | null {
  if (serviceId === undefined) return null;
  const service = services.find((s) => s.id === serviceId);
  if (!service) throw new CommandError('errors:service.notFound', { field: 'serviceId' });
  return service;
}

async function providerName(db: AppDatabase): Promise<LocalizedText | null> {
  return (await getProviderRequisites(db))?.name ?? null;
}

/** Staff logins → names, for "who decided" (a login nobody has any more stays as it is). */
async function staffNames(db: AppDatabase): Promise<(login: string | null) => string | null> {
  const staff = await db.staff.toArray();
  const names = new Map(staff.map((s) => [s.login, s.name] as const));
  return (login) => (login === null ? null : (names.get(login) ?? login));
}

/** The first instant of business day `from` and of the day after `to`: the stored-instant bounds of a range of days. */
function instantsOf(from: IsoDate, to: IsoDate): [IsoDateTime, IsoDateTime] {
  return [storedInstant('from', `${from}T00:00:00+05:00`), storedInstant('to', `${addDays(to, 1)}T00:00:00+05:00`)];
}

// ---------------------------------------------------------------------------
// Compensation

const emptyCompensationTotals = (): CompensationTotals => ({
  lines: 0,
  excluded: 0,
  hours: 0,
  requested: { count: 0, amount: 0 },
  approved: { count: 0, amount: 0 },
  rejected: { count: 0, amount: 0 },
});

function addToTotals(totals: CompensationTotals, line: Pick<CompensationReportLine, 'hours' | 'amount' | 'status' | 'excluded'>): void {
  totals.lines += 1;
  totals.hours += line.hours;
  if (line.excluded) totals.excluded += 1;
  totals[line.status].count += 1;
  totals[line.status].amount += line.amount;
}

/**
 * Downtime compensation per incident and client (issue 11): the incidents
 * that began on the range's business days (of one service, or all), each
 * with its compensation lines (hours, percent, amount, decision and who
 * made it, the exclusion and its clause), and totals per incident and for
 * the report. The approved amount equals the ledger's compensation entries
 * of those lines (store tests check it).
 */
export async function compensationReport(db: AppDatabase, rawInput: ReportInput): Promise<CompensationReport> {
  const input = parseInput(reportInputSchema, rawInput);
  const generatedAt = nowOf(input.now);
  const services = await servicesInOrder(db);
  const service = filterService(services, input.serviceId);
  const [lo, hi] = instantsOf(input.from, input.to);
  const incidents = (
    service
      ? await db.incidents.where('[serviceId+start]').between([service.id, lo], [service.id, hi], true, false).toArray()
      : await db.incidents.where('start').between(lo, hi, true, false).toArray()
  ).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const [compensations, nameOf, provider] = await Promise.all([
    incidents.length === 0 ? Promise.resolve([] as Compensation[]) : db.compensations.where('incidentId').anyOf(incidents.map((i) => i.id)).toArray(),
    staffNames(db),
    providerName(db),
  ]);
  const accounts = await db.accounts.bulkGet([...new Set(compensations.map((c) => c.accountId))]);
  const accountName = new Map(accounts.filter((a) => a !== undefined).map((a) => [a.id, a.name]));
  const byIncident = new Map<string, Compensation[]>();
  for (const c of compensations) byIncident.set(c.incidentId, [...(byIncident.get(c.incidentId) ?? []), c]);
  const serviceById = new Map(services.map((s) => [s.id, s]));
  const totals = { ...emptyCompensationTotals(), incidents: 0 };

  const rows = incidents.map((incident) => {
    const incidentService = serviceById.get(incident.serviceId);
    if (!incidentService) throw new CommandError('errors:service.notFound', { params: { serviceId: incident.serviceId } });
    const percentPerHour = incidentService.policy.compensation?.percentPerHour ?? 0;
    const clauses = clausesOf(incidentService);
    const lines = (byIncident.get(incident.id) ?? [])
      .map((c): CompensationReportLine => {
        const reason = c.quote.excluded ? (c.quote.reason ?? null) : null;
        const exclusion = asExclusion(reason);
        return {
          compensationId: c.id,
          accountId: c.accountId,
          accountName: accountName.get(c.accountId) ?? '',
          subscriptionId: c.subscriptionId,
          hours: c.quote.hours,
          percent: c.quote.hours * percentPerHour,
          amount: c.quote.amount,
          status: c.status,
          decidedBy: nameOf(c.decidedBy),
          decidedAt: c.decidedAt,
          excluded: c.quote.excluded,
          reason,
          clause: exclusion ? exclusionClause(exclusion, clauses) : null,
          overrideMinutes: c.overrideMinutes,
        };
      })
      .sort((a, b) => a.accountName.localeCompare(b.accountName, 'ru') || (a.compensationId < b.compensationId ? -1 : 1));
    const incidentTotals = emptyCompensationTotals();
    for (const line of lines) {
      addToTotals(incidentTotals, line);
      addToTotals(totals, line);
    }
    totals.incidents += 1;
    const durationMinutes = incident.end === null ? null : Math.floor((Date.parse(incident.end) - Date.parse(incident.start)) / 60_000);
    return {
      incidentId: incident.id,
      service: serviceRef(incidentService),
      start: incident.start,
      end: incident.end,
      cause: incident.cause,
      durationMinutes,
      lines,
      totals: incidentTotals,
    };
  });
  return { kind: 'compensation', from: input.from, to: input.to, service: service && serviceRef(service), generatedAt, provider, incidents: rows, totals };
}

// ---------------------------------------------------------------------------
// Refunds

/**
 * The refunds register as a report: the refunds requested on the range's
 * business days (of one service's subscriptions, or all), oldest first,
 * with the due date, the decision and its day, and the days past due
 * (until the decision, or until the report's day while undecided).
 */
export async function refundsReport(db: AppDatabase, rawInput: ReportInput): Promise<RefundsReport> {
  const input = parseInput(reportInputSchema, rawInput);
  const generatedAt = nowOf(input.now);
  const asOf = businessDateOf(generatedAt);
  const services = await servicesInOrder(db);
  const service = filterService(services, input.serviceId);
  const [lo, hi] = instantsOf(input.from, input.to);
  // Refunds are few (one per cancellation inside a paid period): read them whole, keep the range's.
  const refunds = (await db.refunds.toArray()).filter((r) => r.requestedAt >= lo && r.requestedAt < hi);
  const [subscriptions, accounts, tariffs, nameOf, provider] = await Promise.all([
    db.subscriptions.bulkGet([...new Set(refunds.map((r) => r.subscriptionId))]),
    db.accounts.bulkGet([...new Set(refunds.map((r) => r.accountId))]),
    db.tariffs.toArray(),
    staffNames(db),
    providerName(db),
  ]);
  const subscriptionById = new Map(subscriptions.filter((s) => s !== undefined).map((s) => [s.id, s]));
  const accountName = new Map(accounts.filter((a) => a !== undefined).map((a) => [a.id, a.name]));
  const serviceById = new Map(services.map((s) => [s.id, s]));
  const tariffById = new Map(tariffs.map((t) => [t.id, t]));
  const zero = () => ({ count: 0, amount: 0 });
  const totals = { all: zero(), requested: zero(), approved: zero(), rejected: zero(), overdue: zero(), decidedLate: zero() };
  const rows: RefundReportRow[] = [];
  for (const refund of refunds.sort((a, b) => (a.requestedAt < b.requestedAt ? -1 : a.requestedAt > b.requestedAt ? 1 : a.id < b.id ? -1 : 1))) {
    const subscription = subscriptionById.get(refund.subscriptionId);
    if (service && subscription?.serviceId !== service.id) continue;
    const refundService = subscription ? serviceById.get(subscription.serviceId) : undefined;
    const decidedDate = refund.decidedAt === null ? null : businessDateOf(refund.decidedAt);
    const daysOverdue = Math.max(0, daysBetween(refund.dueDate, decidedDate ?? asOf));
    const amount = refund.quote.amount;
    rows.push({
      refundId: refund.id,
      accountId: refund.accountId,
      accountName: accountName.get(refund.accountId) ?? '',
      service: refundService ? serviceRef(refundService) : null,
      tariffName: (subscription && tariffById.get(subscription.tariffId)?.name) ?? null,
      quoteKind: refund.quote.kind,
      amount,
      requestedDate: businessDateOf(refund.requestedAt),
      dueDate: refund.dueDate,
      status: refund.status,
      decidedDate,
      decidedBy: nameOf(refund.decidedBy),
      daysOverdue,
    });
    const add = (bucket: { count: number; amount: number }) => {
      bucket.count += 1;
      bucket.amount += amount;
    };
    add(totals.all);
    add(totals[refund.status]);
    if (daysOverdue > 0) add(refund.status === 'requested' ? totals.overdue : totals.decidedLate);
  }
  return { kind: 'refunds', from: input.from, to: input.to, service: service && serviceRef(service), generatedAt, provider, asOf, rows, totals };
}

// ---------------------------------------------------------------------------
// Availability

/**
 * SLA availability per service for a calendar year (`availability`, §4.4):
 * downtime, availability, the share of the 99.8 % budget used (the
 * service's own guarantee when it states one), and every incident of the
 * year, counted or not. Every service is listed when no service is asked
 * for: one without a guarantee is measured against 99.8 % as a yardstick.
 */
export async function availabilityReport(db: AppDatabase, rawInput: AvailabilityReportInput): Promise<AvailabilityReportData> {
  const input = parseInput(availabilityReportInputSchema, rawInput);
  const generatedAt = nowOf(input.now);
  const services = await servicesInOrder(db);
  const service = filterService(services, input.serviceId);
  const wanted = service ? [service] : services;
  const [results, provider] = await Promise.all([
    Promise.all(wanted.map((s) => availability(db, { year: input.year, serviceId: s.id, asOf: generatedAt }))),
    providerName(db),
  ]);
  const rows = results.flatMap((result) => result.services);
  const serviceById = new Map(services.map((s) => [s.id, s]));
  return {
    kind: 'availability',
    from: `${input.year}-01-01`,
    to: `${input.year}-12-31`,
    service: service && serviceRef(service),
    generatedAt,
    provider,
    year: input.year,
    asOf: generatedAt,
    services: rows.map((row) => ({
      service: serviceRef(serviceById.get(row.serviceId)!),
      guaranteeBp: row.guaranteeBp,
      targetBp: row.report.targetBp,
      downtimeMinutes: row.report.downtimeMinutes,
      availabilityBp: row.report.availabilityBp,
      budgetMinutes: row.report.budgetMs / 60_000,
      budgetUsedBp: row.report.budgetUsedBp,
      meetsTarget: row.report.meetsTarget,
      incidents: row.listed.map(({ incidentId, start, end, cause, minutes, counted }) => ({ incidentId, start, end, cause, minutes, counted })),
    })),
  };
}

// ---------------------------------------------------------------------------
// Revenue

const emptyCell = (): RevenueCell => ({ charges: 0, credits: 0, refunds: 0, net: 0, vat: 0, bonus: 0 });

function addCell(into: RevenueCell, cell: RevenueCell): void {
  into.charges += cell.charges;
  into.credits += cell.credits;
  into.refunds += cell.refunds;
  into.net += cell.net;
  into.vat += cell.vat;
  into.bonus += cell.bonus;
}

/** The revenue column each ledger kind adds to (money bucket); other kinds are not revenue. */
const REVENUE_COLUMN: Partial<Record<LedgerKind, 'charges' | 'credits' | 'refunds'>> = {
  period_charge: 'charges',
  tariff_change_charge: 'charges',
  tariff_change_credit: 'credits',
  refund: 'refunds',
};

/** Every month ('YYYY-MM') from `from`'s to `to`'s. */
function monthsBetween(from: IsoDate, to: IsoDate): string[] {
  const months: string[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) return months;
    months.push(key);
    month += 1;
    if (month === 13) [year, month] = [year + 1, 1];
  }
}

/** The VAT contained in a signed net amount (a month of more credits than charges has negative VAT). */
const vatOfNet = (net: number, date: IsoDate) => (net < 0 ? -vatOf(-net, date) : vatOf(net, date));

/**
 * Revenue by month and service (issue 11): the money the clients paid for
 * services, i.e. the money bucket's period and tariff-change charges, net
 * of tariff-change credits and refunds, with the VAT it contains at the
 * rate in force in that month (the rates change on the first of a month:
 * test/core/reports.test.ts guards it), rounded once per month and
 * service; charges paid with bonuses are shown apart and are not revenue.
 * Read from the monthly ledger totals (ledgerTotalsByMonth): a year of a
 * million-entry ledger is about a thousand counter rows.
 */
export async function revenueReport(db: AppDatabase, rawInput: ReportInput): Promise<RevenueReport> {
  const input = parseInput(reportInputSchema, rawInput);
  const generatedAt = nowOf(input.now);
  const services = await servicesInOrder(db);
  const service = filterService(services, input.serviceId);
  const [{ lines }, provider] = await Promise.all([
    ledgerTotalsByMonth(db, { from: input.from, to: input.to, ...(service ? { serviceId: service.id } : {}) }),
    providerName(db),
  ]);
  const shown = service ? [service] : services;
  const cells = new Map<string, RevenueCell>();
  for (const line of lines) {
    const column = REVENUE_COLUMN[line.kind];
    if (column === undefined) continue;
    const key = `${line.month}|${line.serviceId}`;
    const cell = cells.get(key) ?? emptyCell();
    // Every revenue kind paid or returned in bonuses nets into the bonus column (a charge is negative: it adds to it).
    if (line.bucket === 'bonus') cell.bonus -= line.sum;
    // Charges are negative entries (the client's balance shrinks), credits and refunds positive: all shown as positive amounts.
    else cell[column] += column === 'charges' ? -line.sum : line.sum;
    cells.set(key, cell);
  }
  const byService = new Map(shown.map((s) => [s.id, emptyCell()]));
  const total = emptyCell();
  const months = monthsBetween(input.from, input.to).map((month) => {
    const firstDay = `${month}-01`;
    const monthTotal = emptyCell();
    const monthCells = shown.map((s) => {
      const cell = cells.get(`${month}|${s.id}`) ?? emptyCell();
      cell.net = cell.charges - cell.credits - cell.refunds;
      cell.vat = vatOfNet(cell.net, firstDay);
      addCell(monthTotal, cell);
      addCell(byService.get(s.id)!, cell);
      return { serviceId: s.id, ...cell };
    });
    addCell(total, monthTotal);
    return { month, vatRate: vatRateOn(firstDay), cells: monthCells, total: monthTotal };
  });
  return {
    kind: 'revenue',
    from: input.from,
    to: input.to,
    service: service && serviceRef(service),
    generatedAt,
    provider,
    services: shown.map(serviceRef),
    months,
    byService: shown.map((s) => ({ serviceId: s.id, ...byService.get(s.id)! })),
    total,
  };
}

// ---------------------------------------------------------------------------
// Debtors

/**
 * Suspended subscriptions on the report's day (of one service, or all):
 * what the next period costs, what the client's balances cover of it, the
 * amount due to resume, and the days left before deletion (§4.5: period end
 * + the service's grace days). Soonest deletion first. A snapshot of today:
 * statuses are not kept by date, so it takes no date range.
 */
export async function debtorsReport(db: AppDatabase, rawInput: DebtorsReportInput = {}): Promise<DebtorsReport> {
  const input = parseInput(debtorsReportInputSchema, rawInput);
  const generatedAt = nowOf(input.now);
  const asOf = businessDateOf(generatedAt);
  const services = await servicesInOrder(db);
  const service = filterService(services, input.serviceId);
  const suspended = service
    ? await db.subscriptions.where('[serviceId+status]').equals([service.id, 'suspended']).toArray()
    : await db.subscriptions.where('status').equals('suspended').toArray();
  const accountIds = [...new Set(suspended.map((s) => s.accountId))];
  const [accounts, tariffs, balances, provider] = await Promise.all([
    db.accounts.bulkGet(accountIds),
    db.tariffs.toArray(),
    Promise.all(accountIds.map((id) => balancesOf(db, id))),
    providerName(db),
  ]);
  const accountById = new Map(accounts.filter((a) => a !== undefined).map((a) => [a.id, a]));
  const balanceOf = new Map(accountIds.map((id, i) => [id, balances[i]!]));
  const tariffById = new Map(tariffs.map((t) => [t.id, t]));
  const serviceById = new Map(services.map((s) => [s.id, s]));
  const rows: DebtorRow[] = [];
  for (const subscription of suspended) {
    if (subscription.currentPeriod === null) continue;
    const subscriptionService = serviceById.get(subscription.serviceId);
    const tariff = tariffById.get(subscription.scheduledTariffId ?? subscription.tariffId);
    if (!subscriptionService || !tariff) continue;
    const suspendedSince = subscription.currentPeriod.end;
    const price = tariffPriceOn(tariff, suspendedSince) ?? 0;
    const { money, bonus } = balanceOf.get(subscription.accountId) ?? { money: 0, bonus: 0 };
    const usable = Math.max(0, money) + Math.max(0, bonus);
    const covered = Math.min(price, usable);
    const graceDays = subscriptionService.policy.graceDays;
    const deletion = graceDays === null ? null : deletionDate(suspendedSince, graceDays);
    const account = accountById.get(subscription.accountId);
    rows.push({
      subscriptionId: subscription.id,
      accountId: subscription.accountId,
      accountName: account?.name ?? '',
      phone: account?.phone ?? null,
      service: serviceRef(subscriptionService),
      tariffName: tariff.name,
      suspendedSince,
      price,
      covered,
      amountDue: price - covered + Math.max(0, -money),
      deletionDate: deletion,
      daysLeft: deletion === null ? null : Math.max(0, daysBetween(asOf, deletion)),
    });
  }
  rows.sort((a, b) => (a.daysLeft ?? Number.MAX_SAFE_INTEGER) - (b.daysLeft ?? Number.MAX_SAFE_INTEGER) || a.accountName.localeCompare(b.accountName, 'ru'));
  return {
    kind: 'debtors',
    from: asOf,
    to: asOf,
    service: service && serviceRef(service),
    generatedAt,
    provider,
    asOf,
    rows,
    totals: {
      count: rows.length,
      amountDue: rows.reduce((sum, row) => sum + row.amountDue, 0),
      deletedWithinWeek: rows.filter((row) => row.daysLeft !== null && row.daysLeft <= 7).length,
    },
  };
}

// ---------------------------------------------------------------------------
// Dashboard

const DASHBOARD_MONTHS = 12;

export interface DashboardData {
  today: IsoDate;
  generatedAt: IsoDateTime;
  /** The last DASHBOARD_MONTHS months, oldest first, today's month last. */
  revenue: RevenueReport;
  subscriptions: { status: SubscriptionStatus; count: number }[];
  compensation: { month: string; count: number; hours: number; approved: number; requested: number; rejected: number }[];
  availability: AvailabilityReportData;
  refundsDue: {
    overdue: { count: number; amount: number };
    dueWithinWeek: { count: number; amount: number };
    later: { count: number; amount: number };
  };
}

/**
 * Everything the dashboard charts, from aggregates: revenue from the
 * monthly ledger totals, subscriptions by status and compensation by month
 * from the counters the commands keep, availability from the year's
 * incidents (a few hundred), refunds due from the undecided ones (the
 * status index).
 */
export async function dashboard(db: AppDatabase, rawInput: { now?: string } = {}): Promise<DashboardData> {
  const generatedAt = nowOf(parseInput(z.object({ now: isoDateTimeInputSchema.optional() }), rawInput).now);
  const today = businessDateOf(generatedAt);
  const firstDay = Temporal.PlainDate.from(`${today.slice(0, 7)}-01`).subtract({ months: DASHBOARD_MONTHS - 1 }).toString();
  const months = monthsBetween(firstDay, today);
  const first = firstDay.slice(0, 7);
  const [revenue, statusRows, compensationRows, availabilityData, pending] = await Promise.all([
    revenueReport(db, { from: firstDay, to: today, now: generatedAt }),
    db.counters.where('key').startsWith('subscriptions:status:').toArray(),
    // Only the dashboard's months: the keys sort by measure, then month.
    Promise.all((['n', 'hours', 'amount'] as const).map((what) => db.counters.where('key').between(`compensations:${what}:${first}`, `compensations:${what}:${today.slice(0, 7)}:\uffff`, true, true).toArray())).then((parts) => parts.flat()),
    availabilityReport(db, { year: Number(today.slice(0, 4)), now: generatedAt }),
    db.refunds.where('status').equals('requested').toArray(),
  ]);
  const statusCount = new Map(statusRows.map((row) => [row.key.slice('subscriptions:status:'.length), row.value]));
  const counter = new Map(compensationRows.map((row) => [row.key, row.value]));
  const weekAhead = addDays(today, 7);
  const bucket = () => ({ count: 0, amount: 0 });
  const refundsDue = { overdue: bucket(), dueWithinWeek: bucket(), later: bucket() };
  for (const refund of pending) {
    const target = refund.dueDate < today ? refundsDue.overdue : refund.dueDate <= weekAhead ? refundsDue.dueWithinWeek : refundsDue.later;
    target.count += 1;
    target.amount += refund.quote.amount;
  }
  return {
    today,
    generatedAt,
    revenue,
    subscriptions: SUBSCRIPTION_STATUSES.map((status) => ({ status, count: statusCount.get(status) ?? 0 })),
    compensation: months.map((month) => {
      const read = (status: string, what: 'n' | 'hours' | 'amount') => counter.get(compensationTotalKey(month, status, what)) ?? 0;
      return {
        month,
        count: read('requested', 'n') + read('approved', 'n') + read('rejected', 'n'),
        hours: read('requested', 'hours') + read('approved', 'hours') + read('rejected', 'hours'),
        approved: read('approved', 'amount'),
        requested: read('requested', 'amount'),
        rejected: read('rejected', 'amount'),
      };
    }),
    availability: availabilityData,
    refundsDue,
  };
}
