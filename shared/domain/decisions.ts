import { z } from 'zod';
import { idSchema, storedIsoDateSchema, isoDateTimeSchema, tiynSchema } from './primitives';

/** Requests that a manager decides on: the quote shown, the decision, the ledger entries produced. */
export const DECISION_STATUSES = ['requested', 'approved', 'rejected'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

const decisionFields = {
  status: z.enum(DECISION_STATUSES),
  requestedAt: isoDateTimeSchema,
  requestedBy: z.string().min(1),
  decidedAt: isoDateTimeSchema.nullable(),
  decidedBy: z.string().nullable(),
  /** The written reason of a rejection (or of an override); null otherwise; absent on records from before it existed. */
  decisionReason: z.string().nullable().optional(),
  ledgerEntryIds: z.array(idSchema),
};

export const refundSchema = z.object({
  id: idSchema,
  accountId: idSchema,
  subscriptionId: idSchema,
  cancelDate: storedIsoDateSchema,
  quote: z.object({ kind: z.enum(['full', 'prorated']), amount: tiynSchema }),
  /** Settled within 15 working days of the request (§4.8). */
  dueDate: storedIsoDateSchema,
  ...decisionFields,
});
export type Refund = z.infer<typeof refundSchema>;

export const compensationSchema = z.object({
  id: idSchema,
  accountId: idSchema,
  subscriptionId: idSchema,
  incidentId: idSchema,
  /** 'YYYY-MM' in business time: the month the incident began (the cap's month). */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  quote: z.object({ hours: z.number().int().nonnegative(), amount: tiynSchema, excluded: z.boolean(), reason: z.string().optional() }),
  /** A manager's agreed duration (§9.2) with a written reason. */
  overrideMinutes: z.number().int().nonnegative().nullable(),
  overrideReason: z.string().nullable(),
  ...decisionFields,
});
export type Compensation = z.infer<typeof compensationSchema>;

export const tariffChangeSchema = z.object({
  id: idSchema,
  accountId: idSchema,
  subscriptionId: idSchema,
  fromTariffId: idSchema,
  toTariffId: idSchema,
  effectiveDate: storedIsoDateSchema,
  /** 'in_period': prorated now; 'at_renewal': scheduled, charged in full at the next period. */
  mode: z.enum(['in_period', 'at_renewal']),
  quote: z.object({ remainingDays: z.number().int(), periodDays: z.number().int(), amount: tiynSchema }).nullable(),
  ...decisionFields,
});
export type TariffChange = z.infer<typeof tariffChangeSchema>;
