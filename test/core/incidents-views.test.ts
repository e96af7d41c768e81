import { describe, expect, it } from 'vitest';
import type { Incident, Tariff } from '../../core';
import { accountInput, commandErrorOf, freshStore, opId, validBin, type TestStore } from './helpers';

/** The incident screens' queries over a small book written through the commands. */

let clients = 0;
async function activeSubscription(store: TestStore, tariffId: string, money: number, start = '2026-03-01') {
  clients += 1;
  const account = await store.createAccount({ ...accountInput({ iinBin: validBin(900 + clients), name: `ТОО «Бұлт ${clients}»` }), opId: opId() });
  await store.recordPayment({ accountId: account.id, amount: money, date: start, method: 'bank_transfer', opId: opId() });
  const sub = await store.createSubscription({ accountId: account.id, tariffId, startDate: start, opId: opId() });
  return { account, subscription: await store.activateSubscription({ subscriptionId: sub.id, opId: opId() }) };
}

async function book() {
  const store = await freshStore('2026-03-01T10:00:00+05:00');
  const tariff: Tariff = {
    id: 'c-15k',
    serviceId: 'svc-cloud1c',
    code: 'c-15k',
    name: { kk: 'Бұлт 15', ru: 'Облако 15' },
    billingMonths: 1,
    prices: [{ from: '2020-01-01', price: 1_500_000 }],
    limits: {},
    active: true,
    sortOrder: 100,
  };
  await store.db.tariffs.add(tariff);
  const a = await activeSubscription(store, 'c-15k', 1_500_000);
  const b = await activeSubscription(store, 'tar-cloud1c-s', 900_000);
  await activeSubscription(store, 'tar-site-card', 250_000);
  await activeSubscription(store, 'tar-prosto-micro', 3_000_000);
  store.setNow('2026-04-01T03:30:00+05:00');
  const rec = (spec: Partial<Parameters<TestStore['recordIncident']>[0]> & { start: string }) =>
    store.recordIncident({ serviceId: 'svc-cloud1c', cause: 'provider', source: 'monitoring', ...spec, opId: opId() });
  const i: Record<string, Incident> = {};
  i.provider = await rec({ start: '2026-03-05T10:00:00+05:00', end: '2026-03-05T14:30:00+05:00' });
  i.announced = await rec({ start: '2026-03-10T02:00:00+05:00', end: '2026-03-10T04:00:00+05:00', cause: 'planned', announcedAt: '2026-03-08T02:00:00+05:00' });
  i.late = await rec({ start: '2026-03-12T02:00:00+05:00', end: '2026-03-12T05:00:00+05:00', cause: 'planned', announcedAt: '2026-03-10T02:01:00+05:00' });
  i.site = await rec({ serviceId: 'svc-site-builder', start: '2026-03-20T10:00:00+05:00', end: '2026-03-20T12:00:00+05:00', cause: 'force_majeure' });
  i.prosto = await rec({ serviceId: 'svc-prosto', start: '2026-03-25T10:00:00+05:00', end: '2026-03-25T12:00:00+05:00' });
  i.open = await rec({ start: '2026-03-31T20:30:00Z' });
  i.onlyB = await rec({ start: '2025-12-31T22:00:00+05:00', end: '2026-01-01T02:00:00+05:00', subscriptionIds: [b.subscription.id] });
  i.onlyA = await rec({ start: '2026-02-10T10:00:00+05:00', end: '2026-02-10T11:00:00+05:00', subscriptionIds: [a.subscription.id] });

  const first = await store.proposeCompensations({ incidentId: i.provider.id, opId: opId() });
  await store.approveCompensation({ compensationId: first.find((c) => c.subscriptionId === a.subscription.id)!.id, opId: opId() });
  store.setNow('2026-04-01T03:35:00+05:00');
  const second = await store.proposeCompensations({ incidentId: i.late.id, opId: opId() });
  await store.rejectCompensation({ compensationId: second.find((c) => c.subscriptionId === b.subscription.id)!.id, reason: 'Сервер клиента был выключен', opId: opId() });
  return { store, a, b, i };
}

