import { describe, expect, it } from 'vitest';
import { BUCKETS, LEDGER_KINDS, type LedgerEntry } from '../../core';
import { planTotals, type LedgerFilter } from '../../core/views/ledger';
import { accountInput, commandErrorOf, freshStore, opId, validBin, type TestStore } from './helpers';

let clients = 0;
async function client(store: TestStore, money: number, date: string) {
  clients += 1;
  const account = await store.createAccount({ ...accountInput({ iinBin: validBin(500 + clients), name: `ТОО «Кітап ${clients}»` }), opId: opId() });
  await store.recordPayment({ accountId: account.id, amount: money, date, method: 'bank_transfer', opId: opId() });
  return account;
}

async function activeSubscription(store: TestStore, accountId: string, tariffId: string, start: string) {
  const sub = await store.createSubscription({ accountId, tariffId, startDate: start, opId: opId() });
  return store.activateSubscription({ subscriptionId: sub.id, opId: opId() });
}

/**
 * A small book written only through the commands, over February and March
 * 2026: payments, activations, an upgrade, cancellations with a refund
 * approved, one rejected and one left undecided, a renewal run, a closed
 * account (payouts).
 */
async function book() {
  const store = await freshStore('2026-02-01T10:00:00+05:00');
  const a = await client(store, 10_000_000, '2026-02-01');
  const a1 = await activeSubscription(store, a.id, 'tar-cloud1c-s', '2026-02-01');

  store.setNow('2026-02-03T11:00:00+05:00');
  const b = await client(store, 2_000_000, '2026-02-03');
  const b1 = await activeSubscription(store, b.id, 'tar-site-shop', '2026-02-03');
  const b2 = await activeSubscription(store, b.id, 'tar-onebuh-start', '2026-02-03');

  store.setNow('2026-02-10T12:00:00+05:00');
  await store.changeTariff({ subscriptionId: a1.id, tariffId: 'tar-cloud1c-l', date: '2026-02-10', opId: opId() });

  store.setNow('2026-02-12T09:00:00+05:00');
  const approved = (await store.cancelSubscription({ subscriptionId: b1.id, date: '2026-02-12', opId: opId() })).refund!;
  await store.approveRefund({ refundId: approved.id, opId: opId() });
  const c = await client(store, 900_000, '2026-02-12');
  const c1 = await activeSubscription(store, c.id, 'tar-cloud1c-s', '2026-02-12');

  store.setNow('2026-02-20T10:00:00+05:00');
  const undecided = (await store.cancelSubscription({ subscriptionId: c1.id, date: '2026-02-20', opId: opId() })).refund!;
  const rejected = (await store.cancelSubscription({ subscriptionId: b2.id, date: '2026-02-20', opId: opId() })).refund!;
  await store.rejectRefund({ refundId: rejected.id, reason: 'Клиент отозвал заявление', opId: opId() });

  store.setNow('2026-03-01T09:00:00+05:00');
  await store.runRenewals({ date: '2026-03-01', opId: opId() });
  store.setNow('2026-03-16T15:00:00+05:00');
  await store.recordPayment({ accountId: a.id, amount: 123_456, date: '2026-03-16', method: 'kaspi', opId: opId() });
  await store.closeAccount({ accountId: b.id, date: '2026-03-16', opId: opId() });
  return { store, accounts: { a, b, c }, refunds: { approved, undecided, rejected } };
}

