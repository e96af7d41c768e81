import { describe, expect, it } from 'vitest';
import type { Store, Subscription } from '../../core';
import { accountInput, auditOf, commandErrorOf, freshStore, opId, outboxOf, tableCounts, validBin } from './helpers';

async function accountWithMoney(store: Store, amount: number) {
  const account = await store.createAccount({ ...accountInput(), opId: opId() });
  if (amount > 0) await store.recordPayment({ accountId: account.id, amount, date: '2026-01-05', method: 'bank_transfer', opId: opId() });
  return account;
}

/** Puts bonuses on the account the way an approved compensation does (that command comes later). */
async function giveBonus(store: Store, accountId: string, amount: number) {
  await store.db.ledger.add({
    id: crypto.randomUUID(),
    accountId,
    bucket: 'bonus',
    amount,
    kind: 'compensation',
    operationId: opId(),
    actor: 'tester',
    at: '2026-01-06T05:00:00.000Z',
    businessDate: '2026-01-06',
  });
}

describe('recordPayment', () => {
  it('adds money to the balance, dated by the business day of the statement', async () => {
    const store = await freshStore();
    const account = await accountWithMoney(store, 0);
    const entry = await store.recordPayment({ accountId: account.id, amount: 1_500_000, date: '2026-03-14', method: 'kaspi', reference: ' №42 ', opId: 'pay-1' });
    expect(entry).toMatchObject({ bucket: 'money', amount: 1_500_000, kind: 'payment', method: 'kaspi', reference: '№42', businessDate: '2026-03-14', operationId: 'pay-1', actor: 'tester' });
    expect(await store.getBalances(account.id)).toEqual({ money: 1_500_000, bonus: 0 });
    // The ledger is append-only and names its operation and actor: it is its own audit record.
    expect(await store.db.operations.get('pay-1')).toMatchObject({ command: 'recordPayment', actor: 'tester', resultRef: { table: 'ledger', id: entry.id } });
    expect(await outboxOf(store, 'ledger', entry.id)).toMatchObject([{ op: 'insert', record: entry, opId: 'pay-1', actor: 'tester' }]);
  });

  it('is idempotent by operation id', async () => {
    const store = await freshStore();
    const account = await accountWithMoney(store, 0);
    const input = { accountId: account.id, amount: 700_000, date: '2026-03-14', method: 'cash' as const, opId: 'pay-twice' };
    const first = await store.recordPayment(input);
    const again = await store.recordPayment(input);
    expect(again).toEqual(first);
    expect(await store.db.ledger.count()).toBe(1);
    expect(await store.getBalances(account.id)).toEqual({ money: 700_000, bonus: 0 });
  });

  it.each([
    [0, 'errors:amount.notPositive'],
    [-100, 'errors:amount.notPositive'],
    [100.5, 'errors:amount.notInteger'],
  ])('refuses the amount %d', async (amount, code) => {
    const store = await freshStore();
    const account = await accountWithMoney(store, 0);
    const error = await commandErrorOf(store.recordPayment({ accountId: account.id, amount, date: '2026-03-14', method: 'cash', opId: opId() }));
    expect(error).toMatchObject({ code, field: 'amount' });
    expect(await store.db.ledger.count()).toBe(0);
  });

  it('refuses a date that does not exist, a future date and an unknown account', async () => {
    const store = await freshStore();
    const account = await accountWithMoney(store, 0);
    const pay = (patch: object) => store.recordPayment({ accountId: account.id, amount: 100, date: '2026-03-14', method: 'cash', opId: opId(), ...patch });
    expect(await commandErrorOf(pay({ date: '2026-02-30' }))).toMatchObject({ code: 'errors:date.invalid', field: 'date' });
    expect(await commandErrorOf(pay({ date: '2026-03-16' }))).toMatchObject({ code: 'errors:payment.dateInFuture' });
    expect(await commandErrorOf(pay({ accountId: 'missing' }))).toMatchObject({ code: 'errors:account.notFound' });
    expect(await store.db.ledger.count()).toBe(0);
  });
});

