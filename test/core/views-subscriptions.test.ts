import type { DBCore, DBCoreQuery } from 'dexie';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Store, type SubscriptionStatus } from '../../core';
import { accountInput, freshDatabase, opId, validBin } from './helpers';

type Row = Awaited<ReturnType<Store['listSubscriptions']>>['rows'][number];

/** How the subscriptions table was read: the index of every cursor or query and whether its range was the whole index. */
interface Read {
  index: string;
  wholeTable: boolean;
}

/**
 * A store over a database with a DBCore middleware that records each read
 * of the subscriptions table, so a test can tell an indexed walk from a
 * full scan (a primary-key read over its whole range).
 */
async function spiedStore(): Promise<{ store: Store; reads: Read[] }> {
  const db = freshDatabase();
  const reads: Read[] = [];
  const note = (query: DBCoreQuery) =>
    reads.push({
      index: query.index.isPrimaryKey === true ? ':id' : (query.index.name ?? ''),
      wholeTable: query.index.isPrimaryKey === true && query.range.type === 3 /* DBCoreRangeType.Any */,
    });
  db.use({
    stack: 'dbcore',
    name: 'read-spy',
    create: (down: DBCore) => ({
      ...down,
      table: (name: string) => {
        const table = down.table(name);
        if (name !== 'subscriptions') return table;
        return {
          ...table,
          query: (req) => {
            note(req.query);
            return table.query(req);
          },
          openCursor: (req) => {
            note(req.query);
            return table.openCursor(req);
          },
          count: (req) => {
            note(req.query);
            return table.count(req);
          },
        };
      },
    }),
  });
  const store = createStore(db, { now: () => new Date('2026-03-15T12:00:00+05:00'), actor: () => 'tester', role: () => 'admin' });
  await store.ensureCatalog();
  return { store, reads };
}

