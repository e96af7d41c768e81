import { z } from 'zod';
import { isoDateSchema } from '../shared/domain';
import { addTotals, beginRenewals, dueSubscriptionIds, EMPTY_TOTALS, finishRenewals, renewalChunk, type RenewalTotals } from './commands/renewals';
import { CommandError } from './errors';
import { executeCommand, fingerprintOf, parseInput, roleAllows, type CoreContext } from './registry';
import { readerOf } from './tx';

/** Reports how far a long job is: `done` of `total` units. */
export type Progress = (done: number, total: number) => void;

/** Subscriptions per chunk transaction: small enough that one chunk is a short main-thread task. */
export const RENEWAL_CHUNK = 1000;

const runRenewalsInput = z.object({
  date: isoDateSchema,
  /** Subscriptions per chunk transaction (tests make it small to cut a run between chunks). */
  chunkSize: z.number().int().min(1).max(2000).optional(),
  opId: z.string({ error: 'errors:operation.idRequired' }).min(1, { error: 'errors:operation.idRequired' }).max(200, { error: 'errors:operation.idRequired' }) });

const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * `runRenewals` (§6) as a job: the due subscriptions are processed in chunks,
 * each its own transaction and operation (`<opId>#<digest of its ids>`),
 * with a pause between chunks so the screen stays responsive. After a crash,
 * running again with the same opId resumes: chunks already committed are
 * found by their operations and not repeated, and every subscription's step
 * is idempotent for the date anyway. The run closes with `finishRenewals`
 * under the opId itself, whose result is the sum of all its chunks.
 */
export async function runRenewals(ctx: CoreContext, rawInput: unknown, progress?: Progress): Promise<RenewalTotals> {
  const input = parseInput(runRenewalsInput, rawInput);
  if (!roleAllows(ctx.role(), 'manager')) throw new CommandError('errors:role.forbidden', { params: { role: 'manager' } });
  // The run's date is fixed by its first start: a resume with another date is another run (refused).
  await executeCommand(ctx, beginRenewals, { opId: `${input.opId}@begin`, date: input.date });
  const finished = await ctx.db.operations.get(input.opId);
  if (finished) {
    if (finished.command !== finishRenewals.name) throw new CommandError('errors:operation.conflict', { field: 'opId' });
    return finished.result as RenewalTotals;
  }
  const ids = await dueSubscriptionIds(readerOf(ctx.db), input.date);
  progress?.(0, ids.length);
  const size = input.chunkSize ?? RENEWAL_CHUNK;
  for (let from = 0; from < ids.length; from += size) {
    const chunk = ids.slice(from, from + size);
    const key = (await fingerprintOf('renewalChunk', chunk)).slice(0, 16);
    await executeCommand(ctx, renewalChunk, { opId: `${input.opId}#${key}`, date: input.date, subscriptionIds: chunk });
    progress?.(Math.min(ids.length, from + size), ids.length);
    await yieldToUi();
  }
  let totals = EMPTY_TOTALS;
  await ctx.db.operations
    .where('opId')
    .startsWith(`${input.opId}#`)
    .each((operation) => {
      totals = addTotals(totals, operation.result as RenewalTotals);
    });
  return executeCommand(ctx, finishRenewals, { opId: input.opId, date: input.date, totals });
}
