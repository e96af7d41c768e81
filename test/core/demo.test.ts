import { describe, expect, it } from 'vitest';
import { isValidIinBin } from '../../shared/billing';
import { ACCOUNT_STATUSES, SUBSCRIPTION_STATUSES, iinBinMatchesKind } from '../../shared/domain';
import { createStore, tariffPriceOn, type LedgerEntry, type Store } from '../../core';
import { DEMO_SETTING, generateDemoData, type DemoMarker } from '../../core/demo/generate';
import { freshDatabase } from './helpers';

const NOW = new Date('2026-03-15T12:00:00+05:00');
const SIZE = { accounts: 120, subscriptions: 180, ledgerEntries: 1300, seed: 42 };

async function generated(seed = SIZE.seed): Promise<Store> {
  const store = createStore(freshDatabase(), { now: () => NOW });
  await store.generateDemoData({ ...SIZE, seed });
  return store;
}

async function dump(store: Store) {
  return {
    accounts: await store.db.accounts.orderBy('id').toArray(),
    subscriptions: await store.db.subscriptions.orderBy('id').toArray(),
    ledger: await store.db.ledger.orderBy('id').toArray(),
    incidents: await store.db.incidents.orderBy('id').toArray(),
  };
}

/**
 * Every counter equals what the rows say: accounts and subscriptions in
 * total and per status, and the ledger's monthly totals (sum and number of
 * entries per month, kind, bucket and service), the compensations'
 * monthly totals (number, hours, amount per month and status); no other
 * counter exists.
 */
async function expectCountersMatch(store: Store) {
  const { db } = store;
  const real: Record<string, number> = {
    accounts: await db.accounts.count(),
    subscriptions: await db.subscriptions.count(),
  };
  for (const status of ACCOUNT_STATUSES) real[`accounts:status:${status}`] = await db.accounts.where('status').equals(status).count();
  for (const status of SUBSCRIPTION_STATUSES) real[`subscriptions:status:${status}`] = await db.subscriptions.where('status').equals(status).count();
  for (const entry of await db.ledger.toArray()) {
    const key = `${entry.businessDate.slice(0, 7)}:${entry.kind}:${entry.bucket}:${entry.serviceId ?? '-'}`;
    real[`ledger:sum:${key}`] = (real[`ledger:sum:${key}`] ?? 0) + entry.amount;
    real[`ledger:n:${key}`] = (real[`ledger:n:${key}`] ?? 0) + 1;
  }
  for (const c of await db.compensations.toArray()) {
    for (const [what, value] of [['n', 1], ['hours', c.quote.hours], ['amount', c.quote.amount]] as const) {
      real[`compensations:${what}:${c.month}:${c.status}`] = (real[`compensations:${what}:${c.month}:${c.status}`] ?? 0) + value;
    }
  }
  const counters = Object.fromEntries((await db.counters.toArray()).map((c) => [c.key, c.value]));
  const expected = Object.fromEntries(Object.entries(real).filter(([key, value]) => value !== 0 || key in counters));
  expect(counters).toEqual(expected);
  expect(Object.keys(counters).some((key) => key.startsWith('ledger:'))).toBe(real.accounts! > 0);
}