describe('listSubscriptions', () => {
  let store: Store;
  let reads: Read[];
  const ids: Record<string, string> = {};
  const accounts: Record<string, string> = {};

  beforeAll(async () => {
    ({ store, reads } = await spiedStore());
    let n = 0;
    const client = async (key: string, name: string, money: number) => {
      n += 1;
      const account = await store.createAccount({ ...accountInput({ iinBin: validBin(100 + n), name }), opId: opId() });
      if (money > 0) await store.recordPayment({ accountId: account.id, amount: money, date: '2026-02-01', method: 'bank_transfer', opId: opId() });
      accounts[key] = account.id;
      return account.id;
    };
    const subscribe = async (key: string, accountId: string, tariffId: string, startDate: string, activate = true) => {
      const s = await store.createSubscription({ accountId, tariffId, startDate, opId: opId() });
      if (activate) await store.activateSubscription({ subscriptionId: s.id, opId: opId() });
      ids[key] = s.id;
    };
    const altyn = await client('altyn', 'ТОО «Алтын Сапа»', 10_000_000);
    const beta = await client('beta', 'ИП Бекова', 10_000_000);
    const gamma = await client('gamma', 'ТОО «Гамма Трейд»', 0);
    await subscribe('serverS', altyn, 'tar-cloud1c-s', '2026-03-01'); // active, ends 2026-04-01
    await subscribe('serverL', beta, 'tar-cloud1c-l', '2026-02-20'); // active, ends 2026-03-20
    await subscribe('site', beta, 'tar-site-card', '2026-03-10'); // active, ends 2026-04-10
    await subscribe('pending', gamma, 'tar-site-business', '2026-03-12', false); // pending, no period
    await subscribe('cancelled', altyn, 'tar-onebuh-start', '2026-03-05'); // ends 2026-04-05, cancelled below
    await store.cancelSubscription({ subscriptionId: ids.cancelled!, date: '2026-03-15', opId: opId() });
    await subscribe('cancelledUnpaid', gamma, 'tar-prosto-micro', '2026-03-14', false); // cancelled before it was ever paid: no period
    await store.cancelSubscription({ subscriptionId: ids.cancelledUnpaid!, date: '2026-03-15', opId: opId() });
    await store.changeTariff({ subscriptionId: ids.serverL!, tariffId: 'tar-cloud1c-s', date: '2026-03-15', opId: opId() }); // scheduled at renewal
  });

  const list = async (filter: Parameters<Store['listSubscriptions']>[0]) => {
    reads.length = 0;
    return store.listSubscriptions(filter);
  };
  const keysOf = (rows: Row[]) => rows.map((row) => Object.keys(ids).find((key) => ids[key] === row.id));

  it('without a filter lists everything by status (work first), soonest renewal first, with names and prices joined; no whole-table read', async () => {
    const { rows, truncated, limit } = await list({});
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.filter((r) => r.wholeTable)).toEqual([]);
    expect(truncated).toBe(false);
    expect(limit).toBe(2000);
    expect(keysOf(rows)).toEqual(['pending', 'serverL', 'serverS', 'site', 'cancelled', 'cancelledUnpaid']);
    expect(rows[1]).toMatchObject({
      accountName: 'ИП Бекова',
      serviceName: { ru: 'Облачные серверы 1С' },
      tariffName: { ru: 'Сервер L' },
      scheduledTariffName: { ru: 'Сервер S' },
      billingMonths: 1,
      price: 2_800_000,
      currentPeriod: { start: '2026-02-20', end: '2026-03-20' },
    });
    expect(rows[0]).toMatchObject({ status: 'pending_payment', currentPeriod: null, price: 500_000, scheduledTariffName: null, accountName: 'ТОО «Гамма Трейд»' });
  });

  it('filters by status through [status+currentPeriod.end] (statuses that always have a period) or status, never a whole-table read', async () => {
    const byStatus = async (status: SubscriptionStatus) => keysOf((await list({ status })).rows);
    expect(await byStatus('active')).toEqual(['serverL', 'serverS', 'site']);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((r) => r.index === '[status+currentPeriod.end]' && !r.wholeTable)).toBe(true);
    // A cancelled subscription may never have had a period (cancelled while unpaid): the status index has every row.
    expect(await byStatus('cancelled')).toEqual(['cancelled', 'cancelledUnpaid']);
    expect(reads.every((r) => r.index === 'status' && !r.wholeTable)).toBe(true);
    expect(await byStatus('pending_payment')).toEqual(['pending']);
    expect(await byStatus('suspended')).toEqual([]);
  });

  it('filters by status and period end through [status+currentPeriod.end], both ends of the range included', async () => {
    const ending = async (from: string, to: string, status?: SubscriptionStatus) => keysOf((await list({ periodEnd: { from, to }, ...(status ? { status } : {}) })).rows);
    expect(await ending('2026-03-15', '2026-04-01', 'active')).toEqual(['serverL', 'serverS']);
    expect(reads.every((r) => r.index === '[status+currentPeriod.end]')).toBe(true);
    expect(await ending('2026-03-21', '2026-04-01', 'active')).toEqual(['serverS']);
    expect(await ending('2026-03-15', '2026-03-19', 'active')).toEqual([]);
    // Without a status: the period-end index; a cancelled subscription keeps its last period.
    expect(await ending('2026-04-01', '2026-04-30')).toEqual(['serverS', 'site', 'cancelled']);
    expect(reads.every((r) => r.index === 'currentPeriod.end')).toBe(true);
  });

  it('filters by service, with or without a status, through [serviceId+status]', async () => {
    expect(keysOf((await list({ serviceId: 'svc-cloud1c', status: 'active' })).rows)).toEqual(['serverL', 'serverS']);
    expect(reads.every((r) => r.index === '[serviceId+status]' && !r.wholeTable)).toBe(true);
    expect(keysOf((await list({ serviceId: 'svc-site-builder' })).rows)).toEqual(['pending', 'site']);
    expect(reads.every((r) => r.index === '[serviceId+status]')).toBe(true);
    expect(keysOf((await list({ serviceId: 'svc-onebuh', status: 'active' })).rows)).toEqual([]);
    // Service and period end together: the period-end walk, the service checked on it.
    expect(keysOf((await list({ serviceId: 'svc-cloud1c', periodEnd: { from: '2026-03-01', to: '2026-04-30' } })).rows)).toEqual(['serverL', 'serverS']);
    expect(reads.every((r) => !r.wholeTable)).toBe(true);
  });

  it('filters by client ids (from searchAccounts) and by a scheduled change; the filters combine', async () => {
    const found = await store.searchAccounts('Бекова');
    expect(keysOf((await list({ accountIds: found.map((a) => a.id) })).rows)).toEqual(['serverL', 'site']);
    expect(reads.every((r) => r.index === 'accountId')).toBe(true);
    const byIinBin = await store.searchAccounts((await store.getAccountView(accounts.altyn!))!.account.iinBin.slice(0, 10));
    expect(keysOf((await list({ accountIds: byIinBin.map((a) => a.id), status: 'active' })).rows)).toEqual(['serverS']);
    expect((await list({ accountIds: [] })).rows).toEqual([]);
    expect(keysOf((await list({ scheduledChange: true })).rows)).toEqual(['serverL']);
    expect(keysOf((await list({ scheduledChange: true, status: 'active', serviceId: 'svc-cloud1c' })).rows)).toEqual(['serverL']);
    expect(keysOf((await list({ scheduledChange: true, serviceId: 'svc-site-builder' })).rows)).toEqual([]);
  });

  it('returns at most `limit` rows and says that more match', async () => {
    const capped = await list({ limit: 2 });
    // The first rows are those that need work: unpaid, then active ones by renewal.
    expect(keysOf(capped.rows)).toEqual(['pending', 'serverL']);
    expect(capped.truncated).toBe(true);
    const exact = await list({ status: 'active', limit: 3 });
    expect(exact).toMatchObject({ truncated: false, limit: 3 });
    expect(exact.rows).toHaveLength(3);
  });

  it('counts per status come from the counters and agree with the rows', async () => {
    const counts = await store.subscriptionCounts();
    expect(counts).toEqual({ active: 3, pending_payment: 1, cancelled: 2 });
    const all = (await list({})).rows;
    for (const [status, count] of Object.entries(counts)) expect(all.filter((r) => r.status === status)).toHaveLength(count);
  });
});

