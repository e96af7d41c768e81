import { z } from 'zod';
import { idSchema, storedIsoDateSchema, isoDateTimeSchema, periodSchema, tiynSchema } from './primitives';

export const BUCKETS = ['money', 'bonus'] as const;
export type Bucket = (typeof BUCKETS)[number];

export const LEDGER_KINDS = [
  'payment',
  'period_charge',
  'tariff_change_charge',
  'tariff_change_credit',
  'refund',
  'compensation',
  'payout',
  'correction',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export const PAYMENT_METHODS = ['bank_transfer', 'card', 'cash', 'kaspi'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/**
 * One signed movement in one bucket. Append-only: a mistake is fixed by a
 * reversing entry. A charge paid from both buckets is two entries sharing a
 * chargeId (bonus first), so a later refund can go back in the same proportion.
 */
export const ledgerEntrySchema = z.object({
  id: idSchema,
  accountId: idSchema,
  bucket: z.enum(BUCKETS),
  /** Positive: the client's balance grows; negative: it shrinks. */
  amount: tiynSchema,
  kind: z.enum(LEDGER_KINDS),
  subscriptionId: idSchema.optional(),
  /** The subscription's service (schema v4), so the ledger can be filtered and totalled per service. */
  serviceId: idSchema.optional(),
  incidentId: idSchema.optional(),
  refundId: idSchema.optional(),
  compensationId: idSchema.optional(),
  tariffChangeId: idSchema.optional(),
  chargeId: idSchema.optional(),
  /** The period a period charge pays for. */
  period: periodSchema.optional(),
  method: z.enum(PAYMENT_METHODS).optional(),
  reference: z.string().optional(),
  operationId: z.string().min(1),
  actor: z.string().min(1),
  /** When it was recorded (UTC). */
  at: isoDateTimeSchema,
  /** The business day it belongs to (UTC+05:00), e.g. the bank statement date of a payment. */
  businessDate: storedIsoDateSchema,
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

export interface Balances {
  money: number;
  bonus: number;
}
