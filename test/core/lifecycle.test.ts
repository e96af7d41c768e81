import { describe, expect, it } from 'vitest';
import { accountInput, addTariffs, commandErrorOf, countersByScan, expectStatement, freshStore, opId, storedCounters, tableCounts, validBin, type TestStore } from './helpers';


/** A client with money on the balance and an active subscription from `start` (paid on that day). */
let clients = 0;
async function activeSubscription(store: TestStore, p: { tariffId: string; start: string; money: number; autoRenew?: boolean }) {
  clients += 1;
  const account = await store.createAccount({ ...accountInput({ iinBin: validBin(clients), name: `ТОО «Клиент ${clients}»` }), opId: opId() });
  await store.recordPayment({ accountId: account.id, amount: p.money, date: p.start, method: 'bank_transfer', opId: opId() });
  const sub = await store.createSubscription({ accountId: account.id, tariffId: p.tariffId, startDate: p.start, autoRenew: p.autoRenew ?? true, opId: opId() });
  const active = await store.activateSubscription({ subscriptionId: sub.id, opId: opId() });
  return { account, subscription: active };
}

describe('changeTariff: the worked example of §4.1', () => {
  it('an upgrade on day 16 of 31 charges (16 000 − 10 000) × 16 / 31 = 3 096,77 ₸ and keeps the period end', async () => {
    const store = await freshStore('2026-03-10T10:00:00+05:00');
    await addTariffs(store, 'svc-cloud1c', { 'c-10k': 1_000_000, 'c-16k': 1_600_000 });
    const { account, subscription } = await activeSubscription(store, { tariffId: 'c-10k', start: '2026-03-10', money: 2_000_000 });

    store.setNow('2026-03-25T15:00:00+05:00');
    const quote = await store.quoteTariffChange({ subscriptionId: subscription.id, tariffId: 'c-16k', date: '2026-03-25' });
    expect(quote).toMatchObject({ mode: 'in_period', oldPrice: 1_000_000, newPrice: 1_600_000, quote: { remainingDays: 16, periodDays: 31, amount: 309_677 } });
    const change = await store.changeTariff({ subscriptionId: subscription.id, tariffId: 'c-16k', date: '2026-03-25', opId: 'up' });
    expect(change).toMatchObject({ mode: 'in_period', quote: quote.quote, status: 'approved', decidedBy: 'tester', effectiveDate: '2026-03-25' });

    const period = { start: '2026-03-10', end: '2026-04-10' };
    await expectStatement(store, account.id, [
      { date: '2026-03-10', kind: 'payment', bucket: 'money', amount: 2_000_000 },
      { date: '2026-03-10', kind: 'period_charge', bucket: 'money', amount: -1_000_000, period },
      { date: '2026-03-25', kind: 'tariff_change_charge', bucket: 'money', amount: -309_677, period },
    ]);
    expect(await store.db.subscriptions.get(subscription.id)).toMatchObject({ tariffId: 'c-16k', currentPeriod: period, scheduledTariffId: null });
  });

  it('an upgrade the balance cannot cover is refused and writes nothing', async () => {
    const store = await freshStore('2026-03-10T10:00:00+05:00');
    await addTariffs(store, 'svc-cloud1c', { 'c-10k': 1_000_000, 'c-16k': 1_600_000 });
    const { subscription } = await activeSubscription(store, { tariffId: 'c-10k', start: '2026-03-10', money: 1_000_000 });
    store.setNow('2026-03-25T15:00:00+05:00');
    const before = await tableCounts(store);
    const error = await commandErrorOf(store.changeTariff({ subscriptionId: subscription.id, tariffId: 'c-16k', date: '2026-03-25', opId: 'up' }));
    expect(error).toMatchObject({ code: 'errors:balance.insufficient', params: { required: 309_677, available: 0 } });
    expect(await tableCounts(store)).toEqual(before);
  });

  it('a 1C-server downgrade is scheduled for renewal: nothing charged, the next period at the new price', async () => {
    const store = await freshStore('2026-03-10T10:00:00+05:00');
    const { account, subscription } = await activeSubscription(store, { tariffId: 'tar-cloud1c-l', start: '2026-03-10', money: 3_800_000 });
    store.setNow('2026-03-20T11:00:00+05:00');
    const change = await store.changeTariff({ subscriptionId: subscription.id, tariffId: 'tar-cloud1c-s', date: '2026-03-20', opId: 'down' });
    expect(change).toMatchObject({ mode: 'at_renewal', quote: null, effectiveDate: '2026-04-10', ledgerEntryIds: [] });
    expect(await store.db.subscriptions.get(subscription.id)).toMatchObject({ tariffId: 'tar-cloud1c-l', scheduledTariffId: 'tar-cloud1c-s' });

    store.setNow('2026-04-10T09:00:00+05:00');
    expect(await store.runRenewals({ date: '2026-04-10', opId: 'run-0410' })).toEqual({ renewed: 1, suspended: 0, expired: 0, deleted: 0 });
    await expectStatement(store, account.id, [
      { date: '2026-03-10', kind: 'payment', bucket: 'money', amount: 3_800_000 },
      { date: '2026-03-10', kind: 'period_charge', bucket: 'money', amount: -2_800_000, period: { start: '2026-03-10', end: '2026-04-10' } },
      { date: '2026-04-10', kind: 'period_charge', bucket: 'money', amount: -900_000, period: { start: '2026-04-10', end: '2026-05-10' } },
    ]);
    expect(await store.db.subscriptions.get(subscription.id)).toMatchObject({ tariffId: 'tar-cloud1c-s', scheduledTariffId: null });
  });

  it('a site-builder downgrade needs the resource check, then credits the unused difference to the buckets that paid', async () => {
    const store = await freshStore('2026-03-01T10:00:00+05:00');
    const account = await store.createAccount({ ...accountInput(), opId: opId() });
    await store.recordPayment({ accountId: account.id, amount: 600_000, date: '2026-03-01', method: 'cash', opId: opId() });
    await store.db.ledger.add({ id: 'bonus-1', accountId: account.id, bucket: 'bonus', amount: 300_000, kind: 'compensation', operationId: 'x', actor: 'x', at: '2026-03-01T04:00:00.000Z', businessDate: '2026-03-01' });
    const sub = await store.createSubscription({ accountId: account.id, tariffId: 'tar-site-shop', startDate: '2026-03-01', opId: opId() });
    await store.activateSubscription({ subscriptionId: sub.id, opId: opId() }); // 9 000,00: 3 000 bonus + 6 000 money

    store.setNow('2026-03-15T12:00:00+05:00');
    const input = { subscriptionId: sub.id, tariffId: 'tar-site-business', date: '2026-03-15' };
    expect(await commandErrorOf(store.changeTariff({ ...input, opId: 'd1' }))).toMatchObject({ code: 'errors:tariffChange.resourceCheckRequired', field: 'resourcesChecked' });
    const change = await store.changeTariff({ ...input, resourcesChecked: true, opId: 'd2' });
    // (5 000 − 9 000) × 17 / 31 = −2 193,548… → −2 193,55 ₸, back one third to bonus, two thirds to money.
    expect(change.quote).toEqual({ remainingDays: 17, periodDays: 31, amount: -219_355 });
    const period = { start: '2026-03-01', end: '2026-04-01' };
    await expectStatement(store, account.id, [
      { date: '2026-03-01', kind: 'compensation', bucket: 'bonus', amount: 300_000 },
      { date: '2026-03-01', kind: 'payment', bucket: 'money', amount: 600_000 },
      { date: '2026-03-01', kind: 'period_charge', bucket: 'bonus', amount: -300_000, period },
      { date: '2026-03-01', kind: 'period_charge', bucket: 'money', amount: -600_000, period },
      { date: '2026-03-15', kind: 'tariff_change_credit', bucket: 'bonus', amount: 73_118, period },
      { date: '2026-03-15', kind: 'tariff_change_credit', bucket: 'money', amount: 146_237, period },
    ]);
  });

  it('refuses a date outside the current period, a tariff of another service, the same tariff, a future date', async () => {
    const store = await freshStore('2026-03-10T10:00:00+05:00');
    const { subscription } = await activeSubscription(store, { tariffId: 'tar-cloud1c-s', start: '2026-03-10', money: 900_000 });
    store.setNow('2026-04-20T10:00:00+05:00');
    const change = (tariffId: string, date: string) => commandErrorOf(store.changeTariff({ subscriptionId: subscription.id, tariffId, date, opId: opId() }));
    expect(await change('tar-cloud1c-l', '2026-04-10')).toMatchObject({ code: 'errors:tariffChange.outsidePeriod', field: 'date' });
    expect(await change('tar-cloud1c-l', '2026-03-09')).toMatchObject({ code: 'errors:tariffChange.outsidePeriod' });
    expect(await change('tar-site-shop', '2026-03-20')).toMatchObject({ code: 'errors:tariff.otherService' });
    expect(await change('tar-cloud1c-s', '2026-03-20')).toMatchObject({ code: 'errors:tariffChange.sameTariff' });
    expect(await change('tar-cloud1c-l', '2026-04-21')).toMatchObject({ code: 'errors:date.future' });
  });

  it('a repeated operation id returns the first change and charges once; with other input it is refused', async () => {
    const store = await freshStore('2026-03-10T10:00:00+05:00');
    await addTariffs(store, 'svc-cloud1c', { 'c-10k': 1_000_000, 'c-16k': 1_600_000 });
    const { account, subscription } = await activeSubscription(store, { tariffId: 'c-10k', start: '2026-03-10', money: 2_000_000 });
    store.setNow('2026-03-25T15:00:00+05:00');
    const input = { subscriptionId: subscription.id, tariffId: 'c-16k', date: '2026-03-25', opId: 'double-click' };
    const first = await store.changeTariff(input);
    expect(await store.changeTariff(input)).toEqual(first);
    expect(await commandErrorOf(store.changeTariff({ ...input, date: '2026-03-24' }))).toMatchObject({ code: 'errors:operation.conflict' });
    const cancel = { subscriptionId: subscription.id, date: '2026-03-25', opId: 'cancel-twice' };
    const cancelled = await store.cancelSubscription(cancel);
    expect(await store.cancelSubscription(cancel)).toEqual(cancelled);
    expect(await store.db.refunds.count()).toBe(1);
    const period = { start: '2026-03-10', end: '2026-04-10' };
    await expectStatement(store, account.id, [
      { date: '2026-03-10', kind: 'payment', bucket: 'money', amount: 2_000_000 },
      { date: '2026-03-10', kind: 'period_charge', bucket: 'money', amount: -1_000_000, period },
      { date: '2026-03-25', kind: 'tariff_change_charge', bucket: 'money', amount: -309_677, period },
    ]);
  });

  it('an operator may not change a tariff', async () => {
    const store = await freshStore('2026-03-10T10:00:00+05:00', 'operator');
    const { subscription } = await activeSubscription(store, { tariffId: 'tar-cloud1c-s', start: '2026-03-10', money: 900_000 });
    expect(await commandErrorOf(store.changeTariff({ subscriptionId: subscription.id, tariffId: 'tar-cloud1c-l', date: '2026-03-10', opId: opId() }))).toMatchObject({
      code: 'errors:role.forbidden',
    });
  });
});

