import { describe, expect, it } from 'vitest';
import { VAT_RATES } from '../../shared/billing';
import { DEMO_REQUISITES } from '../../core/demo/generate';
import { compensationTotalKey } from '../../core/counters';
import type { LedgerEntry } from '../../core';
import { accountInput, commandErrorOf, freshStore, opId, validBin, type TestStore } from './helpers';

/**
 * The reports (issue 11) as worked examples over one small book, written
 * through the commands with the clock pinned and moved between steps:
 *
 * - 1 March 2026: four clients. «Арман» (20 000 ₸ paid), «Бірлік» (9 000 ₸)
 *   and «Дала» (9 000 ₸) take Cloud 1C server S (9 000 ₸ a month);
 *   «Ерлік» (12 000 ₸) takes ONEbuh Standard (12 000 ₸ a month).
 * - 5 March: Cloud 1C down 10:00–14:30 (the provider's fault): 4 full hours,
 *   4 % of 9 000 ₸ = 360 ₸ each. Approved for «Арман», rejected for «Бірлік».
 * - 10 March: Cloud 1C down 2 h by force majeure: excluded (001 §8.5).
 * - 10 March: «Ерлік» cancels ONEbuh (whose terms promise no 14-day full
 *   refund): the unused 22 of 31 days, 8 516,13 ₸, approved on the 12th.
 * - 20 March: «Бірлік» cancels: the unused 12 of 31 days, 3 483,87 ₸, left undecided.
 * - 1 April: the renewal run renews «Арман» (360 ₸ from bonuses, 8 640 ₸
 *   from money) and suspends «Дала» (no money left): a debtor, deleted on 15 April.
 */

const SERVER_S = 'tar-cloud1c-s';
let clients = 0;

async function client(store: TestStore, name: string, money: number, tariffId: string) {
  clients += 1;
  const account = await store.createAccount({ ...accountInput({ iinBin: validBin(700 + clients), name }), opId: opId() });
  await store.recordPayment({ accountId: account.id, amount: money, date: '2026-03-01', method: 'bank_transfer', opId: opId() });
  const created = await store.createSubscription({ accountId: account.id, tariffId, startDate: '2026-03-01', autoRenew: true, opId: opId() });
  const subscription = await store.activateSubscription({ subscriptionId: created.id, opId: opId() });
  return { account, subscription };
}

async function book() {
  const store = await freshStore('2026-03-01T10:00:00+05:00');
  await store.saveProviderRequisites({ ...DEMO_REQUISITES, opId: opId() });
  const arman = await client(store, 'ТОО «Арман»', 2_000_000, SERVER_S);
  const birlik = await client(store, 'ТОО «Бірлік»', 900_000, SERVER_S);
  const dala = await client(store, 'ТОО «Дала»', 900_000, SERVER_S);
  const erlik = await client(store, 'ТОО «Ерлік»', 1_200_000, 'tar-onebuh-standard');

  store.setNow('2026-03-10T18:00:00+05:00');
  const outage = await store.recordIncident({ serviceId: 'svc-cloud1c', start: '2026-03-05T10:00:00+05:00', end: '2026-03-05T14:30:00+05:00', cause: 'provider', source: 'monitoring', opId: opId() });
  const storm = await store.recordIncident({ serviceId: 'svc-cloud1c', start: '2026-03-10T08:00:00+05:00', end: '2026-03-10T10:00:00+05:00', cause: 'force_majeure', source: 'monitoring', opId: opId() });
  const proposed = await store.proposeCompensations({ incidentId: outage.id, opId: opId() });
  const excluded = await store.proposeCompensations({ incidentId: storm.id, opId: opId() });
  const forArman = proposed.find((c) => c.subscriptionId === arman.subscription.id)!;
  const forBirlik = proposed.find((c) => c.subscriptionId === birlik.subscription.id)!;
  await store.approveCompensation({ compensationId: forArman.id, opId: opId() });
  await store.rejectCompensation({ compensationId: forBirlik.id, reason: 'Сервер клиента был выключен', opId: opId() });
  const { refund: early } = await store.cancelSubscription({ subscriptionId: erlik.subscription.id, date: '2026-03-10', opId: opId() });

  store.setNow('2026-03-12T11:00:00+05:00');
  await store.approveRefund({ refundId: early!.id, opId: opId() });

  store.setNow('2026-03-20T11:00:00+05:00');
  const { refund: prorated } = await store.cancelSubscription({ subscriptionId: birlik.subscription.id, date: '2026-03-20', opId: opId() });

  store.setNow('2026-04-01T09:00:00+05:00');
  await store.runRenewals({ date: '2026-04-01', opId: opId() });
  return { store, arman, birlik, dala, erlik, outage, storm, forArman, forBirlik, excluded, early: early!, prorated: prorated! };
}