describe('subscriptions', () => {
  it('createSubscription waits for payment and takes auto-renewal from the service policy', async () => {
    const store = await freshStore();
    const account = await accountWithMoney(store, 0);
    const sub = await store.createSubscription({ accountId: account.id, tariffId: 'tar-cloud1c-m', startDate: '2026-03-10', opId: opId() });
    expect(sub).toMatchObject({ status: 'pending_payment', serviceId: 'svc-cloud1c', anchorDay: 10, currentPeriod: null, firstUseDate: null, autoRenew: true });
    const edo = await store.createSubscription({ accountId: account.id, tariffId: 'tar-edo-basic', startDate: '2026-03-10', opId: opId() });
    expect(edo.autoRenew).toBe(false);
    expect(await store.db.ledger.count()).toBe(0);
  });

  it('activateSubscription charges the first period in advance at the price in force on its start', async () => {
    const store = await freshStore();
    const account = await accountWithMoney(store, 2_000_000);
    const sub = await store.createSubscription({ accountId: account.id, tariffId: 'tar-cloud1c-m', startDate: '2026-03-10', opId: opId() });
    const active = await store.activateSubscription({ subscriptionId: sub.id, opId: 'act-1' });

    expect(active).toMatchObject({ status: 'active', firstUseDate: '2026-03-10', currentPeriod: { start: '2026-03-10', end: '2026-04-10' } });
    const charges = (await store.db.ledger.toArray()).filter((e) => e.operationId === 'act-1');
    expect(charges).toHaveLength(1);
    expect(charges[0]).toMatchObject({ bucket: 'money', amount: -1_500_000, kind: 'period_charge', subscriptionId: sub.id, period: { start: '2026-03-10', end: '2026-04-10' }, businessDate: '2026-03-10' });
    expect(await store.getBalances(account.id)).toEqual({ money: 500_000, bonus: 0 });
    const audit = (await auditOf(store, sub.id)).filter((a) => a.command === 'activateSubscription');
    expect(audit[0]).toMatchObject({ before: { status: 'pending_payment' }, after: { status: 'active' } });
  });

  it('charges the price of the period start: before a price change the old price', async () => {
    const store = await freshStore();
    const account = await accountWithMoney(store, 5_000_000);
    const sub = await store.createSubscription({ accountId: account.id, tariffId: 'tar-cloud1c-m', startDate: '2025-12-10', opId: opId() });
    await store.activateSubscription({ subscriptionId: sub.id, opId: opId() });
    expect(await store.getBalances(account.id)).toEqual({ money: 3_600_000, bonus: 0 });
    const renewed = await store.renewSubscription({ subscriptionId: sub.id, opId: opId() });
    expect(renewed.currentPeriod).toEqual({ start: '2026-01-10', end: '2026-02-10' });
    // 14 000 ₸ until 2025-12-31, 15 000 ₸ from 2026-01-01.
    expect(await store.getBalances(account.id)).toEqual({ money: 2_100_000, bonus: 0 });
  });

  it('refuses activation when the balance does not cover the period, and writes nothing', async () => {
    const store = await freshStore();
    const account = await accountWithMoney(store, 1_000_000);
    await giveBonus(store, account.id, 400_000);
    const sub = await store.createSubscription({ accountId: account.id, tariffId: 'tar-cloud1c-m', startDate: '2026-03-10', opId: opId() });
    const before = await tableCounts(store);
    const error = await commandErrorOf(store.activateSubscription({ subscriptionId: sub.id, opId: 'act-poor' }));
    expect(error).toMatchObject({ code: 'errors:balance.insufficient', params: { required: 1_500_000, available: 1_400_000 } });
    expect(await tableCounts(store)).toEqual(before);
    expect((await store.db.subscriptions.get(sub.id))?.status).toBe('pending_payment');
    expect(await store.db.operations.get('act-poor')).toBeUndefined();
  });

  it('spends bonuses first: two entries share the chargeId', async () => {
    const store = await freshStore();
    const account = await accountWithMoney(store, 2_000_000);
    await giveBonus(store, account.id, 45_000);
    const sub = await store.createSubscription({ accountId: account.id, tariffId: 'tar-cloud1c-m', startDate: '2026-03-10', opId: opId() });
    await store.activateSubscription({ subscriptionId: sub.id, opId: 'act-bonus' });
    const charge = (await store.db.ledger.where('subscriptionId').equals(sub.id).toArray()).filter((e) => e.kind === 'period_charge');
    expect(charge.map((e) => [e.bucket, e.amount]).sort()).toEqual([['bonus', -45_000], ['money', -1_455_000]]);
    expect(charge[0]!.chargeId).toBeDefined();
    expect(charge[0]!.chargeId).toBe(charge[1]!.chargeId);
    expect(await store.getBalances(account.id)).toEqual({ money: 545_000, bonus: 0 });
  });

  it('renews with the anchor day: Jan 31 → Feb 28 → Mar 31 → Apr 30', async () => {
    const store = await freshStore('2026-05-01T10:00:00+05:00');
    const account = await accountWithMoney(store, 10_000_000);
    const sub = await store.createSubscription({ accountId: account.id, tariffId: 'tar-onebuh-start', startDate: '2026-01-31', opId: opId() });
    const periods: Subscription['currentPeriod'][] = [(await store.activateSubscription({ subscriptionId: sub.id, opId: opId() })).currentPeriod];
    for (let i = 0; i < 2; i++) periods.push((await store.renewSubscription({ subscriptionId: sub.id, opId: opId() })).currentPeriod);
    expect(periods).toEqual([
      { start: '2026-01-31', end: '2026-02-28' },
      { start: '2026-02-28', end: '2026-03-31' },
      { start: '2026-03-31', end: '2026-04-30' },
    ]);
    expect(await store.getBalances(account.id)).toEqual({ money: 10_000_000 - 3 * 600_000, bonus: 0 });
  });

  it('a yearly tariff renews for 12 months', async () => {
    const store = await freshStore();
    const account = await accountWithMoney(store, 10_000_000);
    const sub = await store.createSubscription({ accountId: account.id, tariffId: 'tar-edo-basic', startDate: '2024-02-29', opId: opId() });
    await store.activateSubscription({ subscriptionId: sub.id, opId: opId() });
    const renewed = await store.renewSubscription({ subscriptionId: sub.id, opId: opId() });
    expect(renewed.currentPeriod).toEqual({ start: '2025-02-28', end: '2026-02-28' });
  });

  it('a scheduled tariff takes over at renewal and is charged in full', async () => {
    const store = await freshStore();
    const account = await accountWithMoney(store, 10_000_000);
    const sub = await store.createSubscription({ accountId: account.id, tariffId: 'tar-cloud1c-l', startDate: '2026-02-10', opId: opId() });
    await store.activateSubscription({ subscriptionId: sub.id, opId: opId() });
    await store.db.subscriptions.update(sub.id, { scheduledTariffId: 'tar-cloud1c-s' });
    const renewed = await store.renewSubscription({ subscriptionId: sub.id, opId: 'renew-1' });
    expect(renewed).toMatchObject({ tariffId: 'tar-cloud1c-s', scheduledTariffId: null, currentPeriod: { start: '2026-03-10', end: '2026-04-10' } });
    expect(await store.getBalances(account.id)).toEqual({ money: 10_000_000 - 2_800_000 - 900_000, bonus: 0 });
    // The same renewal submitted again does not charge a third period.
    await store.renewSubscription({ subscriptionId: sub.id, opId: 'renew-1' });
    expect(await store.getBalances(account.id)).toEqual({ money: 10_000_000 - 2_800_000 - 900_000, bonus: 0 });
  });

  it('refuses to activate twice, to renew a pending subscription, and unknown tariffs', async () => {
    const store = await freshStore();
    const account = await accountWithMoney(store, 10_000_000);
    const sub = await store.createSubscription({ accountId: account.id, tariffId: 'tar-site-card', startDate: '2026-03-01', opId: opId() });
    expect(await commandErrorOf(store.renewSubscription({ subscriptionId: sub.id, opId: opId() }))).toMatchObject({ code: 'errors:subscription.notRenewable' });
    await store.activateSubscription({ subscriptionId: sub.id, opId: opId() });
    expect(await commandErrorOf(store.activateSubscription({ subscriptionId: sub.id, opId: opId() }))).toMatchObject({ code: 'errors:subscription.notPending' });
    expect(
      await commandErrorOf(store.createSubscription({ accountId: account.id, tariffId: 'tar-none', startDate: '2026-03-01', opId: opId() })),
    ).toMatchObject({ code: 'errors:tariff.notFound' });
  });
});