describe('cancelSubscription and refunds: the worked examples of §4.2', () => {
  it('first use on 1 February: cancelled on the 14th, the full amount comes back once approved', async () => {
    const store = await freshStore('2026-02-01T10:00:00+05:00');
    const { account, subscription } = await activeSubscription(store, { tariffId: 'tar-cloud1c-s', start: '2026-02-01', money: 900_000 });
    store.setNow('2026-02-14T18:00:00+05:00');
    const { refund, subscription: cancelled } = await store.cancelSubscription({ subscriptionId: subscription.id, date: '2026-02-14', opId: 'cancel' });
    expect(cancelled).toMatchObject({ status: 'cancelled', autoRenew: false, scheduledTariffId: null });
    // 15 working days after 14 Feb 2026 (no holidays then): 9 March is a holiday (8 March moved), so 10 March... see the calendar.
    expect(refund).toMatchObject({ status: 'requested', quote: { kind: 'full', amount: 900_000 }, cancelDate: '2026-02-14', dueDate: '2026-03-06' });

    store.setNow('2026-02-16T10:00:00+05:00');
    const approved = await store.approveRefund({ refundId: refund!.id, opId: 'approve' });
    expect(approved).toMatchObject({ status: 'approved', decidedBy: 'tester', decidedAt: '2026-02-16T05:00:00.000Z' });
    await expectStatement(store, account.id, [
      { date: '2026-02-01', kind: 'payment', bucket: 'money', amount: 900_000 },
      { date: '2026-02-01', kind: 'period_charge', bucket: 'money', amount: -900_000, period: { start: '2026-02-01', end: '2026-03-01' } },
      { date: '2026-02-16', kind: 'refund', bucket: 'money', amount: 900_000 },
    ]);
    expect(await commandErrorOf(store.approveRefund({ refundId: refund!.id, opId: 'again' }))).toMatchObject({ code: 'errors:refund.alreadyDecided' });
  });

  it('on the 15th the unused days: 12 000,00 ₸ × 9 / 28 = 3 857,14 ₸ (period 1 Feb → 1 Mar, cancelled 20 Feb)', async () => {
    const store = await freshStore('2026-02-01T10:00:00+05:00');
    await addTariffs(store, 'svc-cloud1c', { 'c-12k': 1_200_000 });
    const { account, subscription } = await activeSubscription(store, { tariffId: 'c-12k', start: '2026-02-01', money: 1_200_000 });
    store.setNow('2026-02-20T10:00:00+05:00');
    const quote = await store.quoteCancellation({ subscriptionId: subscription.id, date: '2026-02-20' });
    expect(quote.quote).toEqual({ kind: 'prorated', amount: 385_714, remainingDays: 9, periodDays: 28 });
    const { refund } = await store.cancelSubscription({ subscriptionId: subscription.id, date: '2026-02-20', opId: 'cancel' });
    expect(refund!.quote).toEqual({ kind: 'prorated', amount: 385_714 });
    await store.approveRefund({ refundId: refund!.id, opId: 'approve' });
    const period = { start: '2026-02-01', end: '2026-03-01' };
    await expectStatement(store, account.id, [
      { date: '2026-02-01', kind: 'payment', bucket: 'money', amount: 1_200_000 },
      { date: '2026-02-01', kind: 'period_charge', bucket: 'money', amount: -1_200_000, period },
      { date: '2026-02-20', kind: 'refund', bucket: 'money', amount: 385_714, period },
    ]);
  });

  it('the window edge: a request on the 15th day after first use is prorated', async () => {
    const store = await freshStore('2026-02-01T10:00:00+05:00');
    const { subscription } = await activeSubscription(store, { tariffId: 'tar-cloud1c-s', start: '2026-02-01', money: 900_000 });
    store.setNow('2026-02-15T10:00:00+05:00');
    expect((await store.quoteCancellation({ subscriptionId: subscription.id, date: '2026-02-14' })).quote?.kind).toBe('full');
    expect((await store.quoteCancellation({ subscriptionId: subscription.id, date: '2026-02-15' })).quote).toEqual({ kind: 'prorated', amount: 450_000, remainingDays: 14, periodDays: 28 });
  });

  it('a rejected refund credits nothing and keeps the reason; Uchet.EDO refunds nothing after cancellation', async () => {
    const store = await freshStore('2026-02-01T10:00:00+05:00');
    const { account, subscription } = await activeSubscription(store, { tariffId: 'tar-cloud1c-s', start: '2026-02-01', money: 900_000 });
    store.setNow('2026-02-20T10:00:00+05:00');
    const { refund } = await store.cancelSubscription({ subscriptionId: subscription.id, date: '2026-02-20', opId: opId() });
    expect(await commandErrorOf(store.rejectRefund({ refundId: refund!.id, reason: '   ', opId: opId() }))).toMatchObject({ field: 'reason' });
    const rejected = await store.rejectRefund({ refundId: refund!.id, reason: 'Клиент отозвал заявление', opId: opId() });
    expect(rejected).toMatchObject({ status: 'rejected', decisionReason: 'Клиент отозвал заявление', ledgerEntryIds: [] });
    expect(await store.getBalances(account.id)).toEqual({ money: 0, bonus: 0 });

    const edo = await store.createSubscription({ accountId: account.id, tariffId: 'tar-edo-basic', startDate: '2026-02-20', opId: opId() });
    await store.recordPayment({ accountId: account.id, amount: 3_600_000, date: '2026-02-20', method: 'cash', opId: opId() });
    await store.activateSubscription({ subscriptionId: edo.id, opId: opId() });
    expect(await store.cancelSubscription({ subscriptionId: edo.id, date: '2026-02-20', opId: opId() })).toMatchObject({ refund: null, subscription: { status: 'cancelled' } });
  });

  it('a pending subscription is simply cancelled; a cancelled one cannot be cancelled again; a date before the period is refused', async () => {
    const store = await freshStore('2026-02-01T10:00:00+05:00');
    const { account, subscription } = await activeSubscription(store, { tariffId: 'tar-cloud1c-s', start: '2026-02-01', money: 900_000 });
    const pending = await store.createSubscription({ accountId: account.id, tariffId: 'tar-cloud1c-s', startDate: '2026-02-01', opId: opId() });
    expect(await store.cancelSubscription({ subscriptionId: pending.id, date: '2026-02-01', opId: opId() })).toMatchObject({ refund: null, subscription: { status: 'cancelled' } });
    expect(await commandErrorOf(store.cancelSubscription({ subscriptionId: pending.id, date: '2026-02-01', opId: opId() }))).toMatchObject({ code: 'errors:cancellation.notCancellable' });
    expect(await commandErrorOf(store.cancelSubscription({ subscriptionId: subscription.id, date: '2026-01-31', opId: opId() }))).toMatchObject({ code: 'errors:cancellation.beforePeriod' });
  });
});

