import type { Locator } from '@playwright/test';

/** A table's data rows: the header row and a virtualized table's spacer rows (aria-hidden) left out. */
export function shownRows(table: Locator): Locator {
  return table.locator('tbody tr:not([aria-hidden])');
}

/** The data row that holds a link of exactly this name (a client's account, an incident's page). */
export function rowWithLink(table: Locator, name: string): Locator {
  return shownRows(table).filter({ has: table.page().getByRole('link', { name, exact: true }) });
}
