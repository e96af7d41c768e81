import { sha256 } from '@noble/hashes/sha2.js';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { AppDatabase, createStore, type Store } from '../../core';
import { writeBackup } from '../../core/backup';
import { BlobCollector } from '../../core/backup/streams';
import { DEVICE_SETTING, SCHEMA_V1, SCHEMA_V2 } from '../../core/db';
import { SLICES } from '../../core/tx';
import { accountInput, commandErrorOf, expectStatement, freshStore, opId, validIin, type TestStore } from './helpers';

/** Every row of every table, by table, in key order. */
async function dump(db: Dexie): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return tables;
}

/** The tables a restore brings back exactly as they were (its own audit, outbox and operation records, and the installation's device row and backup key, aside). */
function books(tables: Record<string, unknown[]>): Record<string, unknown[]> {
  const { audit: _a, outbox: _o, operations: _p, settings, ...rest } = tables;
  return { ...rest, settings: (settings as { key: string }[]).filter((row) => row.key !== DEVICE_SETTING && row.key !== 'backupKey') };
}

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
const headerOf = async (blob: Blob) => {
  const bytes = await bytesOf(blob);
  return JSON.parse(new TextDecoder().decode(bytes.subarray(0, bytes.indexOf(0x0a)))) as Record<string, unknown> & { tables: Record<string, number> };
};

/** The file with `header` in place of its own and a trailer that matches (a forgery whose checksum passes). */
async function withHeader(blob: Blob, edit: (header: Record<string, unknown> & { tables: Record<string, number> }) => void): Promise<Blob> {
  const bytes = await bytesOf(blob);
  const newline = bytes.indexOf(0x0a);
  const header = await headerOf(blob);
  edit(header);
  const covered = new Uint8Array([...new TextEncoder().encode(`${JSON.stringify(header)}\n`), ...bytes.subarray(newline + 1, bytes.length - 77)]);
  const hex = Array.from(sha256(covered), (b) => b.toString(16).padStart(2, '0')).join('');
  return new Blob([covered, new TextEncoder().encode(`ESEP-SHA256:${hex}\n`)]);
}

/** A small book: two clients, a subscription paid and activated, a payment, a ticket. */
async function smallBook(store: TestStore) {
  const account = await store.createAccount({ ...accountInput(), opId: opId() });
  const person = await store.createAccount({ ...accountInput({ kind: 'individual', name: 'Сейітова Әлия', iinBin: validIin(7), phone: '+7 777 000 11 22' }), opId: opId() });
  await store.recordPayment({ accountId: account.id, amount: 1_500_000, date: '2026-03-15', method: 'bank_transfer', opId: opId() });
  const sub = await store.createSubscription({ accountId: account.id, tariffId: 'tar-site-shop', startDate: '2026-03-15', opId: opId() });
  await store.activateSubscription({ subscriptionId: sub.id, opId: opId() });
  await store.openTicket({ accountId: account.id, subscriptionId: sub.id, subject: 'Сайт ашылмайды', description: 'Қате 502', level: 'high', opId: opId() });
  return { account, person, sub };
}

