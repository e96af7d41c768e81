import { describe, expect, it } from 'vitest';
import type { EdoAccessStatus } from '../../core';
import { accountInput, auditOf, commandErrorOf, expectStatement, freshStore, opId, outboxOf, tableCounts, validBin, type TestStore } from './helpers';

/**
 * Uchet.EDO access (002 §2.2, §4.2, §4.4; domain-rules §3): a charged year
 * opens an access record due within 5 working days of the payment; the
 * access act counts as accepted 3 working days after it is sent unless the
 * client signs or rejects it before; documents per month against the
 * tariff's limit, with an upgrade suggestion.
 * March 2026: Fri 13, Mon 16 … Fri 20; Mon 23 – Wed 25 Nauryz; Thu 26, Fri 27, Mon 30.
 */

let clients = 0;
async function edoClient(store: TestStore, p: { start: string; money?: number; tariffId?: string; autoRenew?: boolean }) {
  clients += 1;
  const account = await store.createAccount({ ...accountInput({ iinBin: validBin(5000 + clients), name: `ТОО «ЭДО ${clients}»` }), opId: opId() });
  await store.recordPayment({ accountId: account.id, amount: p.money ?? 3_600_000, date: p.start, method: 'bank_transfer', opId: opId() });
  const sub = await store.createSubscription({ accountId: account.id, tariffId: p.tariffId ?? 'tar-edo-basic', startDate: p.start, autoRenew: p.autoRenew ?? false, opId: opId() });
  return { account, sub };
}

async function accessOf(store: TestStore, subscriptionId: string) {
  return store.db.edoAccess.where('subscriptionId').equals(subscriptionId).sortBy('periodStart');
}

