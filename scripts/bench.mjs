#!/usr/bin/env node
// npm run bench [-- --accounts 100000 --subscriptions 150000 --ledger 1000000 --samples 300]
// Builds the renderer with a bench page, serves it on localhost, and in
// headless Debian Chromium generates demo data at scale and times the store
// queries, the first render of the accounts list, opening account pages and
// the dashboard, a year's revenue report, then the subscription lifecycle
// (renewal run, subscriptions filter, ledger month), the compensation of a
// large incident, a 1 000-row PDF and a backup with its restore. The renewal run changes the data:
// against a kept --profile, copy the folder first. `--only <part>` runs one
// part (core, lifecycle, compensation, pdf, backup).
// Prints a table and writes .bench/results.json; --strict exits 1 when a target is missed.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { percentile } from '../test/bench/percentile.mjs';

const { values: args } = parseArgs({
  options: {
    accounts: { type: 'string', default: '100000' },
    subscriptions: { type: 'string' },
    ledger: { type: 'string' },
    samples: { type: 'string', default: '300' },
    seed: { type: 'string', default: '7' },
    'skip-build': { type: 'boolean', default: false },
    // Keep the browser profile (and so the generated data) in this folder; a
    // later run with the same folder reuses the data instead of generating it.
    profile: { type: 'string' },
    strict: { type: 'boolean', default: false },
    // Fresh loads of the accounts list to time (the first one is cold).
    'list-runs': { type: 'string', default: '5' },
    // 'core', 'lifecycle', 'compensation', 'pdf' or 'backup': only that part (after generation, if the profile has no data).
    only: { type: 'string' },
    // Runs of each lifecycle read (the median is reported; the first is cold).
    'lifecycle-runs': { type: 'string', default: '5' },
    // The renewal run's business date; by default the day on which ~10 % of subscriptions are due.
    'renewal-date': { type: 'string' },
    // Diagnostic: add up the time of each kind of Dexie call during the renewal run (instruments the run).
    'renewal-breakdown': { type: 'boolean', default: false },
    // Diagnostic: the same for the compensation commands (proposal and approve all, each instrumented).
    'compensation-breakdown': { type: 'boolean', default: false },
  },
});
const accounts = Number(args.accounts);
const subscriptions = args.subscriptions ? Number(args.subscriptions) : Math.round(accounts * 1.5);
const ledgerEntries = args.ledger ? Number(args.ledger) : accounts * 10;
const samples = Number(args.samples);
const port = 4174;
const base = `http://localhost:${port}`;
/** The same server under another origin: the raw-write baseline gets its own IndexedDB files. */
const rawBase = `http://127.0.0.1:${port}`;
const listRuns = Math.max(1, Number(args['list-runs']));
const PARTS = ['core', 'lifecycle', 'compensation', 'pdf', 'backup'];
if (args.only !== undefined && !PARTS.includes(args.only)) {
  console.error(`--only: unknown part ${args.only} (known: ${PARTS.join(', ')})`);
  process.exit(2);
}
const runLifecycle = args.only === undefined || args.only === 'lifecycle';
const runCompensation = args.only === undefined || args.only === 'compensation';
const runBackup = args.only === undefined || args.only === 'backup';
const lifecycleRuns = Math.max(1, Number(args['lifecycle-runs']));
const TARGETS = {
  searchP95: 50,
  accountPageDataP95: 100,
  /** Generation of the demo book ÷ a raw bulkPut of the same rows. */
  generationVsRawRatio: 2,
  accountsListFirstRenderMs: 300,
  accountPageUiP95: 50,
  renewalsRunMs: 10_000,
  renewalsLongestTaskMs: 200,
  subscriptionsFilterMs: 300,
  ledgerMonthMs: 500,
  /** An incident affecting 10 000 subscriptions: its proposal, and approving all of it. */
  compensationProposeMs: 2000,
  compensationApproveMs: 2000,
  compensationLongestTaskMs: 200,
  /** A reconciliation act of 1 000 rows: payload handed to print.html → PDF written (headless Chromium). */
  pdf1000RowsMs: 3000,
  /** Issue 12: the whole database to a backup file, and that file restored. */
  backupExportMs: 60_000,
  backupRestoreMs: 120_000,
  /** Issue 11: the dashboard's first render in the UI, and a calendar year's revenue report. */
  dashboardFirstRenderMs: 500,
  revenueReportYearMs: 1000,
};

