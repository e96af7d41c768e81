import { newId } from '../ids';
import { z } from 'zod';
import { PAYMENT_METHODS, isoDateSchema, positiveTiynSchema, type LedgerEntry } from '../../shared/domain';
import { CommandError } from '../errors';
import type { RecordPaymentInput } from '../types';
import { parseInput, runCommand, type CommandDeps } from './run';

const recordPaymentSchema = z.object({
  accountId: z.string().min(1, { error: 'errors:account.notFound' }),
  amount: positiveTiynSchema,
  date: isoDateSchema,
  method: z.enum(PAYMENT_METHODS, { error: 'errors:payment.methodRequired' }),
  reference: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.string().trim().max(200, { error: 'errors:payment.referenceTooLong' }).optional(),
  ),
});

/** A client's payment: money in the `money` bucket, dated by the bank statement's business day. */
export async function recordPayment(deps: CommandDeps, input: RecordPaymentInput): Promise<LedgerEntry> {
  const data = parseInput(recordPaymentSchema, input);
  return runCommand(deps, 'recordPayment', input.opId, async (writer) => {
    const account = await writer.db.accounts.get(data.accountId);
    if (!account) throw new CommandError('errors:account.notFound', { field: 'accountId' });
    if (account.status === 'closed') throw new CommandError('errors:account.closed', { field: 'accountId' });
    if (data.date > writer.meta.today) throw new CommandError('errors:payment.dateInFuture', { field: 'date' });
    const entry: LedgerEntry = {
      id: newId(),
      accountId: account.id,
      bucket: 'money',
      amount: data.amount,
      kind: 'payment',
      method: data.method,
      ...(data.reference === undefined ? {} : { reference: data.reference }),
      operationId: writer.meta.opId,
      actor: writer.meta.actor,
      at: writer.meta.at,
      businessDate: data.date,
    };
    await writer.insert('ledger', entry);
    await writer.audit({ table: 'ledger', id: entry.id }, null, entry);
    return { result: entry, ref: { table: 'ledger', id: entry.id } };
  });
}
