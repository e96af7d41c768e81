import { expect, test, type Page } from './fixtures';

/** Makes navigator.storage answer as a browser that grants (or refuses) persistent storage. */
async function browserThatPersists(page: Page, granted: boolean): Promise<void> {
  await page.addInitScript((answer) => {
    const persist = () => Promise.resolve(answer);
    Object.defineProperty(StorageManager.prototype, 'persist', { value: persist, configurable: true });
    Object.defineProperty(StorageManager.prototype, 'persisted', { value: persist, configurable: true });
  }, granted);
}

const storageSection = (page: Page, name: string) => page.getByRole('region', { name });

test('Settings warns when the browser refuses persistent storage, and says what to do, in both languages', async ({ page, frame }) => {
  await browserThatPersists(page, false);
  await frame.open('/settings');
  const section = storageSection(page, 'Хранение данных');
  await expect(section.getByTestId('storage-persistence')).toContainText('Данные могут быть удалены');
  await expect(section.getByTestId('storage-persistence')).toContainText('он может удалить базу данных приложения целиком');
  await expect(section.getByTestId('storage-persistence')).toContainText('Работайте в настольном приложении');

  await frame.switchLanguage('ru', 'kk');
  const kk = storageSection(page, 'Деректерді сақтау');
  await expect(kk.getByTestId('storage-persistence')).toContainText('Деректер өшірілуі мүмкін');
  await expect(kk.getByTestId('storage-persistence')).toContainText('Жұмыс үстелі қолданбасында жұмыс істеңіз');
});

test('Settings says calmly that storage is persistent when granted, and saves a copy of every table', async ({ page, frame }) => {
  await browserThatPersists(page, true);
  await frame.open('/settings');
  const section = storageSection(page, 'Хранение данных');
  await expect(section.getByTestId('storage-persistence')).toHaveText('Хранилище постоянное: браузер не удалит данные, даже если на диске станет мало места.');
  await expect(section.getByRole('alert')).toHaveCount(0);

  // The same raw export as on the start screen, taken while the app has the database open.
  const downloaded = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Сохранить таблицы в файл' }).click();
  const download = await downloaded;
  const { readFile } = await import('node:fs/promises');
  const json = JSON.parse(await readFile(await download.path(), 'utf8')) as { format: string; tables: Record<string, unknown[]> };
  expect(json.format).toBe('esep-raw-tables');
  expect(json.tables.services!.length).toBeGreaterThan(0);
  expect(json.tables.tariffs!.length).toBeGreaterThan(0);
  await expect(section.getByRole('status')).toHaveText('Таблицы сохранены в файл.');
});
