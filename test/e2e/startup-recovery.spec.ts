import { expect, test, type Page } from './fixtures';
import { StartupScreen } from './pages/StartupScreen';

/** The app's database name (core/db.ts DEFAULT_DATABASE_NAME). */
const DATABASE = 'esep-backoffice';
/** Far above anything this build declares (Dexie schema n is IndexedDB version n × 10). */
const NEWER_VERSION = 1000;
const ROWS = {
  accounts: [
    { id: 'acc-1', kind: 'legal_entity', name: 'ТОО «Болашақ Бағдарлама»', iinBin: '150340000011', status: 'active' },
    { id: 'acc-2', kind: 'individual', name: 'Сейтқалиева Әйгерім', iinBin: '900101400012', status: 'suspended' },
  ],
  contracts: [{ id: 'ctr-1', accountId: 'acc-1', number: 'ДГ-2031/7', signedOn: '2031-01-15' }],
};

/** Writes the database as a future release would have left it, on a blank page of the app's origin, before the app ever runs. */
async function seedNewerDatabase(page: Page): Promise<void> {
  await page.route('**/__seed', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }));
  await page.goto('/__seed');
  await page.evaluate(
    ({ name, version, rows }) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(name, version);
        request.onupgradeneeded = () => {
          for (const [table, records] of Object.entries(rows)) {
            const store = request.result.createObjectStore(table, { keyPath: 'id' });
            for (const record of records) store.add(record);
          }
        };
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      }),
    { name: DATABASE, version: NEWER_VERSION, rows: ROWS },
  );
}

/** Version, stores and rows of the database as IndexedDB holds them, read without any schema. */
function readDatabase(page: Page) {
  return page.evaluate(
    (name) =>
      new Promise<{ version: number; tables: Record<string, unknown[]> }>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const names = Array.from(db.objectStoreNames);
          const tx = db.transaction(names, 'readonly');
          const tables: Record<string, unknown[]> = {};
          for (const table of names) {
            const all = tx.objectStore(table).getAll();
            all.onsuccess = () => (tables[table] = all.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve({ version: db.version, tables });
          };
        };
      }),
    DATABASE,
  );
}

test('a database from a newer version of the app is explained, its raw tables are saved first, and it is left untouched', async ({ page }) => {
  await seedNewerDatabase(page);
  await page.goto('/#/accounts');
  const screen = new StartupScreen(page);

  // Russian (the first-start language): what happened and what to do.
  await expect(screen.heading('База данных от более новой версии приложения')).toBeVisible();
  await expect(screen.explanation()).toContainText('Данные на этом компьютере уже обновлены более новой версией Esep Back-office.');
  await expect(screen.explanation()).toContainText('Установите последнюю версию приложения');
  await expect(page.getByRole('navigation')).toHaveCount(0);
  // Saving the tables comes before anything else.
  await expect(screen.main.getByRole('button')).toHaveText(['Сохранить таблицы в файл', 'Попробовать снова']);

  const { download, json } = await screen.saveRawTables('ru');
  expect(download.suggestedFilename()).toMatch(/^esep-backoffice-tables-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.json$/);
  expect(json).toMatchObject({ format: 'esep-raw-tables', version: NEWER_VERSION, database: DATABASE, tables: ROWS });
  expect(Object.keys((json as { tables: object }).tables).sort()).toEqual(['accounts', 'contracts']);

  // Kazakh, switched right on this screen (there is no header yet).
  await screen.switchLanguage('ru', 'kk');
  await expect(screen.heading('Деректер базасын қолданбаның жаңарақ нұсқасы жаңартқан')).toBeVisible();
  await expect(screen.explanation()).toContainText('Бұл компьютердегі деректерді Esep Back-office қолданбасының жаңарақ нұсқасы жаңартып қойған.');
  await expect(screen.explanation()).toContainText('Қолданбаның соңғы нұсқасын орнатыңыз');
  await expect(screen.main.getByRole('button')).toHaveText(['Кестелерді файлға сақтау', 'Қайталап көру']);
  const again = await screen.saveRawTables('kk');
  expect(again.json).toMatchObject({ version: NEWER_VERSION, tables: ROWS });

  // Trying again checks again, and still refuses: the data is not this version's to change.
  await screen.retryButton('kk').click();
  await expect(screen.retryButton('kk')).toBeEnabled();
  await expect(screen.heading('Деректер базасын қолданбаның жаңарақ нұсқасы жаңартқан')).toBeVisible();

  // Neither the app nor the export upgraded, patched or added anything.
  expect(await readDatabase(page)).toEqual({ version: NEWER_VERSION, tables: ROWS });
  await page.reload();
  await expect(screen.heading('Деректер базасын қолданбаның жаңарақ нұсқасы жаңартқан')).toBeVisible();
  expect(await readDatabase(page)).toEqual({ version: NEWER_VERSION, tables: ROWS });
});
