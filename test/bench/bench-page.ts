// Runs inside headless Chromium (see scripts/bench.mjs): generates demo data
// at scale with the app's own generator, writes the same rows raw for a
// baseline, then times the store's queries the screens use. Exposed on
// window.bench for the driver.
import Dexie from 'dexie';
import { createClock, createStore, openAppDatabase, type AppDatabase } from '../../core';
import { balancesOf } from '../../core/balances';
import { RENEWAL_CHUNK } from '../../core/jobs';
import { DEMO_SETTING, demoSizeOf, planDemoData, type DemoMarker } from '../../core/demo/generate';
import { addDays, businessDateOf } from '../../shared/billing';
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

/** Share of all subscriptions the renewal measure wants due on its date. */
const DUE_SHARE = 0.1;

/** Runs `fn` `runs` times in a row: the first (cold) time, the median and the slowest. */
async function medianOf(runs: number, fn: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push((await time(fn))[0]);
  return { first: samples[0]!, p50: percentile(samples, 50), max: Math.max(...samples), n: samples.length, samples };
}

/**
 * The longest main-thread task while `fn` runs: 'longtask' entries (tasks
 * over 50 ms, as Chromium reports them) and, as a fallback, the lateness of
 * a 10 ms timer chain and of animation frames (a long task delays both).
 */
async function watchMainThread<T>(fn: () => Promise<T>) {
  const longTasks: { start: number; duration: number }[] = [];
  const t0 = performance.now();
  let observer: PerformanceObserver | null = null;
  if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
    observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime - t0, duration: entry.duration });
    });
    observer.observe({ type: 'longtask', buffered: false });
  } // else no Long Tasks API: the gap monitors still say something
  let running = true;
  let timerGap = 0;
  let frameGap = 0;
  const TICK = 10;
  let lastTick = performance.now();
  const tick = () => {
    const now = performance.now();
    timerGap = Math.max(timerGap, now - lastTick - TICK);
    lastTick = now;
    if (running) setTimeout(tick, TICK);
  };
  setTimeout(tick, TICK);
  let lastFrame = -1;
  const frame = (now: number) => {
    if (lastFrame >= 0) frameGap = Math.max(frameGap, now - lastFrame);
    lastFrame = now;
    if (running) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const [ms, value] = await time(fn);
  // Let the observer deliver the last entries.
  await new Promise((resolve) => setTimeout(resolve, 100));
  running = false;
  observer?.disconnect();
  return {
    ms,
    value,
    longTaskSupported: observer !== null,
    longTasks: {
      count: longTasks.length,
      max: longTasks.length ? Math.max(...longTasks.map((t) => t.duration)) : 0,
      total: longTasks.reduce((a, t) => a + t.duration, 0),
      /** The five longest, with their start from the beginning of the run (ms). */
      longest: [...longTasks].sort((a, b) => b.duration - a.duration).slice(0, 5),
    },
    /** How late the 10 ms timer ran at worst (≈ the longest task, plus timer slack). */
    timerGapMs: timerGap,
    /** Longest time between two animation frames (0 when the page got no frames). */
    frameGapMs: frameGap,
  };
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
      // A calendar year's revenue report (issue 11: ≤ 1 s) and the dashboard's data, 7 runs each after a warm-up.
      revenueYear: await timeAll(Array.from({ length: 7 }, () => String(new Date().getFullYear())), (year) => store.revenueReport({ from: `${year}-01-01`, to: `${year}-12-31` })),
      dashboardData: await timeAll(Array.from({ length: 7 }, () => ''), () => store.dashboard()),
    };
  },
};

/** Wall time of one kind of Dexie call, summed, and when the first began and the last ended (ms from the start). */
interface BreakdownLine {
  ms: number;
  calls: number;
  from: number;
  to: number;
}