describe('generateDemoData', () => {
  it('writes exactly the counts asked for and reports them', async () => {
    const store = createStore(freshDatabase(), { now: () => NOW });
    const progress: number[] = [];
    const summary = await store.generateDemoData({ ...SIZE, onProgress: (done, total) => progress.push(done / total) });
    expect(summary).toMatchObject({ accounts: 120, subscriptions: 180, ledgerEntries: 1300, seed: 42 });
    expect(await store.db.accounts.count()).toBe(120);
    expect(await store.db.subscriptions.count()).toBe(180);
    expect(await store.db.ledger.count()).toBe(1300);
    expect(summary.compensations).toBeGreaterThan(0);
    expect(await store.db.incidents.count()).toBe(summary.incidents);
    expect(summary.incidents).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(1);
  });

  it('is deterministic for a seed and differs between seeds', async () => {
    const a = await dump(await generated(7));
    const b = await dump(await generated(7));
    const c = await dump(await generated(8));
    expect(b).toEqual(a);
    expect(c.accounts.map((x) => x.iinBin)).not.toEqual(a.accounts.map((x) => x.iinBin));
  });

  it('gives every client a valid, unique IIN/BIN that fits the kind, and realistic contacts', async () => {
    const { accounts } = await dump(await generated());
    expect(new Set(accounts.map((a) => a.iinBin)).size).toBe(accounts.length);
    for (const account of accounts) {
      expect(isValidIinBin(account.iinBin), account.iinBin).toBe(true);
      expect(iinBinMatchesKind(account.iinBin, account.kind)).toBe(true);
      expect(account.phone).toMatch(/^\+77\d{9}$/);
      expect(account.email).toMatch(/^[a-z0-9._]+@[a-z0-9.]+\.[a-z]+$/);
      expect(account.nameWords.length).toBeGreaterThan(1);
    }
    const kinds = new Set(accounts.map((a) => a.kind));
    expect(kinds).toEqual(new Set(['individual', 'sole_proprietor', 'legal_entity']));
    expect(new Set(accounts.map((a) => a.language))).toEqual(new Set(['kk', 'ru']));
  });

  it('keeps every ledger consistent: price in force per period, bonus first, no bucket below zero', async () => {
    const store = await generated();
    const { subscriptions, ledger } = await dump(store);
    const tariffs = new Map((await store.listTariffs()).map((t) => [t.id, t]));
    const byCharge = new Map<string, LedgerEntry[]>();
    for (const entry of ledger) {
      expect(Number.isSafeInteger(entry.amount)).toBe(true);
      if (entry.kind === 'period_charge') byCharge.set(entry.chargeId!, [...(byCharge.get(entry.chargeId!) ?? []), entry]);
    }
    expect(byCharge.size).toBeGreaterThan(0);
    const subById = new Map(subscriptions.map((s) => [s.id, s]));
    const split = [...byCharge.values()].filter((entries) => entries.length === 2);
    expect(split.length).toBeGreaterThan(0); // some charges were paid partly from bonuses
    for (const entries of byCharge.values()) {
      const sub = subById.get(entries[0]!.subscriptionId!)!;
      for (const entry of entries) expect(entry.serviceId).toBe(sub.serviceId); // as the commands' charges name it
      const price = tariffPriceOn(tariffs.get(sub.tariffId)!, entries[0]!.period!.start)!;
      expect(entries.reduce((sum, e) => sum + e.amount, 0)).toBe(-price);
    }
    // Replay each account in time order: bonus is spent first and never goes negative; money neither.
    const byAccount = new Map<string, LedgerEntry[]>();
    for (const entry of ledger) byAccount.set(entry.accountId, [...(byAccount.get(entry.accountId) ?? []), entry]);
    for (const [accountId, entries] of byAccount) {
      entries.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
      const balance = { money: 0, bonus: 0 };
      const seen = new Set<string>();
      for (const entry of entries) {
        if (entry.kind === 'period_charge' && !seen.has(entry.chargeId!)) {
          seen.add(entry.chargeId!);
          const parts = byCharge.get(entry.chargeId!)!;
          const fromBonus = 0 - (parts.find((p) => p.bucket === 'bonus')?.amount ?? 0);
          const total = 0 - parts.reduce((s, p) => s + p.amount, 0);
          expect(fromBonus).toBe(Math.min(balance.bonus, total));
          for (const p of parts) balance[p.bucket] += p.amount;
        } else if (entry.kind !== 'period_charge') {
          balance[entry.bucket] += entry.amount;
        }
        expect(balance.money).toBeGreaterThanOrEqual(0);
        expect(balance.bonus).toBeGreaterThanOrEqual(0);
      }
      expect(await store.getBalances(accountId)).toEqual(balance);
    }
  });

  it('gives subscriptions consecutive periods that follow the anchor day and a status that fits today', async () => {
    const store = await generated();
    const { subscriptions, ledger } = await dump(store);
    const today = '2026-03-15';
    const statuses = new Set(subscriptions.map((s) => s.status));
    expect(statuses.has('active')).toBe(true);
    for (const sub of subscriptions) {
      const periods = ledger
        .filter((e) => e.subscriptionId === sub.id && e.kind === 'period_charge')
        .map((e) => e.period!)
        .filter((p, i, all) => all.findIndex((q) => q.start === p.start) === i)
        .sort((a, b) => a.start.localeCompare(b.start));
      if (sub.status === 'pending_payment') {
        expect(periods).toEqual([]);
        continue;
      }
      expect(periods[0]!.start).toBe(sub.firstUseDate);
      for (let i = 1; i < periods.length; i++) expect(periods[i]!.start).toBe(periods[i - 1]!.end);
      expect(periods.at(-1)).toEqual(sub.currentPeriod);
      if (sub.status === 'active') expect(sub.currentPeriod!.end > today && sub.currentPeriod!.start <= today).toBe(true);
      else expect(sub.currentPeriod!.end <= today).toBe(true);
    }
  });

  it('is the book as if renewals had run every day: a run for today would change nothing', async () => {
    const store = await generated();
    const subscriptions = await store.db.subscriptions.toArray();
    // Deleted ones exist (expired past their grace days), so the rule was applied, not avoided.
    expect(subscriptions.some((s) => s.status === 'deleted' && !s.autoRenew)).toBe(true);
    const preview = await store.previewRenewals('2026-03-15');
    expect(preview.totals).toEqual({ renewed: 0, suspended: 0, expired: 0, deleted: 0 });
  });

  it('refuses to fill a store that already has clients', async () => {
    const store = await generated();
    await expect(store.generateDemoData({ accounts: 1, seed: 1 })).rejects.toMatchObject({ code: 'errors:demo.notEmpty' });
  });
  it('credits each compensation as one bonus entry built like the commands build it, linked both ways', async () => {
    const store = await generated();
    const compensations = await store.db.compensations.toArray();
    expect(compensations.length).toBeGreaterThan(0);
    const serviceOf = new Map((await store.db.subscriptions.toArray()).map((s) => [s.id, s.serviceId]));
    for (const c of compensations) {
      const entries = await store.db.ledger.where('id').anyOf(c.ledgerEntryIds).toArray();
      expect(entries).toHaveLength(1);
      const [entry] = entries;
      expect(entry).toMatchObject({
        accountId: c.accountId,
        bucket: 'bonus',
        amount: c.quote.amount,
        kind: 'compensation',
        subscriptionId: c.subscriptionId,
        serviceId: serviceOf.get(c.subscriptionId),
        incidentId: c.incidentId,
        compensationId: c.id,
        actor: 'demo',
        at: c.decidedAt,
      });
      expect(typeof entry!.chargeId).toBe('string');
      expect(entry!.period).toBeUndefined();
    }
  });

  it('keeps the counters equal to the real counts, per table and per status', async () => {
    const store = await generated();
    await expectCountersMatch(store);
    expect(await store.countAccounts()).toBe(SIZE.accounts);
  });

  it('writes nothing to the outbox, the audit or the operations: demo data never syncs', async () => {
    const store = createStore(freshDatabase(), { now: () => NOW });
    await store.ensureCatalog();
    const before = { outbox: await store.db.outbox.count(), audit: await store.db.audit.count(), operations: await store.db.operations.count() };
    await store.generateDemoData(SIZE);
    expect({ outbox: await store.db.outbox.count(), audit: await store.db.audit.count(), operations: await store.db.operations.count() }).toEqual(before);
  });

  it('marks the load as under way and then done', async () => {
    const store = await generated();
    const marker = (await store.db.settings.get(DEMO_SETTING))?.value as DemoMarker;
    expect(marker).toMatchObject({ state: 'done', accounts: 120, subscriptions: 180, ledgerEntries: 1300, seed: 42, generatedAt: NOW.toISOString() });
  });

  it('starts again after a load that died halfway: clears what it wrote, then loads everything', async () => {
    const store = createStore(freshDatabase(), { now: () => NOW });
    await store.ensureCatalog();
    const { db } = store;
    // The third chunk's transaction fails (as a full disk or a closed window would end it).
    let accountsSeen = 0;
    const failInThirdChunk = () => {
      accountsSeen += 1;
      if (accountsSeen > 60) throw new Error('injected failure');
    };
    db.accounts.hook('creating', failInThirdChunk);
    await expect(generateDemoData(db, { ...SIZE, today: NOW, chunkAccounts: 30 })).rejects.toThrow('injected failure');
    db.accounts.hook('creating').unsubscribe(failInThirdChunk);

    const marker = (await db.settings.get(DEMO_SETTING))?.value as DemoMarker;
    expect(marker).toMatchObject({ state: 'loading', seed: 42, accounts: 120, startedAt: NOW.toISOString() });
    expect(await db.accounts.count()).toBe(60); // two chunks committed, the third rolled back
    expect(await db.subscriptions.count()).toBeGreaterThan(0);
    expect(await db.ledger.count()).toBeGreaterThan(0);
    await expectCountersMatch(store); // each chunk kept its counters in its own transaction

    const summary = await store.generateDemoData(SIZE);
    expect(summary).toMatchObject({ accounts: 120, subscriptions: 180, ledgerEntries: 1300 });
    expect(await db.accounts.count()).toBe(120);
    expect(await db.subscriptions.count()).toBe(180);
    expect(await db.ledger.count()).toBe(1300);
    expect(await db.incidents.count()).toBe(summary.incidents);
    expect(await db.compensations.count()).toBe(summary.compensations);
    await expectCountersMatch(store);
    expect(((await db.settings.get(DEMO_SETTING))?.value as DemoMarker).state).toBe('done');
    // Nothing of the dead load is left: the result is exactly a clean load's.
    expect(await dump(store)).toEqual(await dump(await generated()));
  });

  it('refuses a second load while one is running, and a store with real data', async () => {
    const store = createStore(freshDatabase(), { now: () => NOW });
    const results = await Promise.allSettled([store.generateDemoData(SIZE), store.generateDemoData(SIZE)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'errors:demo.notEmpty' } });
    expect(await store.db.accounts.count()).toBe(120);
    await expectCountersMatch(store);
  });
});
