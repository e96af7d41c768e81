import { z } from 'zod';
import { nextPeriodEnd } from '../../shared/billing';
import { isoDateSchema, type Period, type Subscription } from '../../shared/domain';
import { CommandError } from '../errors';
import { newId } from '../ids';
import { defineCommand, refSchema } from '../registry';
import { chargePeriod } from './charges';
import { openEdoAccess } from './edo';
import { loadOpenAccount, loadService, loadSubscription, loadTariff } from './loaders';

export function dayOfMonth(date: string): number {
  return Number(date.slice(8, 10));
}

const LAST_BUSINESS_DATE = '2099-12-31';

/** The period from `start`, refused when its end would leave the dates the app keeps (2000–2099). */
export function periodFrom(start: string, months: number, anchorDay: number): Period {
  const end = nextPeriodEnd(start, months, anchorDay);
  if (end > LAST_BUSINESS_DATE) throw new CommandError('errors:period.outOfRange', { params: { date: end } });
  return { start, end };
}

const subscriptionRef = (subscription: Subscription) => ({ table: 'subscriptions' as const, id: subscription.id });

/** Orders a service on a tariff; nothing is charged until activation (prepayment). */
export const createSubscription = defineCommand({
  name: 'createSubscription',
  role: 'operator',
  input: z.object({
    accountId: refSchema('errors:account.notFound'),
    tariffId: refSchema('errors:tariff.notFound'),
    startDate: isoDateSchema,
    autoRenew: z.boolean({ error: 'errors:validation.invalid' }).optional(),
  }),
  ref: subscriptionRef,
  run: async (tx, data): Promise<Subscription> => {
    await loadOpenAccount(tx, data.accountId);
    const tariff = await loadTariff(tx, data.tariffId);
    if (!tariff.active) throw new CommandError('errors:tariff.inactive', { field: 'tariffId' });
    const service = await loadService(tx, tariff.serviceId, 'tariffId');
    const subscription: Subscription = {
      id: newId(),
      accountId: data.accountId,
      tariffId: tariff.id,
      serviceId: service.id,
      status: 'pending_payment',
      startDate: data.startDate,
      firstUseDate: null,
      anchorDay: dayOfMonth(data.startDate),
      currentPeriod: null,
      autoRenew: data.autoRenew ?? service.policy.autoRenew,
      scheduledTariffId: null,
      createdAt: tx.meta.at,
      updatedAt: tx.meta.at,
    };
    await tx.insert('subscriptions', subscription);
    return subscription;
  },
});

/**
 * Starts the first period on `date` (default: the requested start date) and
 * charges it in advance at the price in force that day. The day of month
 * becomes the anchor later periods return to.
 */
export const activateSubscription = defineCommand({
  name: 'activateSubscription',
  role: 'operator',
  input: z.object({ subscriptionId: refSchema('errors:subscription.notFound'), date: isoDateSchema.optional() }),
  ref: subscriptionRef,
  run: async (tx, data): Promise<Subscription> => {
    const before = await loadSubscription(tx, data.subscriptionId);
    if (before.status !== 'pending_payment') {
      throw new CommandError('errors:subscription.notPending', { field: 'subscriptionId', params: { status: before.status } });
    }
    await loadOpenAccount(tx, before.accountId);
    const tariff = await loadTariff(tx, before.tariffId);
    const start = data.date ?? before.startDate;
    const anchorDay = dayOfMonth(start);
    const period = periodFrom(start, tariff.billingMonths, anchorDay);
    await chargePeriod(tx, before, tariff, period);
    await openEdoAccess(tx, before, period);
    const after: Subscription = { ...before, status: 'active', firstUseDate: start, anchorDay, currentPeriod: period, updatedAt: tx.meta.at };
    return tx.update('subscriptions', before, after);
  },
});

export const RENEWABLE: ReadonlySet<Subscription['status']> = new Set(['active', 'suspended', 'expired']);

/**
 * Charges the next period, which starts where the current one ends, at the
 * price in force on that day; a scheduled tariff change takes over here, in
 * full (no proration). The period end follows the anchor day.
 */
export const renewSubscription = defineCommand({
  name: 'renewSubscription',
  role: 'manager',
  input: z.object({ subscriptionId: refSchema('errors:subscription.notFound') }),
  ref: subscriptionRef,
  run: async (tx, data): Promise<Subscription> => {
    const before = await loadSubscription(tx, data.subscriptionId);
    if (!RENEWABLE.has(before.status) || before.currentPeriod === null) {
      throw new CommandError('errors:subscription.notRenewable', { field: 'subscriptionId', params: { status: before.status } });
    }
    await loadOpenAccount(tx, before.accountId);
    const tariff = await loadTariff(tx, before.scheduledTariffId ?? before.tariffId);
    if (tariff.serviceId !== before.serviceId) throw new CommandError('errors:tariff.otherService', { field: 'tariffId' });
    const period = periodFrom(before.currentPeriod.end, tariff.billingMonths, before.anchorDay);
    await chargePeriod(tx, before, tariff, period);
    await openEdoAccess(tx, before, period);
    const after: Subscription = { ...before, status: 'active', tariffId: tariff.id, scheduledTariffId: null, currentPeriod: period, updatedAt: tx.meta.at };
    return tx.update('subscriptions', before, after);
  },
});