/**
 * The subscription lifecycle at scale (run it last: the renewal run changes
 * the data). Picks a business date D after the data's "today" (the day it
 * was generated) on which about 10 % of all subscriptions are active with a
 * period ended (`currentPeriod.end <= D`, counted on the
 * [status+currentPeriod.end] index, one day at a time), then, with a store
 * whose clock is pinned to D and a manager's role: the Subscriptions
 * screen's "active, renewing within 7 days" filter and the Ledger screen's
 * month (first page and totals, together as the screen reads them), the
 * renewal run with its longest main-thread task, and the two reads again on
 * the renewed data.
 */
/**
 * A diagnostic (`--renewal-breakdown`, `--compensation-breakdown`): wraps
 * this database's Dexie table and collection methods, and the index reads
 * the core issues on IndexedDB itself, to add up the wall time of each kind
 * of call while `fn` runs, with when the first began and the last ended
 * (the rest of the run is transaction commits and the pauses between
 * chunks). Calls run in parallel overlap, so the sums are not additive;
 * they show where the time goes.
 */
async function withBreakdown<T>(fn: () => Promise<T>): Promise<[T, Record<string, BreakdownLine>]> {
  const sums: Record<string, BreakdownLine> = {};
  const start = performance.now();
  const record = (name: string, t0: number) => {
    const t1 = performance.now();
    const line = (sums[name] ??= { ms: 0, calls: 0, from: t0 - start, to: 0 });
    line.ms += t1 - t0;
    line.calls += 1;
    line.from = Math.min(line.from, t0 - start);
    line.to = Math.max(line.to, t1 - start);
  };
  const restore: (() => void)[] = [];
  const wrap = (target: Record<string, unknown>, method: string, label: (self: unknown) => string) => {
    const original = target[method] as (...args: unknown[]) => unknown;
    target[method] = function (this: unknown, ...args: unknown[]) {
      const t0 = performance.now();
      const result = original.apply(this, args);
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        (result as Promise<unknown>).then(
          () => record(label(this), t0),
          () => record(label(this), t0),
        );
      }
      return result;
    };
    restore.push(() => {
      target[method] = original;
    });
  };
  const tableProto = db.Table.prototype as unknown as Record<string, unknown>;
  for (const method of ['get', 'bulkGet', 'put', 'bulkPut', 'add', 'bulkAdd']) wrap(tableProto, method, (self) => `${(self as { name: string }).name}.${method}`);
  const collectionProto = db.Collection.prototype as unknown as Record<string, unknown>;
  for (const method of ['each', 'toArray', 'primaryKeys', 'count']) {
    wrap(collectionProto, method, (self) => `${(self as { _ctx?: { table?: { name?: string }; index?: string } })._ctx?.table?.name ?? '?'}[${(self as { _ctx?: { index?: string } })._ctx?.index ?? ''}].${method}`);
  }
  // Every IDBIndex.getAll request, Dexie's and those the core issues on IndexedDB itself (a command's balance reads), until its result.
  const indexProto = IDBIndex.prototype as unknown as Record<string, unknown>;
  const getAll = indexProto.getAll as (this: IDBIndex, ...args: unknown[]) => IDBRequest;
  indexProto.getAll = function (this: IDBIndex, ...args: unknown[]) {
    const t0 = performance.now();
    const request = getAll.apply(this, args);
    const label = `${this.objectStore.name}[${this.name}] IDBIndex.getAll`;
    request.addEventListener('success', () => record(label, t0));
    request.addEventListener('error', () => record(label, t0));
    return request;
  };
  restore.push(() => {
    indexProto.getAll = getAll;
  });
  try {
    return [await fn(), sums];
  } finally {
    for (const undo of restore) undo();
  }
}