describe('atomicity', () => {
  it('a command that fails midway leaves no trace: no entity, ledger, audit, outbox or operation', async () => {
    const store = await freshStore();
    const account = await accountWithMoney(store, 2_000_000);
    const sub = await store.createSubscription({ accountId: account.id, tariffId: 'tar-cloud1c-m', startDate: '2026-03-10', opId: opId() });
    const before = await tableCounts(store);
    // The audit event is written after the charge and the subscription update: fail there.
    const failAudit = () => {
      throw new Error('disk full');
    };
    store.db.audit.hook('creating', failAudit);
    await expect(store.activateSubscription({ subscriptionId: sub.id, opId: 'act-crash' })).rejects.toThrow('disk full');
    await expect(store.createAccount({ ...accountInput({ iinBin: validBin(99) }), opId: 'create-crash' })).rejects.toThrow('disk full');
    store.db.audit.hook('creating').unsubscribe(failAudit);

    expect(await tableCounts(store)).toEqual(before);
    expect((await store.db.subscriptions.get(sub.id))?.status).toBe('pending_payment');
    expect(await store.getBalances(account.id)).toEqual({ money: 2_000_000, bonus: 0 });
    // Nothing was remembered under the operation id, so the retry goes through.
    const retried = await store.activateSubscription({ subscriptionId: sub.id, opId: 'act-crash' });
    expect(retried.status).toBe('active');
    expect(await store.getBalances(account.id)).toEqual({ money: 500_000, bonus: 0 });
  });
});
