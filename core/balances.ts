import Dexie from 'dexie';
import type { Balances } from '../shared/domain';
import type { AppDatabase } from './db';

/**
 * A balance is the sum of the account's ledger entries, per bucket; nothing
 * stores it. Read through the [accountId+bucket] index: an account has few
 * entries even when the ledger holds millions.
 */
export async function balancesOf(db: AppDatabase, accountId: string): Promise<Balances> {
  const balances: Balances = { money: 0, bonus: 0 };
  await db.ledger
    .where('[accountId+bucket]')
    .between([accountId, Dexie.minKey], [accountId, Dexie.maxKey])
    .each((entry) => {
      balances[entry.bucket] += entry.amount;
    });
  return balances;
}