/** The reference: every entry of the table, filtered and summed in memory. */
function totalsByScan(entries: LedgerEntry[], f: LedgerFilter) {
  const lines = new Map<string, { kind: string; bucket: string; sum: number; count: number }>();
  for (const e of entries) {
    if (e.businessDate < f.from || e.businessDate > f.to) continue;
    if ((f.kind && e.kind !== f.kind) || (f.bucket && e.bucket !== f.bucket) || (f.serviceId && e.serviceId !== f.serviceId)) continue;
    const key = `${e.kind}:${e.bucket}`;
    const line = lines.get(key) ?? { kind: e.kind, bucket: e.bucket, sum: 0, count: 0 };
    line.sum += e.amount;
    line.count += 1;
    lines.set(key, line);
  }
  const order = (l: { kind: string; bucket: string }) => LEDGER_KINDS.indexOf(l.kind as never) * 2 + BUCKETS.indexOf(l.bucket as never);
  return [...lines.values()].sort((x, y) => order(x) - order(y));
}

/** Newest first, as the screen lists them. */
function newestFirst(entries: LedgerEntry[]): LedgerEntry[] {
  return [...entries].sort((x, y) => (x.businessDate !== y.businessDate ? (x.businessDate < y.businessDate ? 1 : -1) : x.id < y.id ? 1 : -1));
}

describe('ledgerTotals: monthly counters agree with a scan of the entries', () => {
  const filters: LedgerFilter[] = [
    { from: '2026-02-01', to: '2026-02-28' },
    { from: '2026-02-01', to: '2026-03-31' },
    { from: '2026-01-01', to: '2026-12-31' },
    { from: '2026-02-01', to: '2026-03-31', kind: 'period_charge' },
    { from: '2026-02-01', to: '2026-03-31', bucket: 'money' },
    { from: '2026-02-01', to: '2026-03-31', serviceId: 'svc-cloud1c' },
    { from: '2026-02-01', to: '2026-03-31', serviceId: 'svc-cloud1c', kind: 'tariff_change_charge', bucket: 'money' },
    { from: '2026-03-01', to: '2026-03-31', kind: 'payout' },
    { from: '2026-02-05', to: '2026-03-20' },
    { from: '2026-02-10', to: '2026-02-10' },
    { from: '2026-02-12', to: '2026-03-31', kind: 'refund' },
    { from: '2026-02-01', to: '2026-03-16', serviceId: 'svc-site-builder' },
    { from: '2026-02-03', to: '2026-02-27' },
    { from: '2026-02-02', to: '2026-03-30', bucket: 'money', kind: 'payment' },
    { from: '2026-02-20', to: '2026-03-16', serviceId: 'svc-cloud1c' },
    { from: '2026-02-11', to: '2026-02-19' },
  ];

  it('for every filter, whole months from the counters and partial ones by index scan give the scan totals', async () => {
    const { store } = await book();
    const entries = await store.db.ledger.toArray();
    expect(entries.length).toBe(12);
    expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(['payment', 'period_charge', 'tariff_change_charge', 'refund', 'payout']));
    for (const filter of filters) {
      const totals = await store.ledgerTotals(filter);
      const expected = totalsByScan(entries, filter);
      expect(totals.lines, JSON.stringify(filter)).toEqual(expected);
      expect(totals.sum).toBe(expected.reduce((s, l) => s + l.sum, 0));
      expect(totals.count).toBe(expected.reduce((s, l) => s + l.count, 0));
    }
  });

  it('reads whole months from the counters, and a month covered in part from its smaller side', async () => {
    const { store } = await book();
    const whole = await store.ledgerTotals({ from: '2026-03-01', to: '2026-03-31', kind: 'payment' });
    expect(whole.plan).toEqual({ months: [['2026-03', '2026-03']], add: [], subtract: [] });
    expect(whole.lines).toEqual([{ kind: 'payment', bucket: 'money', sum: 123_456, count: 1 }]);
    // A counter changed behind the commands' back shows where the counters are read, not where the entries are scanned.
    await store.db.counters.put({ key: 'ledger:sum:2026-03:payment:money:-', value: 1 });
    expect((await store.ledgerTotals({ from: '2026-03-01', to: '2026-03-31', kind: 'payment' })).lines).toEqual([{ kind: 'payment', bucket: 'money', sum: 1, count: 1 }]);
    const mostOfIt = await store.ledgerTotals({ from: '2026-03-02', to: '2026-03-31', kind: 'payment' });
    expect(mostOfIt.plan).toEqual({ months: [['2026-03', '2026-03']], add: [], subtract: [['2026-03-01', '2026-03-01']] });
    expect(mostOfIt.lines).toEqual([{ kind: 'payment', bucket: 'money', sum: 1, count: 1 }]);
    const part = await store.ledgerTotals({ from: '2026-03-10', to: '2026-03-20', kind: 'payment' });
    expect(part.plan).toEqual({ months: [], add: [['2026-03-10', '2026-03-20']], subtract: [] });
    expect(part.lines).toEqual([{ kind: 'payment', bucket: 'money', sum: 123_456, count: 1 }]);
  });

  it('plans a range: whole months from the counters, the smaller side of a partial month scanned', () => {
    expect(planTotals('2026-02-01', '2026-02-28')).toEqual({ months: [['2026-02', '2026-02']], add: [], subtract: [] });
    expect(planTotals('2024-02-01', '2024-02-28')).toEqual({ months: [['2024-02', '2024-02']], add: [], subtract: [['2024-02-29', '2024-02-29']] });
    expect(planTotals('2026-01-15', '2026-04-10')).toEqual({ months: [['2026-01', '2026-03']], add: [['2026-04-01', '2026-04-10']], subtract: [['2026-01-01', '2026-01-14']] });
    expect(planTotals('2026-01-17', '2026-02-10')).toEqual({ months: [], add: [['2026-01-17', '2026-01-31'], ['2026-02-01', '2026-02-10']], subtract: [] });
    expect(planTotals('2026-03-03', '2026-03-28')).toEqual({ months: [['2026-03', '2026-03']], add: [], subtract: [['2026-03-01', '2026-03-02'], ['2026-03-29', '2026-03-31']] });
    expect(planTotals('2025-12-01', '2026-01-31')).toEqual({ months: [['2025-12', '2026-01']], add: [], subtract: [] });
    expect(planTotals('2025-11-20', '2026-02-05')).toEqual({ months: [['2025-12', '2026-01']], add: [['2025-11-20', '2025-11-30'], ['2026-02-01', '2026-02-05']], subtract: [] });
    expect(planTotals('2026-03-02', '2026-03-01')).toEqual({ months: [], add: [], subtract: [] });
  });

  it('refuses a malformed filter with a CommandError', async () => {
    const store = await freshStore();
    expect(await commandErrorOf(store.ledgerTotals({ from: '2026-02-30', to: '2026-03-01' }))).toMatchObject({ code: 'errors:date.invalid', field: 'from' });
    expect(await commandErrorOf(store.listLedgerEntries({ from: '2026-02-01', to: '2026-03-01', kind: 'gift' as never }))).toMatchObject({ field: 'kind' });
  });
});

