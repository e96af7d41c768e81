import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema } from './primitives';

export const EDO_CLIENT_DECISIONS = ['signed', 'rejected'] as const;
export type EdoClientDecision = (typeof EDO_CLIENT_DECISIONS)[number];

/**
 * Uchet.EDO access for one paid year (002 §2.2, §4.2): access is due within
 * 5 working days of the payment; the access act, once sent, counts as
 * accepted 3 working days later unless the client signs or rejects it.
 * One record per paid period of a subscription.
 */
export const edoAccessSchema = z.object({
  id: idSchema,
  subscriptionId: idSchema,
  accountId: idSchema,
  periodStart: isoDateSchema,
  periodEnd: isoDateSchema,
  /** The business date of the yearly charge that opened this record. */
  paidOn: isoDateSchema,
  /** addWorkingDays(paidOn, 5). */
  accessDueDate: isoDateSchema,
  accessGrantedOn: isoDateSchema.nullable(),
  actSentOn: isoDateSchema.nullable(),
  /** addWorkingDays(actSentOn, 3): accepted on this day unless the client answered before. */
  actAcceptanceDate: isoDateSchema.nullable(),
  clientDecision: z.enum(EDO_CLIENT_DECISIONS).nullable(),
  clientDecisionOn: isoDateSchema.nullable(),
  clientDecisionNote: z.string(),
  createdAt: isoDateTimeSchema,
});
export type EdoAccess = z.infer<typeof edoAccessSchema>;

/** Documents a client sent through Uchet.EDO in one month, entered by staff (002 §4.4). Id: `${subscriptionId}|${month}`. */
export const edoUsageSchema = z.object({
  id: z.string().min(1),
  subscriptionId: idSchema,
  accountId: idSchema,
  /** 'YYYY-MM'. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  documents: z.number().int().nonnegative(),
  updatedAt: isoDateTimeSchema,
});
export type EdoUsage = z.infer<typeof edoUsageSchema>;
