import type { Transaction } from 'dexie';
import { z } from 'zod';
import { BillingInputError, businessDateOf } from '../shared/billing';
import type { EntityRef, StaffRole } from '../shared/domain';
import { toCommandError as billingToCommandError } from './commands/billingErrors';
import type { AppDatabase } from './db';
import { CommandError, isCommandError, storageFaultOf, type ErrorCode } from './errors';
import { toHex } from './passwords';
import { CommandTx, tablesOf, type CommandMeta, type Tables } from './tx';

/**
 * A business command, declared once: its name, the zod schema of its input
 * (without the operation id), the least role that may run it, and its body.
 * The Store's method, its input type (z.input of the schema plus `opId`) and
 * its result type are derived from this declaration (core/store.ts).
 */
export interface CommandDefinition<S extends z.ZodType = z.ZodType, R = unknown, P = z.output<S>> {
  readonly name: string;
  readonly input: S;
  readonly role: StaffRole;
  /** The record the operation points at (for the audit view and later sync). */
  readonly ref?: (result: R) => EntityRef | null;
  /**
   * Slow or asynchronous work on the validated input that cannot run inside
   * the IndexedDB transaction (WebCrypto would let it commit): hashing a
   * password. Runs after the role and input checks and before the
   * fingerprint; what it returns replaces the input for the fingerprint and
   * for `run`, so a secret it turns into something else (a password into
   * its slow hash) never reaches the fingerprint or the operation record.
   */
  readonly prepare?: (input: z.output<S>, ctx: PrepareContext) => Promise<P>;
  /** The part of the prepared input the fingerprint covers (default: all of it); leave out what depends on the stored state. */
  readonly fingerprinted?: (input: P) => unknown;
  readonly run: (tx: CommandTx, input: P) => Promise<R>;
}

/** What a command's prepare step may use: the operation id, the acting login, the database (to read, outside any transaction). */
export interface PrepareContext {
  readonly opId: string;
  readonly actor: string;
  readonly db: AppDatabase;
}

/** Declares a command; the identity function that keeps the literal types. */
export function defineCommand<S extends z.ZodType, R, P = z.output<S>>(definition: CommandDefinition<S, R, P>): CommandDefinition<S, R, P> {
  return definition;
}

export const ROLE_RANK: Record<StaffRole, number> = { operator: 1, manager: 2, admin: 3 };

/** Roles are cumulative: operator ⊂ manager ⊂ admin. */
export function roleAllows(actorRole: StaffRole, needed: StaffRole): boolean {
  return (ROLE_RANK[actorRole] ?? 0) >= ROLE_RANK[needed];
}

export interface CoreContext {
  db: AppDatabase;
  now: () => Date;
  actor: () => string;
  role: () => StaffRole;
}

const KNOWN_CODE = /^errors:[A-Za-z0-9_.]+$/;

/** Turns the first zod issue into a CommandError; issue messages are `errors:` keys, custom issues may carry params. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const code = (KNOWN_CODE.test(issue.message) ? issue.message : 'errors:validation.invalid') as ErrorCode;
  const field = issue.path.length > 0 ? issue.path.join('.') : undefined;
  const params = issue.code === 'custom' ? (issue as { params?: Record<string, unknown> }).params : undefined;
  return raise(code, field, params);
}

function raise(code: ErrorCode, field: string | undefined, params: Record<string, unknown> | undefined): never {
  const options: { field?: string; params?: Record<string, unknown> } = {};
  if (field !== undefined) options.field = field;
  if (params !== undefined) options.params = params;
  throw new CommandError(code, options);
}

/** The operation id of a call, or a refusal. */
export function requireOpId(opId: unknown): string {
  if (typeof opId !== 'string' || opId.trim() === '' || opId.length > 200) {
    throw new CommandError('errors:operation.idRequired', { field: 'opId' });
  }
  return opId;
}

/** JSON with object keys sorted, so the same input always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

/**
 * A SHA-256 digest of the command and its validated input: the operation
 * keeps it to tell a repeat (same input) from a reuse of the id with other
 * input. A digest, never the input itself: a password must not be kept.
 */
export async function fingerprintOf(command: string, input: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson({ command, input }));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return toHex(digest);
}

/** Any failure of a command as what the caller gets: a CommandError, or the original error when it is a bug. */
export function asCommandFailure(error: unknown): unknown {
  if (isCommandError(error)) return error;
  if (error instanceof BillingInputError) return billingToCommandError(error);
  return storageFaultOf(error) ?? error;
}

/**
 * Runs one command: the role check, the input check, the prepare step
 * (outside any transaction), then ONE read-write
 * transaction over every table in which the body's writes, their outbox
 * records, audit events and counters, and the operation record commit
 * together or not at all. A repeat of the operation id with the same input
 * returns the first result and writes nothing; with other input (or from
 * another command) it is refused.
 */
export async function executeCommand<S extends z.ZodType, R, P>(ctx: CoreContext, definition: CommandDefinition<S, R, P>, rawInput: unknown): Promise<R> {
  try {
    const { opId: rawOpId, ...rest } = (typeof rawInput === 'object' && rawInput !== null ? rawInput : {}) as { opId?: unknown };
    const opId = requireOpId(rawOpId);
    const role = ctx.role();
    if (!roleAllows(role, definition.role)) throw new CommandError('errors:role.forbidden', { params: { role: definition.role } });
    const parsed = parseInput(definition.input, rest);
    const actor = ctx.actor();
    const input = definition.prepare ? await definition.prepare(parsed, { opId, actor, db: ctx.db }) : (parsed as P);
    const fingerprint = await fingerprintOf(definition.name, definition.fingerprinted ? definition.fingerprinted(input) : input);
    const at = ctx.now().toISOString();
    return await inCommandTransaction(ctx.db, { command: definition.name, opId, actor, at }, async (tx, tables) => {
      const done = await tables.operations.get(opId);
      if (done) {
        if (done.command !== definition.name || (done.fingerprint !== null && done.fingerprint !== fingerprint)) {
          throw new CommandError('errors:operation.conflict', { field: 'opId' });
        }
        return done.result as R;
      }
      const result = await definition.run(tx, input);
      await tables.operations.add({ opId, command: definition.name, fingerprint, actor, resultRef: definition.ref?.(result) ?? null, result, at });
      return result;
    });
  } catch (error) {
    throw asCommandFailure(error);
  }
}

/**
 * ONE read-write transaction over every table, with a CommandTx for `meta`
 * whose buffered audit event, outbox record and counters are written after
 * `body` (nothing is written when it buffered nothing). `tables` are bound
 * to the transaction. executeCommand runs every command in one; signIn
 * records an attempt in one, without an operation record.
 */
export async function inCommandTransaction<T>(db: AppDatabase, meta: Omit<CommandMeta, 'today'>, body: (tx: CommandTx, tables: Tables, transaction: Transaction) => Promise<T>): Promise<T> {
  return db.transaction('rw', db.tables, async (transaction) => {
    // Through tables bound to this transaction: a long command's awaits cannot carry a write out of it.
    const tables = tablesOf(db, transaction);
    const tx = new CommandTx(tables, { ...meta, today: businessDateOf(meta.at) }, { transaction: transaction.idbtrans, keyRange: db.keyRange });
    const result = await body(tx, tables, transaction);
    await tx.finish();
    return result;
  });
}

/** A required reference to a record (an id), refused with the record's own "not found" code. */
export function refSchema(notFound: ErrorCode) {
  return z.string({ error: notFound }).trim().min(1, { error: notFound }).max(100, { error: notFound });
}
