import { z } from 'zod';
import { addWorkingDays, allocateToBuckets, quoteCancellation } from '../../shared/billing';
import { isoDateSchema, reasonInputSchema, tariffPriceOn, type Refund, type Subscription } from '../../shared/domain';
import { loadCalendar } from '../calendar';
import { CommandError } from '../errors';
import { newId } from '../ids';
import { splitEntries } from '../ledgerEntries';
import { defineCommand, refSchema } from '../registry';
import type { Reader } from '../tx';
import { postingOf } from './charges';
import { assertNotFuture } from './dates';
import { loadOpenAccount, loadService, loadSubscription, loadTariff } from './loaders';
import { paidShares } from './paidShares';
import { decision } from './decisions';

export const cancelSubscriptionInput = z.object({ subscriptionId: refSchema('errors:subscription.notFound'), date: isoDateSchema });

const CANCELLABLE: ReadonlySet<Subscription['status']> = new Set(['pending_payment', 'active', 'suspended']);

export interface CancellationPlan {
  subscription: Subscription;
  /** null: nothing to refund (pending payment, a service that refunds nothing, or 0). */
  quote: { kind: 'full' | 'prorated'; amount: number; remainingDays: number; periodDays: number } | null;
  price: number | null;
  chargedTotal: number;
  refundWindowDays: number | null;
  dueDate: string | null;
}

/**
 * The refund a cancellation on `date` gives (§4.2, §6), without writing:
 * `quoteCancellation` with the service's refund window, the current tariff's
 * price on the period start and everything charged for the subscription
 * (period and tariff-change charges, less credits) less refunds approved.
 */
export async function planCancellation(reader: Reader, input: z.output<typeof cancelSubscriptionInput>): Promise<CancellationPlan> {
  const subscription = await loadSubscription(reader, input.subscriptionId);
  if (!CANCELLABLE.has(subscription.status)) {
    throw new CommandError('errors:cancellation.notCancellable', { field: 'subscriptionId', params: { status: subscription.status } });
  }
  const none = { subscription, quote: null, price: null, chargedTotal: 0, refundWindowDays: null, dueDate: null };
  const period = subscription.currentPeriod;
  if (subscription.status === 'pending_payment' || period === null || subscription.firstUseDate === null) return none;
  const service = await loadService(reader, subscription.serviceId);
  const tariff = await loadTariff(reader, subscription.tariffId);
  const price = tariffPriceOn(tariff, period.start);
  if (price === undefined) throw new CommandError('errors:tariff.noPrice', { params: { date: period.start } });
  const { total } = await paidShares(reader, subscription.id);
  const refundWindowDays = service.policy.refundWindowDays;
  const quote = quoteCancellation({
    firstUseDate: subscription.firstUseDate,
    periodStart: period.start,
    periodEnd: period.end,
    cancelDate: input.date,
    currentPrice: price,
    chargedTotal: total,
    refundWindowDays,
  });
  // Uchet.EDO refunds nothing after cancellation (liability capped at the amount paid, 002 §5.2).
  const refunds = service.policy.cancellation !== 'none' || quote.kind === 'full';
  const dueDate = addWorkingDays(input.date, service.policy.refundDueWorkingDays, await loadCalendar(reader));
  return { subscription, quote: refunds && quote.amount > 0 ? quote : null, price, chargedTotal: total, refundWindowDays, dueDate };
}

/**
 * Cancels a subscription: it becomes `cancelled`, auto-renewal off, any
 * scheduled change dropped; the refund (full inside the window, the unused
 * days after) is requested for a manager's decision, due in 15 working days.
 */
export const cancelSubscription = defineCommand({
  name: 'cancelSubscription',
  role: 'manager',
  input: cancelSubscriptionInput,
  ref: (result: { subscription: Subscription }) => ({ table: 'subscriptions', id: result.subscription.id }),
  run: async (tx, input): Promise<{ subscription: Subscription; refund: Refund | null }> => {
    assertNotFuture(tx, input.date);
    const plan = await planCancellation(tx, input);
    const before = plan.subscription;
    await loadOpenAccount(tx, before.accountId);
    const subscription: Subscription = { ...before, status: 'cancelled', autoRenew: false, scheduledTariffId: null, updatedAt: tx.meta.at };
    await tx.update('subscriptions', before, subscription);
    if (plan.quote === null) return { subscription, refund: null };
    const refund: Refund = {
      id: newId(),
      accountId: before.accountId,
      subscriptionId: before.id,
      cancelDate: input.date,
      quote: { kind: plan.quote.kind, amount: plan.quote.amount },
      dueDate: plan.dueDate!,
      status: 'requested',
      requestedAt: tx.meta.at,
      requestedBy: tx.meta.actor,
      decidedAt: null,
      decidedBy: null,
      decisionReason: null,
      ledgerEntryIds: [],
    };
    await tx.insert('refunds', refund);
    return { subscription, refund };
  },
});

async function loadUndecidedRefund(tx: Reader, refundId: string): Promise<Refund> {
  const refund = await tx.read.refunds.get(refundId);
  if (!refund) throw new CommandError('errors:refund.notFound', { field: 'refundId' });
  if (refund.status !== 'requested') throw new CommandError('errors:refund.alreadyDecided', { field: 'refundId', params: { status: refund.status } });
  return refund;
}

const refundRef = (refund: Refund) => ({ table: 'refunds' as const, id: refund.id });

/**
 * Credits the refund to the account balance (never straight to cash, §4.7),
 * kind `refund`, to the buckets in the proportion that paid: the whole
 * subscription for a full refund, the current period for the unused days.
 * Dated today (a decision carries today's business date).
 */
export const approveRefund = defineCommand({
  name: 'approveRefund',
  role: 'manager',
  input: z.object({ refundId: refSchema('errors:refund.notFound') }),
  ref: refundRef,
  run: async (tx, input): Promise<Refund> => {
    const before = await loadUndecidedRefund(tx, input.refundId);
    const subscription = await loadSubscription(tx, before.subscriptionId);
    const period = before.quote.kind === 'prorated' ? (subscription.currentPeriod ?? undefined) : undefined;
    let { paid } = await paidShares(tx, subscription.id, period);
    if (paid.money + paid.bonus < before.quote.amount) paid = (await paidShares(tx, subscription.id)).paid;
    const amount = Math.min(before.quote.amount, paid.money + paid.bonus);
    const entries = splitEntries(postingOf(tx, tx.meta.today), {
      accountId: before.accountId,
      kind: 'refund',
      split: allocateToBuckets(amount, paid),
      direction: 'credit',
      subscriptionId: subscription.id,
      serviceId: subscription.serviceId,
      ...(period === undefined ? {} : { period }),
      links: { refundId: before.id },
    });
    const posted = await tx.post(entries);
    const after: Refund = { ...before, ...decision(tx, 'approved', { ledgerEntryIds: posted.map((e) => e.id) }) };
    return tx.update('refunds', before, after);
  },
});

/** Refuses a requested refund with a written reason; nothing is credited. */
export const rejectRefund = defineCommand({
  name: 'rejectRefund',
  role: 'manager',
  input: z.object({ refundId: refSchema('errors:refund.notFound'), reason: reasonInputSchema }),
  ref: refundRef,
  run: async (tx, input): Promise<Refund> => {
    const before = await loadUndecidedRefund(tx, input.refundId);
    const after: Refund = { ...before, ...decision(tx, 'rejected', { reason: input.reason }) };
    return tx.update('refunds', before, after);
  },
});