describe('backup and restore: a round trip', () => {
  it('brings every table back as it was when the backup was made, adding only the restore’s own records', async () => {
    const store = await freshStore('2026-03-15T12:00:00+05:00');
    const { account } = await smallBook(store);
    const before = await dump(store.db);

    store.setNow('2026-03-15T18:00:00+05:00');
    const progress: number[] = [];
    const backup = await store.exportBackup({}, { onProgress: (done, total) => progress.push(done / total) });
    expect(progress.at(-1)).toBe(1);
    // Exporting changes nothing.
    expect(await dump(store.db)).toEqual(before);
    const header = await headerOf(backup);
    expect(header).toMatchObject({ format: 'esep-backup', formatVersion: 1, schemaVersion: 8, encryption: null, compression: 'gzip', createdAt: '2026-03-15T13:00:00.000Z' });
    expect(header.tables).toMatchObject({ accounts: 2, subscriptions: 1, ledger: before.ledger!.length, audit: before.audit!.length, settings: before.settings!.length });

    // A day later: another payment, a new client, a changed name; then the restore.
    store.setNow('2026-03-16T10:00:00+05:00');
    await store.recordPayment({ accountId: account.id, amount: 70_000, date: '2026-03-16', method: 'kaspi', opId: opId() });
    await store.createAccount({ ...accountInput({ iinBin: validIin(9), kind: 'individual', name: 'Жаңа клиент' }), opId: opId() });
    await store.updateAccount({ id: account.id, patch: { name: 'ТОО «Басқа атау»' }, opId: opId() });
    const deviceBefore = (await store.db.settings.get(DEVICE_SETTING))!.value as { deviceId: string; seq: number };

    store.setNow('2026-03-16T11:00:00+05:00');
    const restoreOp = opId();
    const restoreProgress: number[] = [];
    expect(await store.restoreBackup({ backup, opId: restoreOp }, { onProgress: (done, total) => restoreProgress.push(done / total) })).toEqual({
      rows: Object.values(header.tables).reduce((a, b) => a + b, 0),
    });
    expect(restoreProgress.at(-1)).toBe(1);
    const after = await dump(store.db);
    expect(books(after)).toEqual(books(before));
    await expectStatement(store, account.id, [
      { date: '2026-03-15', kind: 'payment', bucket: 'money', amount: 1_500_000 },
      { date: '2026-03-15', kind: 'period_charge', bucket: 'money', amount: -900_000, period: { start: '2026-03-15', end: '2026-04-15' } },
    ]);
    expect((await store.db.accounts.get(account.id))?.name).toBe('ТОО «Алтын Сапа»');

    // Its own records: one audit event, one outbox record numbered after everything this device sent, one operation.
    expect(after.audit).toEqual([...before.audit!, expect.objectContaining({ command: 'restoreBackup', operationId: restoreOp, actor: 'tester' })]);
    expect(after.operations).toHaveLength(before.operations!.length + 1);
    expect(await store.db.operations.get(restoreOp)).toMatchObject({ command: 'restoreBackup', result: { rows: expect.any(Number) } });
    const ownOutbox = after.outbox!.filter((record) => !(before.outbox as { id: string }[]).some((old) => old.id === (record as { id: string }).id));
    expect(ownOutbox).toEqual([
      expect.objectContaining({ command: 'restoreBackup', opId: restoreOp, deviceId: deviceBefore.deviceId, seq: deviceBefore.seq + 1, rows: [expect.objectContaining({ table: 'settings', recordId: `restore:${restoreOp}` })] }),
    ]);
    expect((await store.db.settings.get(DEVICE_SETTING))!.value).toMatchObject({ deviceId: deviceBefore.deviceId, seq: deviceBefore.seq + 1 });
  });

  it('writes the body in slices and reads it back whole when tables span many lines and pages', async () => {
    const store = await freshStore();
    const { account } = await smallBook(store);
    for (let i = 0; i < 60; i++) await store.recordPayment({ accountId: account.id, amount: 1000 + i, date: '2026-03-15', method: 'cash', opId: opId() });
    const before = books(await dump(store.db));
    const backup = await store.exportBackup();
    await store.recordPayment({ accountId: account.id, amount: 5, date: '2026-03-15', method: 'cash', opId: opId() });
    await store.restoreBackup({ backup, opId: opId() });
    expect(books(await dump(store.db))).toEqual(before);
  });

  it('answers a repeat of the operation id with the first result, and refuses the id with another file', async () => {
    const store = await freshStore();
    await smallBook(store);
    const backup = await store.exportBackup();
    const op = opId();
    const first = await store.restoreBackup({ backup, opId: op });
    const once = await dump(store.db);
    expect(await store.restoreBackup({ backup, opId: op })).toEqual(first);
    expect(await dump(store.db)).toEqual(once);
    const other = await store.exportBackup();
    expect(await commandErrorOf(store.restoreBackup({ backup: other, opId: op }))).toMatchObject({ code: 'errors:operation.conflict' });
  });

  it('restores into another installation: the books come over, the installation keeps its own device identity', async () => {
    const source = await freshStore();
    await smallBook(source);
    const backup = await source.exportBackup();
    const target = await freshStore();
    const targetDevice = (await target.db.settings.get(DEVICE_SETTING))!.value as { deviceId: string; seq: number };
    const sourceLastSeq = (await source.db.outbox.orderBy('seq').last())!.seq;
    expect(sourceLastSeq).toBeGreaterThan(targetDevice.seq);
    const restoreOp = opId();
    await target.restoreBackup({ backup, opId: restoreOp });
    expect(books(await dump(target.db))).toEqual(books(await dump(source.db)));
    // Outbox numbers are unique in the database: this device goes on after the restored ones, and its record says where it was.
    expect((await target.db.settings.get(DEVICE_SETTING))!.value).toMatchObject({ deviceId: targetDevice.deviceId, seq: sourceLastSeq + 1 });
    expect(await target.db.outbox.where('opId').equals(restoreOp).first()).toMatchObject({
      deviceId: targetDevice.deviceId,
      seq: sourceLastSeq + 1,
      rows: [{ table: 'settings', recordId: `restore:${restoreOp}`, op: 'insert', record: expect.objectContaining({ seqBefore: targetDevice.seq }) }],
    });
  });
});

