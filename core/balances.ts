import Dexie from 'dexie';
import type { Balances, Bucket } from '../shared/domain';
import type { AppDatabase } from './db';
import { CommandError } from './errors';

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

function checked(sum: bigint, accountId?: string): number {
  // A balance a double cannot hold exactly would show a wrong number: refuse it instead.
  if (sum > MAX || sum < -MAX) throw new CommandError('errors:balance.outOfRange', accountId === undefined ? {} : { params: { accountId } });
  return Number(sum);
}

/**
 * A balance is the sum of the account's ledger entries, per bucket; nothing
 * stores it. Read through the [accountId+at] index: an account has few
 * entries even when the ledger holds millions. Summed exactly (BigInt), so a
 * balance beyond 2^53 is an error, never a silently rounded number.
 */
export async function balancesOf(db: AppDatabase, accountId: string): Promise<Balances> {
  const sums = { money: 0n, bonus: 0n };
  // toArray (one getAll) rather than each (a cursor step per entry): about 5× faster in Chromium.
  const entries = await db.ledger.where('[accountId+at]').between([accountId, Dexie.minKey], [accountId, Dexie.maxKey]).toArray();
  for (const entry of entries) sums[entry.bucket] += BigInt(entry.amount);
  return { money: checked(sums.money, accountId), bonus: checked(sums.bonus, accountId) };
}

/** The balances after one more entry, refused when the result leaves the safe-integer range. */
export function addBalance(balances: Balances, bucket: Bucket, amount: number): Balances {
  return { ...balances, [bucket]: checked(BigInt(balances[bucket]) + BigInt(amount)) };
}
