import { newId } from '../ids';
import { splitCharge } from '../../shared/billing';
import { tariffPriceOn, type LedgerEntry, type Period, type Subscription, type Tariff } from '../../shared/domain';
import { balancesOf } from '../balances';
import { CommandError } from '../errors';
import type { CommandWriter } from './run';

/**
 * Charges one prepaid period from the balance, bonus first (the engine's
 * splitCharge). Each bucket that pays gets its own entry; the entries share a
 * chargeId so a later refund can return money in the same proportion.
 * Refused, with nothing written, when the balance does not cover the price.
 */
export async function chargePeriod(
  writer: CommandWriter,
  subscription: Pick<Subscription, 'id' | 'accountId'>,
  tariff: Tariff,
  period: Period,
): Promise<LedgerEntry[]> {
  const price = tariffPriceOn(tariff, period.start);
  if (price === undefined) throw new CommandError('errors:tariff.noPrice', { params: { date: period.start } });
  const balances = await balancesOf(writer.db, subscription.accountId);
  const bonus = Math.max(0, balances.bonus);
  const available = Math.max(0, balances.money) + bonus;
  if (price > available) {
    throw new CommandError('errors:balance.insufficient', { params: { required: price, available } });
  }
  const split = splitCharge(price, bonus);
  const chargeId = newId();
  const entries: LedgerEntry[] = [];
  for (const bucket of ['bonus', 'money'] as const) {
    if (split[bucket] === 0) continue;
    entries.push({
      id: newId(),
      accountId: subscription.accountId,
      bucket,
      amount: -split[bucket],
      kind: 'period_charge',
      subscriptionId: subscription.id,
      chargeId,
      period,
      operationId: writer.meta.opId,
      actor: writer.meta.actor,
      at: writer.meta.at,
      // A prepaid period is charged for, and taxed on, the day it starts.
      businessDate: period.start,
    });
  }
  return writer.bulkInsert('ledger', entries);
}
