import { z } from 'zod';
import { allocateToBuckets, quoteTariffChange, splitCharge } from '../../shared/billing';
import { isoDateSchema, tariffPriceOn, type Subscription, type Tariff, type TariffChange } from '../../shared/domain';
import { CommandError } from '../errors';
import { newId } from '../ids';
import { splitEntries } from '../ledgerEntries';
import { defineCommand, refSchema } from '../registry';
import type { Reader } from '../tx';
import { postingOf } from './charges';
import { loadOpenAccount, loadService, loadSubscription, loadTariff } from './loaders';
import { paidShares } from './paidShares';
import { assertNotFuture } from './dates';

export const changeTariffInput = z.object({
  subscriptionId: refSchema('errors:subscription.notFound'),
  tariffId: refSchema('errors:tariff.notFound'),
  date: isoDateSchema,
  resourcesChecked: z.boolean({ error: 'errors:validation.invalid' }).optional(),
});

/** Everything a tariff change needs to know, read once: the dialog's preview and the command use the same numbers. */
export interface TariffChangePlan {
  subscription: Subscription;
  from: Tariff;
  to: Tariff;
  oldPrice: number;
  newPrice: number;
  mode: TariffChange['mode'];
  /** null for a change scheduled at renewal. */
  quote: TariffChange['quote'];
  /** The service's downgrade policy when the new tariff is cheaper. */
  downgrade: 'at_renewal_only' | 'on_request' | null;
}

function priceAt(tariff: Tariff, date: string): number {
  const price = tariffPriceOn(tariff, date);
  if (price === undefined) throw new CommandError('errors:tariff.noPrice', { params: { date } });
  return price;
}

/**
 * The rules of §6 "Tariff change", without writing: the subscription is
 * active, the new tariff is another one of the same service and billing
 * period, the date lies in the current period; both prices are those in
 * force on the period's start. An upgrade is prorated now; a downgrade
 * follows the service's policy (at renewal only, or on request after a
 * resource check, prorated and credited).
 */
export async function planTariffChange(tx: Reader, input: z.output<typeof changeTariffInput>): Promise<TariffChangePlan> {
  const subscription = await loadSubscription(tx, input.subscriptionId);
  if (subscription.status !== 'active' || subscription.currentPeriod === null) {
    throw new CommandError('errors:tariffChange.notActive', { field: 'subscriptionId', params: { status: subscription.status } });
  }
  const from = await loadTariff(tx, subscription.tariffId);
  const to = await loadTariff(tx, input.tariffId);
  if (to.id === from.id) throw new CommandError('errors:tariffChange.sameTariff', { field: 'tariffId' });
  if (to.serviceId !== from.serviceId) throw new CommandError('errors:tariff.otherService', { field: 'tariffId' });
  if (to.billingMonths !== from.billingMonths) throw new CommandError('errors:tariff.otherBillingPeriod', { field: 'tariffId' });
  if (!to.active) throw new CommandError('errors:tariff.inactive', { field: 'tariffId' });
  const period = subscription.currentPeriod;
  if (input.date < period.start || input.date >= period.end) {
    throw new CommandError('errors:tariffChange.outsidePeriod', { field: 'date', params: { start: period.start, end: period.end } });
  }
  const oldPrice = priceAt(from, period.start);
  const newPrice = priceAt(to, period.start);
  if (newPrice >= oldPrice) {
    const quote = quoteTariffChange({ periodStart: period.start, periodEnd: period.end, effectiveDate: input.date, oldPrice, newPrice });
    return { subscription, from, to, oldPrice, newPrice, mode: 'in_period', quote, downgrade: null };
  }
  const service = await loadService(tx, subscription.serviceId);
  const downgrade = service.policy.downgrade;
  if (downgrade === 'at_renewal_only') return { subscription, from, to, oldPrice, newPrice, mode: 'at_renewal', quote: null, downgrade };
  const quote = quoteTariffChange({ periodStart: period.start, periodEnd: period.end, effectiveDate: input.date, oldPrice, newPrice });
  return { subscription, from, to, oldPrice, newPrice, mode: 'in_period', quote, downgrade };
}

/**
 * Moves an active subscription to another tariff of its service (§4.1, §6).
 * Upgrade: the prorated difference is charged now, bonus first, and refused
 * when money + bonus do not cover it. Downgrade at renewal: scheduled, nothing
 * charged. Downgrade on request: refused until the resource check is ticked,
 * then the prorated difference is credited to the buckets that paid the period.
 */
export const changeTariff = defineCommand({
  name: 'changeTariff',
  role: 'manager',
  input: changeTariffInput,
  ref: (change: TariffChange) => ({ table: 'tariffChanges', id: change.id }),
  run: async (tx, input): Promise<TariffChange> => {
    assertNotFuture(tx, input.date);
    const plan = await planTariffChange(tx, input);
    const { subscription, quote } = plan;
    await loadOpenAccount(tx, subscription.accountId);
    if (plan.downgrade === 'on_request' && input.resourcesChecked !== true) {
      throw new CommandError('errors:tariffChange.resourceCheckRequired', { field: 'resourcesChecked' });
    }
    const period = subscription.currentPeriod!;
    const change: TariffChange = {
      id: newId(),
      accountId: subscription.accountId,
      subscriptionId: subscription.id,
      fromTariffId: plan.from.id,
      toTariffId: plan.to.id,
      effectiveDate: plan.mode === 'at_renewal' ? period.end : input.date,
      mode: plan.mode,
      quote,
      status: 'approved',
      requestedAt: tx.meta.at,
      requestedBy: tx.meta.actor,
      decidedAt: tx.meta.at,
      decidedBy: tx.meta.actor,
      ledgerEntryIds: [],
    };
    const line = { accountId: subscription.accountId, subscriptionId: subscription.id, serviceId: subscription.serviceId, period, links: { tariffChangeId: change.id } };
    if (quote !== null && quote.amount > 0) {
      const balances = await tx.balances(subscription.accountId);
      const bonus = Math.max(0, balances.bonus);
      const available = Math.max(0, balances.money) + bonus;
      if (quote.amount > available) throw new CommandError('errors:balance.insufficient', { params: { required: quote.amount, available } });
      const entries = splitEntries(postingOf(tx, input.date), { ...line, kind: 'tariff_change_charge', split: splitCharge(quote.amount, bonus), direction: 'debit' });
      change.ledgerEntryIds = (await tx.post(entries)).map((e) => e.id);
    } else if (quote !== null && quote.amount < 0) {
      const { paid } = await paidShares(tx, subscription.id, period);
      const credit = Math.min(-quote.amount, paid.money + paid.bonus);
      const entries = splitEntries(postingOf(tx, input.date), { ...line, kind: 'tariff_change_credit', split: allocateToBuckets(credit, paid), direction: 'credit' });
      change.ledgerEntryIds = (await tx.post(entries)).map((e) => e.id);
    }
    const after: Subscription =
      plan.mode === 'at_renewal'
        ? { ...subscription, scheduledTariffId: plan.to.id, updatedAt: tx.meta.at }
        : { ...subscription, tariffId: plan.to.id, scheduledTariffId: null, updatedAt: tx.meta.at };
    await tx.update('subscriptions', subscription, after);
    await tx.insert('tariffChanges', change);
    return change;
  },
});
