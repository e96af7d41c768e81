/**
 * Browser mode only: `?now=2026-03-15T12:00:00+05:00` starts the app's clock
 * at that instant (end-to-end tests pin dates this way). Anything that is
 * not an instant with an explicit offset is ignored.
 */
export function pinnedClockParam(search: string): string | null {
  const value = new URLSearchParams(search).get('now');
  if (value === null || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  return Number.isNaN(Date.parse(value)) ? null : value;
}
