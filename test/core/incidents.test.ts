import { describe, expect, it } from 'vitest';
import type { Compensation } from '../../core';
import type { Cause } from '../../shared/billing';
import { BULK_READS } from '../../core/commands/incidents';
import { SLICES } from '../../core/tx';
import { accountInput, addTariffs, commandErrorOf, countersByScan, expectStatement, freshStore, opId, storedCounters, tableCounts, validBin, type TestStore } from './helpers';

/**
 * Incidents and downtime compensation (domain-rules §4.3, §4.4, §6), Kill
 * Bill style: the clock is pinned and moved, every number is the one a
 * person can check by hand, and a client's whole statement is compared.
 */


let clients = 0;
/** A client with `money` paid on `start` and an active subscription from `start`. */
async function activeSubscription(store: TestStore, p: { tariffId: string; start: string; money: number }) {
  clients += 1;
  const account = await store.createAccount({ ...accountInput({ iinBin: validBin(700 + clients), name: `ТОО «Желі ${clients}»` }), opId: opId() });
  await store.recordPayment({ accountId: account.id, amount: p.money, date: p.start, method: 'bank_transfer', opId: opId() });
  const sub = await store.createSubscription({ accountId: account.id, tariffId: p.tariffId, startDate: p.start, opId: opId() });
  const subscription = await store.activateSubscription({ subscriptionId: sub.id, opId: opId() });
  return { account, subscription };
}

interface IncidentSpec {
  serviceId?: string;
  start: string;
  end?: string | null;
  cause?: Cause;
  announcedAt?: string | null;
  subscriptionIds?: string[];
}

function record(store: TestStore, spec: IncidentSpec) {
  return store.recordIncident({ serviceId: 'svc-cloud1c', cause: 'provider', source: 'monitoring', ...spec, opId: opId() });
}

/** Records a closed incident and drafts its compensations; returns the first line. */
async function compensate(store: TestStore, spec: IncidentSpec): Promise<Compensation> {
  const incident = await record(store, spec);
  const [line] = await store.proposeCompensations({ incidentId: incident.id, opId: opId() });
  return line!;
}

const quoteOf = (c: Compensation) => c.quote;

describe('recordIncident and closeIncident', () => {
  it('records an incident for every active subscription of the service, instants stored in UTC', async () => {
    const store = await freshStore('2026-03-01T10:00:00+05:00');
    const a = await activeSubscription(store, { tariffId: 'tar-cloud1c-s', start: '2026-03-01', money: 900_000 });
    const b = await activeSubscription(store, { tariffId: 'tar-cloud1c-m', start: '2026-03-01', money: 1_500_000 });
    const other = await activeSubscription(store, { tariffId: 'tar-site-card', start: '2026-03-01', money: 250_000 });
    const pending = await store.createSubscription({ accountId: a.account.id, tariffId: 'tar-cloud1c-s', startDate: '2026-03-01', opId: opId() });
    store.setNow('2026-03-05T12:00:00+05:00');
    const incident = await store.recordIncident({
      serviceId: 'svc-cloud1c',
      start: '2026-03-04T23:30:00+06:00',
      end: '2026-03-04T20:10:00Z',
      cause: 'provider',
      source: 'ticket',
      notes: '  Отказ хранилища\r\nв ЦОД-2  ',
      opId: 'record',
    });
    expect(incident).toEqual({
      id: incident.id,
      serviceId: 'svc-cloud1c',
      subscriptionIds: [a.subscription.id, b.subscription.id].sort(),
      start: '2026-03-04T17:30:00.000Z',
      end: '2026-03-04T20:10:00.000Z',
      cause: 'provider',
      announcedAt: null,
      source: 'ticket',
      ticketId: null,
      notes: 'Отказ хранилища\nв ЦОД-2',
      createdAt: '2026-03-05T07:00:00.000Z',
    });
    expect(incident.subscriptionIds).not.toContain(other.subscription.id);
    expect(incident.subscriptionIds).not.toContain(pending.id);
    expect(await store.db.incidents.get(incident.id)).toEqual(incident);

    // Given subscriptions: duplicates dropped, order kept.
    const given = await record(store, { start: '2026-03-05T01:00:00+05:00', end: null, subscriptionIds: [b.subscription.id, a.subscription.id, b.subscription.id] });
    expect(given.subscriptionIds).toEqual([b.subscription.id, a.subscription.id]);
    expect(given.end).toBeNull();
  });

  it('refuses bad input, naming the field, and writes nothing', async () => {
    const store = await freshStore('2026-03-01T10:00:00+05:00');
    const a = await activeSubscription(store, { tariffId: 'tar-cloud1c-s', start: '2026-03-01', money: 900_000 });
    const site = await activeSubscription(store, { tariffId: 'tar-site-card', start: '2026-03-01', money: 250_000 });
    store.setNow('2026-03-05T12:00:00+05:00');
    const before = { ...(await tableCounts(store)), incidents: await store.db.incidents.count() };
    const base = { serviceId: 'svc-cloud1c', start: '2026-03-04T10:00:00+05:00', end: '2026-03-04T12:00:00+05:00', cause: 'provider', source: 'monitoring' } as const;
    const refused = (input: Record<string, unknown>) => commandErrorOf(store.recordIncident({ ...base, ...input, opId: opId() } as Parameters<TestStore['recordIncident']>[0]));

    expect(await refused({ end: '2026-03-04T09:59:00+05:00' })).toMatchObject({ code: 'errors:incident.endNotAfterStart', field: 'end' });
    expect(await refused({ end: '2026-03-04T05:00:00Z' })).toMatchObject({ code: 'errors:incident.endNotAfterStart', field: 'end' });
    expect(await refused({ cause: 'sunspots' })).toMatchObject({ code: 'errors:incident.causeInvalid', field: 'cause' });
    expect(await refused({ source: 'rumour' })).toMatchObject({ code: 'errors:incident.sourceInvalid', field: 'source' });
    expect(await refused({ serviceId: 'svc-nope' })).toMatchObject({ code: 'errors:service.notFound', field: 'serviceId' });
    expect(await refused({ start: '2026-03-05T12:01:00+05:00', end: null })).toMatchObject({ code: 'errors:dateTime.future', field: 'start' });
    expect(await refused({ end: '2026-03-05T07:00:01Z' })).toMatchObject({ code: 'errors:dateTime.future', field: 'end' });
    expect(await refused({ start: '2026-03-04T10:00:00' })).toMatchObject({ code: 'errors:dateTime.invalid', field: 'start' });
    expect(await refused({ announcedAt: '2026-03-01T10:00:00+05:00' })).toMatchObject({ code: 'errors:incident.announcedNotPlanned', field: 'announcedAt' });
    expect(await refused({ cause: 'planned', announcedAt: '2026-03-06T10:00:00+05:00' })).toMatchObject({ code: 'errors:dateTime.future', field: 'announcedAt' });
    expect(await refused({ subscriptionIds: [a.subscription.id, site.subscription.id] })).toMatchObject({
      code: 'errors:incident.subscriptionOtherService',
      field: 'subscriptionIds.1',
    });
    expect(await refused({ subscriptionIds: ['sub-nope'] })).toMatchObject({ code: 'errors:subscription.notFound', field: 'subscriptionIds.0' });
    expect(await refused({ ticketId: 'ticket-nope' })).toMatchObject({ code: 'errors:ticket.notFound', field: 'ticketId' });
    expect(await refused({ notes: 'сбой\u0007' })).toMatchObject({ code: 'errors:text.controlCharacters', field: 'notes' });
    expect({ ...(await tableCounts(store)), incidents: await store.db.incidents.count() }).toEqual(before);
  });

  it('closes an open incident once; the end is compared as an instant and may not lie in the future', async () => {
    const store = await freshStore('2026-03-05T12:00:00+05:00');
    const open = await record(store, { start: '2026-03-05T10:00:00+05:00', end: null });
    const close = (end: string) => commandErrorOf(store.closeIncident({ incidentId: open.id, end, opId: opId() }));
    expect(await close('2026-03-05T04:59:00Z')).toMatchObject({ code: 'errors:incident.endNotAfterStart', field: 'end' });
    expect(await close('2026-03-05T10:00:00+05:00')).toMatchObject({ code: 'errors:incident.endNotAfterStart' });
    expect(await close('2026-03-05T12:00:01+05:00')).toMatchObject({ code: 'errors:dateTime.future', field: 'end' });
    const closed = await store.closeIncident({ incidentId: open.id, end: '2026-03-05T05:30:00Z', opId: 'close' });
    expect(closed).toEqual({ ...open, end: '2026-03-05T05:30:00.000Z' });
    expect(await store.closeIncident({ incidentId: open.id, end: '2026-03-05T05:30:00Z', opId: 'close' })).toEqual(closed);
    expect(await close('2026-03-05T11:00:00+05:00')).toMatchObject({ code: 'errors:incident.alreadyClosed', field: 'incidentId' });
    expect(await commandErrorOf(store.closeIncident({ incidentId: 'nope', end: '2026-03-05T11:00:00+05:00', opId: opId() }))).toMatchObject({
      code: 'errors:incident.notFound',
    });
  });

  it('a repeated operation id returns the same incident and records nothing more; other input is refused', async () => {
    const store = await freshStore('2026-03-05T12:00:00+05:00');
    const input = { serviceId: 'svc-cloud1c', start: '2026-03-05T10:00:00+05:00', cause: 'provider', source: 'monitoring', opId: 'twice' } as const;
    const first = await store.recordIncident(input);
    const counts = await tableCounts(store);
    expect(await store.recordIncident(input)).toEqual(first);
    expect(await tableCounts(store)).toEqual(counts);
    expect(await store.db.incidents.count()).toBe(1);
    expect(await commandErrorOf(store.recordIncident({ ...input, cause: 'planned' }))).toMatchObject({ code: 'errors:operation.conflict', field: 'opId' });
  });
});

