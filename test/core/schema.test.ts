import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { AppDatabase, requestPersistentStorage } from '../../core';
import { DEVICE_SETTING, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7 } from '../../core/db';

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
    expect(db.verno).toBe(8);
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

describe('schema upgrade from version 2', () => {
  it('numbers the outbox for this device, keeps whole records, fills operations and counters', async () => {
    const indexedDB = new IDBFactory();
    const name = `upgrade-v2-${crypto.randomUUID()}`;
    const v2 = new Dexie(name, { indexedDB, IDBKeyRange });
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    const account = { id: 'a1', kind: 'individual', name: 'Иванова Анна', iinBin: '900101400012', language: 'ru', status: 'active', createdAt: '2026-03-01T05:00:00.000Z', updatedAt: '2026-03-01T05:00:00.000Z', nameWords: ['иванова', 'анна'], phoneDigits: '', emailLower: '' };
    await v2.table('accounts').bulkAdd([account, { ...account, id: 'a2', iinBin: '900101400020', status: 'closed' }]);
    await v2.table('subscriptions').bulkAdd([
      { id: 's1', accountId: 'a1', status: 'active' },
      { id: 's2', accountId: 'a1', status: 'active' },
      { id: 's3', accountId: 'a2', status: 'cancelled' },
    ]);
    const entry = { id: '0190-l1', accountId: 'a1', operationId: 'op-pay', amount: 100 };
    await v2.table('operations').bulkAdd([
      { opId: 'op-create', command: 'createAccount', resultRef: { table: 'accounts', id: 'a1' }, result: account, at: '2026-03-01T05:00:00.000Z' },
      { opId: 'op-pay', command: 'recordPayment', resultRef: { table: 'ledger', id: 'l1' }, result: entry, at: '2026-03-02T05:00:00.000Z' },
    ]);
    // Out of id order on purpose: sequence numbers follow the ids (UUIDv7: creation order).
    await v2.table('outbox').bulkAdd([
      { id: '0190-2', table: 'ledger', recordId: 'l1', op: 'insert', payload: entry, createdAt: '2026-03-02T05:00:00.000Z', sentAt: null },
      { id: '0190-1', table: 'accounts', recordId: 'a1', op: 'insert', payload: account, createdAt: '2026-03-01T05:00:00.000Z', sentAt: null },
    ]);
    v2.close();

    const db = new AppDatabase(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(8);
    const device = (await db.settings.get(DEVICE_SETTING))!.value as { deviceId: string; seq: number };
    expect(device).toMatchObject({ deviceId: expect.any(String), seq: 2 });
    expect(await db.outbox.orderBy('seq').toArray()).toEqual([
      expect.objectContaining({ id: '0190-1', seq: 1, deviceId: device.deviceId, opId: 'op-create', command: 'createAccount', rows: [{ table: 'accounts', recordId: 'a1', op: 'insert', record: account }] }),
      expect.objectContaining({ id: '0190-2', seq: 2, deviceId: device.deviceId, opId: 'op-pay', command: 'recordPayment', rows: [{ table: 'ledger', recordId: 'l1', op: 'insert', record: entry }] }),
    ]);
    expect(await db.operations.get('op-create')).toMatchObject({ fingerprint: null, actor: '' });
    const counters = Object.fromEntries((await db.counters.toArray()).map((c) => [c.key, c.value]));
    expect(counters).toEqual({
      accounts: 2,
      'accounts:status:active': 1,
      'accounts:status:closed': 1,
      subscriptions: 3,
      'subscriptions:status:active': 2,
      'subscriptions:status:cancelled': 1,
    });
    db.close();
  });
});

describe('schema upgrade from version 3', () => {
  it('gives subscription entries their service and computes the monthly ledger totals', async () => {
    const indexedDB = new IDBFactory();
    const name = `upgrade-v3-${crypto.randomUUID()}`;
    const v3 = new Dexie(name, { indexedDB, IDBKeyRange });
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores(SCHEMA_V2);
    v3.version(3).stores(SCHEMA_V3);
    await v3.table('subscriptions').bulkAdd([{ id: 's1', accountId: 'a1', serviceId: 'svc-cloud1c', status: 'active' }]);
    const base = { accountId: 'a1', operationId: 'o', actor: 'x', at: '2026-03-01T05:00:00.000Z' };
    await v3.table('ledger').bulkAdd([
      { ...base, id: 'l1', bucket: 'money', amount: 900_000, kind: 'payment', businessDate: '2026-03-01' },
      { ...base, id: 'l2', bucket: 'money', amount: -900_000, kind: 'period_charge', subscriptionId: 's1', businessDate: '2026-03-01' },
      { ...base, id: 'l3', bucket: 'money', amount: -900_000, kind: 'period_charge', subscriptionId: 's1', businessDate: '2026-04-01' },
      { ...base, id: 'l4', bucket: 'money', amount: 500_000, kind: 'payment', subscriptionId: 's1', businessDate: '2026-03-20' },
    ]);
    v3.close();

    const db = new AppDatabase(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(8);
    expect((await db.ledger.get('l2'))?.serviceId).toBe('svc-cloud1c');
    expect((await db.ledger.get('l1'))?.serviceId).toBeUndefined();
    // A payment is money in, whatever subscription it was meant for: no service.
    expect((await db.ledger.get('l4'))?.serviceId).toBeUndefined();
    const counters = Object.fromEntries((await db.counters.where('key').startsWith('ledger:').toArray()).map((c) => [c.key, c.value]));
    expect(counters).toEqual({
      'ledger:sum:2026-03:payment:money:-': 1_400_000,
      'ledger:n:2026-03:payment:money:-': 2,
      'ledger:sum:2026-03:period_charge:money:svc-cloud1c': -900_000,
      'ledger:n:2026-03:period_charge:money:svc-cloud1c': 1,
      'ledger:sum:2026-04:period_charge:money:svc-cloud1c': -900_000,
      'ledger:n:2026-04:period_charge:money:svc-cloud1c': 1,
    });
    expect(await db.ledger.where('[serviceId+businessDate]').between(['svc-cloud1c', '2026-03-01'], ['svc-cloud1c', '2026-03-31'], true, true).primaryKeys()).toEqual(['l2']);
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

describe('schema upgrade from version 4', () => {
  it('groups the outbox into one record per operation, drops the queued audit rows, and gives audit events their changes', async () => {
    const indexedDB = new IDBFactory();
    const name = `upgrade-v4-${crypto.randomUUID()}`;
    const v4 = new Dexie(name, { indexedDB, IDBKeyRange });
    v4.version(1).stores(SCHEMA_V1);
    v4.version(2).stores(SCHEMA_V2);
    v4.version(3).stores(SCHEMA_V3);
    v4.version(4).stores(SCHEMA_V4);
    const at = '2026-03-01T05:00:00.000Z';
    const base = { deviceId: 'dev-1', createdAt: at, sentAt: null };
    const audit = { id: 'ev-1', actor: 'aigerim', at, command: 'updateAccount', operationId: 'op-edit', entity: { table: 'accounts', id: 'a1' }, before: { name: 'A' }, after: { name: 'B' } };
    await v4.table('operations').bulkAdd([
      { opId: 'op-edit', command: 'updateAccount', fingerprint: 'f', actor: 'aigerim', resultRef: null, result: null, at },
      { opId: 'op-act', command: 'activateSubscription', fingerprint: 'g', actor: 'bolat', resultRef: null, result: null, at },
    ]);
    await v4.table('outbox').bulkAdd([
      { ...base, id: 'o1', seq: 1, opId: 'op-edit', command: 'updateAccount', table: 'accounts', recordId: 'a1', op: 'update', changes: { name: { old: 'A', new: 'B' } }, hlc: 'h1' },
      { ...base, id: 'o2', seq: 2, opId: 'op-edit', command: 'updateAccount', table: 'audit', recordId: 'ev-1', op: 'insert', record: audit, hlc: 'h2' },
      { ...base, id: 'o3', seq: 3, opId: 'op-act', command: 'activateSubscription', table: 'ledger', recordId: 'l1', op: 'insert', record: { id: 'l1' }, hlc: 'h3' },
      { ...base, id: 'o4', seq: 4, opId: 'op-act', command: 'activateSubscription', table: 'subscriptions', recordId: 's1', op: 'update', changes: { status: { old: 'pending_payment', new: 'active' } }, hlc: 'h4' },
    ]);
    await v4.table('audit').add(audit);
    await v4.table('settings').put({ key: DEVICE_SETTING, value: { deviceId: 'dev-1', seq: 4, hlcMs: 5, hlcCounter: 3 } });
    v4.close();

    const db = new AppDatabase(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(8);
    expect(await db.outbox.orderBy('seq').toArray()).toEqual([
      { ...base, id: 'o1', seq: 1, opId: 'op-edit', command: 'updateAccount', actor: 'aigerim', hlc: 'h1', rows: [{ table: 'accounts', recordId: 'a1', op: 'update', changes: { name: { old: 'A', new: 'B' } } }] },
      {
        ...base,
        id: 'o3',
        seq: 2,
        opId: 'op-act',
        command: 'activateSubscription',
        actor: 'bolat',
        hlc: 'h3',
        rows: [
          { table: 'ledger', recordId: 'l1', op: 'insert', record: { id: 'l1' } },
          { table: 'subscriptions', recordId: 's1', op: 'update', changes: { status: { old: 'pending_payment', new: 'active' } } },
        ],
      },
    ]);
    expect((await db.settings.get(DEVICE_SETTING))!.value).toEqual({ deviceId: 'dev-1', seq: 2, hlcMs: 5, hlcCounter: 3 });
    expect(await db.audit.where('entityIds').equals('a1').toArray()).toEqual([
      { id: 'ev-1', actor: 'aigerim', at, command: 'updateAccount', operationId: 'op-edit', entityIds: ['a1'], changes: [{ entity: { table: 'accounts', id: 'a1' }, before: { name: 'A' }, after: { name: 'B' } }] },
    ]);
    db.close();
  });
});

describe('schema upgrade from version 5', () => {
  it('gives a stored ticket the v6 fields and indexes running deadlines only', async () => {
    const indexedDB = new IDBFactory();
    const name = `upgrade-v5-${crypto.randomUUID()}`;
    const v5 = new Dexie(name, { indexedDB, IDBKeyRange });
    v5.version(1).stores(SCHEMA_V1);
    v5.version(2).stores(SCHEMA_V2);
    v5.version(3).stores(SCHEMA_V3);
    v5.version(4).stores(SCHEMA_V4);
    v5.version(5).stores(SCHEMA_V5);
    const ticket = {
      id: 't1', accountId: 'a1', subscriptionId: 's1', priority: 'high', status: 'open', subject: 'Сервер недоступен',
      createdAt: '2026-03-02T05:00:00.000Z', firstResponseAt: null, resolvedAt: null, waitingClientMinutes: 12, waitingSince: null,
    };
    await v5.table('tickets').add(ticket);
    await v5.table('audit').add({ id: 'ev-1', actor: 'aigerim', at: '2026-03-02T05:00:00.000Z', command: 'recordPayment', operationId: 'op-1', entityIds: ['a1'], changes: [] });
    v5.close();

    const db = new AppDatabase(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(8);
    const { priority: _p, waitingClientMinutes: _w, ...kept } = ticket;
    expect(await db.tickets.get('t1')).toEqual({ ...kept, level: 'high', description: '', assignee: null, closedAt: null, reopenedCount: 0, waitingOpenMinutes: 12 });
    // No deadline was ever computed for it: it is not in the running-deadline index.
    expect(await db.tickets.where('dueAt').above('').count()).toBe(0);
    expect(await db.audit.where('[actor+at]').between(['aigerim', ''], ['aigerim', '\uffff']).primaryKeys()).toEqual(['ev-1']);
    db.close();
  });
});

describe('schema upgrade from version 7', () => {
  it('computes the monthly compensation totals from the stored compensations', async () => {
    const indexedDB = new IDBFactory();
    const name = `upgrade-v7-${crypto.randomUUID()}`;
    const v7 = new Dexie(name, { indexedDB, IDBKeyRange });
    for (const [version, schema] of [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7].entries()) v7.version(version + 1).stores(schema);
    const compensation = (id: string, month: string, status: string, hours: number, amount: number) => ({
      id, accountId: 'a1', subscriptionId: 's1', incidentId: `i-${id}`, month, status, quote: { hours, amount, excluded: amount === 0 },
      overrideMinutes: null, overrideReason: null, requestedAt: '2026-03-02T05:00:00.000Z', requestedBy: 'aigerim', decidedAt: null, decidedBy: null, ledgerEntryIds: [],
    });
    await v7.table('compensations').bulkAdd([
      compensation('c1', '2026-03', 'approved', 4, 36_000),
      compensation('c2', '2026-03', 'approved', 2, 18_000),
      compensation('c3', '2026-03', 'requested', 3, 0),
      compensation('c4', '2026-04', 'rejected', 1, 9_000),
    ]);
    v7.close();

    const db = new AppDatabase(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(8);
    const counters = Object.fromEntries((await db.counters.where('key').startsWith('compensations:').toArray()).map((row) => [row.key, row.value]));
    expect(counters).toEqual({
      'compensations:n:2026-03:approved': 2,
      'compensations:hours:2026-03:approved': 6,
      'compensations:amount:2026-03:approved': 54_000,
      'compensations:n:2026-03:requested': 1,
      'compensations:hours:2026-03:requested': 3,
      'compensations:n:2026-04:rejected': 1,
      'compensations:hours:2026-04:rejected': 1,
      'compensations:amount:2026-04:rejected': 9_000,
    });
    db.close();
  });
});
