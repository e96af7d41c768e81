import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CommandError, createStore, type CoreRequest, type CoreResponse, type CoreTransport } from '../../core';
import { DEVICE_SETTING } from '../../core/db';
import { defineCommand, executeCommand, roleAllows } from '../../core/registry';
import { accountInput, commandErrorOf, expectStatement, freshDatabase, freshStore, opId, tableCounts, validBin } from './helpers';

describe('operation ids', () => {
  it('a repeat with the same input returns the first result and writes nothing', async () => {
    const store = await freshStore();
    const account = await store.createAccount({ ...accountInput(), opId: 'acc' });
    const input = { accountId: account.id, amount: 500_000, date: '2026-03-14', method: 'cash' as const, opId: 'pay' };
    const first = await store.recordPayment(input);
    const before = await tableCounts(store);
    expect(await store.recordPayment({ ...input })).toEqual(first);
    expect(await tableCounts(store)).toEqual(before);
  });

  it('the same id with different input is refused, and nothing is written', async () => {
    const store = await freshStore();
    const account = await store.createAccount({ ...accountInput(), opId: 'acc' });
    await store.recordPayment({ accountId: account.id, amount: 500_000, date: '2026-03-14', method: 'cash', opId: 'pay' });
    const before = await tableCounts(store);
    const error = await commandErrorOf(store.recordPayment({ accountId: account.id, amount: 900_000, date: '2026-03-14', method: 'cash', opId: 'pay' }));
    expect(error).toMatchObject({ code: 'errors:operation.conflict', field: 'opId' });
    expect(await tableCounts(store)).toEqual(before);
    await expectStatement(store, account.id, [{ date: '2026-03-14', kind: 'payment', bucket: 'money', amount: 500_000 }]);
  });

  it('input that normalises to the same values is the same input (trimmed reference)', async () => {
    const store = await freshStore();
    const account = await store.createAccount({ ...accountInput(), opId: 'acc' });
    const first = await store.recordPayment({ accountId: account.id, amount: 1, date: '2026-03-14', method: 'card', reference: '№7', opId: 'p' });
    expect(await store.recordPayment({ accountId: account.id, amount: 1, date: '2026-03-14', method: 'card', reference: ' №7 ', opId: 'p' })).toEqual(first);
  });

  it('refusals are rejected promises, never synchronous throws, even for garbage input', async () => {
    const store = await freshStore();
    const call = () => (store.recordPayment as (input: unknown) => Promise<unknown>)(null);
    let promise: Promise<unknown> | undefined;
    expect(() => {
      promise = call();
    }).not.toThrow();
    await expect(promise).rejects.toMatchObject({ code: 'errors:operation.idRequired' });
  });
});

