import { z } from 'zod';
import { idSchema, storedIsoDateSchema, isoDateTimeSchema, periodSchema } from './primitives';

export const SUBSCRIPTION_STATUSES = ['pending_payment', 'active', 'suspended', 'cancelled', 'expired', 'deleted'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export const subscriptionSchema = z.object({
  id: idSchema,
  accountId: idSchema,
  tariffId: idSchema,
  serviceId: idSchema,
  status: z.enum(SUBSCRIPTION_STATUSES),
  /** The day the client asked the service to start; the first period starts here unless activated later. */
  startDate: storedIsoDateSchema,
  /** The first day of the first paid period; the refund window counts from it. */
  firstUseDate: storedIsoDateSchema.nullable(),
  /** Day of month the periods return to (31: Jan 31 → Feb 28 → Mar 31). */
  anchorDay: z.number().int().min(1).max(31),
  currentPeriod: periodSchema.nullable(),
  autoRenew: z.boolean(),
  /** A tariff that takes over at the next renewal (no proration). */
  scheduledTariffId: idSchema.nullable(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type Subscription = z.infer<typeof subscriptionSchema>;