/** Money-bucket sums of the revenue kinds from a scan of every entry (what the counters must agree with). */
function scanRevenue(entries: readonly LedgerEntry[], from: string, to: string, serviceId: string) {
  const inRange = entries.filter((e) => e.businessDate >= from && e.businessDate <= to && e.serviceId === serviceId);
  const sum = (kinds: string[], bucket: 'money' | 'bonus') => inRange.filter((e) => kinds.includes(e.kind) && e.bucket === bucket).reduce((s, e) => s + e.amount, 0);
  const charges = 0 - sum(['period_charge', 'tariff_change_charge'], 'money');
  const credits = sum(['tariff_change_credit'], 'money');
  const refunds = sum(['refund'], 'money');
  return { charges, credits, refunds, net: charges - credits - refunds, bonus: 0 - sum(['period_charge', 'tariff_change_charge', 'tariff_change_credit', 'refund'], 'bonus') };
}

describe('the compensation report: per incident and client, with who decided and the excluded lines with their clause', () => {
  it('lists March incidents of Cloud 1C with hours, percent, amounts and decisions; approved equals the ledger', async () => {
    const { store, arman, birlik, dala, outage, storm, forArman } = await book();
    const report = await store.compensationReport({ from: '2026-03-01', to: '2026-03-31', serviceId: 'svc-cloud1c', now: '2026-04-02T10:00:00+05:00' });
    expect(report).toMatchObject({ kind: 'compensation', from: '2026-03-01', to: '2026-03-31', service: { id: 'svc-cloud1c' }, provider: DEMO_REQUISITES.name });
    expect(report.incidents.map((i) => [i.incidentId, i.cause, i.durationMinutes])).toEqual([
      [outage.id, 'provider', 270],
      [storm.id, 'force_majeure', 120],
    ]);
    const [first, second] = report.incidents;
    expect(first!.lines.map((l) => [l.accountName, l.hours, l.percent, l.amount, l.status, l.decidedBy, l.excluded, l.clause])).toEqual([
      ['ТОО «Арман»', 4, 4, 36_000, 'approved', 'tester', false, null],
      ['ТОО «Бірлік»', 4, 4, 36_000, 'rejected', 'tester', false, null],
      ['ТОО «Дала»', 4, 4, 36_000, 'requested', null, false, null],
    ]);
    expect(second!.lines.map((l) => [l.accountName, l.hours, l.amount, l.excluded, l.reason, l.clause])).toEqual([
      ['ТОО «Арман»', 2, 0, true, 'force_majeure', '001 §8.5'],
      ['ТОО «Бірлік»', 2, 0, true, 'force_majeure', '001 §8.5'],
      ['ТОО «Дала»', 2, 0, true, 'force_majeure', '001 §8.5'],
    ]);
    expect(report.totals).toEqual({
      incidents: 2,
      lines: 6,
      excluded: 3,
      hours: 18,
      requested: { count: 4, amount: 36_000 },
      approved: { count: 1, amount: 36_000 },
      rejected: { count: 1, amount: 36_000 },
    });
    // The approved total is what the ledger credited for these lines, as bonuses.
    const lineIds = new Set(report.incidents.flatMap((i) => i.lines.map((l) => l.compensationId)));
    const credited = (await store.db.ledger.toArray()).filter((e) => e.kind === 'compensation' && lineIds.has(e.compensationId!));
    expect(credited.map((e) => [e.bucket, e.amount, e.compensationId])).toEqual([['bonus', 36_000, forArman.id]]);
    expect(credited.reduce((s, e) => s + e.amount, 0)).toBe(report.totals.approved.amount);
    expect([arman, birlik, dala].every(({ account }) => first!.lines.some((l) => l.accountId === account.id))).toBe(true);

    // Another service, or another month: nothing.
    expect((await store.compensationReport({ from: '2026-03-01', to: '2026-03-31', serviceId: 'svc-onebuh' })).incidents).toEqual([]);
    expect((await store.compensationReport({ from: '2026-03-06', to: '2026-03-09' })).totals.lines).toBe(0);
  });
});

