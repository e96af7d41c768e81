import { z } from 'zod';
import { PAYMENT_METHODS, isoDateSchema, paymentReferenceInputSchema, positiveTiynSchema, type LedgerEntry } from '../../shared/domain';
import { CommandError } from '../errors';
import { paymentEntry } from '../ledgerEntries';
import { defineCommand, refSchema } from '../registry';
import { postingOf } from './charges';
import { loadOpenAccount } from './loaders';

const recordPaymentSchema = z.object({
  accountId: refSchema('errors:account.notFound'),
  amount: positiveTiynSchema,
  date: isoDateSchema,
  method: z.enum(PAYMENT_METHODS, { error: 'errors:payment.methodRequired' }),
  reference: paymentReferenceInputSchema,
});

/** A client's payment: money in the `money` bucket, dated by the bank statement's business day. */
export const recordPayment = defineCommand({
  name: 'recordPayment',
  role: 'operator',
  input: recordPaymentSchema,
  ref: (entry: LedgerEntry) => ({ table: 'ledger', id: entry.id }),
  run: async (tx, data): Promise<LedgerEntry> => {
    const account = await loadOpenAccount(tx, data.accountId);
    if (data.date > tx.meta.today) throw new CommandError('errors:payment.dateInFuture', { field: 'date' });
    const [entry] = await tx.post([
      paymentEntry(postingOf(tx, data.date), {
        accountId: account.id,
        amount: data.amount,
        method: data.method,
        ...(data.reference === undefined ? {} : { reference: data.reference }),
      }),
    ]);
    return entry!;
  },
});