describe('listRefunds and subscriptionPaidShares', () => {
  it('lists a client’s refunds newest first, by status; the paid shares are what the dialogs split by', async () => {
    const { store } = await spiedStore();
    const account = await store.createAccount({ ...accountInput({ iinBin: validBin(300) }), opId: opId() });
    const other = await store.createAccount({ ...accountInput({ iinBin: validBin(301), name: 'ТОО «Басқа»' }), opId: opId() });
    for (const id of [account.id, other.id]) await store.recordPayment({ accountId: id, amount: 5_000_000, date: '2026-03-01', method: 'cash', opId: opId() });
    const cancel = async (accountId: string, tariffId: string) => {
      const s = await store.createSubscription({ accountId, tariffId, startDate: '2026-03-01', opId: opId() });
      await store.activateSubscription({ subscriptionId: s.id, opId: opId() });
      return (await store.cancelSubscription({ subscriptionId: s.id, date: '2026-03-15', opId: opId() })).refund!;
    };
    const first = await cancel(account.id, 'tar-cloud1c-s');
    const second = await cancel(account.id, 'tar-site-card');
    const foreign = await cancel(other.id, 'tar-site-card');
    await store.approveRefund({ refundId: first.id, opId: opId() });

    expect((await store.listRefunds({ accountId: account.id })).map((r) => r.id)).toEqual([second.id, first.id]);
    expect((await store.listRefunds({ accountId: account.id, status: 'requested' })).map((r) => r.id)).toEqual([second.id]);
    expect((await store.listRefunds({ status: 'requested' })).map((r) => r.id).sort()).toEqual([second.id, foreign.id].sort());
    expect(await store.listRefunds({ accountId: account.id, limit: 1 })).toHaveLength(1);

    expect(await store.subscriptionPaidShares(second.subscriptionId)).toEqual({ paid: { money: 250_000, bonus: 0 }, total: 250_000 });
    // Day 15 after first use: 9 000,00 × 17 / 31 = 4 935,48 ₸ came back; the rest stays paid.
    expect(first.quote).toEqual({ kind: 'prorated', amount: 493_548 });
    expect(await store.subscriptionPaidShares(first.subscriptionId)).toEqual({ paid: { money: 406_452, bonus: 0 }, total: 406_452 });
  });
});