describe('the refunds register: requested, due, decided, overdue', () => {
  it('shows the refund decided in time and the one overdue on the report day; approved equals the ledger', async () => {
    const { store, early, prorated } = await book();
    expect(prorated.quote).toEqual({ kind: 'prorated', amount: 348_387 });
    const dayAfterDue = (await import('../../shared/billing')).addDays(prorated.dueDate, 3);
    const report = await store.refundsReport({ from: '2026-03-01', to: '2026-03-31', now: `${dayAfterDue}T10:00:00+05:00` });
    expect(report.asOf).toBe(dayAfterDue);
    expect(report.rows.map((r) => [r.accountName, r.quoteKind, r.amount, r.requestedDate, r.dueDate, r.status, r.decidedDate, r.decidedBy, r.daysOverdue])).toEqual([
      ['ТОО «Ерлік»', 'prorated', 851_613, '2026-03-10', early.dueDate, 'approved', '2026-03-12', 'tester', 0],
      ['ТОО «Бірлік»', 'prorated', 348_387, '2026-03-20', prorated.dueDate, 'requested', null, null, 3],
    ]);
    expect(report.totals).toEqual({
      all: { count: 2, amount: 1_200_000 },
      requested: { count: 1, amount: 348_387 },
      approved: { count: 1, amount: 851_613 },
      rejected: { count: 0, amount: 0 },
      overdue: { count: 1, amount: 348_387 },
      decidedLate: { count: 0, amount: 0 },
    });
    const refunded = (await store.db.ledger.toArray()).filter((e) => e.kind === 'refund');
    expect(refunded.reduce((s, e) => s + e.amount, 0)).toBe(report.totals.approved.amount);

    // The service filter keeps the ONEbuh refund only; a range before the requests holds none.
    expect((await store.refundsReport({ from: '2026-03-01', to: '2026-03-31', serviceId: 'svc-onebuh' })).rows.map((r) => r.refundId)).toEqual([early.id]);
    expect((await store.refundsReport({ from: '2026-02-01', to: '2026-03-09' })).rows).toEqual([]);
  });
});

