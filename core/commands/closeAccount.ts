import { z } from 'zod';
import { isoDateSchema, type Account } from '../../shared/domain';
import { CommandError } from '../errors';
import { defineCommand, refSchema } from '../registry';
import type { Reader } from '../tx';
import { postingOf } from './charges';
import { assertNotFuture } from './dates';
import { loadAccount } from './loaders';
import { balancesOf } from '../balances';
import type { AppDatabase } from '../db';
import { bucketEntry } from '../ledgerEntries';
import { searchFieldsOf } from '../searchFields';

export const closeAccountInput = z.object({ accountId: refSchema('errors:account.notFound'), date: isoDateSchema });

/** Why an account cannot be closed yet, and what closing it would pay out (the dialog shows this first). */
export interface ClosePlan {
  blockers: { activeSubscriptions: number; pendingRefunds: number };
  /** Per bucket, what the payout entries will move (the balance, paid out; a debt is written off the same way). */
  payout: { money: number; bonus: number };
}

export async function planClose(reader: Reader, db: AppDatabase | null, accountId: string): Promise<ClosePlan> {
  const subscriptions = await reader.read.subscriptions.where('accountId').equals(accountId).toArray();
  const refunds = await reader.read.refunds.where('accountId').equals(accountId).toArray();
  const activeSubscriptions = subscriptions.filter((s) => s.status === 'active' || s.status === 'suspended').length;
  const pendingRefunds = refunds.filter((r) => r.status === 'requested').length;
  const payout = db ? await balancesOf(db, accountId) : { money: 0, bonus: 0 };
  return { blockers: { activeSubscriptions, pendingRefunds }, payout };
}

/**
 * Closes a client's account (§6): refused while a subscription is active or
 * suspended or a refund is undecided; `payout` entries bring each non-zero
 * bucket to 0 (bonuses are paid out in cash only when the client leaves,
 * 000 §9.4), then the account is `closed`.
 */
export const closeAccount = defineCommand({
  name: 'closeAccount',
  role: 'manager',
  input: closeAccountInput,
  ref: (account: Account) => ({ table: 'accounts', id: account.id }),
  run: async (tx, input): Promise<Account> => {
    assertNotFuture(tx, input.date);
    const before = await loadAccount(tx, input.accountId);
    if (before.status === 'closed') throw new CommandError('errors:account.closed', { field: 'accountId' });
    const { blockers } = await planClose(tx, null, before.id);
    if (blockers.activeSubscriptions > 0) throw new CommandError('errors:account.hasActiveSubscriptions', { params: { count: blockers.activeSubscriptions } });
    if (blockers.pendingRefunds > 0) throw new CommandError('errors:account.hasPendingRefunds', { params: { count: blockers.pendingRefunds } });
    const balances = await tx.balances(before.id);
    const posting = postingOf(tx, input.date);
    const entries = (['bonus', 'money'] as const)
      .filter((bucket) => balances[bucket] !== 0)
      .map((bucket) => bucketEntry(posting, { accountId: before.id, bucket, amount: -balances[bucket], kind: 'payout' }));
    await tx.post(entries);
    const after: Account = { ...before, status: 'closed', updatedAt: tx.meta.at };
    await tx.update('accounts', { ...before, ...searchFieldsOf(before) }, { ...after, ...searchFieldsOf(after) });
    return after;
  },
});