describe('runRenewals', () => {
  it('renews one, suspends one and deletes one; run again for the same date, it changes nothing', async () => {
    const store = await freshStore('2026-03-01T10:00:00+05:00');
    const rich = await activeSubscription(store, { tariffId: 'tar-site-card', start: '2026-03-01', money: 750_000 });
    const poor = await activeSubscription(store, { tariffId: 'tar-site-card', start: '2026-03-01', money: 250_000 });
    const gone = await activeSubscription(store, { tariffId: 'tar-site-card', start: '2026-02-01', money: 250_000, autoRenew: false });

    store.setNow('2026-04-05T08:00:00+05:00');
    const totals = await store.runRenewals({ date: '2026-04-05', opId: 'run-1' });
    expect(totals).toEqual({ renewed: 1, suspended: 1, expired: 1, deleted: 1 });
    expect(await store.db.subscriptions.get(rich.subscription.id)).toMatchObject({ status: 'active', currentPeriod: { start: '2026-04-01', end: '2026-05-01' } });
    // Its last paid period stays current; deleted only after 7 grace days (from 8 April).
    expect(await store.db.subscriptions.get(poor.subscription.id)).toMatchObject({ status: 'suspended', currentPeriod: { start: '2026-03-01', end: '2026-04-01' } });
    // Ended on 1 March without auto-renewal: expired, and deleted 7 grace days later, so by 5 April it is gone.
    expect(await store.db.subscriptions.get(gone.subscription.id)).toMatchObject({ status: 'deleted' });
    await expectStatement(store, rich.account.id, [
      { date: '2026-03-01', kind: 'payment', bucket: 'money', amount: 750_000 },
      { date: '2026-03-01', kind: 'period_charge', bucket: 'money', amount: -250_000, period: { start: '2026-03-01', end: '2026-04-01' } },
      { date: '2026-04-01', kind: 'period_charge', bucket: 'money', amount: -250_000, period: { start: '2026-04-01', end: '2026-05-01' } },
    ]);

    const before = await tableCounts(store);
    expect(await store.runRenewals({ date: '2026-04-05', opId: 'run-1' })).toEqual(totals);
    expect(await store.runRenewals({ date: '2026-04-05', opId: 'run-2' })).toEqual({ renewed: 0, suspended: 0, expired: 0, deleted: 0 });
    const after = await tableCounts(store);
    expect({ ...after, operations: 0, outbox: 0, audit: 0 }).toEqual({ ...before, operations: 0, outbox: 0, audit: 0 });
    expect(await commandErrorOf(store.runRenewals({ date: '2026-04-04', opId: 'run-1' }))).toMatchObject({ code: 'errors:operation.conflict' });
    // Within its grace days the suspended one is not even read: on 7 April the run walks nothing.
    const walked: number[] = [];
    const onProgress = (_done: number, total: number) => walked.push(total);
    store.setNow('2026-04-07T08:00:00+05:00');
    expect(await store.runRenewals({ date: '2026-04-07', opId: 'run-7' }, { onProgress })).toEqual({ renewed: 0, suspended: 0, expired: 0, deleted: 0 });
    expect(walked).toEqual([0]);
    // On 8 April it reaches its deletion date: walked and deleted.
    store.setNow('2026-04-08T08:00:00+05:00');
    expect(await store.runRenewals({ date: '2026-04-08', opId: 'run-3' }, { onProgress })).toEqual({ renewed: 0, suspended: 0, expired: 0, deleted: 1 });
    expect(walked.slice(1, 2)).toEqual([1]);
  });

  it('a crash mid-run resumes without charging anyone twice', async () => {
    const store = await freshStore('2026-03-01T10:00:00+05:00');
    const subs = [];
    for (let i = 0; i < 3; i++) subs.push(await activeSubscription(store, { tariffId: 'tar-site-card', start: '2026-03-01', money: 500_000 }));
    store.setNow('2026-04-01T08:00:00+05:00');
    // The disk fails while the second account's renewal is written.
    let writes = 0;
    const fail = () => {
      writes += 1;
      if (writes === 2) throw new DOMException('disk full', 'QuotaExceededError');
    };
    store.db.ledger.hook('creating', fail);
    // One subscription per chunk transaction: the first chunk commits, the second fails.
    expect(await commandErrorOf(store.runRenewals({ date: '2026-04-01', opId: 'run', chunkSize: 1 }))).toMatchObject({ code: 'errors:storage.quotaExceeded' });
    store.db.ledger.hook('creating').unsubscribe(fail);
    const charged = await Promise.all(subs.map((s) => store.db.ledger.where('subscriptionId').equals(s.subscription.id).count()));
    expect(charged.sort()).toEqual([1, 1, 2]);
    // Resumed with the same opId: the two left are renewed, the first is not charged again, and the totals count all three.
    expect(await store.runRenewals({ date: '2026-04-01', opId: 'run', chunkSize: 1 })).toEqual({ renewed: 3, suspended: 0, expired: 0, deleted: 0 });
    for (const s of subs) {
      expect(await store.db.ledger.where('subscriptionId').equals(s.subscription.id).count()).toBe(2);
      expect(await store.getBalances(s.account.id)).toEqual({ money: 0, bonus: 0 });
    }
  });

  it('a suspended subscription is resumed by paying and renewing within its grace days; a deleted one cannot be renewed', async () => {
    const store = await freshStore('2026-03-01T10:00:00+05:00');
    const { account, subscription } = await activeSubscription(store, { tariffId: 'tar-site-card', start: '2026-03-01', money: 250_000 });
    store.setNow('2026-04-02T10:00:00+05:00');
    expect(await store.runRenewals({ date: '2026-04-02', opId: opId() })).toMatchObject({ suspended: 1 });
    await store.recordPayment({ accountId: account.id, amount: 250_000, date: '2026-04-02', method: 'kaspi', opId: opId() });
    expect(await store.renewSubscription({ subscriptionId: subscription.id, opId: opId() })).toMatchObject({ status: 'active', currentPeriod: { start: '2026-04-01', end: '2026-05-01' } });

    store.setNow('2026-05-09T10:00:00+05:00');
    expect(await store.runRenewals({ date: '2026-05-09', opId: opId() })).toEqual({ renewed: 0, suspended: 1, expired: 0, deleted: 1 });
    expect(await commandErrorOf(store.renewSubscription({ subscriptionId: subscription.id, opId: opId() }))).toMatchObject({ code: 'errors:subscription.notRenewable' });
  });

  it('the preview says what the run will do, with the amounts, and writes nothing', async () => {
    const store = await freshStore('2026-03-01T10:00:00+05:00');
    await activeSubscription(store, { tariffId: 'tar-site-card', start: '2026-03-01', money: 750_000 });
    await activeSubscription(store, { tariffId: 'tar-site-card', start: '2026-03-01', money: 250_000 });
    store.setNow('2026-05-01T08:00:00+05:00');
    const before = await tableCounts(store);
    const preview = await store.previewRenewals('2026-04-05');
    expect(preview).toMatchObject({ totals: { renewed: 1, suspended: 1, expired: 0, deleted: 0 }, amount: 250_000 });
    expect(preview.lines.map((l) => [l.outcomes, l.periods, l.amount])).toEqual(
      expect.arrayContaining([
        [['renewed'], 1, 250_000],
        [['suspended'], 0, 0],
      ]),
    );
    expect(await tableCounts(store)).toEqual(before);
  });
});