describe('listLedgerEntries: all clients, newest first, page by page', () => {
  it('pages through the cursor give exactly the filtered entries in order, with client names', async () => {
    const { store, accounts } = await book();
    const entries = await store.db.ledger.toArray();
    for (const filter of [
      { from: '2026-02-01', to: '2026-03-31' },
      { from: '2026-02-01', to: '2026-03-31', kind: 'period_charge' as const },
      { from: '2026-02-01', to: '2026-03-31', serviceId: 'svc-cloud1c', bucket: 'money' as const },
      { from: '2026-02-03', to: '2026-02-12', bucket: 'money' as const },
    ]) {
      const expected = newestFirst(entries).filter(
        (e) => e.businessDate >= filter.from && e.businessDate <= filter.to && (!('kind' in filter) || e.kind === filter.kind) && (!('bucket' in filter) || e.bucket === filter.bucket) && (!('serviceId' in filter) || e.serviceId === filter.serviceId),
      );
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(2);
      const seen: string[] = [];
      let page = await store.listLedgerEntries({ ...filter, limit: 2 });
      for (;;) {
        expect(page.entries.length).toBeLessThanOrEqual(2);
        seen.push(...page.entries.map((e) => e.id));
        if (!page.next) break;
        page = await store.listLedgerEntries({ ...filter, limit: 2, after: page.next });
      }
      expect(seen, JSON.stringify(filter)).toEqual(expected.map((e) => e.id));
    }
    const first = await store.listLedgerEntries({ from: '2026-03-16', to: '2026-03-16', kind: 'payment' });
    expect(first.entries).toMatchObject([{ accountId: accounts.a.id, accountName: accounts.a.name, amount: 123_456 }]);
    expect(first.next).toBeNull();
  });
});