describe('roles', () => {
  const managerOnly = defineCommand({
    name: 'managerOnly',
    role: 'manager',
    input: z.object({}),
    run: async () => 'done',
  });

  it('are cumulative: operator ⊂ manager ⊂ admin', () => {
    expect([roleAllows('operator', 'manager'), roleAllows('manager', 'manager'), roleAllows('admin', 'manager'), roleAllows('admin', 'operator')]).toEqual([
      false,
      true,
      true,
      true,
    ]);
  });

  it('a command outside the acting role is refused before anything is read or written', async () => {
    const db = freshDatabase();
    const ctx = (role: 'operator' | 'manager') => ({ db, now: () => new Date('2026-03-15T07:00:00Z'), actor: () => 'aigerim', role: () => role });
    const error = await executeCommand(ctx('operator'), managerOnly, { opId: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandError);
    expect(error).toMatchObject({ code: 'errors:role.forbidden', params: { role: 'manager' } });
    expect(await db.operations.count()).toBe(0);
    expect(await executeCommand(ctx('manager'), managerOnly, { opId: 'x' })).toBe('done');
  });

  it('the store refuses an operator nothing an operator may do', async () => {
    const store = await freshStore('2026-03-15T12:00:00+05:00', 'operator');
    await expect(store.createAccount({ ...accountInput(), opId: opId() })).resolves.toMatchObject({ status: 'active' });
  });
});

describe('storage faults', () => {
  it('a full disk is reported as such, with nothing saved', async () => {
    const store = await freshStore();
    const account = await store.createAccount({ ...accountInput(), opId: 'acc' });
    const before = await tableCounts(store);
    store.db.ledger.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await commandErrorOf(store.recordPayment({ accountId: account.id, amount: 100, date: '2026-03-14', method: 'cash', opId: 'p' }));
    expect(error).toBeInstanceOf(CommandError);
    expect(error).toMatchObject({ code: 'errors:storage.quotaExceeded' });
    expect(await tableCounts(store)).toEqual(before);
  });

  it('an aborted transaction is reported as such', async () => {
    const store = await freshStore();
    store.db.accounts.hook('creating', () => {
      throw new DOMException('aborted', 'AbortError');
    });
    expect(await commandErrorOf(store.createAccount({ ...accountInput(), opId: 'a' }))).toMatchObject({ code: 'errors:storage.aborted' });
  });

  it('a closed database is reported as such', async () => {
    const store = await freshStore();
    store.db.close();
    expect(await commandErrorOf(store.createAccount({ ...accountInput(), opId: 'a' }))).toMatchObject({ code: 'errors:storage.closed' });
  });

  it('a bug is not disguised as a refusal', async () => {
    const store = await freshStore();
    store.db.accounts.hook('creating', () => {
      throw new TypeError('a bug');
    });
    const error = await store.createAccount({ ...accountInput(), opId: 'a' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
  });
});

describe('the outbox, ready for sync', () => {
  it('numbers every change for this device, carries the operation, and sends only changed fields of an update', async () => {
    const store = await freshStore('2026-03-15T12:00:00+05:00');
    const account = await store.createAccount({ ...accountInput(), opId: 'create' });
    store.setNow('2026-03-16T09:30:00+05:00');
    await store.updateAccount({ id: account.id, patch: { phone: '8 777 000 11 22', email: '' }, opId: 'edit' });

    const records = await store.db.outbox.orderBy('seq').toArray();
    const device = (await store.db.settings.get(DEVICE_SETTING))!.value as { deviceId: string; seq: number };
    expect(records.map((r) => r.seq)).toEqual(records.map((_, i) => i + 1));
    expect(device.seq).toBe(records.length);
    expect(new Set(records.map((r) => r.deviceId))).toEqual(new Set([device.deviceId]));
    // One record per operation, naming who did it, with every row it changed: the server derives the audit trail from it.
    const mine = records.filter((r) => r.opId !== 'seed-catalog-v1');
    expect(mine.map((r) => [r.opId, r.command, r.actor, r.createdAt, r.rows.map((row) => [row.table, row.op, row.recordId])])).toEqual([
      ['create', 'createAccount', 'tester', '2026-03-15T07:00:00.000Z', [['accounts', 'insert', account.id]]],
      ['edit', 'updateAccount', 'tester', '2026-03-16T04:30:00.000Z', [['accounts', 'update', account.id]]],
    ]);
    const update = mine[1]!.rows[0]!;
    expect(update.record).toBeUndefined();
    expect(update.changes).toEqual({
      phone: { old: '+77011234567', new: '+77770001122' },
      email: { old: 'Info@AltynSapa.kz', new: null },
      updatedAt: { old: '2026-03-15T07:00:00.000Z', new: '2026-03-16T04:30:00.000Z' },
    });
    // The audit event of the edit: the same change, old values before and new after.
    const [event] = await store.db.audit.where('operationId').equals('edit').toArray();
    expect(event).toMatchObject({ command: 'updateAccount', actor: 'tester', entityIds: [account.id] });
    expect(event!.changes).toEqual([
      {
        entity: { table: 'accounts', id: account.id },
        before: { phone: '+77011234567', email: 'Info@AltynSapa.kz', updatedAt: '2026-03-15T07:00:00.000Z' },
        after: { phone: '+77770001122', email: null, updatedAt: '2026-03-16T04:30:00.000Z' },
      },
    ]);
  });

  it('an update that changes nothing writes no outbox record and no audit event', async () => {
    const store = await freshStore();
    const account = await store.createAccount({ ...accountInput(), opId: 'create' });
    store.setNow('2026-03-16T09:30:00+05:00');
    const before = await tableCounts(store);
    const same = await store.updateAccount({ id: account.id, patch: { name: ' ТОО «Алтын Сапа» ', phone: '+7 701 123 45 67' }, opId: 'noop' });
    expect(same).toEqual(account); // not even updatedAt moves
    expect(await tableCounts(store)).toEqual({ ...before, operations: before.operations + 1 });
  });

  it('hybrid logical clock readings only grow, even when the wall clock goes back', async () => {
    const store = await freshStore('2026-03-15T12:00:00+05:00');
    await store.createAccount({ ...accountInput(), opId: 'one' });
    store.setNow('2026-03-15T11:00:00+05:00'); // the PC clock was set back an hour
    await store.createAccount({ ...accountInput({ iinBin: validBin(2), name: 'ТОО «Екінші»' }), opId: 'two' });
    const hlcs = (await store.db.outbox.orderBy('seq').toArray()).map((r) => r.hlc);
    expect([...hlcs].sort()).toEqual(hlcs);
    expect(new Set(hlcs).size).toBe(hlcs.length);
  });

  it('past 99 999 readings in one millisecond the clock borrows the next one, so readings still sort', async () => {
    const store = await freshStore('2026-03-15T12:00:00+05:00');
    await store.createAccount({ ...accountInput(), opId: 'one' });
    const device = (await store.db.settings.get(DEVICE_SETTING))!.value as { hlcMs: number };
    await store.db.settings.put({ key: DEVICE_SETTING, value: { ...device, hlcCounter: 99_999 } });
    await store.createAccount({ ...accountInput({ iinBin: validBin(3), name: 'ТОО «Үшінші»' }), opId: 'three' });
    const hlcs = (await store.db.outbox.orderBy('seq').toArray()).map((r) => r.hlc);
    expect([...hlcs].sort()).toEqual(hlcs);
    expect(hlcs.every((h) => /^\d{15}-\d{5}-/.test(h))).toBe(true);
    expect(hlcs.at(-1)!.slice(0, 15)).toBe(String(device.hlcMs + 1).padStart(15, '0'));
  });

  it('a refused command leaves the sequence where it was', async () => {
    const store = await freshStore();
    await store.createAccount({ ...accountInput(), opId: 'one' });
    const seq = ((await store.db.settings.get(DEVICE_SETTING))!.value as { seq: number }).seq;
    await commandErrorOf(store.createAccount({ ...accountInput(), opId: 'dup' }));
    expect(((await store.db.settings.get(DEVICE_SETTING))!.value as { seq: number }).seq).toBe(seq);
  });
});

describe('counters kept by the commands', () => {
  it('equal count() per table and status after creates and status changes', async () => {
    const store = await freshStore();
    const a = await store.createAccount({ ...accountInput(), opId: 'a' });
    await store.updateAccount({ id: a.id, patch: { status: 'suspended' }, opId: 'suspend' });
    const tariff = (await store.listTariffs()).find((t) => t.billingMonths === 1)!;
    await store.createSubscription({ accountId: a.id, tariffId: tariff.id, startDate: '2026-03-01', opId: 's' });
    const counters = Object.fromEntries((await store.db.counters.toArray()).map((c) => [c.key, c.value]));
    expect(counters).toEqual({
      accounts: await store.db.accounts.count(),
      'accounts:status:active': await store.db.accounts.where('status').equals('active').count(),
      'accounts:status:suspended': await store.db.accounts.where('status').equals('suspended').count(),
      subscriptions: await store.db.subscriptions.count(),
      'subscriptions:status:pending_payment': await store.db.subscriptions.where('status').equals('pending_payment').count(),
    });
    expect(counters['accounts:status:active']).toBe(0);
    expect(await store.countAccounts()).toBe(1);
  });
});

describe('the message boundary', () => {
  /** A transport that structured-clones every message both ways, as postMessage to a worker would. */
  const cloning = (handler: CoreTransport): CoreTransport => async (request: CoreRequest) => {
    const response: CoreResponse = await handler(structuredClone(request));
    return structuredClone(response);
  };

  it('commands, queries and refusals survive a structured clone', async () => {
    const store = createStore(freshDatabase(), { now: () => new Date('2026-03-15T07:00:00Z'), actor: () => 'tester' }, cloning);
    await store.ensureCatalog();
    const account = await store.createAccount({ ...accountInput(), opId: 'acc' });
    expect((await store.searchAccounts('алтын'))[0]?.id).toBe(account.id);
    const error = await commandErrorOf(store.createAccount({ ...accountInput(), opId: 'dup' }));
    expect(error).toBeInstanceOf(CommandError);
    expect(error).toMatchObject({ code: 'errors:account.duplicateIinBin', field: 'iinBin' });
  });
});

describe('balances a double cannot hold', () => {
  it('are an error, never a wrong number', async () => {
    const store = await freshStore();
    const account = await store.createAccount({ ...accountInput(), opId: 'acc' });
    // Data from outside the commands (an old bug, a bad import): a balance at the edge of what a double holds exactly.
    const big = { accountId: account.id, bucket: 'money' as const, kind: 'correction' as const, operationId: 'x', actor: 'x', at: '2026-03-15T07:00:00.000Z', businessDate: '2026-03-15' };
    await store.db.ledger.add({ ...big, id: 'big-1', amount: Number.MAX_SAFE_INTEGER - 50 });
    expect(await store.getBalances(account.id)).toEqual({ money: Number.MAX_SAFE_INTEGER - 50, bonus: 0 });
    // A payment that would carry it past 2^53 is refused, with nothing written.
    const before = await tableCounts(store);
    expect(await commandErrorOf(store.recordPayment({ accountId: account.id, amount: 100, date: '2026-03-15', method: 'cash', opId: 'p' }))).toMatchObject({
      code: 'errors:balance.outOfRange',
    });
    expect(await tableCounts(store)).toEqual(before);
    // And a balance already beyond it is reported, not shown rounded: two entries of 2^53 tiyn.
    await store.db.ledger.add({ ...big, id: 'big-2', amount: 2 ** 53 });
    expect(await commandErrorOf(store.getBalances(account.id))).toMatchObject({ code: 'errors:balance.outOfRange' });
    expect(await commandErrorOf(store.getAccountView(account.id))).toMatchObject({ code: 'errors:balance.outOfRange' });
  });
});

describe('period ends stay within the dates the app keeps', () => {
  it('a period that would end after 2099-12-31 is refused', async () => {
    const store = await freshStore('2099-12-20T12:00:00+05:00');
    const account = await store.createAccount({ ...accountInput(), opId: 'acc' });
    await store.recordPayment({ accountId: account.id, amount: 100_000_000, date: '2099-12-20', method: 'cash', opId: 'pay' });
    const tariff = (await store.listTariffs()).find((t) => t.billingMonths === 1)!;
    const sub = await store.createSubscription({ accountId: account.id, tariffId: tariff.id, startDate: '2099-12-15', opId: 's' });
    const before = await tableCounts(store);
    expect(await commandErrorOf(store.activateSubscription({ subscriptionId: sub.id, opId: 'act' }))).toMatchObject({ code: 'errors:period.outOfRange' });
    expect(await tableCounts(store)).toEqual(before);
  });
});

describe('isEmpty', () => {
  it('is true for a new store and for what a demo load that died left behind, false for real data', async () => {
    const store = await freshStore();
    expect(await store.isEmpty()).toBe(true);
    await store.createAccount({ ...accountInput(), opId: 'a' });
    expect(await store.isEmpty()).toBe(false);
    await store.db.settings.put({ key: 'demoData', value: { state: 'loading', seed: 1 } });
    expect(await store.isEmpty()).toBe(true);
    await store.db.settings.put({ key: 'demoData', value: { state: 'done', seed: 1 } });
    expect(await store.isEmpty()).toBe(false);
  });
});