describe('closeAccount', () => {
  it('is refused while a subscription is active or a refund undecided, then pays out both buckets and closes', async () => {
    const store = await freshStore('2026-02-01T10:00:00+05:00');
    const { account, subscription } = await activeSubscription(store, { tariffId: 'tar-cloud1c-s', start: '2026-02-01', money: 1_000_000 });
    await store.db.ledger.add({ id: 'bonus-1', accountId: account.id, bucket: 'bonus', amount: 15_000, kind: 'compensation', operationId: 'x', actor: 'x', at: '2026-02-05T04:00:00.000Z', businessDate: '2026-02-05' });
    store.setNow('2026-02-20T10:00:00+05:00');
    expect(await commandErrorOf(store.closeAccount({ accountId: account.id, date: '2026-02-20', opId: opId() }))).toMatchObject({ code: 'errors:account.hasActiveSubscriptions' });
    const { refund } = await store.cancelSubscription({ subscriptionId: subscription.id, date: '2026-02-20', opId: opId() });
    expect(await commandErrorOf(store.closeAccount({ accountId: account.id, date: '2026-02-20', opId: opId() }))).toMatchObject({ code: 'errors:account.hasPendingRefunds' });
    await store.approveRefund({ refundId: refund!.id, opId: opId() });
    expect(await store.planClose(account.id)).toEqual({ blockers: { activeSubscriptions: 0, pendingRefunds: 0 }, payout: { money: 389_286, bonus: 15_000 } });
    const closed = await store.closeAccount({ accountId: account.id, date: '2026-02-20', opId: opId() });
    expect(closed.status).toBe('closed');
    const period = { start: '2026-02-01', end: '2026-03-01' };
    await expectStatement(store, account.id, [
      { date: '2026-02-01', kind: 'payment', bucket: 'money', amount: 1_000_000 },
      { date: '2026-02-01', kind: 'period_charge', bucket: 'money', amount: -900_000, period },
      { date: '2026-02-05', kind: 'compensation', bucket: 'bonus', amount: 15_000 },
      // Cancelled on day 20 of 28, outside the 14-day window: 9 000,00 × 9 / 28 = 2 892,857… → 2 892,86 ₸.
      { date: '2026-02-20', kind: 'refund', bucket: 'money', amount: 289_286, period },
      { date: '2026-02-20', kind: 'payout', bucket: 'bonus', amount: -15_000 },
      { date: '2026-02-20', kind: 'payout', bucket: 'money', amount: -389_286 },
    ]);
    expect(await commandErrorOf(store.recordPayment({ accountId: account.id, amount: 1, date: '2026-02-20', method: 'cash', opId: opId() }))).toMatchObject({ code: 'errors:account.closed' });
  });
});