describe('refundRegister', () => {
  it('lists every refund newest first with client and service, by status and overdue', async () => {
    const { store, accounts, refunds } = await book();
    const all = await store.refundRegister({});
    expect(all.rows.map((r) => r.id)).toEqual([refunds.rejected.id, refunds.undecided.id, refunds.approved.id]);
    expect(all.rows.find((r) => r.id === refunds.undecided.id)).toMatchObject({
      accountName: accounts.c.name,
      serviceId: 'svc-cloud1c',
      serviceName: { ru: 'Облачные серверы 1С' },
      status: 'requested',
      cancelDate: '2026-02-20',
      quote: { kind: 'full', amount: 900_000 },
    });
    expect(all.rows.find((r) => r.id === refunds.rejected.id)).toMatchObject({ status: 'rejected', decisionReason: 'Клиент отозвал заявление', decidedBy: 'tester' });
    expect((await store.refundRegister({ status: 'approved' })).rows.map((r) => r.id)).toEqual([refunds.approved.id]);

    // Due 15 working days after 20 Feb 2026; overdue from the day after.
    const due = refunds.undecided.dueDate;
    expect(due).toBe('2026-03-16');
    expect((await store.refundRegister({ overdueOn: due })).rows).toEqual([]);
    expect((await store.refundRegister({ overdueOn: '2026-03-17' })).rows.map((r) => r.id)).toEqual([refunds.undecided.id]);
    expect((await store.refundRegister({ overdueOn: '2026-03-17', status: 'approved' })).rows).toEqual([]);
    expect((await store.refundRegister({ accountId: accounts.b.id })).rows.map((r) => r.status).sort()).toEqual(['approved', 'rejected']);
    expect(await store.refundRegister({ limit: 1 })).toMatchObject({ truncated: true, rows: [{ id: refunds.rejected.id }] });
  });
});

describe('renewalsDue', () => {
  it('counts active subscriptions whose period ended on or before the day, and none after a run', async () => {
    const store = await freshStore('2026-02-01T10:00:00+05:00');
    const a = await client(store, 3_000_000, '2026-02-01');
    await activeSubscription(store, a.id, 'tar-cloud1c-s', '2026-02-01');
    await activeSubscription(store, a.id, 'tar-site-card', '2026-02-01');
    const b = await client(store, 900_000, '2026-02-01');
    store.setNow('2026-02-05T10:00:00+05:00');
    await activeSubscription(store, b.id, 'tar-cloud1c-s', '2026-02-05');
    expect(await store.renewalsDue('2026-02-28')).toBe(0);
    expect(await store.renewalsDue('2026-03-01')).toBe(2);
    expect(await store.renewalsDue('2026-03-05')).toBe(3);

    store.setNow('2026-03-05T10:00:00+05:00');
    expect(await store.runRenewals({ date: '2026-03-05', opId: opId() })).toEqual({ renewed: 2, suspended: 1, expired: 0, deleted: 0 });
    expect(await store.renewalsDue('2026-03-05')).toBe(0);
    expect(await store.accountNames([a.id, b.id, 'missing'])).toEqual({ [a.id]: a.name, [b.id]: b.name });
  });
});
