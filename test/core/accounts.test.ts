import { describe, expect, it } from 'vitest';
import { CommandError, accountInputSchema } from '../../core';
import { accountInput, auditOf, commandErrorOf, freshStore, opId, outboxOf, validBin, validIin } from './helpers';

describe('createAccount', () => {
  it('stores the account normalized, with its audit event, outbox record and operation', async () => {
    const store = await freshStore();
    const account = await store.createAccount({ ...accountInput(), opId: 'op-create-1' });

    expect(account).toMatchObject({
      kind: 'legal_entity',
      name: 'ТОО «Алтын Сапа»',
      phone: '+77011234567',
      email: 'Info@AltynSapa.kz',
      status: 'active',
      createdAt: '2026-03-15T07:00:00.000Z',
    });
    const stored = await store.db.accounts.get(account.id);
    expect(stored).toMatchObject({ nameWords: ['тоо', 'алтын', 'сапа'], phoneDigits: '77011234567', emailLower: 'info@altynsapa.kz' });
    const audit = await auditOf(store, account.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ command: 'createAccount', operationId: 'op-create-1', actor: 'tester', before: null, after: account });
    const outbox = await outboxOf(store, 'accounts', account.id);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ op: 'insert', sentAt: null, record: account, opId: 'op-create-1', command: 'createAccount', actor: 'tester', seq: expect.any(Number) });
    expect(outbox[0]).not.toHaveProperty('record.nameWords');
    expect(await store.db.operations.get('op-create-1')).toMatchObject({
      command: 'createAccount',
      actor: 'tester',
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      resultRef: { table: 'accounts', id: account.id },
    });
  });

  it('is idempotent: the same operation id twice creates one account and returns the first result', async () => {
    const store = await freshStore();
    const first = await store.createAccount({ ...accountInput(), opId: 'double-click' });
    const second = await store.createAccount({ ...accountInput(), opId: 'double-click' });
    expect(second).toEqual(first);
    expect(await store.db.accounts.count()).toBe(1);
    expect(await auditOf(store, first.id)).toHaveLength(1);
    expect(await outboxOf(store, 'accounts', first.id)).toHaveLength(1);
  });

  it('refuses a duplicate IIN/BIN and names the existing client', async () => {
    const store = await freshStore();
    await store.createAccount({ ...accountInput(), opId: opId() });
    const error = await commandErrorOf(store.createAccount({ ...accountInput({ name: 'ТОО «Другое»' }), opId: opId() }));
    expect(error).toBeInstanceOf(CommandError);
    expect(error).toMatchObject({ code: 'errors:account.duplicateIinBin', field: 'iinBin', params: { name: 'ТОО «Алтын Сапа»' } });
    expect(await store.db.accounts.count()).toBe(1);
  });

  it.each([
    ['12345', 'errors:iinBin.length'],
    ['90010130003A', 'errors:iinBin.non_digit'],
    ['900101300039', 'errors:iinBin.checksum'],
  ])('explains a wrong IIN/BIN %s as %s', async (iinBin, code) => {
    const store = await freshStore();
    const valid = validIin(1);
    // The checksum case must differ from a valid number only in the check digit.
    const wrong = code === 'errors:iinBin.checksum' ? valid.slice(0, 11) + String((Number(valid[11]) + 1) % 10) : iinBin;
    const error = await commandErrorOf(store.createAccount({ ...accountInput({ kind: 'individual', iinBin: wrong }), opId: opId() }));
    expect(error).toMatchObject({ code, field: 'iinBin' });
    expect(await store.db.accounts.count()).toBe(0);
  });

  it('asks for a BIN for a legal entity and an IIN for a person', async () => {
    const store = await freshStore();
    const asCompany = await commandErrorOf(store.createAccount({ ...accountInput({ kind: 'legal_entity', iinBin: validIin(2) }), opId: opId() }));
    expect(asCompany).toMatchObject({ code: 'errors:iinBin.binExpected', field: 'iinBin' });
    const asPerson = await commandErrorOf(store.createAccount({ ...accountInput({ kind: 'individual', iinBin: validBin(2) }), opId: opId() }));
    expect(asPerson).toMatchObject({ code: 'errors:iinBin.iinExpected', field: 'iinBin' });
  });

  it.each([
    [{ email: 'not-an-email' }, 'errors:email.invalid', 'email'],
    [{ phone: '12345' }, 'errors:phone.invalid', 'phone'],
    [{ name: '   ' }, 'errors:account.nameRequired', 'name'],
  ])('refuses %o with %s', async (patch, code, field) => {
    const store = await freshStore();
    const error = await commandErrorOf(store.createAccount({ ...accountInput(patch), opId: opId() }));
    expect(error).toMatchObject({ code, field });
  });

  it('accepts blank optional fields as absent', async () => {
    const store = await freshStore();
    const account = await store.createAccount({ ...accountInput({ email: '', phone: ' ', responsiblePerson: '' }), opId: opId() });
    expect(account).not.toHaveProperty('email');
    expect(account).not.toHaveProperty('phone');
    expect((await store.db.accounts.get(account.id))?.phoneDigits).toBe('');
  });

  it('refuses a missing operation id', async () => {
    const store = await freshStore();
    const error = await commandErrorOf(store.createAccount({ ...accountInput(), opId: '' }));
    expect(error).toMatchObject({ code: 'errors:operation.idRequired' });
  });

  it('refuses an operation id already used by another command', async () => {
    const store = await freshStore();
    const account = await store.createAccount({ ...accountInput(), opId: 'shared-op' });
    const error = await commandErrorOf(store.recordPayment({ accountId: account.id, amount: 100, date: '2026-03-15', method: 'cash', opId: 'shared-op' }));
    expect(error).toMatchObject({ code: 'errors:operation.conflict' });
    expect(await store.db.ledger.count()).toBe(0);
  });
});