describe('proposeCompensations: the rules of §4.3', () => {
  it('the worked example: monthly fee 15 000,00 ₸, outage 3 h 59 min → 3 h → 450,00 ₸, credited as bonus once approved', async () => {
    const store = await freshStore('2026-03-01T10:00:00+05:00');
    await addTariffs(store, 'svc-cloud1c', { 'c-15k': 1_500_000 });
    const { account, subscription } = await activeSubscription(store, { tariffId: 'c-15k', start: '2026-03-01', money: 1_500_000 });
    store.setNow('2026-03-10T12:00:00+05:00');
    const incident = await record(store, { start: '2026-03-05T10:00:00+05:00', end: '2026-03-05T13:59:00+05:00' });
    const proposed = await store.proposeCompensations({ incidentId: incident.id, opId: 'propose' });
    expect(proposed).toEqual([
      {
        id: proposed[0]!.id,
        accountId: account.id,
        subscriptionId: subscription.id,
        incidentId: incident.id,
        month: '2026-03',
        quote: { hours: 3, amount: 45_000, excluded: false },
        overrideMinutes: null,
        overrideReason: null,
        status: 'requested',
        requestedAt: '2026-03-10T07:00:00.000Z',
        requestedBy: 'tester',
        decidedAt: null,
        decidedBy: null,
        decisionReason: null,
        ledgerEntryIds: [],
      },
    ]);
    // Drafting posts nothing.
    expect(await store.getBalances(account.id)).toEqual({ money: 0, bonus: 0 });

    store.setNow('2026-03-11T09:00:00+05:00');
    const approved = await store.approveCompensation({ compensationId: proposed[0]!.id, opId: 'approve' });
    expect(approved).toMatchObject({ status: 'approved', decidedAt: '2026-03-11T04:00:00.000Z', decidedBy: 'tester', quote: { amount: 45_000 } });
    expect(approved.ledgerEntryIds).toHaveLength(1);
    expect(await store.db.ledger.get(approved.ledgerEntryIds[0]!)).toMatchObject({
      kind: 'compensation',
      bucket: 'bonus',
      amount: 45_000,
      accountId: account.id,
      subscriptionId: subscription.id,
      serviceId: 'svc-cloud1c',
      incidentId: incident.id,
      compensationId: approved.id,
      businessDate: '2026-03-11',
      operationId: 'approve',
    });
    await expectStatement(store, account.id, [
      { date: '2026-03-01', kind: 'payment', bucket: 'money', amount: 1_500_000 },
      { date: '2026-03-01', kind: 'period_charge', bucket: 'money', amount: -1_500_000, period: { start: '2026-03-01', end: '2026-04-01' } },
      { date: '2026-03-11', kind: 'compensation', bucket: 'bonus', amount: 45_000 },
    ]);
    expect(await commandErrorOf(store.approveCompensation({ compensationId: approved.id, opId: opId() }))).toMatchObject({
      code: 'errors:compensation.alreadyDecided',
      params: { status: 'approved' },
    });
    expect(await commandErrorOf(store.rejectCompensation({ compensationId: approved.id, reason: 'Поздно', opId: opId() }))).toMatchObject({
      code: 'errors:compensation.alreadyDecided',
    });
  });

  it('excludes force majeure, the client, third-party software, outside network/DNS and planned works announced 48 h ahead; only full hours count', async () => {
    const store = await freshStore('2026-03-01T10:00:00+05:00');
    await addTariffs(store, 'svc-cloud1c', { 'c-15k': 1_500_000 });
    const { account } = await activeSubscription(store, { tariffId: 'c-15k', start: '2026-03-01', money: 1_500_000 });
    store.setNow('2026-03-25T12:00:00+05:00');
    const twoHours = (day: string) => ({ start: `2026-03-${day}T02:00:00+05:00`, end: `2026-03-${day}T04:05:00+05:00` });
    const lines = {
      provider: await compensate(store, { ...twoHours('02'), cause: 'provider' }),
      force_majeure: await compensate(store, { ...twoHours('03'), cause: 'force_majeure' }),
      client: await compensate(store, { ...twoHours('04'), cause: 'client' }),
      third_party_software: await compensate(store, { ...twoHours('05'), cause: 'third_party_software' }),
      network_dns: await compensate(store, { ...twoHours('06'), cause: 'network_dns' }),
      // Exactly 48 hours before (written in UTC): announced in time, not downtime.
      planned48h: await compensate(store, { ...twoHours('09'), cause: 'planned', announcedAt: '2026-03-06T21:00:00Z' }),
      // 47 h 59 min before: too late, the provider's downtime.
      planned47h59: await compensate(store, { ...twoHours('10'), cause: 'planned', announcedAt: '2026-03-08T02:01:00+05:00' }),
      plannedUnannounced: await compensate(store, { ...twoHours('11'), cause: 'planned' }),
      minutes59: await compensate(store, { start: '2026-03-12T02:00:00+05:00', end: '2026-03-12T02:59:00+05:00' }),
      minutes60: await compensate(store, { start: '2026-03-13T02:00:00+05:00', end: '2026-03-13T03:00:00+05:00' }),
    };
    expect(Object.fromEntries(Object.entries(lines).map(([k, c]) => [k, quoteOf(c)]))).toEqual({
      provider: { hours: 2, amount: 30_000, excluded: false },
      force_majeure: { hours: 2, amount: 0, excluded: true, reason: 'force_majeure' },
      client: { hours: 2, amount: 0, excluded: true, reason: 'client' },
      third_party_software: { hours: 2, amount: 0, excluded: true, reason: 'third_party_software' },
      network_dns: { hours: 2, amount: 0, excluded: true, reason: 'network_dns' },
      planned48h: { hours: 2, amount: 0, excluded: true, reason: 'planned_announced' },
      planned47h59: { hours: 2, amount: 30_000, excluded: false },
      plannedUnannounced: { hours: 2, amount: 30_000, excluded: false },
      minutes59: { hours: 0, amount: 0, excluded: false },
      minutes60: { hours: 1, amount: 15_000, excluded: false },
    });
    // An excluded line may be approved: nothing is posted. Its duration cannot be overridden.
    expect(await commandErrorOf(store.approveCompensation({ compensationId: lines.client.id, overrideMinutes: 600, overrideReason: 'Договорились', opId: opId() }))).toMatchObject({
      code: 'errors:compensation.overrideExcluded',
      field: 'overrideMinutes',
    });
    const approved = await store.approveCompensation({ compensationId: lines.client.id, opId: opId() });
    expect(approved).toMatchObject({ status: 'approved', ledgerEntryIds: [], quote: { amount: 0, excluded: true } });
    expect(await store.getBalances(account.id)).toEqual({ money: 0, bonus: 0 });
  });

  it('caps a subscription at its monthly fee across incidents, rounding the running total once per line', async () => {
    const store = await freshStore('2026-03-01T10:00:00+05:00');
    // 12 345,67 ₸: one percent is 12 345,67 tiyn, not a whole number.
    await addTariffs(store, 'svc-cloud1c', { 'c-odd': 1_234_567 });
    const { account } = await activeSubscription(store, { tariffId: 'c-odd', start: '2026-03-01', money: 1_234_567 });
    store.setNow('2026-03-20T12:00:00+05:00');
    const c40 = await compensate(store, { start: '2026-03-02T00:00:00+05:00', end: '2026-03-03T16:00:00+05:00' });
    const c50 = await compensate(store, { start: '2026-03-05T00:00:00+05:00', end: '2026-03-07T02:00:00+05:00' });
    const c20 = await compensate(store, { start: '2026-03-10T00:00:00+05:00', end: '2026-03-10T20:00:00+05:00' });
    const c3 = await compensate(store, { start: '2026-03-12T00:00:00+05:00', end: '2026-03-12T03:00:00+05:00' });
    // 40 % = 493 826,8 → 493 827. Each incident is drafted on its own, so the month's earlier lines count at
    // the amounts they got: 493 827 + 50 % (617 283,5) = 1 111 110,5 → 1 111 111 − 493 827 = 617 284;
    // then the cap: 1 234 567 − 1 111 111 = 123 456; then nothing. The month's total is the fee to the tiyn.
    expect([c40, c50, c20, c3].map(quoteOf)).toEqual([
      { hours: 40, amount: 493_827, excluded: false },
      { hours: 50, amount: 617_284, excluded: false },
      { hours: 20, amount: 123_456, excluded: false },
      { hours: 3, amount: 0, excluded: false },
    ]);
    for (const c of [c40, c50, c20, c3]) await store.approveCompensation({ compensationId: c.id, opId: opId() });
    expect(await store.getBalances(account.id)).toEqual({ money: 0, bonus: 1_234_567 });
  });

  it('the month is the month of the start in UTC+05:00: an incident starting 2026-03-31T20:30Z belongs to April', async () => {
    const store = await freshStore('2026-03-15T10:00:00+05:00');
    await addTariffs(store, 'svc-cloud1c', { 'c-15k': 1_500_000 });
    await activeSubscription(store, { tariffId: 'c-15k', start: '2026-03-15', money: 1_500_000 });
    store.setNow('2026-04-02T12:00:00+05:00');
    const march = await compensate(store, { start: '2026-03-16T00:00:00+05:00', end: '2026-03-21T00:00:00+05:00' });
    const april = await compensate(store, { start: '2026-03-31T20:30:00Z', end: '2026-04-01T01:30:00Z' });
    const lastMinuteOfMarch = await compensate(store, { start: '2026-03-31T18:59:00Z', end: '2026-03-31T20:59:00Z' });
    expect(march).toMatchObject({ month: '2026-03', quote: { hours: 120, amount: 1_500_000 } });
    expect(april).toMatchObject({ month: '2026-04', quote: { hours: 5, amount: 75_000 } });
    expect(lastMinuteOfMarch).toMatchObject({ month: '2026-03', quote: { hours: 2, amount: 0 } });
  });

  it('a 12-month tariff: the monthly fee is price / 12 exactly, not rounded first', async () => {
    const store = await freshStore('2026-03-01T10:00:00+05:00');
    // 12 000,06 ₸ a year: 100 000,5 tiyn a month. 50 % of it is 50 000,25 → 50 000 (a fee rounded to 100 001 would give 50 001).
    await addTariffs(store, 'svc-cloud1c', { 'c-year': 1_200_006 }, 12);
    const { subscription } = await activeSubscription(store, { tariffId: 'c-year', start: '2026-03-01', money: 1_200_006 });
    expect(subscription.currentPeriod).toEqual({ start: '2026-03-01', end: '2027-03-01' });
    store.setNow('2026-03-10T12:00:00+05:00');
    const line = await compensate(store, { start: '2026-03-02T00:00:00+05:00', end: '2026-03-04T02:00:00+05:00' });
    expect(line.quote).toEqual({ hours: 50, amount: 50_000, excluded: false });
    const detail = await store.getIncident(line.incidentId);
    expect(detail!.lines[0]).toMatchObject({ monthlyFee: { numerator: 1_200_006, denominator: 12 }, periodPrice: 1_200_006, billingMonths: 12, percent: 50 });
  });

  it('uses the tariff the subscription had when the incident began: an upgrade after it does not raise the fee', async () => {
    const store = await freshStore('2026-03-10T10:00:00+05:00');
    await addTariffs(store, 'svc-cloud1c', { 'c-10k': 1_000_000, 'c-16k': 1_600_000 });
    const { subscription } = await activeSubscription(store, { tariffId: 'c-10k', start: '2026-03-10', money: 2_000_000 });
    store.setNow('2026-03-20T15:00:00+05:00');
    const before = await record(store, { start: '2026-03-12T10:00:00+05:00', end: '2026-03-12T15:00:00+05:00' });
    await store.changeTariff({ subscriptionId: subscription.id, tariffId: 'c-16k', date: '2026-03-20', opId: opId() });
    store.setNow('2026-03-25T12:00:00+05:00');
    const after = await record(store, { start: '2026-03-22T10:00:00+05:00', end: '2026-03-22T15:00:00+05:00' });
    const [old] = await store.proposeCompensations({ incidentId: before.id, opId: opId() });
    const [upgraded] = await store.proposeCompensations({ incidentId: after.id, opId: opId() });
    expect(old!.quote).toEqual({ hours: 5, amount: 50_000, excluded: false });
    expect(upgraded!.quote).toEqual({ hours: 5, amount: 80_000, excluded: false });
    expect((await store.getIncident(before.id))!.lines[0]).toMatchObject({ tariff: { id: 'c-10k' }, periodStart: '2026-03-10', periodPrice: 1_000_000 });
  });

  it('a downgrade applied at renewal after the incident: the old tariff and the period that held the start (from its charge)', async () => {
    const store = await freshStore('2026-03-10T10:00:00+05:00');
    const { subscription } = await activeSubscription(store, { tariffId: 'tar-cloud1c-l', start: '2026-03-10', money: 3_700_000 });
    store.setNow('2026-03-20T11:00:00+05:00');
    await store.changeTariff({ subscriptionId: subscription.id, tariffId: 'tar-cloud1c-s', date: '2026-03-20', opId: opId() });
    store.setNow('2026-04-10T09:00:00+05:00');
    await store.runRenewals({ date: '2026-04-10', opId: opId() });
    expect(await store.db.subscriptions.get(subscription.id)).toMatchObject({ tariffId: 'tar-cloud1c-s', currentPeriod: { start: '2026-04-10', end: '2026-05-10' } });
    store.setNow('2026-04-12T12:00:00+05:00');
    const line = await compensate(store, { start: '2026-04-05T10:00:00+05:00', end: '2026-04-05T13:00:00+05:00' });
    // 3 % of 28 000,00 ₸ (tariff L), not of 9 000,00 ₸ (tariff S).
    expect(line.quote).toEqual({ hours: 3, amount: 84_000, excluded: false });
    expect((await store.getIncident(line.incidentId))!.lines[0]).toMatchObject({ tariff: { id: 'tar-cloud1c-l' }, periodStart: '2026-03-10', periodPrice: 2_800_000 });
    // An incident in the new period: tariff S.
    const later = await compensate(store, { start: '2026-04-11T10:00:00+05:00', end: '2026-04-11T13:00:00+05:00' });
    expect(later.quote.amount).toBe(27_000);
  });

  it('the price the client paid for the period that held the start, not a later price of the same tariff', async () => {
    const store = await freshStore('2025-12-20T10:00:00+05:00');
    // tar-cloud1c-m: 14 000,00 ₸ until 2025-12-31, 15 000,00 ₸ from 2026-01-01.
    await activeSubscription(store, { tariffId: 'tar-cloud1c-m', start: '2025-12-20', money: 1_400_000 });
    store.setNow('2026-01-10T12:00:00+05:00');
    const line = await compensate(store, { start: '2026-01-05T10:00:00+05:00', end: '2026-01-05T12:00:00+05:00' });
    expect(line.quote).toEqual({ hours: 2, amount: 28_000, excluded: false });
  });

  it('counts the month’s earlier compensations that are not rejected as already compensated', async () => {
    const store = await freshStore('2026-03-01T10:00:00+05:00');
    await addTariffs(store, 'svc-cloud1c', { 'c-15k': 1_500_000 });
    const { account } = await activeSubscription(store, { tariffId: 'c-15k', start: '2026-03-01', money: 1_500_000 });
    store.setNow('2026-03-20T12:00:00+05:00');
    const first = await compensate(store, { start: '2026-03-02T00:00:00+05:00', end: '2026-03-04T12:00:00+05:00' }); // 60 h
    const second = await compensate(store, { start: '2026-03-06T00:00:00+05:00', end: '2026-03-08T12:00:00+05:00' }); // 60 h
    expect([first.quote.amount, second.quote.amount]).toEqual([900_000, 600_000]);
    expect(await commandErrorOf(store.rejectCompensation({ compensationId: first.id, reason: '  ', opId: opId() }))).toMatchObject({ code: 'errors:text.required', field: 'reason' });
    const rejected = await store.rejectCompensation({ compensationId: first.id, reason: 'Клиент не пользовался сервисом в эти дни', opId: opId() });
    expect(rejected).toMatchObject({ status: 'rejected', decisionReason: 'Клиент не пользовался сервисом в эти дни', ledgerEntryIds: [] });
    // Only the second (600 000) counts now: 30 h → 450 000 fits under the cap.
    const third = await compensate(store, { start: '2026-03-10T00:00:00+05:00', end: '2026-03-11T06:00:00+05:00' });
    expect(third.quote).toEqual({ hours: 30, amount: 450_000, excluded: false });
    // April is another month: the cap starts again.
    store.setNow('2026-04-03T12:00:00+05:00');
    await store.recordPayment({ accountId: account.id, amount: 1_500_000, date: '2026-04-01', method: 'cash', opId: opId() });
    await store.runRenewals({ date: '2026-04-01', opId: opId() });
    const april = await compensate(store, { start: '2026-04-02T00:00:00+05:00', end: '2026-04-02T10:00:00+05:00' });
    expect(april).toMatchObject({ month: '2026-04', quote: { hours: 10, amount: 150_000 } });
  });

  it('an agreed duration needs a written reason and is quoted again under the same cap, without the line itself', async () => {
    const store = await freshStore('2026-03-01T10:00:00+05:00');
    await addTariffs(store, 'svc-cloud1c', { 'c-15k': 1_500_000 });
    const { account } = await activeSubscription(store, { tariffId: 'c-15k', start: '2026-03-01', money: 1_500_000 });
    store.setNow('2026-03-20T12:00:00+05:00');
    const other = await compensate(store, { start: '2026-03-02T00:00:00+05:00', end: '2026-03-04T12:00:00+05:00' }); // 60 h → 900 000
    const line = await compensate(store, { start: '2026-03-06T00:00:00+05:00', end: '2026-03-06T10:00:00+05:00' }); // 10 h → 150 000
    expect(line.quote.amount).toBe(150_000);
    const approve = (input: Record<string, unknown>) => commandErrorOf(store.approveCompensation({ compensationId: line.id, ...input, opId: opId() }));
    expect(await approve({ overrideMinutes: 1800 })).toMatchObject({ code: 'errors:compensation.overrideReasonRequired', field: 'overrideReason' });
    expect(await approve({ overrideMinutes: 1800, overrideReason: ' \n ' })).toMatchObject({ code: 'errors:compensation.overrideReasonRequired', field: 'overrideReason' });
    expect(await approve({ overrideReason: 'Договорились' })).toMatchObject({ code: 'errors:compensation.overrideMinutesRequired', field: 'overrideMinutes' });
    expect(await approve({ overrideMinutes: -1, overrideReason: 'x' })).toMatchObject({ code: 'errors:compensation.overrideMinutesInvalid', field: 'overrideMinutes' });
    expect(await approve({ overrideMinutes: 90.5, overrideReason: 'x' })).toMatchObject({ code: 'errors:compensation.overrideMinutesInvalid' });
    expect(await approve({ overrideMinutes: '90', overrideReason: 'x' })).toMatchObject({ code: 'errors:compensation.overrideMinutesInvalid' });
    expect(await store.db.compensations.get(line.id)).toMatchObject({ status: 'requested' });

    store.setNow('2026-03-21T10:00:00+05:00');
    // 50 h agreed with the client: 750 000 raw, but only 600 000 is left under the cap next to the other 900 000.
    const approved = await store.approveCompensation({
      compensationId: line.id,
      overrideMinutes: 3000,
      overrideReason: 'Клиент подтвердил простой по журналу 1С',
      opId: opId(),
    });
    expect(approved).toMatchObject({
      status: 'approved',
      overrideMinutes: 3000,
      overrideReason: 'Клиент подтвердил простой по журналу 1С',
      decisionReason: 'Клиент подтвердил простой по журналу 1С',
      quote: { hours: 50, amount: 600_000, excluded: false },
    });
    // The other one, approved as quoted, and the cap holds: 900 000 + 600 000 = the monthly fee.
    await store.approveCompensation({ compensationId: other.id, opId: opId() });
    await expectStatement(store, account.id, [
      { date: '2026-03-01', kind: 'payment', bucket: 'money', amount: 1_500_000 },
      { date: '2026-03-01', kind: 'period_charge', bucket: 'money', amount: -1_500_000, period: { start: '2026-03-01', end: '2026-04-01' } },
      { date: '2026-03-21', kind: 'compensation', bucket: 'bonus', amount: 600_000 },
      { date: '2026-03-21', kind: 'compensation', bucket: 'bonus', amount: 900_000 },
    ]);
  });

  it('an agreed duration may lower the amount, to nothing: then nothing is posted', async () => {
    const store = await freshStore('2026-03-01T10:00:00+05:00');
    await addTariffs(store, 'svc-cloud1c', { 'c-15k': 1_500_000 });
    const { account } = await activeSubscription(store, { tariffId: 'c-15k', start: '2026-03-01', money: 1_500_000 });
    store.setNow('2026-03-20T12:00:00+05:00');
    const line = await compensate(store, { start: '2026-03-06T00:00:00+05:00', end: '2026-03-06T10:00:00+05:00' });
    const lower = await store.approveCompensation({ compensationId: line.id, overrideMinutes: 59, overrideReason: 'По данным клиента сбой длился 59 минут', opId: opId() });
    expect(lower).toMatchObject({ quote: { hours: 0, amount: 0, excluded: false }, ledgerEntryIds: [], overrideMinutes: 59 });
    expect(await store.getBalances(account.id)).toEqual({ money: 0, bonus: 0 });
  });

  it('refuses an open incident, a second proposal, a service that gives no compensation, and unknown records', async () => {
    const store = await freshStore('2026-03-01T10:00:00+05:00');
    await activeSubscription(store, { tariffId: 'tar-cloud1c-s', start: '2026-03-01', money: 900_000 });
    await activeSubscription(store, { tariffId: 'tar-prosto-micro', start: '2026-03-01', money: 3_000_000 });
    await activeSubscription(store, { tariffId: 'tar-edo-basic', start: '2026-03-01', money: 3_600_000 });
    store.setNow('2026-03-05T12:00:00+05:00');
    const propose = (incidentId: string) => commandErrorOf(store.proposeCompensations({ incidentId, opId: opId() }));
    const open = await record(store, { start: '2026-03-04T10:00:00+05:00', end: null });
    expect(await propose(open.id)).toMatchObject({ code: 'errors:incident.open', field: 'incidentId' });
    const closed = await record(store, { start: '2026-03-04T10:00:00+05:00', end: '2026-03-04T12:00:00+05:00' });
    await store.proposeCompensations({ incidentId: closed.id, opId: opId() });
    expect(await propose(closed.id)).toMatchObject({ code: 'errors:compensation.alreadyProposed', field: 'incidentId' });
    for (const serviceId of ['svc-prosto', 'svc-uchet-edo']) {
      const incident = await record(store, { serviceId, start: '2026-03-04T10:00:00+05:00', end: '2026-03-04T12:00:00+05:00' });
      expect(incident.subscriptionIds).toHaveLength(1);
      expect(await propose(incident.id)).toMatchObject({ code: 'errors:compensation.notApplicable', field: 'incidentId' });
    }
    expect(await propose('nope')).toMatchObject({ code: 'errors:incident.notFound' });
    expect(await commandErrorOf(store.approveCompensation({ compensationId: 'nope', opId: opId() }))).toMatchObject({ code: 'errors:compensation.notFound' });
    expect(await commandErrorOf(store.approveIncidentCompensations({ incidentId: 'nope', opId: opId() }))).toMatchObject({ code: 'errors:incident.notFound' });
    expect(await store.db.compensations.count()).toBe(1);
  });

  it('an operator records, closes and drafts; approving and rejecting are a manager’s', async () => {
    const store = await freshStore('2026-03-01T10:00:00+05:00', 'operator');
    await activeSubscription(store, { tariffId: 'tar-cloud1c-s', start: '2026-03-01', money: 900_000 });
    store.setNow('2026-03-05T12:00:00+05:00');
    const incident = await record(store, { start: '2026-03-04T10:00:00+05:00', end: null });
    await store.closeIncident({ incidentId: incident.id, end: '2026-03-04T12:00:00+05:00', opId: opId() });
    const [line] = await store.proposeCompensations({ incidentId: incident.id, opId: opId() });
    const forbidden = { code: 'errors:role.forbidden', params: { role: 'manager' } };
    expect(await commandErrorOf(store.approveCompensation({ compensationId: line!.id, opId: opId() }))).toMatchObject(forbidden);
    expect(await commandErrorOf(store.rejectCompensation({ compensationId: line!.id, reason: 'Нет', opId: opId() }))).toMatchObject(forbidden);
    expect(await commandErrorOf(store.approveIncidentCompensations({ incidentId: incident.id, opId: opId() }))).toMatchObject(forbidden);
    expect(await store.db.compensations.get(line!.id)).toMatchObject({ status: 'requested' });
  });

  it('a repeated operation id returns the first result and writes nothing more; with other input it is refused', async () => {
    const store = await freshStore('2026-03-01T10:00:00+05:00');
    const { account } = await activeSubscription(store, { tariffId: 'tar-cloud1c-s', start: '2026-03-01', money: 900_000 });
    store.setNow('2026-03-05T12:00:00+05:00');
    const a = await record(store, { start: '2026-03-04T10:00:00+05:00', end: '2026-03-04T12:00:00+05:00' });
    const b = await record(store, { start: '2026-03-04T14:00:00+05:00', end: '2026-03-04T16:00:00+05:00' });
    const first = await store.proposeCompensations({ incidentId: a.id, opId: 'propose' });
    let counts = await tableCounts(store);
    expect(await store.proposeCompensations({ incidentId: a.id, opId: 'propose' })).toEqual(first);
    expect(await tableCounts(store)).toEqual(counts);
    expect(await store.db.compensations.count()).toBe(1);
    expect(await commandErrorOf(store.proposeCompensations({ incidentId: b.id, opId: 'propose' }))).toMatchObject({ code: 'errors:operation.conflict' });

    const approved = await store.approveCompensation({ compensationId: first[0]!.id, opId: 'approve' });
    counts = await tableCounts(store);
    expect(await store.approveCompensation({ compensationId: first[0]!.id, opId: 'approve' })).toEqual(approved);
    expect(await tableCounts(store)).toEqual(counts);
    expect(await commandErrorOf(store.approveCompensation({ compensationId: first[0]!.id, overrideMinutes: 60, overrideReason: 'x', opId: 'approve' }))).toMatchObject({
      code: 'errors:operation.conflict',
    });
    const all = await store.approveIncidentCompensations({ incidentId: a.id, opId: 'all' });
    expect(all).toEqual([]);
    expect(await store.approveIncidentCompensations({ incidentId: a.id, opId: 'all' })).toEqual(all);
    expect(await commandErrorOf(store.approveIncidentCompensations({ incidentId: b.id, opId: 'all' }))).toMatchObject({ code: 'errors:operation.conflict' });
    expect((await store.getBalances(account.id)).bonus).toBe(18_000);
  });

  it('a failure midway leaves nothing: no compensation drafted, none approved, no entry, no audit, no outbox', async () => {
    const store = await freshStore('2026-03-01T10:00:00+05:00');
    for (let i = 0; i < 3; i++) await activeSubscription(store, { tariffId: 'tar-cloud1c-s', start: '2026-03-01', money: 900_000 });
    store.setNow('2026-03-05T12:00:00+05:00');
    const incident = await record(store, { start: '2026-03-04T10:00:00+05:00', end: '2026-03-04T12:00:00+05:00' });
    let writes = 0;
    const failSecond = () => {
      writes += 1;
      if (writes === 2) throw new DOMException('disk full', 'QuotaExceededError');
    };
    let counts = await tableCounts(store);
    store.db.compensations.hook('creating', failSecond);
    expect(await commandErrorOf(store.proposeCompensations({ incidentId: incident.id, opId: opId() }))).toMatchObject({ code: 'errors:storage.quotaExceeded' });
    store.db.compensations.hook('creating').unsubscribe(failSecond);
    expect(await store.db.compensations.count()).toBe(0);
    expect(await tableCounts(store)).toEqual(counts);

    const proposed = await store.proposeCompensations({ incidentId: incident.id, opId: opId() });
    expect(proposed).toHaveLength(3);
    counts = await tableCounts(store);
    writes = 0;
    store.db.ledger.hook('creating', failSecond);
    expect(await commandErrorOf(store.approveIncidentCompensations({ incidentId: incident.id, opId: opId() }))).toMatchObject({ code: 'errors:storage.quotaExceeded' });
    store.db.ledger.hook('creating').unsubscribe(failSecond);
    expect(await tableCounts(store)).toEqual(counts);
    expect((await store.db.compensations.toArray()).map((c) => c.status)).toEqual(['requested', 'requested', 'requested']);

    // Written one record per slice: a failure in a later slice undoes the slices written before it, and the credits.
    const saved = { ...SLICES };
    Object.assign(SLICES, { write: 1 });
    try {
      writes = 0;
      store.db.compensations.hook('updating', failSecond);
      expect(await commandErrorOf(store.approveIncidentCompensations({ incidentId: incident.id, opId: opId() }))).toMatchObject({ code: 'errors:storage.quotaExceeded' });
      store.db.compensations.hook('updating').unsubscribe(failSecond);
    } finally {
      Object.assign(SLICES, saved);
    }
    expect(await tableCounts(store)).toEqual(counts);
    expect((await store.db.compensations.toArray()).map((c) => c.status)).toEqual(['requested', 'requested', 'requested']);
  });
});

