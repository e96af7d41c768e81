/**
 * Service policies (domain-rules §3) as data: screens and commands read a
 * service's rules from here instead of branching on its name. These are the
 * defaults shipped for a fresh store; the catalog copy kept in the database is
 * editable per service.
 */

import { BILLING_RULES, fail } from './errors';

export type ServiceCode = 'onebuh' | 'cloud1c' | 'site_builder' | 'uchet_edo' | 'prosto';

export const SERVICE_CODES: readonly ServiceCode[] = ['onebuh', 'cloud1c', 'site_builder', 'uchet_edo', 'prosto'];

/** 'HH:MM' in business time (UTC+05:00). */
export interface TimeWindow {
  open: string;
  close: string;
}

export type SupportClock = '24x7' | 'business';

export interface SupportTarget {
  /** Stable key of the priority or request level; UI text lives in locales. */
  level: string;
  responseHours: number;
  /** null: the terms set no resolution target. */
  resolutionHours: number | null;
  clock: SupportClock;
  /** Business-hours window when it differs from the default 10:00–19:00. */
  window?: TimeWindow;
}

/** How a move to a cheaper tariff is handled. */
export type DowngradePolicy =
  /** Only from the next period (scheduled change at renewal). */
  | 'at_renewal_only'
  /** Inside the period on request, after a resource check, with recalculation. */
  | 'on_request';

export type CancellationPolicy =
  /** Unused days of the current period are refunded (daily recalculation). */
  | 'daily_recalculation'
  /** No refund after cancellation; liability capped at the amount paid. */
  | 'none';

export interface Prepayment {
  /** Unpaid at the period start means access is suspended at once. */
  suspendWhenUnpaid: boolean;
  /** Invoice payable within this many calendar days (Uchet.EDO: 5). */
  invoiceDueDays: number | null;
}

export interface CompensationPolicy {
  /** Percent of the monthly fee per full hour of downtime. */
  percentPerHour: number;
  /** Cap per subscription and calendar month, percent of the monthly fee. */
  monthlyCapPercent: number;
}

export interface PlannedWorksPolicy {
  /** Announced at least this long before they begin, or they count as downtime. */
  noticeHours: number;
  window: TimeWindow;
}

export interface ServicePolicy {
  code: ServiceCode;
  /** Clause references into shared/reference, for the record. */
  source: string;
  billingMonths: 1 | 12;
  prepayment: Prepayment;
  autoRenew: boolean;
  /** Days after the period end until data is deleted when not renewed; null: not deleted on that schedule. */
  graceDays: number | null;
  /** Years the archive is kept after access ends (Uchet.EDO), else null. */
  archiveYears: number | null;
  /** Full refund when cancelled within this many calendar days of first use; null: no such window. */
  refundWindowDays: number | null;
  cancellation: CancellationPolicy;
  /** Refunds are settled within this many working days of the request. */
  refundDueWorkingDays: number;
  upgradeInPeriod: boolean;
  downgrade: DowngradePolicy;
  /** Minimum notice for a price change, calendar days; null: price fixed for the prepaid period only. */
  priceChangeNoticeDays: number | null;
  /** Yearly availability guarantee in basis points of a percent (9980 = 99.80 %), or null. */
  availabilityTargetBp: number | null;
  compensation: CompensationPolicy | null;
  plannedWorks: PlannedWorksPolicy | null;
  supportTargets: SupportTarget[];
  /** Uchet.EDO: access provided within this many working days of payment. */
  accessProvisionWorkingDays: number | null;
  /** Uchet.EDO: the access act counts as accepted after this many working days. */
  actAcceptanceWorkingDays: number | null;
}

export const DEFAULT_BUSINESS_WINDOW: TimeWindow = { open: '10:00', close: '19:00' };
const PARTNER_WINDOW: TimeWindow = { open: '09:00', close: '18:00' };
const NIGHT_WORKS: PlannedWorksPolicy = { noticeHours: 48, window: { open: '01:00', close: '06:00' } };
const ONE_PERCENT_PER_HOUR: CompensationPolicy = { percentPerHour: 1, monthlyCapPercent: 100 };

const PRIORITY_TARGETS: SupportTarget[] = [
  { level: 'high', responseHours: 1, resolutionHours: 8, clock: '24x7' },
  { level: 'medium', responseHours: 2, resolutionHours: 24, clock: '24x7' },
  { level: 'low', responseHours: 4, resolutionHours: 72, clock: 'business' },
];

