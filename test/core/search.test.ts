import { beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../core';
import { accountInput, freshStore, opId, validBin, validIin, type TestStore } from './helpers';

let store: TestStore;
let altyn: Account;
let ivanova: Account;
let akzhol: Account;

beforeAll(async () => {
  store = await freshStore();
  altyn = await store.createAccount({ ...accountInput({ name: 'ТОО «Алтын Сапа»', iinBin: validBin(11), email: 'info@altynsapa.kz', phone: '+7 701 123 45 67' }), opId: opId() });
  ivanova = await store.createAccount({
    ...accountInput({ kind: 'individual', name: 'Иванова Анна Сергеевна', iinBin: validIin(12), email: 'anna.ivanova@mail.kz', phone: '87775550011', language: 'ru' }),
    opId: opId(),
  });
  akzhol = await store.createAccount({ ...accountInput({ name: 'ТОО «Ақ Жол Алтын»', iinBin: validBin(13), email: 'buh@akzhol.kz', phone: '+77470001122' }), opId: opId() });
  for (let i = 0; i < 30; i++) {
    await store.createAccount({ ...accountInput({ name: `ТОО «Береке ${i}»`, iinBin: validBin(100 + i), email: `b${i}@bereke.kz`, phone: `+7700000${String(i).padStart(4, '0')}` }), opId: opId() });
  }
});

const ids = (accounts: Account[]) => accounts.map((a) => a.id);

describe('searchAccounts', () => {
  it('finds by the prefix of any word of the name, ignoring case', async () => {
    expect(ids(await store.searchAccounts('сап'))).toEqual([altyn.id]);
    expect(ids(await store.searchAccounts('АННА'))).toEqual([ivanova.id]);
    expect(ids(await store.searchAccounts('алт')).sort()).toEqual([altyn.id, akzhol.id].sort());
  });

  it('needs every typed word to match, in any order', async () => {
    expect(ids(await store.searchAccounts('алтын жол'))).toEqual([akzhol.id]);
    expect(ids(await store.searchAccounts('серг иван'))).toEqual([ivanova.id]);
    expect(await store.searchAccounts('алтын иванова')).toEqual([]);
  });

  it('finds by IIN/BIN prefix and by the full number', async () => {
    expect(ids(await store.searchAccounts(ivanova.iinBin))).toEqual([ivanova.id]);
    const hits = ids(await store.searchAccounts(altyn.iinBin.slice(0, 8)));
    expect(hits).toContain(altyn.id);
  });

  it('finds by phone written in any usual way', async () => {
    for (const query of ['+7 701 123 45 67', '87011234567', '701 123', '7011234567', '(701) 123-45']) {
      expect(ids(await store.searchAccounts(query)), query).toEqual([altyn.id]);
    }
    expect(ids(await store.searchAccounts('8 777 555'))).toEqual([ivanova.id]);
  });

  it('finds by e-mail prefix', async () => {
    expect(ids(await store.searchAccounts('buh@akz'))).toEqual([akzhol.id]);
    expect(ids(await store.searchAccounts('Anna.Iv'))).toEqual([ivanova.id]);
  });

  it('respects the limit and lists the first accounts by name for an empty query', async () => {
    expect(await store.searchAccounts('береке', { limit: 5 })).toHaveLength(5);
    const first = await store.searchAccounts('  ', { limit: 3 });
    // Index order is by UTF-16 code unit: Kazakh-only letters (қ U+049B) sort after the Russian alphabet.
    expect(first.map((a) => a.name)).toEqual(['Иванова Анна Сергеевна', 'ТОО «Алтын Сапа»', 'ТОО «Ақ Жол Алтын»']);
    expect(await store.countAccounts()).toBe(33);
  });

  it('returns no duplicates when a name and an e-mail both match', async () => {
    const hits = ids(await store.searchAccounts('info'));
    expect(hits).toEqual([altyn.id]);
  });
});
