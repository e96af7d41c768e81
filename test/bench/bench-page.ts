// Runs inside headless Chromium (see scripts/bench.mjs): generates demo data
// at scale with the app's own generator, writes the same rows raw for a
// baseline, then times the store's queries the screens use. Exposed on
// window.bench for the driver.
import Dexie from 'dexie';
import { createStore, openAppDatabase, type AppDatabase } from '../../core';
import { demoSizeOf, planDemoData } from '../../core/demo/generate';
import { businessDateOf } from '../../shared/billing';
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

/** A database of the app's schema (same indexes, same durability) that only the raw-write measure uses. */
const SCRATCH_DATABASE = 'esep-bench-raw';

interface SizeOptions {
  accounts: number;
  subscriptions: number;
  ledgerEntries: number;
  seed: number;
}

/** Writes one chunk's rows the plainest way: bulkPut per table, issued together, in one transaction. */
function rawWrite(scratch: AppDatabase, tables: Record<string, readonly unknown[]>): Promise<void> {
  const names = Object.keys(tables).filter((name) => tables[name]!.length > 0);
  return scratch.transaction('rw', names, async () => {
    await Promise.all(names.map((name) => scratch.table(name).bulkPut(tables[name]!)));
  });
}

const bench = {
  /**
   * The baseline for the generator: the same planned rows (same seed, same
   * today, same chunks) written with plain bulkPut into a scratch database,
   * timing only the writes. The generator's own cost on top of this is its
   * planning (where it does not overlap the writes) and its bookkeeping
   * (marker, counters, progress). The driver runs this on another origin
   * than the app's (127.0.0.1 instead of localhost): Chromium keeps one
   * LevelDB per origin, so the scratch rows never share files (nor
   * compactions) with the generated book.
   */
  async raw(opts: SizeOptions) {
    await store.ensureCatalog();
    const catalog = { services: await db.services.toArray(), tariffs: await db.tariffs.toArray() };
    const planner = planDemoData(catalog, demoSizeOf(opts), businessDateOf(new Date().toISOString()));
    await Dexie.delete(SCRATCH_DATABASE);
    const scratch = openAppDatabase(SCRATCH_DATABASE);
    await scratch.open();
    let writeMs = 0;
    let planMs = 0;
    const rows = { accounts: 0, subscriptions: 0, ledger: 0, compensations: 0, incidents: 0 };
    for (;;) {
      const p0 = performance.now();
      const chunk = planner.nextChunk();
      planMs += performance.now() - p0;
      if (chunk === null) break;
      const w0 = performance.now();
      await rawWrite(scratch, { ...chunk });
      writeMs += performance.now() - w0;
      rows.accounts += chunk.accounts.length;
      rows.subscriptions += chunk.subscriptions.length;
      rows.ledger += chunk.ledger.length;
      rows.compensations += chunk.compensations.length;
    }
    const incidents = planner.incidents();
    rows.incidents = incidents.length;
    const w0 = performance.now();
    await rawWrite(scratch, { incidents });
    writeMs += performance.now() - w0;
    scratch.close();
    return { ms: writeMs, planMs, rows };
  },

  /** Drops the raw measure's scratch database (at the end: deleting it makes the browser compact, which would slow what follows). */
  async dropScratch() {
    await Dexie.delete(SCRATCH_DATABASE);
  },

  async generate(opts: SizeOptions) {
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

