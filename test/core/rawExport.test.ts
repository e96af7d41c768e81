import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { fileNameSchema } from '../../shared/api/app-api';
import {
  AppDatabase,
  DatabaseOpenError,
  exportRawDatabase,
  openDatabaseChecked,
  rawExportFileName,
  storedDatabaseVersion,
  type RawDatabaseExport,
} from '../../core';
import { SCHEMA_V2 } from '../../core/db';
import { isNewerSchema } from '../../core/rawExport';

const ACCOUNTS = [
  { id: 'a1', kind: 'legal_entity', name: 'ТОО «Ақ Жол Сервис»', iinBin: '150340000011', language: 'kk', status: 'active', nameWords: ['тоо', 'ақ', 'жол', 'сервис'], phoneDigits: '', emailLower: '' },
  { id: 'a2', kind: 'individual', name: 'Иванова Анна Сергеевна', iinBin: '900101400012', language: 'ru', status: 'active', nameWords: ['иванова', 'анна', 'сергеевна'], phoneDigits: '77011234567', emailLower: 'anna@mail.kz' },
];
const LEDGER = [
  { id: 'l1', accountId: 'a1', at: '2026-03-01T10:00:00.000Z', bucket: 'money', kind: 'payment', amount: 1_500_050 },
  { id: 'l2', accountId: 'a1', at: '2026-03-02T10:00:00.000Z', bucket: 'money', kind: 'charge', amount: -1_200_000 },
  { id: 'l3', accountId: 'a2', at: '2026-03-03T10:00:00.000Z', bucket: 'bonus', kind: 'compensation', amount: 40_000 },
];
const SETTINGS = [{ key: 'language', value: 'kk' }];

/** A database as version 2 of the app left it, with a few rows. */
async function buildV2(indexedDB: IDBFactory, name: string): Promise<void> {
  const v2 = new Dexie(name, { indexedDB, IDBKeyRange });
  v2.version(2).stores(SCHEMA_V2);
  await v2.table('accounts').bulkAdd(ACCOUNTS);
  await v2.table('ledger').bulkAdd(LEDGER);
  await v2.table('settings').bulkAdd(SETTINGS);
  v2.close();
}

/** The app, one release later, with a schema upgrade that throws half-way. */
class AppWithBrokenUpgrade extends AppDatabase {
  constructor(name: string, options: ConstructorParameters<typeof AppDatabase>[1]) {
    super(name, options);
    this.version(99)
      .stores({ ledger: 'id, [accountId+at], [accountId+bucket], subscriptionId, kind' })
      .upgrade(async (tx) => {
        await tx.table('ledger').toCollection().modify((row: { kind: string }) => {
          row.kind = row.kind.toUpperCase();
        });
        throw new Error('upgrade 99 failed on purpose');
      });
  }
}