describe('a bad file is refused with nothing changed', () => {
  async function bookWithBackup() {
    const store = await freshStore();
    const { account } = await smallBook(store);
    const backup = await store.exportBackup();
    await store.recordPayment({ accountId: account.id, amount: 70_000, date: '2026-03-15', method: 'kaspi', opId: opId() });
    return { store, backup, before: await dump(store.db) };
  }

  async function expectRefused(store: Store, before: Record<string, unknown[]>, file: Blob, code: string, password?: string) {
    const error = await commandErrorOf(store.restoreBackup({ backup: file, opId: opId(), ...(password === undefined ? {} : { password }) }));
    expect(error).toMatchObject({ code });
    expect(await dump(store.db)).toEqual(before);
  }

  it('a flipped byte anywhere: in the body, in the header, in the trailer', async () => {
    const { store, backup, before } = await bookWithBackup();
    const bytes = await bytesOf(backup);
    const newline = bytes.indexOf(0x0a);
    for (const at of [newline + 20, Math.floor((newline + bytes.length) / 2), bytes.length - 90, 60, bytes.length - 10]) {
      const flipped = bytes.slice();
      flipped[at]! ^= 0x01;
      await expectRefused(store, before, new Blob([flipped]), 'errors:backup.damaged');
    }
  });

  it('a truncated file, wherever it is cut', async () => {
    const { store, backup, before } = await bookWithBackup();
    const bytes = await bytesOf(backup);
    const newline = bytes.indexOf(0x0a);
    for (const length of [newline, newline + 1, newline + 40, bytes.length - 78, bytes.length - 77, bytes.length - 1]) {
      await expectRefused(store, before, new Blob([bytes.subarray(0, length)]), 'errors:backup.damaged');
    }
  });

  it('a foreign file: a PDF, the raw tables export, an empty file', async () => {
    const { store, backup: _, before } = await bookWithBackup();
    await expectRefused(store, before, new Blob(['%PDF-1.7\n%âãÏÓ\n1 0 obj']), 'errors:backup.foreign');
    await expectRefused(store, before, new Blob([JSON.stringify({ format: 'esep-raw-tables', version: 80, tables: {} })]), 'errors:backup.foreign');
    await expectRefused(store, before, new Blob([]), 'errors:backup.foreign');
    expect(await commandErrorOf(store.restoreBackup({ backup: 'not a file' as unknown as Blob, opId: opId() }))).toMatchObject({ code: 'errors:backup.fileRequired' });
  });

  it('row counts that do not match the header: the rows already added are rolled back', async () => {
    const { store, backup, before } = await bookWithBackup();
    const forged = await withHeader(backup, (header) => {
      header.tables.subscriptions = 2;
    });
    // Small writes: the forgery is found after every table has been cleared and refilled.
    SLICES.write = 1;
    try {
      await expectRefused(store, before, forged, 'errors:backup.damaged');
    } finally {
      SLICES.write = 500;
    }
  });

  it('a later format or a later schema version than this program knows', async () => {
    const { store, backup, before } = await bookWithBackup();
    await expectRefused(store, before, await withHeader(backup, (header) => (header.formatVersion = 2)), 'errors:backup.newerFormat');
    const newer = await withHeader(backup, (header) => (header.schemaVersion = 99));
    expect(await commandErrorOf(store.restoreBackup({ backup: newer, opId: opId() }))).toMatchObject({ code: 'errors:backup.newerSchema', params: { version: 99, supported: 8 } });
  });

  it('only an admin backs up or restores', async () => {
    const { store, backup } = await bookWithBackup();
    for (const role of ['operator', 'manager'] as const) {
      const limited = createStore(store.db, { role: () => role, actor: () => 'someone' });
      expect(await commandErrorOf(limited.exportBackup())).toMatchObject({ code: 'errors:role.forbidden', params: { role: 'admin' } });
      expect(await commandErrorOf(limited.restoreBackup({ backup, opId: opId() }))).toMatchObject({ code: 'errors:role.forbidden' });
    }
  });
});