describe('approveIncidentCompensations', () => {
  it('approves every requested compensation of the incident in one operation; decided ones and closed accounts are left alone', async () => {
    const store = await freshStore('2026-03-01T10:00:00+05:00');
    await addTariffs(store, 'svc-cloud1c', { 'c-15k': 1_500_000 });
    const subs = [];
    for (let i = 0; i < 4; i++) subs.push(await activeSubscription(store, { tariffId: 'c-15k', start: '2026-03-01', money: 1_500_000 }));
    const [a, b, c, d] = subs as [(typeof subs)[0], (typeof subs)[0], (typeof subs)[0], (typeof subs)[0]];
    store.setNow('2026-03-05T12:00:00+05:00');
    const incident = await record(store, { start: '2026-03-04T10:00:00+05:00', end: '2026-03-04T14:30:00+05:00' });
    const proposed = await store.proposeCompensations({ incidentId: incident.id, opId: opId() });
    const bySub = new Map(proposed.map((p) => [p.subscriptionId, p]));
    expect(proposed.map((p) => p.quote.amount)).toEqual([60_000, 60_000, 60_000, 60_000]);
    await store.rejectCompensation({ compensationId: bySub.get(b.subscription.id)!.id, reason: 'Подписка не использовалась', opId: opId() });
    await store.approveCompensation({ compensationId: bySub.get(c.subscription.id)!.id, opId: opId() });
    // D leaves: cancelled (full refund inside 14 days), refund approved, account closed.
    const { refund } = await store.cancelSubscription({ subscriptionId: d.subscription.id, date: '2026-03-05', opId: opId() });
    await store.approveRefund({ refundId: refund!.id, opId: opId() });
    await store.closeAccount({ accountId: d.account.id, date: '2026-03-05', opId: opId() });

    store.setNow('2026-03-06T09:00:00+05:00');
    const approved = await store.approveIncidentCompensations({ incidentId: incident.id, opId: 'approve-all' });
    expect(approved).toEqual([{ ...bySub.get(a.subscription.id)!, status: 'approved', decidedAt: '2026-03-06T04:00:00.000Z', decidedBy: 'tester', ledgerEntryIds: approved[0]!.ledgerEntryIds }]);
    const entries = (await store.db.ledger.toArray()).filter((e) => e.operationId === 'approve-all');
    expect(entries.map((e) => [e.accountId, e.kind, e.bucket, e.amount, e.compensationId])).toEqual([[a.account.id, 'compensation', 'bonus', 60_000, approved[0]!.id]]);
    expect((await store.db.compensations.where('incidentId').equals(incident.id).toArray()).map((x) => [x.subscriptionId, x.status]).sort()).toEqual(
      [
        [a.subscription.id, 'approved'],
        [b.subscription.id, 'rejected'],
        [c.subscription.id, 'approved'],
        [d.subscription.id, 'requested'],
      ].sort(),
    );
    expect(await store.approveIncidentCompensations({ incidentId: incident.id, opId: opId() })).toEqual([]);
    // A closed account takes no credit, one by one either; its compensation can only be rejected.
    expect(await commandErrorOf(store.approveCompensation({ compensationId: bySub.get(d.subscription.id)!.id, opId: opId() }))).toMatchObject({ code: 'errors:account.closed' });
    await store.rejectCompensation({ compensationId: bySub.get(d.subscription.id)!.id, reason: 'Клиент ушёл, счёт закрыт', opId: opId() });
    expect(await store.getBalances(d.account.id)).toEqual({ money: 0, bonus: 0 });
    expect(await storedCounters(store)).toEqual(await countersByScan(store));
  });
});