/** Creates a database with the raw API at any version (as a newer app would have left it). */
function createRaw(indexedDB: IDBFactory, name: string, version: number, build: (db: IDBDatabase) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => build(request.result);
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

async function listed(indexedDB: IDBFactory): Promise<{ name?: string; version?: number }[]> {
  return indexedDB.databases();
}

const parse = (json: string) => JSON.parse(json) as RawDatabaseExport;

describe('a failed schema upgrade', () => {
  it('makes the open fail, leaves the v2 data as it was, and the raw export still returns every row', async () => {
    const indexedDB = new IDBFactory();
    const name = `broken-upgrade-${crypto.randomUUID()}`;
    await buildV2(indexedDB, name);

    const app = new AppWithBrokenUpgrade(name, { indexedDB, IDBKeyRange });
    await expect(app.open()).rejects.toThrow('upgrade 99 failed on purpose');
    await expect(app.accounts.count()).rejects.toThrow();
    // The upgrade transaction was aborted as a whole: still version 2, rows unchanged.
    expect(await storedDatabaseVersion(name, indexedDB)).toBe(20);

    const exported = parse(await exportRawDatabase(name, indexedDB, () => new Date('2026-03-15T07:00:00Z')));
    expect(exported).toMatchObject({ format: 'esep-raw-tables', version: 20, database: name, exportedAt: '2026-03-15T07:00:00.000Z' });
    expect(Object.keys(exported.tables).sort()).toEqual(Object.keys(SCHEMA_V2).sort());
    expect(exported.tables.accounts).toEqual(ACCOUNTS);
    expect(exported.tables.ledger).toEqual(LEDGER);
    expect(exported.tables.settings).toEqual(SETTINGS);
    expect(exported.tables.subscriptions).toEqual([]);
    expect(exported.schema.accounts).toMatchObject({ keyPath: 'id', autoIncrement: false });
    expect(exported.schema.accounts!.indexes.find((index) => index.name === 'nameWords')).toMatchObject({ multiEntry: true });
    expect(exported.schema.ledger!.indexes.map((index) => index.name)).toContain('[accountId+at]');

    // The export did not upgrade, patch or lock anything: the old app still opens it.
    const old = new Dexie(name, { indexedDB, IDBKeyRange });
    old.version(2).stores(SCHEMA_V2);
    expect(await old.table('ledger').toArray()).toEqual(LEDGER);
    old.close();
    app.close();
  });

  it('is reported as upgradeFailed, and trying again runs the upgrade again', async () => {
    const indexedDB = new IDBFactory();
    const name = `broken-upgrade-${crypto.randomUUID()}`;
    await buildV2(indexedDB, name);
    const app = new AppWithBrokenUpgrade(name, { indexedDB, IDBKeyRange });
    const open = vi.fn(() => app.accounts.count());

    const error = await openDatabaseChecked(name, open, { appVersion: app.verno, indexedDB }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect(error).toMatchObject({ reason: 'upgradeFailed', storedVersion: 2, appVersion: 99 });
    expect((error as Error).message).toContain('upgrade 99 failed on purpose');

    await expect(openDatabaseChecked(name, open, { appVersion: app.verno, indexedDB })).rejects.toMatchObject({ reason: 'upgradeFailed' });
    expect(open).toHaveBeenCalledTimes(2);
    app.close();
  });
});

describe('a database written by a newer version of the app', () => {
  async function buildNewer(indexedDB: IDBFactory, name: string): Promise<void> {
    await createRaw(indexedDB, name, 1000, (db) => {
      db.createObjectStore('accounts', { keyPath: 'id' }).add(ACCOUNTS[0]);
      db.createObjectStore('contracts', { keyPath: 'id' }).add({ id: 'c1', accountId: 'a1', number: 'ДГ-2031/7' });
      db.createObjectStore('journal', { autoIncrement: true }).add({ text: 'out-of-line key' });
    });
  }

  it('is refused before the store opens it, and is left untouched', async () => {
    const indexedDB = new IDBFactory();
    const name = `newer-${crypto.randomUUID()}`;
    await buildNewer(indexedDB, name);
    const app = new AppDatabase(name, { indexedDB, IDBKeyRange });
    const open = vi.fn(() => app.open());

    await expect(openDatabaseChecked(name, open, { appVersion: app.verno, indexedDB })).rejects.toMatchObject({
      name: 'DatabaseOpenError',
      reason: 'newerVersion',
      storedVersion: 100,
      appVersion: app.verno,
    });
    expect(open).not.toHaveBeenCalled();
    // Dexie 4 would have opened it at its own version and patched the schema (IndexedDB version 1001).
    expect(await listed(indexedDB)).toEqual([{ name, version: 1000 }]);

    const exported = parse(await exportRawDatabase(name, indexedDB));
    expect(exported.version).toBe(1000);
    expect(exported.tables).toEqual({
      accounts: [ACCOUNTS[0]],
      contracts: [{ id: 'c1', accountId: 'a1', number: 'ДГ-2031/7' }],
      journal: [{ key: 1, value: { text: 'out-of-line key' } }],
    });
    expect(exported.schema.journal).toEqual({ keyPath: null, autoIncrement: true, indexes: [] });
  });

  it('counts by schema: Dexie’s own +1 patch of the current schema is not newer', () => {
    expect(isNewerSchema(30, 3)).toBe(false);
    expect(isNewerSchema(31, 3)).toBe(false);
    expect(isNewerSchema(40, 3)).toBe(true);
    expect(isNewerSchema(1000, 3)).toBe(true);
    expect(isNewerSchema(20, 3)).toBe(false);
  });
});

describe('openDatabaseChecked', () => {
  it('lets a first start create the database', async () => {
    const indexedDB = new IDBFactory();
    const name = `first-${crypto.randomUUID()}`;
    const app = new AppDatabase(name, { indexedDB, IDBKeyRange });
    // Looking for the database does not create it (Dexie then sees a brand-new database).
    expect(await storedDatabaseVersion(name, indexedDB)).toBeNull();
    expect(await listed(indexedDB)).toEqual([]);
    expect(await openDatabaseChecked(name, () => app.accounts.count(), { appVersion: app.verno, indexedDB })).toBe(0);
    expect(await listed(indexedDB)).toEqual([{ name, version: app.verno * 10 }]);
    app.close();
  });

  it('rethrows an error that has nothing to do with opening, as it is', async () => {
    const indexedDB = new IDBFactory();
    const name = `bug-${crypto.randomUUID()}`;
    const app = new AppDatabase(name, { indexedDB, IDBKeyRange });
    const bug = new TypeError('catalog seed is broken');
    const open = async () => {
      await app.open();
      throw bug;
    };
    await expect(openDatabaseChecked(name, open, { appVersion: app.verno, indexedDB })).rejects.toBe(bug);
    app.close();
  });

  it('reports unavailable storage when IndexedDB refuses or is missing', async () => {
    const refusing = { open: () => { throw new DOMException('The user denied permission to access the database.', 'SecurityError'); } } as unknown as IDBFactory;
    const open = vi.fn(async () => 0);
    await expect(openDatabaseChecked('esep-backoffice', open, { appVersion: 3, indexedDB: refusing })).rejects.toMatchObject({ reason: 'unavailable', storedVersion: null });
    expect(open).not.toHaveBeenCalled();

    const indexedDB = new IDBFactory();
    const name = `quota-${crypto.randomUUID()}`;
    const app = new AppDatabase(name, { indexedDB, IDBKeyRange });
    await app.open();
    const full = async () => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    };
    await expect(openDatabaseChecked(name, full, { appVersion: app.verno, indexedDB })).rejects.toMatchObject({ reason: 'unavailable' });
    app.close();
  });
});

describe('exportRawDatabase', () => {
  it('refuses a database that does not exist, and does not create it', async () => {
    const indexedDB = new IDBFactory();
    await expect(exportRawDatabase('nothing-here', indexedDB)).rejects.toThrow('There is no database named nothing-here');
    expect(await listed(indexedDB)).toEqual([]);
    await expect(exportRawDatabase('x', undefined)).rejects.toThrow('IndexedDB is not available');
  });

  it('writes values JSON has no type for', async () => {
    const indexedDB = new IDBFactory();
    const name = `types-${crypto.randomUUID()}`;
    await createRaw(indexedDB, name, 1, (db) => {
      db.createObjectStore('misc', { keyPath: 'id' }).add({ id: 'm1', big: 12345678901234567890n, bytes: new Uint8Array([1, 2, 255]), when: new Date('2026-01-01T00:00:00Z') });
    });
    expect(parse(await exportRawDatabase(name, indexedDB)).tables.misc).toEqual([{ id: 'm1', big: '12345678901234567890', bytes: { $bytes: [1, 2, 255] }, when: '2026-01-01T00:00:00.000Z' }]);
  });

  it('suggests a file name that saveFile accepts on Windows', () => {
    const fileName = rawExportFileName('esep-backoffice', new Date('2026-03-15T07:05:09.123Z'));
    expect(fileName).toBe('esep-backoffice-tables-2026-03-15T07-05-09Z.json');
    expect(fileNameSchema.safeParse(fileName).success).toBe(true);
  });
});
