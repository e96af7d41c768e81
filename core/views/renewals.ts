import Dexie from 'dexie';
import { z } from 'zod';
import { idSchema, isoDateSchema } from '../../shared/domain';
import type { AppDatabase } from '../db';
import { parseInput } from '../registry';

/**
 * How many active subscriptions have a period that ended on or before
 * `today`: what a renewal run for today would renew, suspend or expire.
 * Counted on the `[status+currentPeriod.end]` index (keys only), so the
 * start-up reminder costs one short index walk, whatever the book's size.
 */
export async function renewalsDue(db: AppDatabase, today: string): Promise<number> {
  const date = parseInput(isoDateSchema, today);
  return db.subscriptions.where('[status+currentPeriod.end]').between(['active', Dexie.minKey], ['active', date], true, true).count();
}

const accountIdsSchema = z.array(idSchema).max(100_000);

/** Client names by id, for lists that hold ids only (the renewal preview's lines); unknown ids are left out. */
export async function accountNames(db: AppDatabase, accountIds: string[]): Promise<Record<string, string>> {
  const ids = [...new Set(parseInput(accountIdsSchema, accountIds))];
  const accounts = await db.accounts.bulkGet(ids);
  const names: Record<string, string> = {};
  for (const account of accounts) if (account) names[account.id] = account.name;
  return names;
}
