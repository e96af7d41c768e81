import type { z } from 'zod';
import type { StaffMember } from '../shared/domain';
import { DEFAULT_STAFF_ROLE, SYSTEM_ACTOR } from './actors';
import { call, createCoreHandler, type CoreTransport } from './boundary';
import { COMMANDS, type CommandName, type Commands } from './commands';
import type { AppDatabase } from './db';
import { generateDemoData } from './demo/generate';
import { QUERIES, type QueryName, type Queries } from './queries';
import type { CoreContext } from './registry';
import type { Progress } from './jobs';
import type { RenewalTotals } from './commands/renewals';
import type { RestoreResult } from './backup/restore';
import type { DemoOptions, DemoSummary, StoreContext } from './types';

/** What a command method takes: its schema's input plus the operation id. */
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']> & { opId: string };
export type CommandResult<N extends CommandName> = Awaited<ReturnType<Commands[N]['run']>>;

type CommandMethods = { [N in CommandName]: (input: CommandInput<N>) => Promise<CommandResult<N>> };
type QueryMethods = {
  [N in QueryName]: Queries[N] extends (db: AppDatabase, ...args: infer A) => Promise<infer R> ? (...args: A) => Promise<R> : never;
};

/**
 * The store: one method per command and query, derived from the
 * declarations (core/commands/index.ts, core/queries.ts). `db` is there for
 * tests and tools that run in the same thread; the UI never touches it.
 */
export type Store = CommandMethods &
  QueryMethods & {
    readonly db: AppDatabase;
    ensureCatalog(): Promise<void>;
    /** A long job with progress; in a worker it would report progress as messages. */
    generateDemoData(opts?: DemoOptions): Promise<DemoSummary>;
    /** §6 runRenewals, run in chunks (core/jobs.ts); `onProgress` gets subscriptions done of total. */
    runRenewals(input: { date: string; opId: string; chunkSize?: number }, options?: { onProgress?: Progress }): Promise<RenewalTotals>;
    /**
     * §6 signIn: checks a login's password (not a command: no opId). Refusals:
     * errors:staff.signInFailed, errors:staff.locked { until, minutes },
     * errors:staff.inactive; a wrong password is recorded even so.
     */
    signIn(input: { login: string; password: string }): Promise<StaffMember>;
    /**
     * §6 exportBackup: the whole database as a backup file (docs/backups.md),
     * encrypted when a backup password is set or `password` is given. Admin.
     * `onProgress` gets rows written of all rows.
     */
    exportBackup(input?: { password?: string; createdBy?: string }, options?: { onProgress?: Progress }): Promise<Blob>;
    /**
     * §6 restoreBackup: every table replaced by the file's rows, or a refusal
     * with nothing changed (errors:backup.*). Admin. `password` for a file
     * encrypted under another password than this installation's.
     * `onProgress` gets bytes done of twice the file (checked, then restored).
     */
    restoreBackup(input: { backup: Blob; opId: string; password?: string }, options?: { onProgress?: Progress }): Promise<RestoreResult>;
  };

/**
 * Binds the commands and queries to one database, a clock, the acting staff
 * login and that person's role (§6). Every call goes through the message
 * boundary; `transport` replaces the in-process one (a worker, or a test
 * that structured-clones every message).
 */
export function createStore(db: AppDatabase, ctx: StoreContext = {}, transport?: (handler: CoreTransport) => CoreTransport): Store {
  const context: CoreContext = {
    db,
    now: ctx.now ?? (() => new Date()),
    actor: ctx.actor ?? (() => SYSTEM_ACTOR),
    role: ctx.role ?? (() => DEFAULT_STAFF_ROLE),
  };
  const handler = createCoreHandler(context);
  const send = transport ? transport(handler) : handler;
  const methods: Record<string, unknown> = {};
  for (const name of Object.keys(COMMANDS) as CommandName[]) {
    // async: even garbage input is a rejected promise, never a synchronous throw
    methods[name] = async (input: unknown) => call(send, { kind: 'command', name, input });
  }
  for (const name of Object.keys(QUERIES) as QueryName[]) {
    methods[name] = (...args: unknown[]) => call(send, { kind: 'query', name, args });
  }
  return {
    ...(methods as CommandMethods & QueryMethods),
    db,
    ensureCatalog: async () => {
      await call(send, { kind: 'ensureCatalog' });
    },
    runRenewals: async (input, options = {}) => (await call(send, { kind: 'job', name: 'runRenewals', input }, options.onProgress)) as RenewalTotals,
    signIn: async (input) => (await call(send, { kind: 'signIn', input })) as StaffMember,
    exportBackup: async (input = {}, options = {}) => (await call(send, { kind: 'exportBackup', input }, options.onProgress)) as Blob,
    restoreBackup: async (input, options = {}) => (await call(send, { kind: 'restoreBackup', input }, options.onProgress)) as RestoreResult,
    generateDemoData: async (opts = {}) => {
      await call(send, { kind: 'ensureCatalog' });
      return generateDemoData(db, { ...opts, today: context.now() });
    },
  };
}