async function lifecycle(opts: { runs: number; date?: string; breakdown?: boolean }) {
  const log = (message: string) => (window as unknown as { benchLog?: (m: string) => void }).benchLog?.(message);
  const marker = (await db.settings.get(DEMO_SETTING))?.value as DemoMarker | undefined;
  const dataToday = marker?.state === 'done' ? businessDateOf(marker.generatedAt) : businessDateOf(new Date().toISOString());
  const total = await db.subscriptions.count();
  const activeEndedBy = (d: string) => db.subscriptions.where('[status+currentPeriod.end]').between(['active', Dexie.minKey], ['active', d], true, true).count();
  let date = dataToday;
  let due = await activeEndedBy(date);
  const dueAtToday = due;
  if (opts.date !== undefined) {
    date = opts.date;
    due = await activeEndedBy(date);
  } else {
    let previous = { date, due };
    for (let day = 0; day < 800 && due < total * DUE_SHARE; day++) {
      previous = { date, due };
      date = addDays(date, 1);
      due = await activeEndedBy(date);
    }
    // The day whose count is nearest 10 %.
    if (Math.abs(previous.due - total * DUE_SHARE) < Math.abs(due - total * DUE_SHARE) && previous.date > dataToday) ({ date, due } = previous);
  }
  const clock = createClock(`${date}T10:00:00+05:00`);
  const lc = createStore(db, { now: clock.now, role: () => 'manager' });
  const monthStart = `${date.slice(0, 7)}-01`;
  const nextMonth = date.slice(5, 7) === '12' ? `${Number(date.slice(0, 4)) + 1}-01-01` : `${date.slice(0, 4)}-${String(Number(date.slice(5, 7)) + 1).padStart(2, '0')}-01`;
  const month = { from: monthStart, to: addDays(nextMonth, -1) };
  const filter = { status: 'active' as const, periodEnd: { from: date, to: addDays(date, 7) } };
  const reads = async () => {
    let filterRows = 0;
    let filterTruncated = false;
    const subscriptionsFilter = await medianOf(opts.runs, async () => {
      const list = await lc.listSubscriptions(filter);
      filterRows = list.rows.length;
      filterTruncated = list.truncated;
    });
    let pageRows = 0;
    let monthCount = 0;
    let totalsPlan: unknown = null;
    const ledgerMonth = await medianOf(opts.runs, async () => {
      const [page, totals] = await Promise.all([lc.listLedgerEntries({ ...month }), lc.ledgerTotals({ ...month })]);
      pageRows = page.entries.length;
      monthCount = totals.count;
      totalsPlan = totals.plan;
    });
    return { subscriptionsFilter: { ...subscriptionsFilter, rows: filterRows, truncated: filterTruncated }, ledgerMonth: { ...ledgerMonth, pageRows, monthCount, totalsPlan } };
  };
  log(`  D = ${date} (data of ${dataToday}): ${due} of ${total} subscriptions active with a period ended; reads before the run…`);
  const before = await reads();
  const dueIds = (
    await Promise.all(
      (['active', 'suspended', 'expired'] as const).map((status) =>
        db.subscriptions.where('[status+currentPeriod.end]').between([status, Dexie.minKey], [status, date], true, true).count(),
      ),
    )
  ).reduce((a, b) => a + b, 0);
  const chunkCost = await renewalChunkReads(date);
  log(`  one chunk's reads: ${JSON.stringify(chunkCost)}`);
  const ledgerBefore = await db.ledger.count();
  log(`  renewal run over ${dueIds} subscriptions…`);
  let shown = -1;
  let runWalked = 0;
  let breakdown: Record<string, BreakdownLine> | null = null;
  const renew = (body: () => Promise<Awaited<ReturnType<typeof lc.runRenewals>>>) =>
    opts.breakdown
      ? withBreakdown(body).then(([value, sums]) => {
          breakdown = sums;
          return value;
        })
      : body();
  const run = await watchMainThread(() =>
    renew(() => lc.runRenewals(
      { date, opId: `bench-renewals-${date}-${Date.now()}` },
      {
        onProgress: (done, all) => {
          runWalked = all;
          const pct = all === 0 ? 100 : Math.floor((done / all) * 10) * 10;
          if (pct !== shown) {
            shown = pct;
            log(`    ${pct}% (${Math.round(performance.now())} ms)`);
          }
        },
      },
    )),
  );
  log(`  run done in ${(run.ms / 1000).toFixed(1)} s; reads after the run…`);
  const ledgerAfter = await db.ledger.count();
  const after = await reads();
  return {
    dataToday,
    date,
    totalSubscriptions: total,
    activeEndedAtToday: dueAtToday,
    activeDue: due,
    activeDueShare: due / total,
    /** Active, suspended and expired subscriptions with a period ended by D (the run walks fewer: `renewals.walked`). */
    dueIds,
    month,
    filter,
    renewals: { ms: run.ms, totals: run.value, walked: runWalked, ledgerEntriesPosted: ledgerAfter - ledgerBefore, longTaskSupported: run.longTaskSupported, longTasks: run.longTasks, timerGapMs: run.timerGapMs, frameGapMs: run.frameGapMs },
    chunkCost,
    /** Only with `breakdown`: wall time per kind of Dexie call during the (then instrumented) run. */
    breakdown,
    before,
    after,
  };
}

