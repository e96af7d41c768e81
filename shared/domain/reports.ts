import { z } from 'zod';
import { CAUSES, type Cause } from '../billing/types';
import { DECISION_STATUSES } from './decisions';
import { idSchema, isoDateTimeSchema, localizedTextSchema, storedIsoDateSchema, tiynSchema } from './primitives';

/**
 * The managers' reports (issue 11). Each is computed by a core query and
 * carried whole: the screen shows it, the CSV/XLSX export writes it, and the
 * print page renders it from the payload alone (like a document). So every
 * report is a zod schema: the print payload is checked against it.
 */
export const REPORT_KINDS = ['compensation', 'refunds', 'availability', 'revenue', 'debtors'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

const serviceRefSchema = z.object({ id: idSchema, name: localizedTextSchema });
export type ServiceRef = z.infer<typeof serviceRefSchema>;

/** What every report says about itself: its range, its service filter, when and for whom it was made. */
const headerFields = {
  /** Business dates, both included. */
  from: storedIsoDateSchema,
  to: storedIsoDateSchema,
  /** The service filter; null: every service. */
  service: serviceRefSchema.nullable(),
  generatedAt: isoDateTimeSchema,
  /** The provider's name from its requisites (null until they are saved). */
  provider: localizedTextSchema.nullable(),
};

const amountCount = z.object({ count: z.number().int().nonnegative(), amount: tiynSchema });

// --- compensation -----------------------------------------------------------

export const compensationReportLineSchema = z.object({
  compensationId: idSchema,
  accountId: idSchema,
  accountName: z.string(),
  subscriptionId: idSchema,
  /** Full hours (the quote's: a manager's agreed duration when there is one). */
  hours: z.number().int().nonnegative(),
  /** hours × the service's percent per hour, before the monthly cap. */
  percent: z.number().nonnegative(),
  amount: tiynSchema,
  status: z.enum(DECISION_STATUSES),
  /** Who decided (the staff member's name, else the login), and when. */
  decidedBy: z.string().nullable(),
  decidedAt: isoDateTimeSchema.nullable(),
  excluded: z.boolean(),
  /** The exclusion reason (ExclusionReason) and the terms' clause it rests on. */
  reason: z.string().nullable(),
  clause: z.string().nullable(),
  overrideMinutes: z.number().int().nonnegative().nullable(),
});
export type CompensationReportLine = z.infer<typeof compensationReportLineSchema>;

const compensationTotalsSchema = z.object({
  lines: z.number().int().nonnegative(),
  excluded: z.number().int().nonnegative(),
  hours: z.number().int().nonnegative(),
  requested: amountCount,
  approved: amountCount,
  rejected: amountCount,
});
export type CompensationTotals = z.infer<typeof compensationTotalsSchema>;

export const compensationReportSchema = z.object({
  kind: z.literal('compensation'),
  ...headerFields,
  incidents: z.array(
    z.object({
      incidentId: idSchema,
      service: serviceRefSchema,
      start: isoDateTimeSchema,
      end: isoDateTimeSchema.nullable(),
      cause: z.enum(CAUSES as [Cause, ...Cause[]]),
      durationMinutes: z.number().int().nonnegative().nullable(),
      lines: z.array(compensationReportLineSchema),
      totals: compensationTotalsSchema,
    }),
  ),
  totals: compensationTotalsSchema.extend({ incidents: z.number().int().nonnegative() }),
});
export type CompensationReport = z.infer<typeof compensationReportSchema>;

// --- refunds ----------------------------------------------------------------

export const refundReportRowSchema = z.object({
  refundId: idSchema,
  accountId: idSchema,
  accountName: z.string(),
  service: serviceRefSchema.nullable(),
  tariffName: localizedTextSchema.nullable(),
  quoteKind: z.enum(['full', 'prorated']),
  amount: tiynSchema,
  /** The business day of the request. */
  requestedDate: storedIsoDateSchema,
  dueDate: storedIsoDateSchema,
  status: z.enum(DECISION_STATUSES),
  decidedDate: storedIsoDateSchema.nullable(),
  decidedBy: z.string().nullable(),
  /** Days past the due date: until the decision, or until the report's day while undecided; 0 when in time. */
  daysOverdue: z.number().int().nonnegative(),
});
export type RefundReportRow = z.infer<typeof refundReportRowSchema>;

export const refundsReportSchema = z.object({
  kind: z.literal('refunds'),
  ...headerFields,
  /** The day "overdue" is counted on (the report's day). */
  asOf: storedIsoDateSchema,
  rows: z.array(refundReportRowSchema),
  totals: z.object({
    all: amountCount,
    requested: amountCount,
    approved: amountCount,
    rejected: amountCount,
    /** Undecided and past due on `asOf`. */
    overdue: amountCount,
    /** Decided after the due date. */
    decidedLate: amountCount,
  }),
});
export type RefundsReport = z.infer<typeof refundsReportSchema>;

// --- availability -----------------------------------------------------------

export const availabilityIncidentSchema = z.object({
  incidentId: idSchema,
  start: isoDateTimeSchema,
  end: isoDateTimeSchema.nullable(),
  cause: z.enum(CAUSES as [Cause, ...Cause[]]),
  /** Minutes inside the year (an open incident up to the report's time). */
  minutes: z.number().int().nonnegative(),
  /** false: planned works announced at least 48 h ahead, not downtime. */
  counted: z.boolean(),
});

export const availabilityServiceSchema = z.object({
  service: serviceRefSchema,
  /** The service's own yearly guarantee in basis points (9980 = 99.8 %), null when its terms state none. */
  guaranteeBp: z.number().int().nullable(),
  /** The yardstick: the guarantee, else 99.8 %. */
  targetBp: z.number().int(),
  downtimeMinutes: z.number().int().nonnegative(),
  /** Rounded down: never flatters the provider. */
  availabilityBp: z.number().int(),
  /** The allowed downtime of the year in minutes (17.52 h = 1 051.2 min in a common year at 99.8 %). */
  budgetMinutes: z.number().nonnegative(),
  budgetUsedBp: z.number().int().nullable(),
  meetsTarget: z.boolean(),
  incidents: z.array(availabilityIncidentSchema),
});
export type AvailabilityServiceReport = z.infer<typeof availabilityServiceSchema>;

export const availabilityReportSchema = z.object({
  kind: z.literal('availability'),
  ...headerFields,
  year: z.number().int(),
  /** Open incidents are counted up to this instant. */
  asOf: isoDateTimeSchema,
  services: z.array(availabilityServiceSchema),
});
export type AvailabilityReportData = z.infer<typeof availabilityReportSchema>;

// --- revenue ----------------------------------------------------------------

/** One month and service, money bucket only: charges net of credits and refunds; bonuses shown apart. */
export const revenueCellSchema = z.object({
  /** Period charges and tariff-change charges. */
  charges: tiynSchema,
  /** Tariff-change credits. */
  credits: tiynSchema,
  refunds: tiynSchema,
  /** charges − credits − refunds. */
  net: tiynSchema,
  /** The VAT contained in `net` at the rate in force in the month, rounded once per month and service. */
  vat: tiynSchema,
  /** Charges less credits and refunds paid with bonuses: not money received, not revenue. */
  bonus: tiynSchema,
});
export type RevenueCell = z.infer<typeof revenueCellSchema>;

export const revenueReportSchema = z.object({
  kind: z.literal('revenue'),
  ...headerFields,
  services: z.array(serviceRefSchema),
  months: z.array(
    z.object({
      month: z.string().regex(/^\d{4}-\d{2}$/),
      vatRate: z.number().int().nonnegative(),
      /** By service, in `services` order. */
      cells: z.array(revenueCellSchema.extend({ serviceId: idSchema })),
      total: revenueCellSchema,
    }),
  ),
  byService: z.array(revenueCellSchema.extend({ serviceId: idSchema })),
  total: revenueCellSchema,
});
export type RevenueReport = z.infer<typeof revenueReportSchema>;

// --- debtors ----------------------------------------------------------------

export const debtorRowSchema = z.object({
  subscriptionId: idSchema,
  accountId: idSchema,
  accountName: z.string(),
  phone: z.string().nullable(),
  service: serviceRefSchema,
  tariffName: localizedTextSchema,
  /** The end of the last paid period: the day the service was suspended. */
  suspendedSince: storedIsoDateSchema,
  /** The next period's price (a scheduled tariff counts). */
  price: tiynSchema,
  /** What the client's balances cover of it (money and bonus, never below zero). */
  covered: tiynSchema,
  /** price − covered, plus any negative money balance: what the client has to pay to resume. */
  amountDue: tiynSchema,
  /** suspendedSince + the service's grace days; null when the service never deletes. */
  deletionDate: storedIsoDateSchema.nullable(),
  /** Days from the report's day to the deletion date (0: today); null with no deletion date. */
  daysLeft: z.number().int().nullable(),
});
export type DebtorRow = z.infer<typeof debtorRowSchema>;

export const debtorsReportSchema = z.object({
  kind: z.literal('debtors'),
  ...headerFields,
  asOf: storedIsoDateSchema,
  rows: z.array(debtorRowSchema),
  totals: z.object({ count: z.number().int().nonnegative(), amountDue: tiynSchema, deletedWithinWeek: z.number().int().nonnegative() }),
});
export type DebtorsReport = z.infer<typeof debtorsReportSchema>;

export const reportSchema = z.discriminatedUnion('kind', [compensationReportSchema, refundsReportSchema, availabilityReportSchema, revenueReportSchema, debtorsReportSchema]);
export type Report = z.infer<typeof reportSchema>;