const cloud1c: ServicePolicy = {
  code: 'cloud1c',
  source: '001 §4–§8',
  billingMonths: 1,
  prepayment: { suspendWhenUnpaid: true, invoiceDueDays: null },
  autoRenew: true,
  graceDays: 14,
  archiveYears: null,
  refundWindowDays: 14,
  cancellation: 'daily_recalculation',
  refundDueWorkingDays: 15,
  upgradeInPeriod: true,
  downgrade: 'at_renewal_only',
  priceChangeNoticeDays: 30,
  availabilityTargetBp: 9980,
  compensation: ONE_PERCENT_PER_HOUR,
  plannedWorks: NIGHT_WORKS,
  supportTargets: PRIORITY_TARGETS,
  accessProvisionWorkingDays: null,
  actAcceptanceWorkingDays: null,
};

export const DEFAULT_POLICIES: Readonly<Record<ServiceCode, ServicePolicy>> = {
  onebuh: {
    code: 'onebuh',
    source: '000 §3, §6, §9',
    billingMonths: 1,
    prepayment: { suspendWhenUnpaid: true, invoiceDueDays: null },
    autoRenew: true, // decided
    graceDays: 30,
    archiveYears: null,
    refundWindowDays: null, // decided: none
    cancellation: 'daily_recalculation', // decided
    refundDueWorkingDays: 15,
    upgradeInPeriod: true,
    downgrade: 'at_renewal_only', // decided
    priceChangeNoticeDays: null,
    availabilityTargetBp: null,
    compensation: ONE_PERCENT_PER_HOUR,
    plannedWorks: NIGHT_WORKS,
    supportTargets: [
      { level: 'level1', responseHours: 4, resolutionHours: null, clock: '24x7' },
      { level: 'level2', responseHours: 4, resolutionHours: null, clock: 'business' },
      { level: 'level3', responseHours: 8, resolutionHours: null, clock: 'business' },
      { level: 'access', responseHours: 8, resolutionHours: null, clock: 'business' },
      { level: 'technical', responseHours: 8, resolutionHours: null, clock: '24x7' },
      { level: 'methodological', responseHours: 8, resolutionHours: null, clock: 'business', window: PARTNER_WINDOW },
      { level: 'individual', responseHours: 4, resolutionHours: null, clock: 'business', window: PARTNER_WINDOW },
    ],
    accessProvisionWorkingDays: null,
    actAcceptanceWorkingDays: null,
  },
  cloud1c,
  site_builder: {
    ...cloud1c,
    code: 'site_builder',
    source: '004 §4–§8',
    graceDays: 7,
    downgrade: 'on_request',
    priceChangeNoticeDays: 30, // decided: as 1C servers
  },
  uchet_edo: {
    code: 'uchet_edo',
    source: '002 §2–§5',
    billingMonths: 12,
    prepayment: { suspendWhenUnpaid: true, invoiceDueDays: 5 },
    autoRenew: false,
    graceDays: null,
    archiveYears: 3,
    refundWindowDays: null,
    cancellation: 'none',
    refundDueWorkingDays: 15,
    upgradeInPeriod: true,
    downgrade: 'at_renewal_only',
    priceChangeNoticeDays: null, // price fixed for the prepaid period (§3.2.4)
    availabilityTargetBp: null,
    compensation: null,
    plannedWorks: null,
    supportTargets: [],
    accessProvisionWorkingDays: 5,
    actAcceptanceWorkingDays: 3,
  },
  prosto: {
    ...cloud1c, // decided: prepayment, renewal and price changes as 1C servers
    code: 'prosto',
    source: '003 (decided where silent)',
    graceDays: 30, // decided
    refundWindowDays: null,
    downgrade: 'at_renewal_only', // decided
    availabilityTargetBp: null,
    compensation: null,
    plannedWorks: null,
    supportTargets: [],
  },
};

/** Whether `code` is one of the service codes (an own key of DEFAULT_POLICIES, never a prototype name). */
export function isServiceCode(code: unknown): code is ServiceCode {
  return typeof code === 'string' && Object.hasOwn(DEFAULT_POLICIES, code);
}

/** The default policy of a service; any other code ('__proto__', 'constructor', '') is refused. */
export function policyFor(code: ServiceCode): ServicePolicy {
  if (!isServiceCode(code)) fail('code', BILLING_RULES.serviceCode);
  return DEFAULT_POLICIES[code];
}
