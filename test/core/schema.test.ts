import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { AppDatabase, requestPersistentStorage } from '../../core';
import { SCHEMA_V1 } from '../../core/db';

describe('schema upgrade from version 1', () => {
  it('fills the derived search fields of v1 rows and indexes them', async () => {
    const indexedDB = new IDBFactory();
    const name = `upgrade-${crypto.randomUUID()}`;

    // A database as version 1 of the app left it.
    const v1 = new Dexie(name, { indexedDB, IDBKeyRange });
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('accounts').bulkAdd([
      { id: 'a1', kind: 'legal_entity', name: 'ТОО «Ақ Жол Сервис»', iinBin: '150340000011', email: 'Buh@AkZhol.KZ', phone: '+77011234567', language: 'kk', status: 'active', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' },
      { id: 'a2', kind: 'individual', name: 'Иванова Анна Сергеевна', iinBin: '900101400012', language: 'ru', status: 'active', createdAt: '2025-01-02T00:00:00.000Z', updatedAt: '2025-01-02T00:00:00.000Z' },
    ]);
    await v1.table('subscriptions').bulkAdd([
      { id: 's1', accountId: 'a1', tariffId: 't', serviceId: 'svc', status: 'active', currentPeriod: { start: '2026-03-01', end: '2026-04-01' } },
      { id: 's2', accountId: 'a2', tariffId: 't', serviceId: 'svc', status: 'active', currentPeriod: { start: '2026-03-10', end: '2026-04-10' } },
      { id: 's3', accountId: 'a2', tariffId: 't', serviceId: 'svc', status: 'pending_payment', currentPeriod: null },
    ]);
    expect(v1.verno).toBe(1);
    v1.close();

    const db = new AppDatabase(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.accounts.get('a1')).toMatchObject({ nameWords: ['тоо', 'ақ', 'жол', 'сервис'], phoneDigits: '77011234567', emailLower: 'buh@akzhol.kz' });
    expect(await db.accounts.get('a2')).toMatchObject({ nameWords: ['иванова', 'анна', 'сергеевна'], phoneDigits: '', emailLower: '' });
    expect(await db.accounts.where('nameWords').startsWith('серв').primaryKeys()).toEqual(['a1']);
    expect(await db.accounts.where('phoneDigits').startsWith('7701').primaryKeys()).toEqual(['a1']);
    expect(await db.accounts.where('emailLower').startsWith('buh@').primaryKeys()).toEqual(['a1']);
    const dueSoon = await db.subscriptions
      .where('[status+currentPeriod.end]')
      .between(['active', '2026-04-01'], ['active', '2026-04-05'], true, true)
      .primaryKeys();
    expect(dueSoon).toEqual(['s1']);
    db.close();
  });
});

describe('requestPersistentStorage', () => {
  it('asks for persistence when it is not granted yet', async () => {
    const persist = vi.fn(async () => true);
    const storage = { persist, persisted: async () => false } as unknown as StorageManager;
    expect(await requestPersistentStorage(storage)).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
  });

  it('does not ask again when already persistent, and copes without the API', async () => {
    const persist = vi.fn(async () => true);
    expect(await requestPersistentStorage({ persist, persisted: async () => true } as unknown as StorageManager)).toBe(true);
    expect(persist).not.toHaveBeenCalled();
    expect(await requestPersistentStorage(undefined)).toBe(false);
  });
});
