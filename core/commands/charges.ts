import { splitCharge } from '../../shared/billing';
import { tariffPriceOn, type LedgerEntry, type Period, type Subscription, type Tariff } from '../../shared/domain';
import { CommandError } from '../errors';
import { newId } from '../ids';
import { splitEntries } from '../ledgerEntries';
import type { CommandTx } from '../tx';

/** A posting dated `businessDate` by this command, with fresh ids. */
export function postingOf(tx: CommandTx, businessDate: string) {
  return { operationId: tx.meta.opId, actor: tx.meta.actor, at: tx.meta.at, businessDate, newId };
}

/**
 * Charges one prepaid period from the balance, bonus first (the engine's
 * splitCharge). Refused, with nothing written, when money + bonus do not
 * cover the price; a negative bucket counts as 0 available.
 */
export async function chargePeriod(
  tx: CommandTx,
  subscription: Pick<Subscription, 'id' | 'accountId' | 'serviceId'>,
  tariff: Tariff,
  period: Period,
): Promise<LedgerEntry[]> {
  const price = tariffPriceOn(tariff, period.start);
  if (price === undefined) throw new CommandError('errors:tariff.noPrice', { params: { date: period.start } });
  const balances = await tx.balances(subscription.accountId);
  const bonus = Math.max(0, balances.bonus);
  const available = Math.max(0, balances.money) + bonus;
  if (price > available) {
    throw new CommandError('errors:balance.insufficient', { params: { required: price, available } });
  }
  // A prepaid period is charged for, and taxed on, the day it starts.
  const entries = splitEntries(postingOf(tx, period.start), {
    accountId: subscription.accountId,
    kind: 'period_charge',
    split: splitCharge(price, bonus),
    direction: 'debit',
    subscriptionId: subscription.id,
    serviceId: subscription.serviceId,
    period,
  });
  return tx.post(entries);
}
