import { describe, expect, it } from 'vitest';
import { accountInput, freshStore, opId, validBin } from './helpers';

describe('getAccountView and listLedger', () => {
  it('shows the account with balances from the ledger and its subscriptions with tariff and service', async () => {
    const store = await freshStore();
    const account = await store.createAccount({ ...accountInput(), opId: opId() });
    await store.recordPayment({ accountId: account.id, amount: 3_000_000, date: '2026-03-01', method: 'bank_transfer', opId: opId() });
    const a = await store.createSubscription({ accountId: account.id, tariffId: 'tar-cloud1c-s', startDate: '2026-03-02', opId: opId() });
    const b = await store.createSubscription({ accountId: account.id, tariffId: 'tar-site-card', startDate: '2026-03-05', opId: opId() });
    await store.activateSubscription({ subscriptionId: a.id, opId: opId() });

    const view = await store.getAccountView(account.id);
    expect(view?.account).toMatchObject({ id: account.id, name: account.name });
    expect(view?.balances).toEqual({ money: 3_000_000 - 900_000, bonus: 0 });
    expect(view?.subscriptions.map((s) => [s.id, s.status, s.tariff.id, s.service.code])).toEqual([
      [a.id, 'active', 'tar-cloud1c-s', 'cloud1c'],
      [b.id, 'pending_payment', 'tar-site-card', 'site_builder'],
    ]);
    expect(await store.getAccountView('missing')).toBeUndefined();
  });

  it('lists the ledger newest first, limited, and only for that account', async () => {
    const store = await freshStore();
    const account = await store.createAccount({ ...accountInput(), opId: opId() });
    const other = await store.createAccount({ ...accountInput({ iinBin: validBin(5), name: 'ТОО «Басқа»' }), opId: opId() });
    await store.recordPayment({ accountId: other.id, amount: 999, date: '2026-03-09', method: 'card', opId: opId() });
    const amounts = [100, 200, 300];
    for (const [i, amount] of amounts.entries()) {
      store.setNow(`2026-03-1${i}T10:00:00+05:00`);
      await store.recordPayment({ accountId: account.id, amount, date: `2026-03-1${i}`, method: 'cash', opId: opId() });
    }
    expect((await store.listLedger(account.id)).map((e) => e.amount)).toEqual([300, 200, 100]);
    expect((await store.listLedger(account.id, { limit: 2 })).map((e) => e.amount)).toEqual([300, 200]);
    expect((await store.listLedger(other.id)).map((e) => e.amount)).toEqual([999]);
  });
});