// --only pdf: the print measure alone (no demo book needed), merged into the last results.
if (args.only === 'pdf') {
  const pdf = await measurePdf();
  console.log(`\nreconciliation act of ${pdf.rows} rows to PDF: median ${pdf.ms.toFixed(0)} ms of ${pdf.runs.map((ms) => ms.toFixed(0)).join(', ')} (${pdf.pages} pages) | target ≤ ${TARGETS.pdf1000RowsMs} ms`);
  mkdirSync('.bench', { recursive: true });
  let previous = {};
  try {
    previous = JSON.parse(readFileSync('.bench/results.json', 'utf8'));
  } catch {
    /* no earlier run */
  }
  writeFileSync('.bench/results.json', `${JSON.stringify({ ...previous, pdf_1000_rows_ms: pdf.ms, pdf, targets: { ...(previous.targets ?? {}), ...TARGETS } }, null, 2)}\n`);
  process.exit(args.strict && pdf.ms > TARGETS.pdf1000RowsMs ? 1 : 0);
}

if (!args['skip-build']) {
  const build = spawnSync('npx', ['vite', 'build', '-c', 'vite.bench.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn('npx', ['vite', 'preview', '-c', 'vite.bench.config.ts', '--port', String(port), '--strictPort'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  detached: true,
});
const stopServer = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
};
process.on('exit', stopServer);

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/test/bench/bench.html`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the preview server did not start on ${base}`);
}

const fmt = (ms) => `${ms.toFixed(1)} ms`;
const profile = args.profile ?? mkdtempSync(join(tmpdir(), 'bench-profile-'));