describe('encrypted backups', () => {
  it('a backup password encrypts every later file; restoring needs it, unless this installation holds it', async () => {
    const store = await freshStore();
    const { account } = await smallBook(store);
    expect(await store.backupSettings()).toEqual({ encrypted: false, setAt: null });
    const setOp = opId();
    expect(await store.setBackupPassword({ password: 'көшірме-құпия-2026', opId: setOp })).toEqual({ encrypted: true, setAt: '2026-03-15T07:00:00.000Z' });
    expect(await store.backupSettings()).toEqual({ encrypted: true, setAt: '2026-03-15T07:00:00.000Z' });
    // The key is this installation's alone: hidden in the audit trail, never queued for sync.
    const event = (await store.db.audit.where('operationId').equals(setOp).toArray())[0]!;
    expect(event.changes).toEqual([{ entity: { table: 'settings', id: 'backupKey' }, before: null, after: { key: 'backupKey', value: '[redacted]' } }]);
    expect(await store.db.outbox.where('opId').equals(setOp).count()).toBe(0);

    const before = await dump(store.db);
    const backup = await store.exportBackup();
    const header = await headerOf(backup);
    expect(header.encryption).toMatchObject({ cipher: 'AES-256-GCM', kdf: 'PBKDF2-SHA-256', iterations: 600_000 });
    // Nothing of the books can be read from the file, not even after a gunzip: the names are nowhere in it.
    const text = new TextDecoder('latin1').decode(await bytesOf(backup));
    expect(text).not.toContain('tar-site-shop');
    expect(header.tables.settings).toBe((before.settings as unknown[]).length - 1);

    await store.recordPayment({ accountId: account.id, amount: 70_000, date: '2026-03-15', method: 'kaspi', opId: opId() });
    const changed = await dump(store.db);
    // Here the installation's own key opens it; a wrong password is refused, nothing changed.
    expect(await commandErrorOf(store.restoreBackup({ backup, opId: opId(), password: 'не-тот-пароль' }))).toMatchObject({ code: 'errors:backup.wrongPassword', field: 'password' });
    expect(await dump(store.db)).toEqual(changed);
    await store.restoreBackup({ backup, opId: opId() });
    expect(books(await dump(store.db))).toEqual(books(before));
    // The backup key survives the restore.
    expect(await store.backupSettings()).toMatchObject({ encrypted: true });

    // On another installation the password is asked for.
    const other = await freshStore();
    const otherBefore = await dump(other.db);
    expect(await commandErrorOf(other.restoreBackup({ backup, opId: opId() }))).toMatchObject({ code: 'errors:backup.passwordRequired' });
    expect(await commandErrorOf(other.restoreBackup({ backup, opId: opId(), password: 'wrong password' }))).toMatchObject({ code: 'errors:backup.wrongPassword' });
    expect(await dump(other.db)).toEqual(otherBefore);
    await other.restoreBackup({ backup, opId: opId(), password: 'көшірме-құпия-2026' });
    expect(books(await dump(other.db))).toEqual(books(before));
  });

  it('a flipped byte in an encrypted body or a file cut after a whole frame is damage, not a wrong password', async () => {
    const store = await freshStore();
    await smallBook(store);
    const backup = await store.exportBackup({ password: 'a-one-off-password' });
    const bytes = await bytesOf(backup);
    const flipped = bytes.slice();
    flipped[bytes.length - 100]! ^= 0x80;
    expect(await commandErrorOf(store.restoreBackup({ backup: new Blob([flipped]), opId: opId(), password: 'a-one-off-password' }))).toMatchObject({ code: 'errors:backup.damaged' });
    // Removing the password later leaves files unencrypted again.
    await store.setBackupPassword({ password: 'first-password', opId: opId() });
    await store.setBackupPassword({ password: null, opId: opId() });
    expect((await headerOf(await store.exportBackup())).encryption).toBeNull();
  });

  it('refuses a backup password shorter than 8 characters', async () => {
    const store = await freshStore();
    expect(await commandErrorOf(store.setBackupPassword({ password: 'short', opId: opId() }))).toMatchObject({ code: 'errors:staff.passwordTooShort' });
  });
});