describe('bonuses pay for the next renewal first', () => {
  it('an approved compensation is spent by the renewal run, then by a manual renewal, before money', async () => {
    const store = await freshStore('2026-03-01T10:00:00+05:00');
    await addTariffs(store, 'svc-cloud1c', { 'c-15k': 1_500_000 });
    const { account, subscription } = await activeSubscription(store, { tariffId: 'c-15k', start: '2026-03-01', money: 3_000_000 });
    store.setNow('2026-03-10T12:00:00+05:00');
    const march = await compensate(store, { start: '2026-03-05T10:00:00+05:00', end: '2026-03-05T13:59:00+05:00' });
    store.setNow('2026-03-11T09:00:00+05:00');
    await store.approveCompensation({ compensationId: march.id, opId: opId() });

    store.setNow('2026-04-01T08:00:00+05:00');
    expect(await store.runRenewals({ date: '2026-04-01', opId: opId() })).toMatchObject({ renewed: 1 });
    store.setNow('2026-04-05T12:00:00+05:00');
    const april = await compensate(store, { start: '2026-04-03T10:00:00+05:00', end: '2026-04-03T12:00:00+05:00' });
    const all = await store.approveIncidentCompensations({ incidentId: april.incidentId, opId: opId() });
    expect(all.map((c) => c.quote.amount)).toEqual([30_000]);
    await store.recordPayment({ accountId: account.id, amount: 1_500_000, date: '2026-04-05', method: 'kaspi', opId: opId() });
    await store.renewSubscription({ subscriptionId: subscription.id, opId: opId() });

    await expectStatement(store, account.id, [
      { date: '2026-03-01', kind: 'payment', bucket: 'money', amount: 3_000_000 },
      { date: '2026-03-01', kind: 'period_charge', bucket: 'money', amount: -1_500_000, period: { start: '2026-03-01', end: '2026-04-01' } },
      { date: '2026-03-11', kind: 'compensation', bucket: 'bonus', amount: 45_000 },
      { date: '2026-04-01', kind: 'period_charge', bucket: 'bonus', amount: -45_000, period: { start: '2026-04-01', end: '2026-05-01' } },
      { date: '2026-04-01', kind: 'period_charge', bucket: 'money', amount: -1_455_000, period: { start: '2026-04-01', end: '2026-05-01' } },
      { date: '2026-04-05', kind: 'compensation', bucket: 'bonus', amount: 30_000 },
      { date: '2026-04-05', kind: 'payment', bucket: 'money', amount: 1_500_000 },
      { date: '2026-05-01', kind: 'period_charge', bucket: 'bonus', amount: -30_000, period: { start: '2026-05-01', end: '2026-06-01' } },
      { date: '2026-05-01', kind: 'period_charge', bucket: 'money', amount: -1_470_000, period: { start: '2026-05-01', end: '2026-06-01' } },
    ]);
    expect(await store.getBalances(account.id)).toEqual({ money: 75_000, bonus: 0 });
    expect(await storedCounters(store)).toEqual(await countersByScan(store));
  });
});