try {
  await waitForServer();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--enable-precise-memory-info'],
  });
  // A browser that dies mid-run (out of memory, killed) must end the bench with an error, not leave it waiting.
  let closing = false;
  const browserGone = (what) => () => {
    if (closing) return;
    console.error(`bench: the browser ${what}; stopping`);
    stopServer();
    process.exit(1);
  };
  context.on('close', browserGone('closed'));
  // Playwright does not always notice a browser killed from outside (the run then waits forever): watch the process itself.
  const browserPids = spawnSync('pgrep', ['-P', String(process.pid), '-f', 'chrom'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number);
  const watchdog = setInterval(() => {
    for (const pid of browserPids) {
      try {
        process.kill(pid, 0);
      } catch {
        browserGone(`process ${pid} is gone`)();
      }
    }
  }, 5000);
  watchdog.unref();
  const page = await context.newPage();
  page.on('crash', browserGone('page crashed'));
  let lastShown = -1;
  await page.exposeFunction('benchProgress', (done, total) => {
    const pct = Math.floor((done / total) * 10) * 10;
    if (pct !== lastShown) {
      lastShown = pct;
      process.stdout.write(`  generating… ${pct}%\n`);
    }
  });
  await page.exposeFunction('benchLog', (message) => console.log(message));
  await page.goto(`${base}/test/bench/bench.html`);
  await page.waitForFunction(() => document.title === 'bench ready');

  let counts = await page.evaluate(() => window.bench.counts());
  let generated = { ms: Number.NaN, reused: true };
  let raw = null;
  if (counts.accounts === 0) {
    const size = { accounts, subscriptions, ledgerEntries, seed: Number(args.seed) };
    // The baseline first: the same planned rows, plain bulkPut, into a scratch
    // database of another origin (its own LevelDB), dropped at the very end.
    console.log(`Raw bulkPut of the planned rows (${accounts} accounts, ${subscriptions} subscriptions, ${ledgerEntries} ledger entries)…`);
    const rawPage = await context.newPage();
    await rawPage.goto(`${rawBase}/test/bench/bench.html`);
    await rawPage.waitForFunction(() => document.title === 'bench ready');
    raw = await rawPage.evaluate((opts) => window.bench.raw(opts), size);
    await rawPage.close();
    console.log(`Generating ${accounts} accounts, ${subscriptions} subscriptions, ${ledgerEntries} ledger entries…`);
    generated = await page.evaluate((opts) => window.bench.generate(opts), size);
    counts = await page.evaluate(() => window.bench.counts());
  } else {
    console.log(`Reusing the data in ${profile} (no generation: the generation ratio is not measured)`);
  }
  const generationVsRawRatio = raw && !generated.reused ? generated.ms / raw.ms : null;
  const core = args.only === undefined || args.only === 'core' ? await measureCore(page) : null;
  // Last: the renewal run and the compensation change the data the other measures read.
  let lifecycle = null;
  if (runLifecycle) {
    console.log('Subscription lifecycle: choosing the date, reads, renewal run, reads again…');
    lifecycle = await page.evaluate((o) => window.bench.lifecycle(o), { runs: lifecycleRuns, date: args['renewal-date'], breakdown: args['renewal-breakdown'] });
  }
  let compensation = null;
  if (runCompensation) {
    console.log('Downtime compensation: an incident of 10 000 subscriptions, proposal, approve all…');
    compensation = await page.evaluate((o) => window.bench.compensation(o), { breakdown: args['compensation-breakdown'] });
  }
  let backup = null;
  if (runBackup) {
    console.log('Backup: the whole database to a file, then restored from it…');
    backup = await page.evaluate(() => window.bench.backup());
  }
  await page.close();
  const pdf = args.only === undefined ? await measurePdf() : null;
  const longestTask = (run) => (run.longTaskSupported ? run.longTasks.max : run.timerGapMs);
  const renewalsLongestTaskMs = lifecycle ? longestTask(lifecycle.renewals) : null;
  const subscriptionsFilterMs = lifecycle ? Math.max(lifecycle.before.subscriptionsFilter.p50, lifecycle.after.subscriptionsFilter.p50) : null;
  const ledgerMonthMs = lifecycle ? Math.max(lifecycle.before.ledgerMonth.p50, lifecycle.after.ledgerMonth.p50) : null;
  const compensationLongestTaskMs = compensation ? Math.max(longestTask(compensation.propose), longestTask(compensation.approve)) : null;

  const met = (value, target) => value !== null && value <= target;
  const checks = [
    ...(core === null
      ? []
      : [
          ['search p95', Math.max(core.measured.searchName.p95, core.measured.searchIinBinPrefix.p95, core.measured.searchIinBinFull.p95), TARGETS.searchP95],
          ['account page data p95', core.measured.accountPage.p95, TARGETS.accountPageDataP95],
          ['account page in the UI p95', core.uiAccountPage.p95, TARGETS.accountPageUiP95],
          ['accounts list first render', core.firstRenderMs, TARGETS.accountsListFirstRenderMs],
          ['dashboard first render', core.dashboardFirstRender.median, TARGETS.dashboardFirstRenderMs],
          ["a year's revenue report", core.measured.revenueYear.p50, TARGETS.revenueReportYearMs],
        ]),
    // Measured only on a fresh generation; reused data leaves it out of the verdict.
    ...(generationVsRawRatio === null ? [] : [['generation ÷ raw bulkPut', generationVsRawRatio, TARGETS.generationVsRawRatio]]),
    ...(lifecycle === null
      ? []
      : [
          ['renewal run', lifecycle.renewals.ms, TARGETS.renewalsRunMs],
          ['renewal run longest task', renewalsLongestTaskMs, TARGETS.renewalsLongestTaskMs],
          ['subscriptions filter', subscriptionsFilterMs, TARGETS.subscriptionsFilterMs],
          ['ledger month', ledgerMonthMs, TARGETS.ledgerMonthMs],
        ]),
    ...(compensation === null
      ? []
      : [
          ['compensation proposal (10 000)', compensation.propose.ms, TARGETS.compensationProposeMs],
          ['compensation approve all (10 000)', compensation.approve.ms, TARGETS.compensationApproveMs],
          ['compensation longest task', compensationLongestTaskMs, TARGETS.compensationLongestTaskMs],
        ]),
    ...(pdf === null
      ? []
      : [
          ['reconciliation act of 1 000 rows to PDF', pdf.ms, TARGETS.pdf1000RowsMs],
        ]),
    ...(backup === null
      ? []
      : [
          ['backup export', backup.exportMs, TARGETS.backupExportMs],
          ['backup restore', backup.restoreMs, TARGETS.backupRestoreMs],
        ]),
  ];
  const missed = checks.filter(([, value, target]) => !met(value, target));

  const pct = (x) => `${(x * 100).toFixed(1)} %`;
  function lifecycleRows() {
    if (lifecycle === null) return [['subscription lifecycle', `skipped (--only ${args.only})`, '']];
    const r = lifecycle.renewals;
    const t = r.totals;
    return [
      ['renewal date D (data generated on)', `${lifecycle.date} (${lifecycle.dataToday}); active with period ended by D: ${lifecycle.activeDue} = ${pct(lifecycle.activeDueShare)}; ended by D in any status: ${lifecycle.dueIds}; walked by the run: ${lifecycle.renewals.walked}`, '≈ 10 %'],
      ['renewal run (store.runRenewals)', `${(r.ms / 1000).toFixed(1)} s (renewed ${t.renewed}, suspended ${t.suspended}, expired ${t.expired}, deleted ${t.deleted}; ${r.ledgerEntriesPosted} ledger entries)`, `≤ ${TARGETS.renewalsRunMs / 1000} s`],
      [
        'renewal run longest main-thread task',
        `${r.longTaskSupported ? `${fmt(r.longTasks.max)} (${r.longTasks.count} long tasks, ${fmt(r.longTasks.total)} in all)` : 'no Long Tasks API'}; timer late by ≤ ${fmt(r.timerGapMs)}, frame gap ≤ ${fmt(r.frameGapMs)}`,
        `≤ ${TARGETS.renewalsLongestTaskMs} ms`,
      ],
      [
        'renewal run: the longest tasks (start from the beginning of the run)',
        r.longTasks.longest.map((task) => `${Math.round(task.duration)} ms at ${(task.start / 1000).toFixed(1)} s`).join(', ') || 'none',
        '',
      ],
      [
        `renewal chunk reads (${lifecycle.chunkCost.subscriptions} subscriptions, ${lifecycle.chunkCost.accounts} accounts, ${lifecycle.chunkCost.ledgerEntriesOfAccounts} of their entries)`,
        `subscriptions ${fmt(lifecycle.chunkCost.subscriptionsMs)}; balances by cursor ${fmt(lifecycle.chunkCost.balancesCursorMs)} (by getAll ${fmt(lifecycle.chunkCost.balancesGetAllMs)}); empty rw transaction ${fmt(lifecycle.chunkCost.emptyRwTransactionMs)}`,
        '',
      ],
      ...(lifecycle.breakdown === null
        ? []
        : Object.entries(lifecycle.breakdown)
            .sort(([, a], [, b]) => b.ms - a.ms)
            .slice(0, 12)
            .map(([name, line]) => [`  instrumented run: ${name}`, `${(line.ms / 1000).toFixed(1)} s in ${line.calls} calls`, ''])),
      [
        'subscriptions filter (active, period end D…D+7), median before / after the run',
        `${fmt(lifecycle.before.subscriptionsFilter.p50)} / ${fmt(lifecycle.after.subscriptionsFilter.p50)} (first ${fmt(lifecycle.before.subscriptionsFilter.first)}; ${lifecycle.after.subscriptionsFilter.rows} rows${lifecycle.after.subscriptionsFilter.truncated ? ', truncated' : ''})`,
        `≤ ${TARGETS.subscriptionsFilterMs} ms`,
      ],
      [
        `ledger month ${lifecycle.month.from.slice(0, 7)} (first page + totals), median before / after the run`,
        `${fmt(lifecycle.before.ledgerMonth.p50)} / ${fmt(lifecycle.after.ledgerMonth.p50)} (first ${fmt(lifecycle.before.ledgerMonth.first)}; ${lifecycle.after.ledgerMonth.pageRows} rows of ${lifecycle.after.ledgerMonth.monthCount})`,
        `≤ ${TARGETS.ledgerMonthMs} ms`,
      ],
    ];
  }
  function compensationRows() {
    if (compensation === null) return [['downtime compensation', `skipped (--only ${args.only})`, '']];
    const c = compensation;
    const tasks = (run) => (run.longTaskSupported ? `${fmt(run.longTasks.max)} (${run.longTasks.count} long tasks)` : `no Long Tasks API; timer late by ≤ ${fmt(run.timerGapMs)}`);
    return [
      [`compensation proposal: incident of ${c.date}, ${c.subscriptions} subscriptions`, `${(c.propose.ms / 1000).toFixed(2)} s (${c.lines} lines); longest task ${tasks(c.propose)}`, `≤ ${TARGETS.compensationProposeMs / 1000} s`],
      ['compensation approve all', `${(c.approve.ms / 1000).toFixed(2)} s (${(c.amount / 100).toFixed(2)} ₸ as bonuses); longest task ${tasks(c.approve)}`, `≤ ${TARGETS.compensationApproveMs / 1000} s`],
      ...[
        ['proposal', c.propose],
        ['approve all', c.approve],
      ].map(([name, run]) => [
        `${name}: the longest tasks (start from the beginning of the command)`,
        run.longTasks.longest.map((task) => `${Math.round(task.duration)} ms at ${(task.start / 1000).toFixed(2)} s`).join(', ') || 'none',
        '',
      ]),
      ...(c.breakdown === null
        ? []
        : Object.entries(c.breakdown).flatMap(([command, lines]) =>
            Object.entries(lines)
              .sort(([, a], [, b]) => a.from - b.from)
              .map(([name, line]) => [`  instrumented ${command}: ${name}`, `${line.calls} calls from ${line.from.toFixed(0)} to ${line.to.toFixed(0)} ms (calls' time summed: ${fmt(line.ms)})`, '']),
          )),
    ];
  }
  const rows = [
    ['demo data generation', generated.reused ? 'reused' : `${(generated.ms / 1000).toFixed(1)} s`, ''],
    ['raw bulkPut of the same rows (planning not timed)', raw ? `${(raw.ms / 1000).toFixed(1)} s (planning ${(raw.planMs / 1000).toFixed(1)} s of CPU)` : 'not measured', ''],
    ['generation ÷ raw bulkPut', generationVsRawRatio === null ? 'not measured' : generationVsRawRatio.toFixed(2), `≤ ${TARGETS.generationVsRawRatio}`],
    ['records', `${counts.accounts} accounts, ${counts.subscriptions} subscriptions, ${counts.ledger} ledger entries`, ''],
    ...(core === null ? [['search, account pages, accounts list', `skipped (--only ${args.only})`, '']] : core.rows),
    ...lifecycleRows(),
    ...compensationRows(),
    ['reconciliation act of 1 000 rows to PDF (median of 3 after a warm-up)', pdf === null ? `skipped (--only ${args.only})` : `${pdf.ms.toFixed(0)} ms (${pdf.pages} pages; runs ${pdf.runs.map((ms) => ms.toFixed(0)).join(', ')})`, `≤ ${TARGETS.pdf1000RowsMs} ms`],
    ['backup export (store.exportBackup)', backup === null ? `skipped (--only ${args.only})` : `${(backup.exportMs / 1000).toFixed(1)} s (${(backup.bytes / 2 ** 20).toFixed(1)} MiB, ${backup.rows} rows; heap ${backup.heapMib.before?.toFixed(0)} → peak ${backup.heapMib.exportPeak.toFixed(0)} MiB)`, `≤ ${TARGETS.backupExportMs / 1000} s`],
    ['backup restore (store.restoreBackup)', backup === null ? `skipped (--only ${args.only})` : `${(backup.restoreMs / 1000).toFixed(1)} s (heap peak ${backup.heapMib.restorePeak.toFixed(0)} MiB)`, `≤ ${TARGETS.backupRestoreMs / 1000} s`],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  console.log(`\n${'measure'.padEnd(w0)} | ${'result'.padEnd(w1)} | target`);
  console.log(`${'-'.repeat(w0)}-|-${'-'.repeat(w1)}-|-------`);
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)} | ${b.padEnd(w1)} | ${c}`);

  console.log(
    missed.length === 0
      ? `\ntargets met (samples per measure: ${samples})`
      : `\ntargets MISSED: ${missed.map(([name, value, target]) => `${name} ${typeof value === 'number' ? Number(value.toFixed(2)) : value} > ${target}`).join('; ')}`,
  );
  mkdirSync('.bench', { recursive: true });
  writeFileSync(
    '.bench/results.json',
    JSON.stringify(
      {
        at: new Date().toISOString(),
        accounts,
        subscriptions,
        ledgerEntries,
        only: args.only ?? null,
        generation_ms: generated.reused ? null : generated.ms,
        raw_bulkput_ms: raw ? raw.ms : null,
        generation_vs_raw_ratio: generationVsRawRatio,
        accounts_list_first_render_ms: core?.firstRenderMs ?? null,
        accounts_list_first_render_cold_ms: core?.listSamples[0] ?? null,
        account_page_ui_p95_ms: core?.uiAccountPage.p95 ?? null,
        account_page_ui_complete_p95_ms: core?.uiAccountPageComplete.p95 ?? null,
        renewals_run_ms: lifecycle?.renewals.ms ?? null,
        renewals_longest_task_ms: renewalsLongestTaskMs,
        subscriptions_filter_ms: subscriptionsFilterMs,
        ledger_month_ms: ledgerMonthMs,
        compensation_propose_10k_ms: compensation?.propose.ms ?? null,
        compensation_approve_10k_ms: compensation?.approve.ms ?? null,
        compensation_longest_task_ms: compensationLongestTaskMs,
        pdf_1000_rows_ms: pdf?.ms ?? null,
        backup_export_ms: backup?.exportMs ?? null,
        backup_restore_ms: backup?.restoreMs ?? null,
        backup_bytes: backup?.bytes ?? null,
        backup,
        dashboard_first_render_ms: core?.dashboardFirstRender.median ?? null,
        revenue_report_year_ms: core?.measured.revenueYear.p50 ?? null,
        dashboardFirstRender: core?.dashboardFirstRender ?? null,
        pdf,
        targets: TARGETS,
        missed: missed.map(([name]) => name),
        generated,
        raw,
        counts,
        measured: core?.measured ?? null,
        uiAccountPage: core?.uiAccountPage ?? null,
        uiAccountPageComplete: core?.uiAccountPageComplete ?? null,
        firstRenderMs: core?.firstRenderMs ?? null,
        listSamples: core?.listSamples ?? null,
        heapMb: core?.heapMb ?? null,
        lifecycle,
        compensation,
      },
      null,
      2,
    ),
  );
  if (args.strict && missed.length > 0) process.exitCode = 1;
  if (raw) {
    const dropPage = await context.newPage();
    await dropPage.goto(`${rawBase}/test/bench/bench.html`);
    await dropPage.waitForFunction(() => document.title === 'bench ready');
    await dropPage.evaluate(() => window.bench.dropScratch());
  }
  closing = true;
  await context.close();
} finally {
  stopServer();
  // The browser may still be writing its profile after a failure: never let the clean-up hide the error that ended the run.
  if (!args.profile) {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch (error) {
      console.error(`bench: could not remove the scratch profile ${profile}: ${error.message}`);
    }
  }
}

/**
 * Gets past the app's staff gate (docs/staff.md) in Russian, the default UI
 * language: the first-start setup on a fresh profile, the sign-in screen on
 * every later load (the session is kept in memory only).
 */
async function signInToApp(app) {
  // Inside the function: the run's top-level code calls this before a module-level const would be initialised.
  const BENCH_STAFF = { login: 'bench', name: 'Bench Runner', password: 'bench-password-1' };
  const nav = app.getByRole('navigation', { name: 'Разделы' });
  const setup = app.getByRole('main', { name: 'Первый запуск', exact: true });
  const signIn = app.getByRole('main', { name: 'Вход в программу', exact: true });
  await nav.or(setup).or(signIn).first().waitFor({ timeout: 120_000 });
  if (await setup.isVisible()) {
    await setup.getByRole('textbox', { name: 'Логин', exact: true }).fill(BENCH_STAFF.login);
    await setup.getByRole('textbox', { name: 'Имя и фамилия', exact: true }).fill(BENCH_STAFF.name);
    await setup.getByRole('textbox', { name: 'Пароль', exact: true }).fill(BENCH_STAFF.password);
    await setup.getByRole('textbox', { name: 'Пароль ещё раз', exact: true }).fill(BENCH_STAFF.password);
    await setup.getByRole('button', { name: 'Создать администратора', exact: true }).click();
  } else if (await signIn.isVisible()) {
    await signIn.getByRole('textbox', { name: 'Логин', exact: true }).fill(BENCH_STAFF.login);
    await signIn.getByRole('textbox', { name: 'Пароль', exact: true }).fill(BENCH_STAFF.password);
    await signIn.getByRole('button', { name: 'Войти', exact: true }).click();
  }
  await nav.waitFor({ timeout: 60_000 });
}

/** The store queries, the accounts list's first render and account pages in the real UI (everything but the lifecycle). */
async function measureCore(page) {
  // The account page's ledger card is painted when its heading is (the UI is in Russian, the default).
  const LEDGER_TITLE_RU = JSON.parse(readFileSync(new URL('../locales/ru/ledger.json', import.meta.url), 'utf8')).title;
  const context = page.context();
  console.log('Store queries…');
  const measured = await page.evaluate((n) => window.bench.measure(n), samples);
  console.log('The accounts list and account pages in the app…');

  // First render of the accounts list in the real app, on the same origin and
  // data: from the navigation's start (performance.timeOrigin) to the
  // animation frame that paints the first row, timed inside the page. Each
  // run is a fresh page load. The first one compiles the app's code (no V8
  // code cache yet: a first start after install); the result is the median
  // of all runs, and the first is reported on its own.
  const app = await context.newPage();
  if (process.env.BENCH_DEBUG) {
    app.on('close', () => console.log('  app page closed'));
    app.on('crash', () => console.log('  app page crashed'));
    app.on('pageerror', (e) => console.log(`  app page error: ${e.message}`));
    app.on('console', (m) => m.type() === 'error' && console.log(`  app console: ${m.text()}`));
  }
  await app.addInitScript(() => {
    window.__firstRow = new Promise((resolve) => {
      const found = () => document.querySelector('table tbody tr[aria-rowindex]');
      const observer = new MutationObserver(() => {
        if (!found()) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now()));
      });
      observer.observe(document, { childList: true, subtree: true });
    });
  });
  const listSamples = [];
  for (let run = 0; run < listRuns; run++) {
    if (run === 0) await app.goto(`${base}/renderer/index.html#/accounts`);
    else await app.reload();
    await signInToApp(app);
    if (process.env.BENCH_DEBUG) console.log(`  signed in (run ${run + 1}): ${app.url()}`);
    // From the moment the person is signed in (the app marks it) to the first row painted: typing and the password hash are not the list's.
    listSamples.push(Math.round(await app.evaluate(async () => (await window.__firstRow) - performance.getEntriesByName('esep:signed-in').at(-1).startTime)));
  }
  const firstRenderMs = percentile(listSamples, 50);
  const cdp = await context.newCDPSession(app);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const heapMb = metrics.JSHeapUsedSize / 2 ** 20;

  // Opening an account page in the real UI: hash navigation → balances and
  // the account's heading painted (the page paints those first and the tables
  // below in a deferred render), and → the whole page, ledger included.
  // Leave for another section first so that the previous account's balances
  // are not mistaken for this one's.
  const pageSamples = [];
  const completeSamples = [];
  for (const account of measured.sampleAccounts) {
    await app.evaluate(() => {
      location.hash = '#/catalog'; // a page that reads little (the catalog)
    });
    await app.locator('[data-testid="balance-money"]').waitFor({ state: 'detached' });
    const sample = await app.evaluate(async ({ id, name, ledgerTitle }) => {
      const t0 = performance.now();
      location.hash = `#/accounts/${id}`;
      // Checked at every animation frame: the first frame that has it is the one that paints it.
      const frameWhen = (ready) =>
        new Promise((resolve) => {
          const check = () => (ready() ? resolve(performance.now() - t0) : requestAnimationFrame(check));
          check();
        });
      const balances = await frameWhen(() => document.querySelector('[data-testid="balance-money"]') && [...document.querySelectorAll('main h2')].some((h) => h.textContent === name));
      const complete = await frameWhen(() => [...document.querySelectorAll('main section[aria-labelledby] h3')].some((h) => h.textContent === ledgerTitle));
      return { balances, complete };
    }, { ...account, ledgerTitle: LEDGER_TITLE_RU });
    pageSamples.push(sample.balances);
    completeSamples.push(sample.complete);
  }
  // The dashboard in the UI (issue 11): navigation → its five charts laid out (each has drawn its x axis), 5 fresh visits from the catalog.
  const dashboardSamples = [];
  for (let run = 0; run < 5; run++) {
    await app.evaluate(() => {
      location.hash = '#/catalog';
    });
    await app.locator('[data-testid="dashboard"]').waitFor({ state: 'detached' });
    dashboardSamples.push(
      await app.evaluate(async () => {
        const t0 = performance.now();
        location.hash = '#/reports';
        return new Promise((resolve) => {
          const check = () => (document.querySelectorAll('[data-testid="dashboard"] [data-chart] .recharts-xAxis-tick-labels').length >= 5 ? resolve(performance.now() - t0) : requestAnimationFrame(check));
          check();
        });
      }),
    );
  }
  const dashboardFirstRender = { median: percentile(dashboardSamples, 50), first: dashboardSamples[0], runs: dashboardSamples };
  pageSamples.shift(); // warm-up: the first visit loads the page's code paths
  completeSamples.shift();
  const uiAccountPage = { p50: percentile(pageSamples, 50), p95: percentile(pageSamples, 95), n: pageSamples.length };
  const uiAccountPageComplete = { p50: percentile(completeSamples, 50), p95: percentile(completeSamples, 95), n: completeSamples.length };
  await app.close();

  const rows = [
    ['search by name prefix p50 / p95', `${fmt(measured.searchName.p50)} / ${fmt(measured.searchName.p95)}`, `≤ ${TARGETS.searchP95} ms`],
    ['search by IIN/BIN prefix p50 / p95', `${fmt(measured.searchIinBinPrefix.p50)} / ${fmt(measured.searchIinBinPrefix.p95)}`, `≤ ${TARGETS.searchP95} ms`],
    ['search by full IIN/BIN p50 / p95', `${fmt(measured.searchIinBinFull.p50)} / ${fmt(measured.searchIinBinFull.p95)}`, `≤ ${TARGETS.searchP95} ms`],
    ['count of all accounts (counter read) p50 / p95', `${fmt(measured.countAccounts.p50)} / ${fmt(measured.countAccounts.p95)}`, ''],
    ['account page data (view + 200 ledger rows) p50 / p95', `${fmt(measured.accountPage.p50)} / ${fmt(measured.accountPage.p95)}`, `≤ ${TARGETS.accountPageDataP95} ms`],
    ['account page in the UI, navigation → balances painted, p50 / p95', `${fmt(uiAccountPage.p50)} / ${fmt(uiAccountPage.p95)}`, `≤ ${TARGETS.accountPageUiP95} ms`],
    ['account page in the UI, navigation → whole page (ledger) painted, p50 / p95', `${fmt(uiAccountPageComplete.p50)} / ${fmt(uiAccountPageComplete.p95)}`, ''],
    ['accounts list first render (navigation → first row painted), median of page loads', `${firstRenderMs} ms (runs: ${listSamples.join(', ')})`, `≤ ${TARGETS.accountsListFirstRenderMs} ms`],
    ['accounts list first render, first load (no code cache yet)', `${listSamples[0]} ms`, ''],
    ['renderer JS heap after the list', `${heapMb.toFixed(1)} MiB`, ''],
    ['dashboard first render (navigation → five charts laid out), median of 5 / first', `${fmt(dashboardFirstRender.median)} / ${fmt(dashboardFirstRender.first)}`, `≤ ${TARGETS.dashboardFirstRenderMs} ms`],
    ['dashboard data (store.dashboard) p50 / p95', `${fmt(measured.dashboardData.p50)} / ${fmt(measured.dashboardData.p95)}`, ''],
    ["a calendar year's revenue report (store.revenueReport) p50 / p95", `${fmt(measured.revenueYear.p50)} / ${fmt(measured.revenueYear.p95)}`, `≤ ${TARGETS.revenueReportYearMs} ms`],
  ];
  return { measured, uiAccountPage, uiAccountPageComplete, firstRenderMs, listSamples, heapMb, dashboardFirstRender, rows };
}

/**
 * The print measure: a reconciliation act of 1 000 movements built with the
 * real core (scripts/sample), printed through print.html in headless
 * Chromium like `npm run reports:sample`; one warm-up, then the median of 3.
 */
async function measurePdf(rows = 1000) {
  const { ensureRenderer, loadDataset, serveRenderer, launchChromium, printPayload } = await import('./sample/print-pdf.mjs');
  console.log(`Print: a reconciliation act of ${rows} rows to PDF…`);
  ensureRenderer();
  const { buildLargeReconciliation } = await loadDataset();
  const document = await buildLargeReconciliation(rows);
  const server = await serveRenderer();
  const browser = await launchChromium();
  const dir = mkdtempSync(join(tmpdir(), 'bench-pdf-'));
  try {
    const payload = { kind: 'document', document, language: 'ru' };
    const file = join(dir, 'reconciliation.pdf');
    await printPayload(browser, server.base, payload, file);
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await printPayload(browser, server.base, payload, file));
    const pages = (readFileSync(file, 'latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    return { ms: [...runs].sort((a, b) => a - b)[1], runs, rows: document.content.rows.length, pages };
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
