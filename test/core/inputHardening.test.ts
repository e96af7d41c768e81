// The store refuses hostile input through the shared input schemas (shared/domain/inputs.ts) and writes nothing.
import { describe, expect, it } from 'vitest';
import { accountInput, commandErrorOf, freshStore, opId, tableCounts } from './helpers';

describe('createAccount refuses hostile names', () => {
  it('a name with a right-to-left override (U+202E): errors:text.bidiOverride, nothing written', async () => {
    const store = await freshStore();
    const before = await tableCounts(store);
    const error = await commandErrorOf(store.createAccount({ ...accountInput({ name: 'ТОО «Алтын\u202Eасап»' }), opId: opId() }));
    expect(error).toMatchObject({ code: 'errors:text.bidiOverride', field: 'name' });
    expect(await tableCounts(store)).toEqual(before);
  });

  it('a name of only U+200B: errors:account.nameRequired, nothing written', async () => {
    const store = await freshStore();
    const before = await tableCounts(store);
    const error = await commandErrorOf(store.createAccount({ ...accountInput({ name: '\u200B\u200B' }), opId: opId() }));
    expect(error).toMatchObject({ code: 'errors:account.nameRequired', field: 'name' });
    expect(await tableCounts(store)).toEqual(before);
  });

  it('a too long name carries { max } to the CommandError', async () => {
    const store = await freshStore();
    const error = await commandErrorOf(store.createAccount({ ...accountInput({ name: 'ж'.repeat(301) }), opId: opId() }));
    expect(error).toMatchObject({ code: 'errors:text.tooLong', field: 'name', params: { max: 300 } });
  });

  it('stores the cleaned name: trimmed of U+200B, NFC', async () => {
    const store = await freshStore();
    const account = await store.createAccount({ ...accountInput({ name: '\u200BCafe\u0301 «Алтын»\uFEFF' }), opId: opId() });
    expect(account.name).toBe('Caf\u00E9 «Алтын»');
    expect((await store.db.accounts.get(account.id))?.name).toBe('Caf\u00E9 «Алтын»');
  });
});

describe('recordPayment refuses amounts and dates out of range', () => {
  async function setUp() {
    const store = await freshStore();
    const account = await store.createAccount({ ...accountInput(), opId: opId() });
    const pay = (over: Record<string, unknown>) =>
      store.recordPayment({ accountId: account.id, amount: 100, date: '2026-03-15', method: 'bank_transfer', opId: opId(), ...over });
    return { store, account, pay, before: await tableCounts(store) };
  }

  it.each([
    [10 ** 13 + 1, 'errors:amount.tooLarge'],
    [2 ** 53, 'errors:amount.tooLarge'],
  ])('amount %s: %s, nothing written', async (amount, code) => {
    const { store, pay, before } = await setUp();
    expect(await commandErrorOf(pay({ amount }))).toMatchObject({ code, field: 'amount' });
    expect(await tableCounts(store)).toEqual(before);
  });

  it('accepts exactly 10^13 tiyn', async () => {
    const { store, pay, before } = await setUp();
    expect(await pay({ amount: 10 ** 13 })).toMatchObject({ amount: 10 ** 13 });
    expect((await tableCounts(store)).ledger).toBe(before.ledger + 1);
  });

  it("date '1999-12-31': errors:date.outOfRange with { min, max }, nothing written", async () => {
    const { store, pay, before } = await setUp();
    expect(await commandErrorOf(pay({ date: '1999-12-31' }))).toMatchObject({
      code: 'errors:date.outOfRange',
      field: 'date',
      params: { min: '2000-01-01', max: '2099-12-31' },
    });
    expect(await tableCounts(store)).toEqual(before);
  });

  it('a reference with a bidi override or a control character is refused; a blank one is dropped', async () => {
    const { store, pay, before } = await setUp();
    expect(await commandErrorOf(pay({ reference: 'п/п №12\u202E' }))).toMatchObject({ code: 'errors:text.bidiOverride', field: 'reference' });
    expect(await commandErrorOf(pay({ reference: 'п/п\u0000№12' }))).toMatchObject({ code: 'errors:text.controlCharacters', field: 'reference' });
    expect(await commandErrorOf(pay({ reference: 'x'.repeat(201) }))).toMatchObject({ code: 'errors:text.tooLong', params: { max: 200 } });
    expect(await tableCounts(store)).toEqual(before);
    const entry = await pay({ reference: ' \u200B ' });
    expect(entry).not.toHaveProperty('reference');
  });
});