describe('a charged Uchet.EDO year opens its access record', () => {
  it('activation on Fri 13 March: access due Fri 20 March (5 working days), in the activation\'s own operation', async () => {
    const store = await freshStore('2026-03-13T11:00:00+05:00');
    const { account, sub } = await edoClient(store, { start: '2026-03-13' });
    await store.activateSubscription({ subscriptionId: sub.id, opId: 'activate' });
    const [access] = await accessOf(store, sub.id);
    expect(access).toEqual({
      id: access!.id,
      subscriptionId: sub.id,
      accountId: account.id,
      periodStart: '2026-03-13',
      periodEnd: '2027-03-13',
      paidOn: '2026-03-13',
      accessDueDate: '2026-03-20',
      accessGrantedOn: null,
      actSentOn: null,
      actAcceptanceDate: null,
      clientDecision: null,
      clientDecisionOn: null,
      clientDecisionNote: '',
      createdAt: '2026-03-13T06:00:00.000Z',
    });
    expect(await auditOf(store, access!.id)).toMatchObject([{ command: 'activateSubscription', operationId: 'activate', before: null }]);
    expect(await outboxOf(store, 'edoAccess', access!.id)).toMatchObject([{ opId: 'activate', op: 'insert' }]);
    await expectStatement(store, account.id, [
      { date: '2026-03-13', kind: 'payment', bucket: 'money', amount: 3_600_000 },
      { date: '2026-03-13', kind: 'period_charge', bucket: 'money', amount: -3_600_000, period: { start: '2026-03-13', end: '2027-03-13' } },
    ]);
  });

  it('the Nauryz days off push the due date: paid Wed 18 March → due Wed 1 April', async () => {
    const store = await freshStore('2026-03-18T11:00:00+05:00');
    const { sub } = await edoClient(store, { start: '2026-03-18' });
    await store.activateSubscription({ subscriptionId: sub.id, opId: opId() });
    // Thu 19, Fri 20, (23–25 off) Thu 26, Fri 27, Mon 30 → that is 5: Mon 30 March.
    expect((await accessOf(store, sub.id))[0]!.accessDueDate).toBe('2026-03-30');
  });

  it('an activation the balance does not cover opens nothing (one transaction)', async () => {
    const store = await freshStore('2026-03-13T11:00:00+05:00');
    const { sub } = await edoClient(store, { start: '2026-03-13', money: 3_599_999 });
    const before = await tableCounts(store);
    expect(await commandErrorOf(store.activateSubscription({ subscriptionId: sub.id, opId: opId() }))).toMatchObject({ code: 'errors:balance.insufficient' });
    expect(await store.db.edoAccess.count()).toBe(0);
    expect(await tableCounts(store)).toEqual(before);
  });

  it('renewSubscription and the renewal run each open the next year\'s record; other services open none', async () => {
    const store = await freshStore('2025-03-13T11:00:00+05:00');
    const manual = await edoClient(store, { start: '2025-03-13', money: 7_200_000 });
    const auto = await edoClient(store, { start: '2025-03-13', money: 7_200_000, autoRenew: true });
    await store.activateSubscription({ subscriptionId: manual.sub.id, opId: opId() });
    await store.activateSubscription({ subscriptionId: auto.sub.id, opId: opId() });
    // 2025: Fri 14, Mon 17 – Thu 20 → Thu 20 March 2025 (Fri 21 is Nauryz).
    expect((await accessOf(store, auto.sub.id)).map((a) => a.accessDueDate)).toEqual(['2025-03-20']);

    store.setNow('2026-03-13T09:00:00+05:00');
    await store.renewSubscription({ subscriptionId: manual.sub.id, opId: opId() });
    expect(await store.runRenewals({ date: '2026-03-13', opId: 'run' })).toEqual({ renewed: 1, suspended: 0, expired: 0, deleted: 0 });
    for (const { sub } of [manual, auto]) {
      expect((await accessOf(store, sub.id)).map((a) => [a.periodStart, a.paidOn, a.accessDueDate])).toEqual([
        ['2025-03-13', '2025-03-13', '2025-03-20'],
        ['2026-03-13', '2026-03-13', '2026-03-20'],
      ]);
    }
    const [, renewed] = await accessOf(store, auto.sub.id);
    expect((await auditOf(store, renewed!.id))[0]!.operationId).toMatch(/^run#/);
    // Run again for the same date: nothing more.
    await store.runRenewals({ date: '2026-03-13', opId: 'run-again' });
    expect(await store.db.edoAccess.count()).toBe(4);

    const cloud = await store.createAccount({ ...accountInput({ iinBin: validBin(5900) }), opId: opId() });
    await store.recordPayment({ accountId: cloud.id, amount: 900_000, date: '2026-03-13', method: 'bank_transfer', opId: opId() });
    const cloudSub = await store.createSubscription({ accountId: cloud.id, tariffId: 'tar-cloud1c-s', startDate: '2026-03-13', opId: opId() });
    await store.activateSubscription({ subscriptionId: cloudSub.id, opId: opId() });
    expect(await store.db.edoAccess.count()).toBe(4);
  });
});

describe('access, the act and the client\'s answer', () => {
  async function paid() {
    const store = await freshStore('2026-03-13T11:00:00+05:00', 'operator');
    const { sub } = await edoClient(store, { start: '2026-03-13' });
    await store.activateSubscription({ subscriptionId: sub.id, opId: opId() });
    const [access] = await accessOf(store, sub.id);
    return { store, sub, access: access! };
  }
  const statusOn = async (store: TestStore, subscriptionId: string, today: string) => (await store.edoOfSubscription(subscriptionId, today)).accesses.map((a) => a.status);

  it('awaiting access until the due date, overdue the day after', async () => {
    const { store, sub } = await paid();
    expect(await statusOn(store, sub.id, '2026-03-20')).toEqual(['awaiting_access']);
    expect(await statusOn(store, sub.id, '2026-03-21')).toEqual(['access_overdue']);
  });

  it('act sent Fri 20 March → the client may answer until Mon 30 March (3 working days, Nauryz skipped), accepted automatically on Tue 31 March; an answer dated then is refused', async () => {
    const { store, sub, access } = await paid();
    store.setNow('2026-03-18T10:00:00+05:00');
    expect(await store.grantEdoAccess({ accessId: access.id, date: '2026-03-18', opId: opId() })).toMatchObject({ accessGrantedOn: '2026-03-18' });
    expect(await statusOn(store, sub.id, '2026-03-25')).toEqual(['access_granted']);
    store.setNow('2026-03-20T10:00:00+05:00');
    const sent = await store.sendEdoAct({ accessId: access.id, date: '2026-03-20', opId: opId() });
    expect(sent).toMatchObject({ actSentOn: '2026-03-20', actAcceptanceDate: '2026-03-31' });
    expect(await statusOn(store, sub.id, '2026-03-30')).toEqual(['act_sent']);
    expect(await statusOn(store, sub.id, '2026-03-31')).toEqual(['accepted_auto']);

    store.setNow('2026-04-01T10:00:00+05:00');
    const before = await tableCounts(store);
    const late = await commandErrorOf(store.recordEdoActDecision({ accessId: access.id, decision: 'signed', date: '2026-03-31', opId: opId() }));
    expect(late).toMatchObject({ code: 'errors:edo.actAlreadyAccepted', field: 'date', params: { date: '2026-03-31' } });
    expect(await tableCounts(store)).toEqual(before);
    // The client's signature on the last day of the term, entered late, still counts.
    const signed = await store.recordEdoActDecision({ accessId: access.id, decision: 'signed', date: '2026-03-30', opId: opId() });
    expect(signed).toMatchObject({ clientDecision: 'signed', clientDecisionOn: '2026-03-30', clientDecisionNote: '' });
    expect(await statusOn(store, sub.id, '2026-04-01')).toEqual(['accepted']);
    expect(await commandErrorOf(store.recordEdoActDecision({ accessId: access.id, decision: 'rejected', date: '2026-03-30', note: 'x', opId: opId() }))).toMatchObject({
      code: 'errors:edo.actAlreadyDecided',
    });
  });

  it('a rejection needs its reason; a rejected act can be sent again, with a new acceptance date', async () => {
    const { store, sub, access } = await paid();
    store.setNow('2026-03-17T10:00:00+05:00');
    await store.grantEdoAccess({ accessId: access.id, date: '2026-03-16', opId: opId() });
    await store.sendEdoAct({ accessId: access.id, date: '2026-03-16', opId: opId() }); // last day to answer Thu 19, accepted from Fri 20
    expect(await commandErrorOf(store.sendEdoAct({ accessId: access.id, date: '2026-03-17', opId: opId() }))).toMatchObject({ code: 'errors:edo.actAlreadySent' });
    expect(await commandErrorOf(store.recordEdoActDecision({ accessId: access.id, decision: 'rejected', date: '2026-03-17', note: '  ', opId: opId() }))).toMatchObject({
      code: 'errors:edo.rejectionNoteRequired',
      field: 'note',
    });
    const rejected = await store.recordEdoActDecision({ accessId: access.id, decision: 'rejected', date: '2026-03-17', note: 'Неверные реквизиты', opId: opId() });
    expect(rejected).toMatchObject({ actAcceptanceDate: '2026-03-20', clientDecision: 'rejected', clientDecisionNote: 'Неверные реквизиты' });
    expect(await statusOn(store, sub.id, '2026-03-20')).toEqual(['rejected']);
    expect(await commandErrorOf(store.sendEdoAct({ accessId: access.id, date: '2026-03-16', opId: opId() }))).toMatchObject({ code: 'errors:edo.dateBeforeGrant', params: { date: '2026-03-17' } });
    const again = await store.sendEdoAct({ accessId: access.id, date: '2026-03-17', opId: opId() });
    expect(again).toMatchObject({ actSentOn: '2026-03-17', actAcceptanceDate: '2026-03-21', clientDecision: null, clientDecisionOn: null, clientDecisionNote: '' });
    expect(await auditOf(store, access.id)).toMatchObject([
      { command: 'activateSubscription' },
      { command: 'grantEdoAccess' },
      { command: 'sendEdoAct' },
      { command: 'recordEdoActDecision', after: { clientDecision: 'rejected' } },
      { command: 'sendEdoAct', before: { clientDecision: 'rejected' }, after: { clientDecision: null, actAcceptanceDate: '2026-03-21' } },
    ]);
  });

  it('dates out of order, in the future or twice are refused and write nothing', async () => {
    const { store, access } = await paid();
    const before = await tableCounts(store);
    expect(await commandErrorOf(store.grantEdoAccess({ accessId: access.id, date: '2026-03-12', opId: opId() }))).toMatchObject({ code: 'errors:edo.dateBeforePayment', params: { date: '2026-03-13' } });
    expect(await commandErrorOf(store.grantEdoAccess({ accessId: access.id, date: '2026-03-14', opId: opId() }))).toMatchObject({ code: 'errors:date.future' });
    expect(await commandErrorOf(store.sendEdoAct({ accessId: access.id, date: '2026-03-13', opId: opId() }))).toMatchObject({ code: 'errors:edo.accessNotGranted' });
    expect(await commandErrorOf(store.recordEdoActDecision({ accessId: access.id, decision: 'signed', date: '2026-03-13', opId: opId() }))).toMatchObject({ code: 'errors:edo.actNotSent' });
    expect(await commandErrorOf(store.recordEdoActDecision({ accessId: access.id, decision: 'maybe' as 'signed', date: '2026-03-13', opId: opId() }))).toMatchObject({ code: 'errors:edo.decisionInvalid' });
    expect(await commandErrorOf(store.grantEdoAccess({ accessId: 'nope', date: '2026-03-13', opId: opId() }))).toMatchObject({ code: 'errors:edo.accessNotFound' });
    expect(await tableCounts(store)).toEqual(before);
    await store.grantEdoAccess({ accessId: access.id, date: '2026-03-13', opId: 'grant' });
    expect(await store.grantEdoAccess({ accessId: access.id, date: '2026-03-13', opId: 'grant' })).toMatchObject({ accessGrantedOn: '2026-03-13' });
    expect(await commandErrorOf(store.grantEdoAccess({ accessId: access.id, date: '2026-03-13', opId: opId() }))).toMatchObject({ code: 'errors:edo.alreadyGranted' });
    expect(await commandErrorOf(store.sendEdoAct({ accessId: access.id, date: '2026-03-12', opId: opId() }))).toMatchObject({ code: 'errors:edo.dateBeforeGrant' });
  });
});

describe('documents per month and the upgrade suggestion (002 §4.4)', () => {
  async function active() {
    const store = await freshStore('2026-03-13T11:00:00+05:00');
    const { account, sub } = await edoClient(store, { start: '2026-03-13' });
    await store.activateSubscription({ subscriptionId: sub.id, opId: opId() });
    return { store, account, sub };
  }

  it('a month above the basic limit of 100 suggests the cheapest tariff that covers it: Standard (1 000 a month)', async () => {
    const { store, account, sub } = await active();
    store.setNow('2026-05-04T10:00:00+05:00');
    expect(await store.recordEdoUsage({ subscriptionId: sub.id, month: '2026-03', documents: 80, opId: opId() })).toEqual({
      id: `${sub.id}|2026-03`,
      subscriptionId: sub.id,
      accountId: account.id,
      month: '2026-03',
      documents: 80,
      updatedAt: '2026-05-04T05:00:00.000Z',
    });
    await store.recordEdoUsage({ subscriptionId: sub.id, month: '2026-04', documents: 250, opId: opId() });
    expect(await store.edoOfSubscription(sub.id, '2026-05-04')).toMatchObject({
      documentLimit: 100,
      usage: [
        { month: '2026-04', documents: 250, limit: 100, exceeded: true },
        { month: '2026-03', documents: 80, limit: 100, exceeded: false },
      ],
      suggestion: { tariffId: 'tar-edo-standard', documentsPerMonth: 1000, price: 7_200_000, name: { ru: 'Стандарт (годовой)' } },
    });
    // 1 200 documents: only Corporate (5 000) covers it.
    await store.recordEdoUsage({ subscriptionId: sub.id, month: '2026-05', documents: 1200, opId: opId() });
    expect((await store.edoOfSubscription(sub.id, '2026-05-04')).suggestion).toMatchObject({ tariffId: 'tar-edo-corporate', documentsPerMonth: 5000, price: 18_000_000 });
  });

  it('entering a month again replaces its number (one record); within the limit there is no suggestion', async () => {
    const { store, sub } = await active();
    store.setNow('2026-04-02T10:00:00+05:00');
    await store.recordEdoUsage({ subscriptionId: sub.id, month: '2026-03', documents: 250, opId: opId() });
    const fixed = await store.recordEdoUsage({ subscriptionId: sub.id, month: '2026-03', documents: 100, opId: 'fix' });
    expect(fixed).toMatchObject({ documents: 100 });
    expect(await store.db.edoUsage.count()).toBe(1);
    expect(await store.edoOfSubscription(sub.id, '2026-04-02')).toMatchObject({ usage: [{ month: '2026-03', documents: 100, exceeded: false }], suggestion: null });
    expect(await auditOf(store, `${sub.id}|2026-03`)).toMatchObject([{ before: null }, { operationId: 'fix', before: { documents: 250 }, after: { documents: 100 } }]);
  });

  it('refuses a malformed or future month, a negative or fractional count, a subscription of another service', async () => {
    const { store, sub } = await active();
    const before = await tableCounts(store);
    const usage = (month: string, documents: number, subscriptionId = sub.id) => commandErrorOf(store.recordEdoUsage({ subscriptionId, month, documents, opId: opId() }));
    expect(await usage('2026-3', 1)).toMatchObject({ code: 'errors:month.invalid', field: 'month' });
    expect(await usage('2026-13', 1)).toMatchObject({ code: 'errors:month.invalid' });
    expect(await usage('2026-03-01', 1)).toMatchObject({ code: 'errors:month.invalid' });
    expect(await usage('2026-04', 1)).toMatchObject({ code: 'errors:edo.monthInFuture', params: { month: '2026-03' } });
    expect(await usage('2026-03', -1)).toMatchObject({ code: 'errors:edo.documentsInvalid', field: 'documents' });
    expect(await usage('2026-03', 1.5)).toMatchObject({ code: 'errors:edo.documentsInvalid' });
    const cloud = await store.createAccount({ ...accountInput({ iinBin: validBin(5950) }), opId: opId() });
    const cloudSub = await store.createSubscription({ accountId: cloud.id, tariffId: 'tar-cloud1c-s', startDate: '2026-03-13', opId: opId() });
    expect(await usage('2026-03', 1, cloudSub.id)).toMatchObject({ code: 'errors:edo.notEdoSubscription', field: 'subscriptionId' });
    expect(await store.db.edoUsage.count()).toBe(0);
    expect((await tableCounts(store)).ledger).toBe(before.ledger);
  });
});

describe('listEdoAccess', () => {
  it('the register by status on a day, with client and tariff names', async () => {
    const store = await freshStore('2026-03-13T11:00:00+05:00');
    const a = await edoClient(store, { start: '2026-03-02' });
    const b = await edoClient(store, { start: '2026-03-13' });
    const c = await edoClient(store, { start: '2026-03-10' });
    for (const { sub } of [a, b, c]) await store.activateSubscription({ subscriptionId: sub.id, opId: opId() });
    const [accessC] = await accessOf(store, c.sub.id);
    await store.grantEdoAccess({ accessId: accessC!.id, date: '2026-03-12', opId: opId() });
    await store.sendEdoAct({ accessId: accessC!.id, date: '2026-03-13', opId: opId() }); // answer until Wed 18, accepted from Thu 19
    // a: paid Mon 2 March, due Mon 9 March → overdue; b: due Fri 20 March; c: act sent.
    const register = (status?: EdoAccessStatus, today = '2026-03-13') => store.listEdoAccess({ today, ...(status ? { status } : {}) });
    expect((await register('access_overdue')).rows.map((r) => r.subscriptionId)).toEqual([a.sub.id]);
    expect((await register('awaiting_access')).rows.map((r) => r.subscriptionId)).toEqual([b.sub.id]);
    expect((await register('act_sent')).rows).toMatchObject([{ subscriptionId: c.sub.id, status: 'act_sent', accountName: c.account.name, tariffName: { ru: 'Базовый (годовой)' } }]);
    expect((await register('act_sent', '2026-03-18')).rows.map((r) => r.subscriptionId)).toEqual([c.sub.id]);
    expect((await register('accepted_auto', '2026-03-19')).rows.map((r) => r.subscriptionId)).toEqual([c.sub.id]);
    expect((await register()).rows.map((r) => r.status)).toEqual(['awaiting_access', 'act_sent', 'access_overdue']);
    expect(await store.listEdoAccess({ today: '2026-03-13', accountId: a.account.id })).toMatchObject({ rows: [{ status: 'access_overdue' }], truncated: false });
    expect(await store.listEdoAccess({ today: '2026-03-13', limit: 1 })).toMatchObject({ rows: [{ subscriptionId: b.sub.id }], truncated: true, limit: 1 });
  });
});
