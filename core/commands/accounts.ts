import { newId } from '../ids';
import { z } from 'zod';
import { accountInputSchema, accountPatchSchema, type Account, type AccountInput } from '../../shared/domain';
import type { StoredAccount } from '../db';
import { CommandError } from '../errors';
import { searchFieldsOf } from '../searchFields';
import { parseInput, runCommand, withoutSearchFields, type CommandDeps, type CommandWriter } from './run';

async function assertUniqueIinBin(writer: CommandWriter, iinBin: string, exceptId?: string): Promise<void> {
  const clash = await writer.db.accounts.where('iinBin').equals(iinBin).filter((a) => a.id !== exceptId).first();
  if (clash) throw new CommandError('errors:account.duplicateIinBin', { field: 'iinBin', params: { name: clash.name } });
}

function stored(account: Account): StoredAccount {
  return { ...account, ...searchFieldsOf(account) };
}

/** Keeps the optional fields absent rather than undefined, so records compare and clone cleanly. */
function compact<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

export async function createAccount(deps: CommandDeps, input: AccountInput & { opId: string }): Promise<Account> {
  const data = parseInput(accountInputSchema, input);
  return runCommand(deps, 'createAccount', input.opId, async (writer) => {
    await assertUniqueIinBin(writer, data.iinBin);
    const account: Account = compact({
      id: newId(),
      ...data,
      status: data.status ?? 'active',
      createdAt: writer.meta.at,
      updatedAt: writer.meta.at,
    });
    await writer.insert('accounts', stored(account));
    await writer.audit({ table: 'accounts', id: account.id }, null, account);
    return { result: account, ref: { table: 'accounts', id: account.id } };
  });
}

const updateAccountSchema = z.object({ id: z.string().min(1, { error: 'errors:account.notFound' }), patch: accountPatchSchema });

export async function updateAccount(deps: CommandDeps, input: { id: string; patch: Partial<AccountInput>; opId: string }): Promise<Account> {
  parseInput(updateAccountSchema, input);
  return runCommand(deps, 'updateAccount', input.opId, async (writer) => {
    const current = await writer.db.accounts.get(input.id);
    if (!current) throw new CommandError('errors:account.notFound', { field: 'id' });
    const before = withoutSearchFields(current);
    const { id: _id, createdAt: _c, updatedAt: _u, ...editable } = before;
    // The merged record is validated as a whole: a new kind must still fit the IIN/BIN, etc.
    // An undefined field in the patch means "unchanged"; '' clears an optional field.
    const data = parseInput(accountInputSchema, { ...editable, ...compact(input.patch) });
    if (data.iinBin !== before.iinBin) await assertUniqueIinBin(writer, data.iinBin, before.id);
    const after: Account = compact({
      id: before.id,
      ...data,
      status: data.status ?? before.status,
      createdAt: before.createdAt,
      updatedAt: writer.meta.at,
    });
    await writer.update('accounts', stored(after));
    await writer.audit({ table: 'accounts', id: after.id }, before, after);
    return { result: after, ref: { table: 'accounts', id: after.id } };
  });
}
