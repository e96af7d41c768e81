import { z } from 'zod';
import { ACCOUNT_KINDS, ACCOUNT_STATUSES, accountInputSchema, type Account } from '../../shared/domain';
import type { StoredAccount } from '../db';
import { CommandError } from '../errors';
import { newId } from '../ids';
import { defineCommand, parseInput, refSchema } from '../registry';
import { searchFieldsOf } from '../searchFields';
import { withoutSearchFields, type CommandTx } from '../tx';
import { loadAccount } from './loaders';

async function assertUniqueIinBin(tx: CommandTx, iinBin: string, exceptId?: string): Promise<void> {
  const clash = await tx.read.accounts.where('iinBin').equals(iinBin).filter((a) => a.id !== exceptId).first();
  if (clash) throw new CommandError('errors:account.duplicateIinBin', { field: 'iinBin', params: { name: clash.name } });
}

function stored(account: Account): StoredAccount {
  return { ...account, ...searchFieldsOf(account) };
}

/** Keeps the optional fields absent rather than undefined, so records compare and clone cleanly. */
function compact<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

const accountRef = (account: Account) => ({ table: 'accounts' as const, id: account.id });

export const createAccount = defineCommand({
  name: 'createAccount',
  role: 'operator',
  input: accountInputSchema,
  ref: accountRef,
  run: async (tx, data): Promise<Account> => {
    await assertUniqueIinBin(tx, data.iinBin);
    const account: Account = compact({
      id: newId(),
      ...data,
      status: data.status ?? 'active',
      createdAt: tx.meta.at,
      updatedAt: tx.meta.at,
    });
    await tx.insert('accounts', stored(account));
    return account;
  },
});

/**
 * The patch as typed: checked field by field only for its type here, because
 * '' must survive to the merge (it clears an optional field); the merged
 * record is then validated as a whole by accountInputSchema.
 */
const accountPatchInput = z.object({
  kind: z.enum(ACCOUNT_KINDS, { error: 'errors:account.kindRequired' }).optional(),
  name: z.string({ error: 'errors:account.nameRequired' }).optional(),
  iinBin: z.string({ error: 'errors:iinBin.length' }).optional(),
  responsiblePerson: z.string({ error: 'errors:validation.invalid' }).optional(),
  email: z.string({ error: 'errors:email.invalid' }).optional(),
  phone: z.string({ error: 'errors:phone.invalid' }).optional(),
  language: z.enum(['kk', 'ru'], { error: 'errors:account.languageRequired' }).optional(),
  status: z.enum(ACCOUNT_STATUSES, { error: 'errors:validation.invalid' }).optional(),
});

/** Fields left undefined stay as they are; '' clears an optional field (e-mail, phone, responsible person). */
export const updateAccount = defineCommand({
  name: 'updateAccount',
  role: 'operator',
  input: z.object({ id: refSchema('errors:account.notFound'), patch: accountPatchInput }),
  ref: accountRef,
  run: async (tx, input): Promise<Account> => {
    const before = await loadAccount(tx, input.id, 'id');
    const { id: _id, createdAt: _c, updatedAt: _u, ...editable } = before;
    // The merged record is validated as a whole: a new kind must still fit the IIN/BIN, etc.
    const data = parseInput(accountInputSchema, { ...editable, ...compact(input.patch) });
    if (data.iinBin !== before.iinBin) await assertUniqueIinBin(tx, data.iinBin, before.id);
    const after: Account = compact({
      id: before.id,
      ...data,
      status: data.status ?? before.status,
      createdAt: before.createdAt,
      updatedAt: tx.meta.at,
    });
    return withoutSearchFields(await tx.update('accounts', stored(before), stored(after)));
  },
});