describe('the revenue report: charges net of credits and refunds, by month and service, VAT at the dated rate', () => {
  it('March and April 2026: Cloud 1C and ONEbuh, bonuses apart; every cell equals a scan of the ledger', async () => {
    const { store } = await book();
    const report = await store.revenueReport({ from: '2026-03-01', to: '2026-04-30', now: '2026-04-02T10:00:00+05:00' });
    const cell = (month: string, serviceId: string) => {
      const { serviceId: _id, ...rest } = report.months.find((m) => m.month === month)!.cells.find((c) => c.serviceId === serviceId)!;
      return rest;
    };
    // Three servers charged in March (27 000 ₸), VAT 16/116 of it rounded once: 3 724,14 ₸.
    expect(cell('2026-03', 'svc-cloud1c')).toEqual({ charges: 2_700_000, credits: 0, refunds: 0, net: 2_700_000, vat: 372_414, bonus: 0 });
    // «Арман» renewed in April: 8 640 ₸ of money, 360 ₸ of bonuses (not revenue).
    expect(cell('2026-04', 'svc-cloud1c')).toEqual({ charges: 864_000, credits: 0, refunds: 0, net: 864_000, vat: 119_172, bonus: 36_000 });
    // ONEbuh: 12 000 ₸ charged, 8 516,13 ₸ refunded: 3 483,87 ₸ earned, of which VAT 480,53 ₸.
    expect(cell('2026-03', 'svc-onebuh')).toEqual({ charges: 1_200_000, credits: 0, refunds: 851_613, net: 348_387, vat: 48_053, bonus: 0 });
    expect(report.months.map((m) => [m.month, m.vatRate, m.total.net])).toEqual([
      ['2026-03', 16, 3_048_387],
      ['2026-04', 16, 864_000],
    ]);
    expect(report.total).toMatchObject({ charges: 4_764_000, refunds: 851_613, net: 3_912_387, vat: 372_414 + 48_053 + 119_172, bonus: 36_000 });
    expect(report.byService.find((s) => s.serviceId === 'svc-cloud1c')).toMatchObject({ net: 3_564_000 });

    const entries = await store.db.ledger.toArray();
    for (const month of report.months) {
      for (const c of month.cells) {
        const scanned = scanRevenue(entries, `${month.month}-01`, `${month.month}-31`, c.serviceId);
        expect({ charges: c.charges, credits: c.credits, refunds: c.refunds, net: c.net, bonus: c.bonus }).toEqual(scanned);
      }
    }
  });

  it('a range that cuts months (counters for whole months, index scans for the rest) equals the scan; a service filter keeps its column', async () => {
    const { store } = await book();
    const entries = await store.db.ledger.toArray();
    for (const [from, to] of [
      ['2026-03-02', '2026-04-30'],
      ['2026-03-01', '2026-03-11'],
      ['2026-03-11', '2026-04-01'],
      ['2026-04-01', '2026-04-01'],
    ] as const) {
      const report = await store.revenueReport({ from, to, serviceId: 'svc-cloud1c' });
      expect(report.services.map((s) => s.id)).toEqual(['svc-cloud1c']);
      const { vat: _vat, ...total } = report.total;
      expect(total).toEqual(scanRevenue(entries, from, to, 'svc-cloud1c'));
    }
  });

  it('VAT rates change on the first of a month only (the report reads whole months of totals)', () => {
    // Guard: a rate from the middle of a month would need its month split in two.
    expect(VAT_RATES.every((rate) => rate.validFrom === null || rate.validFrom.endsWith('-01'))).toBe(true);
  });

  it('refuses a range that ends before it starts and a service that does not exist, in the user\'s words', async () => {
    const store = await freshStore();
    expect(await commandErrorOf(store.revenueReport({ from: '2026-04-01', to: '2026-03-01' }))).toMatchObject({ code: 'errors:reports.rangeInvalid', field: 'to' });
    expect(await commandErrorOf(store.revenueReport({ from: '2026-03-01', to: '2026-03-31', serviceId: 'svc-none' }))).toMatchObject({ code: 'errors:service.notFound', field: 'serviceId' });
    expect(await commandErrorOf(store.compensationReport({ from: '2026-02-30', to: '2026-03-31' }))).toMatchObject({ code: 'errors:date.invalid', field: 'from' });
  });
});

describe('the availability report: per service and year, the 99.8 % budget used and every incident', () => {
  it('counts the provider outage and the force-majeure one as downtime; a planned work announced in time is listed but not counted', async () => {
    const { store, outage, storm } = await book();
    const announced = await store.recordIncident({
      serviceId: 'svc-cloud1c',
      start: '2026-03-28T02:00:00+05:00',
      end: '2026-03-28T03:00:00+05:00',
      cause: 'planned',
      announcedAt: '2026-03-25T10:00:00+05:00',
      source: 'monitoring',
      opId: opId(),
    });
    const report = await store.availabilityReport({ year: 2026, serviceId: 'svc-cloud1c', now: '2026-04-02T10:00:00+05:00' });
    expect(report).toMatchObject({ kind: 'availability', year: 2026, from: '2026-01-01', to: '2026-12-31' });
    const [cloud] = report.services;
    // 4 h 30 min + 2 h = 390 minutes of 525 600: 99.92 % (rounded down), 390 of the 1 051.2 allowed minutes: 37.10 %.
    expect(cloud).toMatchObject({ downtimeMinutes: 390, availabilityBp: 9992, targetBp: 9980, guaranteeBp: 9980, budgetMinutes: 1051.2, budgetUsedBp: 3710, meetsTarget: true });
    expect(cloud!.incidents.map((i) => [i.incidentId, i.minutes, i.counted])).toEqual([
      [outage.id, 270, true],
      [storm.id, 120, true],
      [announced.id, 60, false],
    ]);
    // Every service when none is asked for, in catalog order.
    const all = await store.availabilityReport({ year: 2026 });
    expect(all.services.map((s) => s.service.id)).toEqual((await store.listServices()).map((s) => s.id));
  });
});