describe('counters and monthly ledger totals', () => {
  it('equal a full scan after every kind of command of the lifecycle', async () => {
    const store = await freshStore('2026-02-01T10:00:00+05:00');
    await addTariffs(store, 'svc-site-builder', { 's-big': 900_000, 's-small': 250_000 });
    const a = await activeSubscription(store, { tariffId: 's-small', start: '2026-02-01', money: 2_000_000 });
    const b = await activeSubscription(store, { tariffId: 's-big', start: '2026-02-01', money: 900_000 });
    store.setNow('2026-02-10T10:00:00+05:00');
    await store.changeTariff({ subscriptionId: a.subscription.id, tariffId: 's-big', date: '2026-02-10', opId: opId() });
    await store.changeTariff({ subscriptionId: b.subscription.id, tariffId: 's-small', date: '2026-02-10', resourcesChecked: true, opId: opId() });
    const { refund } = await store.cancelSubscription({ subscriptionId: b.subscription.id, date: '2026-02-10', opId: opId() });
    await store.approveRefund({ refundId: refund!.id, opId: opId() });
    store.setNow('2026-03-05T10:00:00+05:00');
    await store.runRenewals({ date: '2026-03-05', opId: opId() });
    await store.closeAccount({ accountId: b.account.id, date: '2026-03-05', opId: opId() });
    expect(await storedCounters(store)).toEqual(await countersByScan(store));
    expect(Object.keys(await storedCounters(store)).some((k) => k.startsWith('ledger:sum:2026-02:tariff_change_credit:'))).toBe(true);
  });
});
