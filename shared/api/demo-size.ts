/** Demo-data size used when `--demo` (or `?demo`) is given without a number. */
export const DEFAULT_DEMO_SIZE = 2000;
/** Above this the generator would take minutes and fill the disk; refuse rather than hang. */
export const MAX_DEMO_SIZE = 1_000_000;

/**
 * Reads the value of a `--demo[=N]` switch or a `?demo[=N]` query parameter.
 * An empty value means the default size; anything that is not a positive
 * integer within bounds yields null (no demo data) rather than a guess.
 */
export function parseDemoSize(raw: string): number | null {
  const value = raw.trim();
  if (value === '') return DEFAULT_DEMO_SIZE;
  if (!/^\d+$/.test(value)) return null;
  const size = Number(value);
  return size >= 1 && size <= MAX_DEMO_SIZE ? size : null;
}
