// Runs inside headless Chromium (see scripts/bench.mjs): generates demo data
// at scale with the app's own generator, then times the store's queries the
// screens use. Exposed on window.bench for the driver.
import { createStore, openAppDatabase } from '../../core';
import { percentile } from './percentile.mjs';

const db = openAppDatabase();
const store = createStore(db);

function pick<T>(items: readonly T[], count: number, seed: number): T[] {
  // Deterministic sample so runs are comparable.
  let state = seed >>> 0;
  const out: T[] = [];
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out.push(items[state % items.length]!);
  }
  return out;
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await fn();
  return [performance.now() - t0, value];
}

async function timeAll(inputs: readonly string[], fn: (input: string) => Promise<unknown>) {
  await fn(inputs[0]!); // warm-up: first query opens the database and compiles paths
  const samples: number[] = [];
  for (const input of inputs) samples.push((await time(() => fn(input)))[0]);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: Math.max(...samples), n: samples.length };
}

const bench = {
  async generate(opts: { accounts: number; subscriptions: number; ledgerEntries: number; seed: number }) {
    await store.ensureCatalog();
    const [ms, summary] = await time(() =>
      store.generateDemoData({
        ...opts,
        onProgress: (done, total) => {
          (window as unknown as { benchProgress?: (d: number, t: number) => void }).benchProgress?.(done, total);
        },
      }),
    );
    return { ms, summary };
  },

  async counts() {
    return { accounts: await db.accounts.count(), subscriptions: await db.subscriptions.count(), ledger: await db.ledger.count() };
  },

  async measure(samples: number) {
    const keys = (await db.accounts.toCollection().primaryKeys()) as string[];
    const ids = pick(keys, samples, 42);
    const accounts = (await db.accounts.bulkGet(ids)).filter((a) => a !== undefined);
    const namePrefixes = accounts.map((a) => a.name.split(/\s+/).find((w) => w.length >= 3)?.slice(0, 3) ?? a.name.slice(0, 3));
    const idPrefixes = accounts.map((a) => a.iinBin.slice(0, 6));
    const fullIds = accounts.map((a) => a.iinBin);
    const search = (q: string) => store.searchAccounts(q, { limit: 100 });
    return {
      sampleAccounts: accounts.slice(0, 60).map((a) => ({ id: a.id, name: a.name })),
      searchName: await timeAll(namePrefixes, search),
      searchIinBinPrefix: await timeAll(idPrefixes, search),
      searchIinBinFull: await timeAll(fullIds, search),
      countAccounts: await timeAll(ids.slice(0, 30), () => store.countAccounts()),
      accountPage: await timeAll(ids, async (id) => {
        const view = await store.getAccountView(id);
        if (!view) throw new Error(`account ${id} not found`);
        await store.listLedger(id, { limit: 200 });
      }),
    };
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
document.title = 'bench ready';