describe('the debtors report: suspended subscriptions, the amount due and the days left before deletion', () => {
  it('«Дала», suspended on 1 April with nothing on its balance, owes 9 000 ₸ and is deleted on 15 April', async () => {
    const { store, dala } = await book();
    const report = await store.debtorsReport({ now: '2026-04-05T10:00:00+05:00' });
    expect(report.rows.map((r) => [r.accountName, r.subscriptionId, r.suspendedSince, r.price, r.covered, r.amountDue, r.deletionDate, r.daysLeft])).toEqual([
      ['ТОО «Дала»', dala.subscription.id, '2026-04-01', 900_000, 0, 900_000, '2026-04-15', 10],
    ]);
    expect(report.totals).toEqual({ count: 1, amountDue: 900_000, deletedWithinWeek: 0 });
    // What the client owes follows the ledger: a part payment lowers it.
    store.setNow('2026-04-05T10:00:00+05:00');
    await store.recordPayment({ accountId: dala.account.id, amount: 400_000, date: '2026-04-05', method: 'kaspi', opId: opId() });
    const after = await store.debtorsReport({ now: '2026-04-09T10:00:00+05:00' });
    expect(after.rows.map((r) => [r.covered, r.amountDue, r.daysLeft])).toEqual([[400_000, 500_000, 6]]);
    expect(after.totals.deletedWithinWeek).toBe(1);
    expect((await store.debtorsReport({ serviceId: 'svc-onebuh' })).rows).toEqual([]);
  });
});

describe('monthly aggregates: what the commands keep equals a scan of the rows', () => {
  it('the compensation totals by month and status follow every proposal and decision', async () => {
    const { store } = await book();
    const expected = new Map<string, number>();
    for (const c of await store.db.compensations.toArray()) {
      const add = (what: 'n' | 'hours' | 'amount', value: number) => expected.set(compensationTotalKey(c.month, c.status, what), (expected.get(compensationTotalKey(c.month, c.status, what)) ?? 0) + value);
      add('n', 1);
      add('hours', c.quote.hours);
      add('amount', c.quote.amount);
    }
    const stored = (await store.db.counters.where('key').startsWith('compensations:').toArray()).filter((row) => row.value !== 0);
    expect(new Map(stored.map((row) => [row.key, row.value]))).toEqual(new Map([...expected].filter(([, v]) => v !== 0)));
    expect(expected.get('compensations:amount:2026-03:approved')).toBe(36_000);
    expect(expected.get('compensations:hours:2026-03:requested')).toBe(4 + 2 * 3);
  });
});

describe('the dashboard', () => {
  it('reads a year of revenue, subscriptions by status, compensation by month, availability and refunds due', async () => {
    const { store, prorated } = await book();
    const data = await store.dashboard({ now: '2026-04-02T10:00:00+05:00' });
    expect(data.today).toBe('2026-04-02');
    expect(data.revenue.months.map((m) => m.month)).toEqual([
      '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04',
    ]);
    expect(data.revenue.months.slice(-2).map((m) => m.total.net)).toEqual([3_048_387, 864_000]);
    const statuses = Object.fromEntries(data.subscriptions.map((s) => [s.status, s.count]));
    expect(statuses).toMatchObject({ active: 1, suspended: 1, cancelled: 2, pending_payment: 0 });
    expect(data.subscriptions.reduce((s, row) => s + row.count, 0)).toBe(await store.db.subscriptions.count());
    expect(data.compensation.find((m) => m.month === '2026-03')).toEqual({ month: '2026-03', count: 6, hours: 18, approved: 36_000, requested: 36_000, rejected: 36_000 });
    expect(data.availability.services.find((s) => s.service.id === 'svc-cloud1c')).toMatchObject({ downtimeMinutes: 390 });
    // The prorated refund is due after 2 April: due later than a week ahead or within it, never overdue yet.
    const due = data.refundsDue;
    expect(due.overdue).toEqual({ count: 0, amount: 0 });
    expect(due.dueWithinWeek.amount + due.later.amount).toBe(prorated.quote.amount);
  });
});