describe('accountInputSchema (the form reuses it)', () => {
  it('reports i18n keys as messages', () => {
    const parsed = accountInputSchema.safeParse({ ...accountInput(), iinBin: '123' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toContain('errors:iinBin.length');
  });
});

describe('updateAccount', () => {
  it('changes the account and audits before and after', async () => {
    const store = await freshStore();
    const account = await store.createAccount({ ...accountInput(), opId: opId() });
    store.setNow('2026-03-16T09:30:00+05:00');
    const updated = await store.updateAccount({ id: account.id, patch: { name: 'ТОО «Жаңа Атау»', phone: '+7 777 000 11 22' }, opId: 'op-upd' });

    expect(updated).toMatchObject({ id: account.id, name: 'ТОО «Жаңа Атау»', phone: '+77770001122', createdAt: account.createdAt, updatedAt: '2026-03-16T04:30:00.000Z' });
    expect(await store.db.accounts.where('nameWords').equals('жаңа').primaryKeys()).toEqual([account.id]);
    const audit = (await auditOf(store, account.id)).filter((a) => a.command === 'updateAccount');
    expect(audit).toHaveLength(1);
    // Only what changed, old values before and new after (the search fields are not the client's data).
    expect(audit[0]!.before).toEqual({ name: 'ТОО «Алтын Сапа»', phone: '+77011234567', updatedAt: account.updatedAt });
    expect(audit[0]!.after).toEqual({ name: 'ТОО «Жаңа Атау»', phone: '+77770001122', updatedAt: '2026-03-16T04:30:00.000Z' });
  });

  it('refuses an IIN/BIN that belongs to another client, and an unknown id', async () => {
    const store = await freshStore();
    const a = await store.createAccount({ ...accountInput(), opId: opId() });
    const b = await store.createAccount({ ...accountInput({ iinBin: validBin(7), name: 'ТОО «Б»' }), opId: opId() });
    const clash = await commandErrorOf(store.updateAccount({ id: b.id, patch: { iinBin: a.iinBin }, opId: opId() }));
    expect(clash).toMatchObject({ code: 'errors:account.duplicateIinBin' });
    const missing = await commandErrorOf(store.updateAccount({ id: 'nope', patch: { name: 'X' }, opId: opId() }));
    expect(missing).toMatchObject({ code: 'errors:account.notFound' });
    expect((await store.db.accounts.get(b.id))?.iinBin).toBe(b.iinBin);
  });

  it('leaves undefined fields unchanged and clears a field given as blank', async () => {
    const store = await freshStore();
    const a = await store.createAccount({ ...accountInput(), opId: opId() });
    const updated = await store.updateAccount({ id: a.id, patch: { email: '', phone: undefined }, opId: opId() });
    expect(updated).not.toHaveProperty('email');
    expect(updated.phone).toBe('+77011234567');
    expect((await store.db.accounts.get(a.id))?.emailLower).toBe('');
  });

  it('keeps its own IIN/BIN without calling it a duplicate', async () => {
    const store = await freshStore();
    const a = await store.createAccount({ ...accountInput(), opId: opId() });
    const updated = await store.updateAccount({ id: a.id, patch: { iinBin: a.iinBin, status: 'suspended' }, opId: opId() });
    expect(updated.status).toBe('suspended');
  });
});