describe('the paid period that held the start: from the subscription’s record, the ledger only where it cannot tell', () => {
  /** The first line of the incident's table (periodStart, periodPrice) and its quote. */
  async function lineOf(store: TestStore, spec: IncidentSpec) {
    const compensation = await compensate(store, spec);
    const detail = await store.getIncident(compensation.incidentId);
    return { quote: compensation.quote, periodStart: detail!.lines[0]!.periodStart, periodPrice: detail!.lines[0]!.periodPrice };
  }

  it('renewed once since: the period before the current one, at the price it was charged', async () => {
    const store = await freshStore('2025-12-10T10:00:00+05:00');
    // tar-cloud1c-m: 14 000,00 ₸ until 2025-12-31, 15 000,00 ₸ from 2026-01-01.
    const { subscription } = await activeSubscription(store, { tariffId: 'tar-cloud1c-m', start: '2025-12-10', money: 2_900_000 });
    store.setNow('2026-01-12T12:00:00+05:00');
    await store.runRenewals({ date: '2026-01-12', opId: opId() });
    expect(await store.db.subscriptions.get(subscription.id)).toMatchObject({ currentPeriod: { start: '2026-01-10', end: '2026-02-10' } });
    expect(await lineOf(store, { start: '2026-01-05T10:00:00+05:00', end: '2026-01-05T12:00:00+05:00' })).toEqual({
      quote: { hours: 2, amount: 28_000, excluded: false },
      periodStart: '2025-12-10',
      periodPrice: 1_400_000,
    });
  });

  it('renewed twice since: the period is found by its charge', async () => {
    const store = await freshStore('2025-11-10T10:00:00+05:00');
    await activeSubscription(store, { tariffId: 'tar-cloud1c-m', start: '2025-11-10', money: 4_300_000 });
    store.setNow('2026-01-12T12:00:00+05:00');
    await store.runRenewals({ date: '2026-01-12', opId: opId() });
    // The period before the current one (from 2025-12-10) began after the incident: not that one.
    expect(await lineOf(store, { start: '2025-12-05T10:00:00+05:00', end: '2025-12-05T12:00:00+05:00' })).toMatchObject({ periodStart: '2025-11-10', periodPrice: 1_400_000 });
  });

  it('an incident before the first period: no period held it, the price of the incident’s day', async () => {
    const store = await freshStore('2026-03-10T10:00:00+05:00');
    await addTariffs(store, 'svc-cloud1c', { 'c-15k': 1_500_000 });
    await activeSubscription(store, { tariffId: 'c-15k', start: '2026-03-10', money: 1_500_000 });
    store.setNow('2026-03-12T12:00:00+05:00');
    expect(await lineOf(store, { start: '2026-03-05T10:00:00+05:00', end: '2026-03-05T12:00:00+05:00' })).toEqual({
      quote: { hours: 2, amount: 30_000, excluded: false },
      periodStart: null,
      periodPrice: 1_500_000,
    });
  });

  it('an incident after the current period ended (expired since): no period held it', async () => {
    const store = await freshStore('2026-02-10T10:00:00+05:00');
    await addTariffs(store, 'svc-cloud1c', { 'c-15k': 1_500_000 });
    const account = await store.createAccount({ ...accountInput({ iinBin: validBin(690), name: 'ТОО «Мерзім»' }), opId: opId() });
    await store.recordPayment({ accountId: account.id, amount: 3_000_000, date: '2026-02-10', method: 'bank_transfer', opId: opId() });
    const created = await store.createSubscription({ accountId: account.id, tariffId: 'c-15k', startDate: '2026-02-10', autoRenew: false, opId: opId() });
    await store.activateSubscription({ subscriptionId: created.id, opId: opId() });
    store.setNow('2026-03-09T10:00:00+05:00');
    await store.renewSubscription({ subscriptionId: created.id, opId: opId() });
    store.setNow('2026-04-12T12:00:00+05:00');
    await store.runRenewals({ date: '2026-04-12', opId: opId() });
    expect(await store.db.subscriptions.get(created.id)).toMatchObject({ status: 'expired', currentPeriod: { start: '2026-03-10', end: '2026-04-10' } });
    expect(await lineOf(store, { start: '2026-04-11T10:00:00+05:00', end: '2026-04-11T12:00:00+05:00', subscriptionIds: [created.id] })).toMatchObject({ periodStart: null });
  });

  it('a free period is charged nothing, so no charge held the start: the price of the incident’s day', async () => {
    const store = await freshStore('2026-03-10T10:00:00+05:00');
    // Free until April, 10 000,00 ₸ from 2026-04-01.
    await store.db.tariffs.add({
      id: 'c-promo',
      serviceId: 'svc-cloud1c',
      code: 'c-promo',
      name: { kk: 'promo kk', ru: 'promo ru' },
      billingMonths: 1,
      prices: [
        { from: '2020-01-01', price: 0 },
        { from: '2026-04-01', price: 1_000_000 },
      ],
      limits: {},
      active: true,
      sortOrder: 100,
    });
    const { account } = await activeSubscription(store, { tariffId: 'c-promo', start: '2026-03-10', money: 1_000_000 });
    store.setNow('2026-04-12T12:00:00+05:00');
    await store.runRenewals({ date: '2026-04-12', opId: opId() });
    await expectStatement(store, account.id, [
      { date: '2026-03-10', kind: 'payment', bucket: 'money', amount: 1_000_000 },
      { date: '2026-04-10', kind: 'period_charge', bucket: 'money', amount: -1_000_000, period: { start: '2026-04-10', end: '2026-05-10' } },
    ]);
    expect(await lineOf(store, { start: '2026-04-05T10:00:00+05:00', end: '2026-04-05T12:00:00+05:00' })).toEqual({
      quote: { hours: 2, amount: 20_000, excluded: false },
      periodStart: null,
      periodPrice: 1_000_000,
    });
  });

  it('after a tariff change the ledger decides: an upgrade from a free tariff left its first period without a period charge', async () => {
    const store = await freshStore('2026-03-10T10:00:00+05:00');
    await addTariffs(store, 'svc-cloud1c', { 'c-free': 0, 'c-10k': 1_000_000 });
    const { subscription } = await activeSubscription(store, { tariffId: 'c-free', start: '2026-03-10', money: 2_000_000 });
    store.setNow('2026-03-20T12:00:00+05:00');
    await store.changeTariff({ subscriptionId: subscription.id, tariffId: 'c-10k', date: '2026-03-20', opId: opId() });
    store.setNow('2026-04-12T12:00:00+05:00');
    await store.runRenewals({ date: '2026-04-12', opId: opId() });
    expect(await store.db.subscriptions.get(subscription.id)).toMatchObject({ tariffId: 'c-10k', currentPeriod: { start: '2026-04-10', end: '2026-05-10' } });
    expect(await lineOf(store, { start: '2026-04-05T10:00:00+05:00', end: '2026-04-05T12:00:00+05:00' })).toEqual({
      quote: { hours: 2, amount: 20_000, excluded: false },
      periodStart: null,
      periodPrice: 1_000_000,
    });
  });
});

