/**
 * A refused business command. `code` is an i18n key in the `errors`
 * namespace (e.g. 'errors:iinBin.checksum'); the UI shows t(code, params)
 * and never the message, which is for developers.
 */
export class CommandError extends Error {
  readonly code: string;
  readonly field?: string;
  readonly params?: Record<string, unknown>;

  constructor(code: string, options: { field?: string; params?: Record<string, unknown>; cause?: unknown } = {}) {
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