describe('listIncidents', () => {
  it('lists newest first with the affected count, duration, exclusion and compensation summary; filters combine', async () => {
    const { store, i } = await book();
    const ids = async (filter: Parameters<TestStore['listIncidents']>[0]) => (await store.listIncidents(filter)).rows.map((r) => r.id);
    expect(await ids({})).toEqual([i.open, i.prosto, i.site, i.late, i.announced, i.provider, i.onlyA, i.onlyB].map((x) => x!.id));
    expect(await ids({ serviceId: 'svc-cloud1c' })).toEqual([i.open, i.late, i.announced, i.provider, i.onlyA, i.onlyB].map((x) => x!.id));
    // 2026-03-31T20:30Z is 1 April in Almaty.
    expect(await ids({ month: '2026-03' })).toEqual([i.prosto, i.site, i.late, i.announced, i.provider].map((x) => x!.id));
    expect(await ids({ month: '2026-04' })).toEqual([i.open!.id]);
    expect(await ids({ serviceId: 'svc-cloud1c', month: '2026-01' })).toEqual([]);
    expect(await ids({ serviceId: 'svc-cloud1c', month: '2025-12' })).toEqual([i.onlyB!.id]);
    expect(await ids({ cause: 'planned' })).toEqual([i.late!.id, i.announced!.id]);
    expect(await ids({ status: 'open' })).toEqual([i.open!.id]);
    expect(await ids({ status: 'closed', serviceId: 'svc-cloud1c', month: '2026-03' })).toEqual([i.late, i.announced, i.provider].map((x) => x!.id));
    const limited = await store.listIncidents({ limit: 2 });
    expect({ ids: limited.rows.map((r) => r.id), truncated: limited.truncated, limit: limited.limit }).toEqual({ ids: [i.open!.id, i.prosto!.id], truncated: true, limit: 2 });
    expect((await store.listIncidents({})).truncated).toBe(false);

    const rows = new Map((await store.listIncidents({})).rows.map((r) => [r.id, r]));
    const provider = rows.get(i.provider!.id)!;
    expect(provider).toMatchObject({
      status: 'closed',
      affectedCount: 2,
      durationMinutes: 270,
      exclusion: null,
      proposal: 'proposed',
      serviceName: { ru: 'Облачные серверы 1С' },
      compensation: { requested: 1, approved: 1, rejected: 0, amountRequested: 36_000, amountApproved: 60_000 },
    });
    expect(provider).not.toHaveProperty('subscriptionIds');
    expect(rows.get(i.late!.id)).toMatchObject({ exclusion: null, compensation: { requested: 1, approved: 0, rejected: 1, amountRequested: 45_000, amountApproved: 0 } });
    expect(rows.get(i.announced!.id)).toMatchObject({ exclusion: 'planned_announced', proposal: 'none', compensation: null });
    expect(rows.get(i.site!.id)).toMatchObject({ exclusion: 'force_majeure', proposal: 'none', affectedCount: 1 });
    expect(rows.get(i.prosto!.id)).toMatchObject({ proposal: 'not_applicable', compensation: null });
    expect(rows.get(i.open!.id)).toMatchObject({ status: 'open', end: null, durationMinutes: null, proposal: 'none' });
  });

  it('refuses a malformed filter', async () => {
    const store = await freshStore();
    expect(await commandErrorOf(store.listIncidents({ month: '2026-13' }))).toMatchObject({ code: 'errors:month.invalid', field: 'month' });
    expect(await commandErrorOf(store.listIncidents({ cause: 'meteor' as 'provider' }))).toMatchObject({ code: 'errors:incident.causeInvalid', field: 'cause' });
  });
});

describe('getIncident', () => {
  it('gives the compensation table: client, tariff, exact fee, hours, percent, the cap others used, the decision', async () => {
    const { store, a, b, i } = await book();
    const detail = (await store.getIncident(i.provider!.id))!;
    expect(detail).toMatchObject({
      service: { id: 'svc-cloud1c' },
      status: 'closed',
      durationMinutes: 270,
      hours: 4,
      exclusion: null,
      planned: null,
      policy: { percentPerHour: 1, monthlyCapPercent: 100 },
      month: '2026-03',
      proposal: 'proposed',
      summary: { requested: 1, approved: 1, rejected: 0 },
    });
    const lines = new Map(detail.lines.map((l) => [l.subscriptionId, l]));
    expect(lines.get(a.subscription.id)).toMatchObject({
      accountId: a.account.id,
      accountName: a.account.name,
      tariff: { id: 'c-15k', name: { kk: 'Бұлт 15', ru: 'Облако 15' } },
      periodStart: '2026-03-01',
      periodPrice: 1_500_000,
      billingMonths: 1,
      monthlyFee: { numerator: 1_500_000, denominator: 1 },
      minutes: 270,
      hours: 4,
      percentPerHour: 1,
      percent: 4,
      monthlyCapPercent: 100,
      // The late planned works of 12 March, still requested, take 45 000 of A's March cap.
      usedByOthers: 45_000,
      status: 'approved',
      decidedBy: 'tester',
      quote: { hours: 4, amount: 60_000, excluded: false },
    });
    // B's share of the late planned works was rejected: it takes nothing.
    expect(lines.get(b.subscription.id)).toMatchObject({ tariff: { id: 'tar-cloud1c-s' }, usedByOthers: 0, status: 'requested', quote: { amount: 36_000 } });
    expect((await store.getIncident(i.late!.id))!.lines.find((l) => l.subscriptionId === b.subscription.id)).toMatchObject({
      status: 'rejected',
      decisionReason: 'Сервер клиента был выключен',
    });
    expect(await store.getIncident('nope')).toBeNull();
  });

  it('planned works: the notice they were given and whether it counts as downtime (48-hour rule)', async () => {
    const { store, i } = await book();
    expect((await store.getIncident(i.announced!.id))!).toMatchObject({
      exclusion: 'planned_announced',
      proposal: 'none',
      lines: [],
      planned: { announcedAt: '2026-03-07T21:00:00.000Z', noticeMinutes: 2880, requiredHours: 48, countsAsDowntime: false },
    });
    expect((await store.getIncident(i.late!.id))!.planned).toEqual({ announcedAt: '2026-03-09T21:01:00.000Z', noticeMinutes: 2879, requiredHours: 48, countsAsDowntime: true });
    expect((await store.getIncident(i.open!.id))!).toMatchObject({ status: 'open', durationMinutes: null, hours: null, month: '2026-04', planned: null });
  });
});

