import { newId } from '../ids';
import { z } from 'zod';
import { nextPeriodEnd } from '../../shared/billing';
import { isoDateSchema, type Subscription, type Tariff } from '../../shared/domain';
import { CommandError } from '../errors';
import type { CreateSubscriptionInput } from '../types';
import { chargePeriod } from './charges';
import { parseInput, runCommand, type CommandDeps, type CommandWriter } from './run';

const createSubscriptionSchema = z.object({
  accountId: z.string().min(1, { error: 'errors:account.notFound' }),
  tariffId: z.string().min(1, { error: 'errors:tariff.notFound' }),
  startDate: isoDateSchema,
  autoRenew: z.boolean().optional(),
});

async function loadTariff(writer: CommandWriter, tariffId: string): Promise<Tariff> {
  const tariff = await writer.db.tariffs.get(tariffId);
  if (!tariff) throw new CommandError('errors:tariff.notFound', { field: 'tariffId' });
  return tariff;
}

async function loadSubscription(writer: CommandWriter, id: string): Promise<Subscription> {
  const subscription = await writer.db.subscriptions.get(id);
  if (!subscription) throw new CommandError('errors:subscription.notFound', { field: 'subscriptionId' });
  return subscription;
}

async function assertAccountOpen(writer: CommandWriter, accountId: string): Promise<void> {
  const account = await writer.db.accounts.get(accountId);
  if (!account) throw new CommandError('errors:account.notFound', { field: 'accountId' });
  if (account.status === 'closed') throw new CommandError('errors:account.closed', { field: 'accountId' });
}

function dayOfMonth(date: string): number {
  return Number(date.slice(8, 10));
}

/** Orders a service on a tariff; nothing is charged until activation (prepayment). */
export async function createSubscription(deps: CommandDeps, input: CreateSubscriptionInput): Promise<Subscription> {
  const data = parseInput(createSubscriptionSchema, input);
  return runCommand(deps, 'createSubscription', input.opId, async (writer) => {
    await assertAccountOpen(writer, data.accountId);
    const tariff = await loadTariff(writer, data.tariffId);
    if (!tariff.active) throw new CommandError('errors:tariff.inactive', { field: 'tariffId' });
    const service = await writer.db.services.get(tariff.serviceId);
    if (!service) throw new CommandError('errors:service.notFound', { field: 'tariffId' });
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
      createdAt: writer.meta.at,
      updatedAt: writer.meta.at,
    };
    await writer.insert('subscriptions', subscription);
    await writer.audit({ table: 'subscriptions', id: subscription.id }, null, subscription);
    return { result: subscription, ref: { table: 'subscriptions', id: subscription.id } };
  });
}

const activateSchema = z.object({
  subscriptionId: z.string().min(1, { error: 'errors:subscription.notFound' }),
  date: isoDateSchema.optional(),
});

/**
 * Starts the first period on `date` (default: the requested start date) and
 * charges it in advance at the price in force that day. The day of month
 * becomes the anchor later periods return to.
 */
export async function activateSubscription(
  deps: CommandDeps,
  input: { subscriptionId: string; date?: string; opId: string },
): Promise<Subscription> {
  const data = parseInput(activateSchema, input);
  return runCommand(deps, 'activateSubscription', input.opId, async (writer) => {
    const before = await loadSubscription(writer, data.subscriptionId);
    if (before.status !== 'pending_payment') {
      throw new CommandError('errors:subscription.notPending', { field: 'subscriptionId', params: { status: before.status } });
    }
    await assertAccountOpen(writer, before.accountId);
    const tariff = await loadTariff(writer, before.tariffId);
    const start = data.date ?? before.startDate;
    const anchorDay = dayOfMonth(start);
    const period = { start, end: nextPeriodEnd(start, tariff.billingMonths, anchorDay) };
    await chargePeriod(writer, before, tariff, period);
    const after: Subscription = {
      ...before,
      status: 'active',
      firstUseDate: start,
      anchorDay,
      currentPeriod: period,
      updatedAt: writer.meta.at,
    };
    await writer.update('subscriptions', after);
    await writer.audit({ table: 'subscriptions', id: after.id }, before, after);
    return { result: after, ref: { table: 'subscriptions', id: after.id } };
  });
}

const renewSchema = z.object({ subscriptionId: z.string().min(1, { error: 'errors:subscription.notFound' }) });
const RENEWABLE: ReadonlySet<Subscription['status']> = new Set(['active', 'suspended', 'expired']);

/**
 * Charges the next period, which starts where the current one ends, at the
 * price in force on that day; a scheduled tariff change takes over here, in
 * full (no proration). The period end follows the anchor day.
 */
export async function renewSubscription(deps: CommandDeps, input: { subscriptionId: string; opId: string }): Promise<Subscription> {
  const data = parseInput(renewSchema, input);
  return runCommand(deps, 'renewSubscription', input.opId, async (writer) => {
    const before = await loadSubscription(writer, data.subscriptionId);
    if (!RENEWABLE.has(before.status) || before.currentPeriod === null) {
      throw new CommandError('errors:subscription.notRenewable', { field: 'subscriptionId', params: { status: before.status } });
    }
    await assertAccountOpen(writer, before.accountId);
    const tariff = await loadTariff(writer, before.scheduledTariffId ?? before.tariffId);
    if (tariff.serviceId !== before.serviceId) throw new CommandError('errors:tariff.otherService', { field: 'tariffId' });
    const start = before.currentPeriod.end;
    const period = { start, end: nextPeriodEnd(start, tariff.billingMonths, before.anchorDay) };
    await chargePeriod(writer, before, tariff, period);
    const after: Subscription = {
      ...before,
      status: 'active',
      tariffId: tariff.id,
      scheduledTariffId: null,
      currentPeriod: period,
      updatedAt: writer.meta.at,
    };
    await writer.update('subscriptions', after);
    await writer.audit({ table: 'subscriptions', id: after.id }, before, after);
    return { result: after, ref: { table: 'subscriptions', id: after.id } };
  });
}