describe('many subscriptions: read by range instead of by key', () => {
  it('a large incident is read and written in slices: the same records, one outbox record and one audit event per operation', async () => {
    const saved = { slices: { ...SLICES }, perKeyMax: BULK_READS.perKeyMax };
    // A handful of records cut into many slices, as 10 000 are at full size.
    Object.assign(SLICES, { write: 2, read: 2, compute: 3 });
    BULK_READS.perKeyMax = 0;
    try {
      const store = await freshStore('2026-03-01T10:00:00+05:00');
      await addTariffs(store, 'svc-cloud1c', { 'c-15k': 1_500_000 });
      const subs = [];
      for (let i = 0; i < 5; i++) subs.push(await activeSubscription(store, { tariffId: 'c-15k', start: '2026-03-01', money: 4_500_000 }));
      const first = subs[0]!.account;
      // Two more subscriptions of the first client: its credits fall in different slices.
      for (let i = 0; i < 2; i++) {
        const sub = await store.createSubscription({ accountId: first.id, tariffId: 'c-15k', startDate: '2026-03-01', opId: opId() });
        await store.activateSubscription({ subscriptionId: sub.id, opId: opId() });
      }
      store.setNow('2026-03-05T12:00:00+05:00');
      const incident = await record(store, { start: '2026-03-04T10:00:00+05:00', end: '2026-03-04T14:30:00+05:00' });
      expect(incident.subscriptionIds).toHaveLength(7);
      const proposed = await store.proposeCompensations({ incidentId: incident.id, opId: 'propose' });
      expect(proposed.map((c) => [c.subscriptionId, c.quote.amount])).toEqual(incident.subscriptionIds.map((id) => [id, 60_000]));
      const approved = await store.approveIncidentCompensations({ incidentId: incident.id, opId: 'approve-all' });
      expect(approved.map((c) => [c.id, c.status, c.ledgerEntryIds.length])).toEqual(proposed.map((c) => [c.id, 'approved', 1]));
      expect(await store.getBalances(first.id)).toEqual({ money: 0, bonus: 180_000 });
      for (const { account } of subs.slice(1)) expect(await store.getBalances(account.id)).toEqual({ money: 3_000_000, bonus: 60_000 });
      const outbox = await store.db.outbox.where('opId').anyOf(['propose', 'approve-all']).sortBy('seq');
      expect(outbox.map((o) => [o.opId, o.rows.map((r) => `${r.op} ${r.table}`)])).toEqual([
        ['propose', Array(7).fill('insert compensations')],
        ['approve-all', [...Array(7).fill('insert ledger'), ...Array(7).fill('update compensations')]],
      ]);
      expect(outbox[1]!.rows.slice(0, 7).map((r) => r.recordId)).toEqual(approved.map((c) => c.ledgerEntryIds[0]));
      expect(outbox[1]!.rows.slice(7).map((r) => r.recordId)).toEqual(approved.map((c) => c.id));
      const audit = await store.db.audit.where('operationId').anyOf(['propose', 'approve-all']).toArray();
      // Each event names the 7 compensations, then the incident and the 5 clients they belong to; approve-all also lists its 7 entries.
      const owners = [incident.id, ...subs.map((s) => s.account.id)].sort();
      expect(audit.map((a) => [a.operationId, a.entityIds.slice(0, 7), [...a.entityIds.slice(7)].sort(), a.changes.length, a.postings?.length ?? 0]).sort()).toEqual([
        ['approve-all', approved.map((c) => c.id), owners, 7, 7],
        ['propose', proposed.map((c) => c.id), owners, 7, 0],
      ]);
      expect(await storedCounters(store)).toEqual(await countersByScan(store));
    } finally {
      Object.assign(SLICES, saved.slices);
      BULK_READS.perKeyMax = saved.perKeyMax;
    }
  });

  it('gives the same quotes when subscriptions, tariff changes, charges and the month’s compensations are read by range', async () => {
    const quotes = async () => {
      const store = await freshStore('2026-03-10T10:00:00+05:00');
      const l = await activeSubscription(store, { tariffId: 'tar-cloud1c-l', start: '2026-03-10', money: 3_700_000 });
      store.setNow('2026-03-20T11:00:00+05:00');
      const s = await activeSubscription(store, { tariffId: 'tar-cloud1c-s', start: '2026-03-20', money: 1_800_000 });
      await store.changeTariff({ subscriptionId: l.subscription.id, tariffId: 'tar-cloud1c-s', date: '2026-03-20', opId: opId() });
      store.setNow('2026-04-12T12:00:00+05:00');
      await store.runRenewals({ date: '2026-04-12', opId: opId() });
      const ids = [l.subscription.id, s.subscription.id];
      const first = await record(store, { start: '2026-04-05T10:00:00+05:00', end: '2026-04-06T10:00:00+05:00', subscriptionIds: ids });
      await store.proposeCompensations({ incidentId: first.id, opId: opId() });
      const incident = await record(store, { start: '2026-04-07T10:00:00+05:00', end: '2026-04-10T18:00:00+05:00', subscriptionIds: ids });
      const lines = await store.proposeCompensations({ incidentId: incident.id, opId: opId() });
      return lines.map((c) => c.quote.amount);
    };
    // 24 % then 80 %, capped at the 76 % left: of 28 000,00 ₸ for L (the tariff before the downgrade), of 9 000,00 ₸ for S.
    const expected = [2_128_000, 684_000];
    expect(await quotes()).toEqual(expected);
    const saved = BULK_READS.perKeyMax;
    BULK_READS.perKeyMax = 0;
    try {
      expect(await quotes()).toEqual(expected);
    } finally {
      BULK_READS.perKeyMax = saved;
    }
  });
});