describe('a backup from an older schema version', () => {
  it('a version-2 backup is restored into the current schema exactly as the app would upgrade that database', async () => {
    const indexedDB = new IDBFactory();
    const name = `v2-${crypto.randomUUID()}`;
    const v2 = new Dexie(name, { indexedDB, IDBKeyRange });
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    const account = { id: 'a1', kind: 'individual', name: 'Иванова Анна', iinBin: '900101400012', language: 'ru', status: 'active', createdAt: '2026-03-01T05:00:00.000Z', updatedAt: '2026-03-01T05:00:00.000Z', nameWords: ['иванова', 'анна'], phoneDigits: '', emailLower: '' };
    await v2.table('accounts').bulkAdd([account, { ...account, id: 'a2', iinBin: '900101400020', status: 'closed' }]);
    await v2.table('subscriptions').bulkAdd([
      { id: 's1', accountId: 'a1', serviceId: 'svc-site', status: 'active', currentPeriod: { start: '2026-03-01', end: '2026-04-01' } },
      { id: 's2', accountId: 'a2', serviceId: 'svc-site', status: 'cancelled', currentPeriod: { start: '2026-02-01', end: '2026-03-01' } },
    ]);
    const entry = { id: '0190-l1', accountId: 'a1', subscriptionId: 's1', operationId: 'op-pay', kind: 'charge', bucket: 'money', amount: -100, at: '2026-03-02T05:00:00.000Z', businessDate: '2026-03-02' };
    await v2.table('ledger').add(entry);
    await v2.table('operations').add({ opId: 'op-pay', command: 'recordPayment', resultRef: null, result: entry, at: '2026-03-02T05:00:00.000Z' });
    await v2.table('outbox').add({ id: '0190-1', table: 'ledger', recordId: '0190-l1', op: 'insert', payload: entry, createdAt: '2026-03-02T05:00:00.000Z', sentAt: null });
    const sink = new BlobCollector();
    const written = await writeBackup(v2, sink);
    expect(written.header).toMatchObject({ schemaVersion: 2, tables: { accounts: 2, subscriptions: 2, ledger: 1, outbox: 1 } });
    expect(written.header.tables).not.toHaveProperty('counters');
    v2.close();

    const store = await freshStore();
    await store.restoreBackup({ backup: sink.blob('application/octet-stream'), opId: opId() });
    // The same database upgraded in place by Dexie at start: the reference.
    const upgraded = new AppDatabase(name, { indexedDB, IDBKeyRange });
    await upgraded.open();
    const restored = await dump(store.db);
    const reference = await dump(upgraded);
    for (const table of ['accounts', 'subscriptions', 'ledger', 'counters', 'tickets', 'incidents'] as const) expect(restored[table]).toEqual(reference[table]);
    expect(restored.outbox!.filter((r) => (r as { command: string }).command !== 'restoreBackup')).toEqual(
      reference.outbox!.map((r) => ({ ...(r as object), deviceId: expect.any(String), hlc: expect.any(String) })),
    );
    expect(restored.ledger).toEqual([{ ...entry, serviceId: 'svc-site' }]);
    expect(restored.counters).toEqual(expect.arrayContaining([{ key: 'subscriptions:status:active', value: 1 }, { key: 'accounts', value: 2 }]));
    upgraded.close();
  });
});
