import { expect, type Locator, type Page } from '@playwright/test';

/** Opens a dialog by the button that opens it and returns it, visible. */
export async function openDialog(page: Page, button: string, title: string): Promise<Locator> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** A document's row in a table of documents (the client's card or the register): the row that starts with its number. */
export function documentRow(page: Page, tableLabel: string, number: string): Locator {
  return page.getByRole('table', { name: tableLabel }).getByRole('row', { name: new RegExp(`^${number}\\b`) });
}

/** Opens the print dialog of a document, chooses the language, and returns the print tab with the document laid out. */
export async function printInBrowser(page: Page, p: { printOf: string; dialogTitle: string; language: string; languageLabel: string; open: string }): Promise<{ tab: Page; dialog: Locator }> {
  await page.getByRole('button', { name: p.printOf }).click();
  const dialog = page.getByRole('dialog', { name: p.dialogTitle });
  await dialog.getByRole('combobox', { name: p.languageLabel }).selectOption({ label: p.language });
  const [tab] = await Promise.all([page.context().waitForEvent('page'), dialog.getByRole('button', { name: p.open }).click()]);
  await expect(tab.locator('html')).toHaveAttribute('data-print-state', 'ready', { timeout: 30_000 });
  return { tab, dialog };
}
