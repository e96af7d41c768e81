import { exportBackup, restoreBackup } from './backup';
import { COMMANDS, type CommandName } from './commands';
import { catalogSeedOpId, ensureCatalogCommand } from './catalog';
import { signIn } from './commands/staff';
import { deserializeCommandError, isCommandError, serializeCommandError, type SerializedCommandError } from './errors';
import { runRenewals, type Progress } from './jobs';
import { QUERIES, type QueryName } from './queries';
import { executeCommand, type CommandDefinition, type CoreContext } from './registry';

/**
 * The core's message boundary: a request names a command (with its input)
 * or a query (with its arguments); the response is a value or a refusal.
 * Both are plain data (structured-clone safe), so the same core can run in
 * a Web Worker behind postMessage by swapping only the transport.
 */
export type CoreRequest =
  | { kind: 'command'; name: CommandName; input: unknown }
  | { kind: 'query'; name: QueryName; args: unknown[] }
  | { kind: 'ensureCatalog' }
  | { kind: 'job'; name: 'runRenewals'; input: unknown }
  | { kind: 'signIn'; input: unknown }
  | { kind: 'exportBackup'; input: unknown }
  | { kind: 'restoreBackup'; input: unknown };

export type CoreResponse = { ok: true; value: unknown } | { ok: false; error: SerializedCommandError };

/** Moves a request to the core and its response back; a job's progress comes back through `progress`. */
export type CoreTransport = (request: CoreRequest, progress?: Progress) => Promise<CoreResponse>;

/** The core side: answers one request against the database of `ctx`. Bugs (not refusals) are rethrown. */
export function createCoreHandler(ctx: CoreContext): CoreTransport {
  return async (request, progress) => {
    try {
      return { ok: true, value: await dispatch(ctx, request, progress) };
    } catch (error) {
      if (isCommandError(error)) return { ok: false, error: serializeCommandError(error) };
      throw error;
    }
  };
}

async function dispatch(ctx: CoreContext, request: CoreRequest, progress?: Progress): Promise<unknown> {
  switch (request.kind) {
    case 'command': {
      const definition = COMMANDS[request.name] as CommandDefinition | undefined;
      if (!definition) throw new TypeError(`unknown command ${String(request.name)}`);
      return executeCommand(ctx, definition, request.input);
    }
    case 'query': {
      const query = QUERIES[request.name] as (db: CoreContext['db'], ...args: unknown[]) => Promise<unknown>;
      if (!query) throw new TypeError(`unknown query ${String(request.name)}`);
      return query(ctx.db, ...request.args);
    }
    case 'ensureCatalog': {
      // Every start asks; after the first, a read of one row answers (no read-write transaction over every table).
      const opId = catalogSeedOpId();
      if (await ctx.db.operations.get(opId)) return null;
      return executeCommand(ctx, ensureCatalogCommand, { opId });
    }
    case 'job':
      return runRenewals(ctx, request.input, progress);
    case 'signIn':
      return signIn(ctx, request.input);
    case 'exportBackup':
      return exportBackup(ctx, request.input, progress);
    case 'restoreBackup':
      return restoreBackup(ctx, request.input, progress);
  }
}

/** The calling side: sends a request and turns a refusal back into a CommandError. */
export async function call(transport: CoreTransport, request: CoreRequest, progress?: Progress): Promise<unknown> {
  const response = await transport(request, progress);
  if (!response.ok) throw deserializeCommandError(response.error);
  return response.value;
}
