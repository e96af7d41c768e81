import { z } from 'zod';
import { BillingInputError, SERVICE_CODES, priceForPeriod, type ServiceCode, type ServicePolicy } from '../billing';
import { idSchema, isoDateSchema, localizedTextSchema, tiynSchema, type IsoDate, type LocalizedText, type Tiyn } from './primitives';

export interface Service {
  id: string;
  code: ServiceCode;
  name: LocalizedText;
  /** The service's rules (domain-rules §3); a copy of DEFAULT_POLICIES, editable per service. */
  policy: ServicePolicy;
  active: boolean;
  sortOrder: number;
}

export const tariffPriceSchema = z.object({ from: isoDateSchema, price: tiynSchema.nonnegative({ error: 'errors:amount.negative' }) });
export type TariffPrice = z.infer<typeof tariffPriceSchema>;

/** Resource limits; a missing field means "not limited" or "not applicable" for that service. */
export const resourceLimitsSchema = z.object({
  cpu: z.number().int().positive().optional(),
  ramGb: z.number().int().positive().optional(),
  diskGb: z.number().int().positive().optional(),
  users: z.number().int().positive().optional(),
  databases: z.number().int().positive().optional(),
  sites: z.number().int().positive().optional(),
  documentsPerMonth: z.number().int().positive().optional(),
  organisations: z.number().int().positive().optional(),
});
export type ResourceLimits = z.infer<typeof resourceLimitsSchema>;

export const tariffSchema = z.object({
  id: idSchema,
  serviceId: idSchema,
  code: z.string().min(1),
  name: localizedTextSchema,
  billingMonths: z.union([z.literal(1), z.literal(12)]),
  /** Dated price history, ascending by `from`; the price of a period is the one in force on its start day. */
  prices: z.array(tariffPriceSchema).min(1),
  limits: resourceLimitsSchema,
  active: z.boolean(),
  sortOrder: z.number().int(),
});
export type Tariff = z.infer<typeof tariffSchema>;

export const serviceCodeSchema = z.enum(SERVICE_CODES as [ServiceCode, ...ServiceCode[]]);

/** The price a period starting on `date` pays (the engine's priceForPeriod); undefined before the first price. */
export function tariffPriceOn(tariff: Pick<Tariff, 'prices'>, date: IsoDate): Tiyn | undefined {
  try {
    return priceForPeriod(date, tariff.prices.map((p) => ({ effectiveFrom: p.from, price: p.price })));
  } catch (error) {
    if (error instanceof BillingInputError) return undefined;
    throw error;
  }
}