describe('compensationsOfAccount', () => {
  it('lists a client’s compensations newest first with the incident’s start, cause and service', async () => {
    const { store, a, i } = await book();
    const rows = await store.compensationsOfAccount(a.account.id);
    expect(rows.map((r) => [r.incidentId, r.incidentStart, r.cause, r.serviceId, r.status, r.quote.amount])).toEqual([
      [i.late!.id, '2026-03-11T21:00:00.000Z', 'planned', 'svc-cloud1c', 'requested', 45_000],
      [i.provider!.id, '2026-03-05T05:00:00.000Z', 'provider', 'svc-cloud1c', 'approved', 60_000],
    ]);
    expect(rows[0]!.serviceName).toEqual({ kk: expect.any(String), ru: 'Облачные серверы 1С' });
    expect(await store.compensationsOfAccount('nobody')).toEqual([]);
  });
});

describe('availability', () => {
  it('per service with a guarantee and per subscription: downtime, availability, the 99.8 % budget used', async () => {
    const { store, b } = await book();
    const result = await store.availability({ year: 2026, subscriptionId: b.subscription.id, asOf: '2026-04-01T03:30:00+05:00' });
    expect(result.asOf).toBe('2026-03-31T22:30:00.000Z');
    expect(result.services.map((s) => s.serviceId)).toEqual(['svc-cloud1c', 'svc-site-builder']);
    const [cloud, site] = result.services;
    // 4 h 30 + 3 h (late planned works) + 2 h (open since 01:30, counted up to asOf) + 2 h of the New Year incident in 2026
    // + 1 h (A only) = 750 minutes; the planned works announced 48 h ahead do not count.
    expect(cloud).toMatchObject({ guaranteeBp: 9980, incidents: 5, excludedPlanned: 1, open: 1 });
    expect(cloud!.report).toMatchObject({
      year: 2026,
      hoursInYear: 8760,
      downtimeMinutes: 750,
      downtimeMs: 750 * 60_000,
      availabilityBp: 9985,
      targetBp: 9980,
      budgetHours: 17.52,
      budgetUsedBp: 7135,
      meetsTarget: true,
    });
    // Force majeure is no compensation, but it is downtime.
    expect(site).toMatchObject({ incidents: 1, excludedPlanned: 0, open: 0, report: { downtimeMinutes: 120, availabilityBp: 9997, budgetUsedBp: 1142 } });
    // B was not in the incident of 10 February.
    expect(result.subscription).toMatchObject({ subscriptionId: b.subscription.id, serviceId: 'svc-cloud1c', incidents: 4, report: { downtimeMinutes: 690, availabilityBp: 9986, budgetUsedBp: 6564 } });

    // The year before: the last two hours of 31 December only.
    expect((await store.availability({ year: 2025, serviceId: 'svc-cloud1c', asOf: '2026-04-01T03:30:00+05:00' })).services[0]!.report.downtimeMinutes).toBe(120);
    // A leap year's budget is 17.568 h.
    expect((await store.availability({ year: 2028, asOf: '2026-04-01T03:30:00+05:00' })).services[0]!.report).toMatchObject({ budgetHours: 17.568, downtimeMs: 0, availabilityBp: 10000 });
    // Later, the open incident has lasted longer.
    const later = await store.availability({ year: 2026, serviceId: 'svc-cloud1c', asOf: '2026-04-01T05:30:00+05:00' });
    expect(later.services[0]!.report.downtimeMinutes).toBe(870);
    expect(later.subscription).toBeNull();
  });

  it('a service without a guarantee only when asked; unknown records and years are refused', async () => {
    const store = await freshStore();
    const onebuh = await store.availability({ year: 2026, serviceId: 'svc-onebuh' });
    expect(onebuh.services).toMatchObject([{ serviceId: 'svc-onebuh', guaranteeBp: null, incidents: 0, report: { downtimeMs: 0 } }]);
    expect(await commandErrorOf(store.availability({ year: 2026, serviceId: 'nope' }))).toMatchObject({ code: 'errors:service.notFound', field: 'serviceId' });
    expect(await commandErrorOf(store.availability({ year: 2026, subscriptionId: 'nope' }))).toMatchObject({ code: 'errors:subscription.notFound', field: 'subscriptionId' });
    expect(await commandErrorOf(store.availability({ year: 1999 }))).toMatchObject({ code: 'errors:validation.invalid', field: 'year' });
  });
});