/**
 * What the reads of one renewal chunk cost (the first RENEWAL_CHUNK due
 * subscriptions on `date`), each in a read-only transaction: the
 * subscriptions (bulkGet), and their accounts' balances as the chunk reads
 * them (balancesOf: a cursor over the account's entries, once for the
 * decisions and again in tx.post) against the same entries read with getAll.
 */
async function renewalChunkReads(date: string) {
  const ids: string[] = [];
  for (const status of ['active', 'suspended', 'expired'] as const) {
    ids.push(...((await db.subscriptions.where('[status+currentPeriod.end]').between([status, Dexie.minKey], [status, date], true, true).primaryKeys()) as string[]));
  }
  const chunk = ids.slice(0, RENEWAL_CHUNK);
  const inTx = <T>(fn: () => Promise<T>) => time(() => db.transaction('r', db.tables, fn));
  const [subscriptionsMs, subscriptions] = await inTx(() => db.subscriptions.bulkGet(chunk));
  const accountIds = [...new Set(subscriptions.filter((s) => s !== undefined).map((s) => s.accountId))];
  const [balancesCursorMs] = await inTx(() => Promise.all(accountIds.map((id) => balancesOf(db, id))));
  const [balancesGetAllMs, rows] = await inTx(() =>
    Promise.all(accountIds.map((id) => db.ledger.where('[accountId+at]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray())),
  );
  const [emptyRwMs] = await time(() => db.transaction('rw', db.tables, async () => {}));
  return {
    subscriptions: chunk.length,
    accounts: accountIds.length,
    ledgerEntriesOfAccounts: rows.reduce((n, r) => n + r.length, 0),
    subscriptionsMs,
    balancesCursorMs,
    balancesGetAllMs,
    emptyRwTransactionMs: emptyRwMs,
  };
}

/** Subscriptions affected by the compensation measure's incident. */
const COMPENSATION_SUBSCRIPTIONS = 10_000;

/**
 * Downtime compensation at scale (changes the data: run it last): an
 * incident of the 1C cloud servers that affected 10 000 active
 * subscriptions, 4 h 30 min long on the data's last day, recorded (not
 * timed); then, each watched for long main-thread tasks, the proposal
 * (`proposeCompensations`: one quoted line per subscription, the monthly cap
 * read for each) and "approve all" (`approveIncidentCompensations`: one
 * bonus entry per line, the lines decided), each one command in one
 * transaction.
 */
async function compensation(opts: { breakdown?: boolean } = {}) {
  const log = (message: string) => (window as unknown as { benchLog?: (m: string) => void }).benchLog?.(message);
  const marker = (await db.settings.get(DEMO_SETTING))?.value as DemoMarker | undefined;
  const dataToday = marker?.state === 'done' ? businessDateOf(marker.generatedAt) : businessDateOf(new Date().toISOString());
  const clock = createClock(`${dataToday}T12:00:00+05:00`);
  const cs = createStore(db, { now: clock.now, role: () => 'manager' });
  const service = (await db.services.toArray()).find((s) => s.code === 'cloud1c');
  if (!service) throw new Error('no cloud1c service in the data');
  const subscriptionIds = (await db.subscriptions.where('[serviceId+status]').equals([service.id, 'active']).limit(COMPENSATION_SUBSCRIPTIONS).primaryKeys()) as string[];
  const stamp = Date.now();
  log(`  incident of ${service.code} affecting ${subscriptionIds.length} subscriptions…`);
  const incident = await cs.recordIncident({
    serviceId: service.id,
    start: `${dataToday}T01:00:00+05:00`,
    end: `${dataToday}T05:30:00+05:00`,
    cause: 'provider',
    source: 'monitoring',
    subscriptionIds,
    opId: `bench-incident-${stamp}`,
  });
  const breakdown: Record<string, Record<string, BreakdownLine>> = {};
  const measured = <T>(name: string, body: () => Promise<T>) =>
    opts.breakdown
      ? withBreakdown(body).then(([value, sums]) => {
          breakdown[name] = sums;
          return value;
        })
      : body();
  const propose = await watchMainThread(() => measured('propose', () => cs.proposeCompensations({ incidentId: incident.id, opId: `bench-propose-${stamp}` })));
  log(`  proposal in ${propose.ms.toFixed(0)} ms; approving all…`);
  const approve = await watchMainThread(() => measured('approve', () => cs.approveIncidentCompensations({ incidentId: incident.id, opId: `bench-approve-${stamp}` })));
  log(`  approved in ${approve.ms.toFixed(0)} ms`);
  const summary = (run: Awaited<ReturnType<typeof watchMainThread>>) => ({
    ms: run.ms,
    longTaskSupported: run.longTaskSupported,
    longTasks: run.longTasks,
    timerGapMs: run.timerGapMs,
    frameGapMs: run.frameGapMs,
  });
  return {
    date: dataToday,
    subscriptions: subscriptionIds.length,
    lines: propose.value.length,
    amount: approve.value.reduce((sum, c) => sum + c.quote.amount, 0),
    propose: summary(propose),
    approve: summary(approve),
    /** Only with `breakdown`: wall time per kind of Dexie call during each (then instrumented) command. */
    breakdown: opts.breakdown ? breakdown : null,
  };
}

/** The JS heap in use (Chromium's performance.memory), MiB; null elsewhere. */
function heapMib(): number | null {
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize / 2 ** 20 : null;
}

/**
 * Issue 12: the whole database to a backup file (store.exportBackup, a
 * Blob), then that file restored over it (store.restoreBackup: checksum
 * pass, then one transaction). The heap is sampled at every progress report
 * to show that memory stays bounded (the file's bytes live in Blobs, outside
 * the heap). Run last: the restore rewrites every table (with the same rows).
 */
async function backup() {
  const log = (message: string) => (window as unknown as { benchLog?: (m: string) => void }).benchLog?.(message);
  const admin = createStore(db, { role: () => 'admin' });
  const heapBefore = heapMib();
  let exportPeak = heapBefore ?? 0;
  let lastLog = 0;
  const progress = (what: string, peak: (mib: number) => void) => (done: number, total: number) => {
    const mib = heapMib();
    if (mib !== null) peak(mib);
    if (performance.now() - lastLog > 10_000) {
      lastLog = performance.now();
      log(`  ${what} ${((done / Math.max(1, total)) * 100).toFixed(0)} %`);
    }
  };
  const [exportMs, file] = await time(() => admin.exportBackup({}, { onProgress: progress('export', (mib) => (exportPeak = Math.max(exportPeak, mib))) }));
  log(`  exported ${(file.size / 2 ** 20).toFixed(1)} MiB in ${(exportMs / 1000).toFixed(1)} s; restoring…`);
  let restorePeak = heapMib() ?? 0;
  const [restoreMs, restored] = await time(() =>
    admin.restoreBackup({ backup: file, opId: `bench-restore-${Date.now()}` }, { onProgress: progress('restore', (mib) => (restorePeak = Math.max(restorePeak, mib))) }),
  );
  log(`  restored ${restored.rows} rows in ${(restoreMs / 1000).toFixed(1)} s`);
  return { exportMs, restoreMs, bytes: file.size, rows: restored.rows, heapMib: { before: heapBefore, exportPeak, restorePeak } };
}

(window as unknown as { bench: typeof bench & { lifecycle: typeof lifecycle; compensation: typeof compensation; backup: typeof backup } }).bench = { ...bench, lifecycle, compensation, backup };
document.title = 'bench ready';

