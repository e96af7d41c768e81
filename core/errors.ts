import type ruErrors from '../locales/ru/errors.json';

/** 'a.b.c' for every leaf string of a nested JSON object. */
type LeafPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : T[K] extends object ? `${K}.${LeafPaths<T[K]>}` : never;
}[keyof T & string];

/**
 * Every code a command can refuse with: the leaf keys of the Russian error
 * catalogue (`locales/ru/errors.json`), so a misspelt code does not compile.
 * The Kazakh file has the same keys (checked by test/renderer/locales.test.ts).
 */
export type ErrorCode = `errors:${LeafPaths<typeof ruErrors>}`;

/**
 * A refused business command. `code` is an i18n key in the `errors`
 * namespace (e.g. 'errors:iinBin.checksum'); the UI shows t(code, params)
 * and never the message, which is for developers.
 */
export class CommandError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly params?: Record<string, unknown>;

  constructor(code: ErrorCode, options: { field?: string; params?: Record<string, unknown>; cause?: unknown } = {}) {
    super(options.field ? `${code} (${options.field})` : code, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CommandError';
    this.code = code;
    if (options.field !== undefined) this.field = options.field;
    if (options.params !== undefined) this.params = options.params;
  }
}

export function isCommandError(error: unknown): error is CommandError {
  return error instanceof CommandError;
}

/** What crosses the core's message boundary for a refusal (a worker cannot post an Error subclass). */
export interface SerializedCommandError {
  code: ErrorCode;
  field?: string;
  params?: Record<string, unknown>;
}

export function serializeCommandError(error: CommandError): SerializedCommandError {
  return {
    code: error.code,
    ...(error.field === undefined ? {} : { field: error.field }),
    ...(error.params === undefined ? {} : { params: error.params }),
  };
}

export function deserializeCommandError(error: SerializedCommandError): CommandError {
  const options: { field?: string; params?: Record<string, unknown> } = {};
  if (error.field !== undefined) options.field = error.field;
  if (error.params !== undefined) options.params = error.params;
  return new CommandError(error.code, options);
}

/**
 * Storage faults by the names IndexedDB and Dexie give them. Each becomes a
 * CommandError whose text says what happened and that nothing was saved
 * (the command's transaction was rolled back as a whole).
 */
const STORAGE_FAULTS: Record<string, ErrorCode> = {
  QuotaExceededError: 'errors:storage.quotaExceeded',
  AbortError: 'errors:storage.aborted',
  TransactionInactiveError: 'errors:storage.aborted',
  DatabaseClosedError: 'errors:storage.closed',
  InvalidStateError: 'errors:storage.closed',
  OpenFailedError: 'errors:storage.unavailable',
  VersionError: 'errors:storage.unavailable',
  UnknownError: 'errors:storage.unavailable',
  DataCloneError: 'errors:storage.failed',
  DataError: 'errors:storage.failed',
  ConstraintError: 'errors:storage.failed',
};

function faultName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { name, inner } = error as { name?: unknown; inner?: unknown };
  // Dexie wraps the native error (AbortError with inner QuotaExceededError): the inner one says why.
  const innerName = faultName(inner);
  if (innerName !== undefined && innerName in STORAGE_FAULTS && innerName !== 'AbortError') return innerName;
  return typeof name === 'string' ? name : innerName;
}

/** A storage fault as a CommandError, or undefined when `error` is something else (a bug: let it surface). */
export function storageFaultOf(error: unknown): CommandError | undefined {
  const name = faultName(error);
  const code = name === undefined ? undefined : STORAGE_FAULTS[name];
  return code === undefined ? undefined : new CommandError(code, { params: { fault: name }, cause: error });
}
