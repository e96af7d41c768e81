import { z } from 'zod';
import { isoDateSchema, type Account } from '../../shared/domain';
import { CommandError } from '../errors';
import { defineCommand, refSchema } from '../registry';
import { readerOf, type Reader } from '../tx';
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

/** What keeps an account open: subscriptions still active or suspended, refunds still undecided. */
export async function closeBlockers(reader: Reader, accountId: string): Promise<ClosePlan['blockers']> {
  const [subscriptions, refunds] = await Promise.all([
    reader.read.subscriptions.where('accountId').equals(accountId).toArray(),
    reader.read.refunds.where('accountId').equals(accountId).toArray(),
  ]);
  return {
    activeSubscriptions: subscriptions.filter((s) => s.status === 'active' || s.status === 'suspended').length,
    pendingRefunds: refunds.filter((r) => r.status === 'requested').length,
  };
}

export async function planClose(db: AppDatabase, accountId: string): Promise<ClosePlan> {
  const [blockers, payout] = await Promise.all([closeBlockers(readerOf(db), accountId), balancesOf(db, accountId)]);
  return { blockers, payout };
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
    const blockers = await closeBlockers(tx, before.id);
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
