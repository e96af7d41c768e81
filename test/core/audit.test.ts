import { describe, expect, it } from 'vitest';
import { createStore, type Account, type AuditRow, type StaffRole, type Store, type Subscription } from '../../core';
import { COMMANDS } from '../../core/commands';
import { REDACTED } from '../../core/tx';
import kkAudit from '../../locales/kk/audit.json';
import ruAudit from '../../locales/ru/audit.json';
import { accountInput, addTariffs, freshDatabase, opId, validBin } from './helpers';

interface AuditStore extends Store {
  setNow(iso: string): void;
  actAs(login: string, role?: StaffRole): void;
}

/** A store whose clock is pinned and whose acting login can change between commands (createStore trusts both, §6). */
async function auditStore(now = '2026-03-02T09:00:00+05:00'): Promise<AuditStore> {
  let current = new Date(now);
  // The app seeds its catalog before anyone signs in; then Aigerim (admin) works.
  let actor = 'system';
  let role: StaffRole = 'operator';
  const store = createStore(freshDatabase(), { now: () => current, actor: () => actor, role: () => role });
  await store.ensureCatalog();
  actor = 'aigerim';
  role = 'admin';
  return Object.assign(store, {
    setNow: (iso: string) => (current = new Date(iso)),
    actAs: (login: string, asRole: StaffRole = 'operator') => {
      actor = login;
      role = asRole;
    },
  });
}

let clients = 0;
async function client(store: Store, name?: string) {
  clients += 1;
  return store.createAccount({ ...accountInput({ iinBin: validBin(clients), name: name ?? `ТОО «Клиент ${clients}»` }), opId: opId() });
}

/** The rows as `command actor` lines: what a person reads first in the list. */
const lines = (rows: readonly AuditRow[]) => rows.map((r) => `${r.command} ${r.actor}`);

/** Every row of a filter, page after page of `limit`, and the pages' sizes. */
async function allPages(store: Store, filter: Parameters<Store['listAudit']>[0], limit: number): Promise<{ rows: AuditRow[]; pages: number[] }> {
  const rows: AuditRow[] = [];
  const pages: number[] = [];
  let before: { at: string; id: string } | undefined;
  for (;;) {
    const page = await store.listAudit({ ...filter, limit, ...(before ? { before } : {}) });
    rows.push(...page.rows);
    pages.push(page.rows.length);
    if (!page.hasMore) return { rows, pages };
    const last = page.rows.at(-1)!;
    before = { at: last.at, id: last.id };
  }
}

describe('a payment is in the audit trail', () => {
  it("the operator's payment leaves one event naming the operator, the account and the entry", async () => {
    const store = await auditStore('2026-03-02T09:00:00+05:00');
    const account = await client(store, 'ТОО «Алтын Сапа»');
    store.actAs('bolat');
    store.setNow('2026-03-02T10:15:00+05:00');
    const entry = await store.recordPayment({ accountId: account.id, amount: 1_500_050, date: '2026-03-01', method: 'kaspi', reference: 'KSP-77', opId: 'pay-1' });

    const events = await store.db.audit.where('operationId').equals('pay-1').toArray();
    expect(events).toEqual([
      {
        id: expect.any(String),
        actor: 'bolat',
        at: '2026-03-02T05:15:00.000Z',
        command: 'recordPayment',
        operationId: 'pay-1',
        entityIds: [account.id],
        changes: [],
        postings: [{ id: entry.id, accountId: account.id, bucket: 'money', kind: 'payment', amount: 1_500_050, businessDate: '2026-03-01' }],
      },
    ]);

    // The Audit section filtered by the operator: the payment, with the client it was for.
    const { rows, hasMore } = await store.listAudit({ actor: 'bolat' });
    expect(hasMore).toBe(false);
    expect(rows).toEqual([
      {
        id: events[0]!.id,
        at: '2026-03-02T05:15:00.000Z',
        actor: 'bolat',
        actorName: null,
        command: 'recordPayment',
        operationId: 'pay-1',
        entityIds: [account.id],
        changes: [],
        postings: events[0]!.postings,
        omitted: 0,
        recordCounts: { ledger: 1 },
        targets: [{ kind: 'account', id: account.id, name: 'ТОО «Алтын Сапа»' }],
        targetCount: 1,
      },
    ]);
    // The account's history: the payment, then the account's creation by the admin.
    expect(lines(await store.historyOf(account.id))).toEqual(['recordPayment bolat', 'createAccount aigerim']);
  });

  it('a repeated payment (same opId) adds no second event; a refused one adds none', async () => {
    const store = await auditStore();
    const account = await client(store);
    const input = { accountId: account.id, amount: 100_00, date: '2026-03-02', method: 'cash' as const, opId: 'pay' };
    await store.recordPayment(input);
    await store.recordPayment(input);
    await expect(store.recordPayment({ ...input, date: '2026-03-03', opId: 'future' })).rejects.toMatchObject({ code: 'errors:payment.dateInFuture' });
    expect((await store.listAudit({ command: 'recordPayment' })).rows.map((r) => r.operationId)).toEqual(['pay']);
  });
});

describe('records of an account are in its history', () => {
  it("a subscription's creation, activation and renewal name the account; a renewal chunk names every account it touched", async () => {
    const store = await auditStore('2026-03-10T09:00:00+05:00');
    await addTariffs(store, 'svc-cloud1c', { 'c-10k': 1_000_000 });
    const accounts: Account[] = [];
    const subscriptions: Subscription[] = [];
    for (let i = 0; i < 3; i++) {
      const account = await client(store);
      await store.recordPayment({ accountId: account.id, amount: 2_000_000, date: '2026-03-10', method: 'bank_transfer', opId: opId() });
      const sub = await store.createSubscription({ accountId: account.id, tariffId: 'c-10k', startDate: '2026-03-10', opId: opId() });
      await store.activateSubscription({ subscriptionId: sub.id, opId: opId() });
      accounts.push(account);
      subscriptions.push(sub);
    }
    store.setNow('2026-04-10T08:00:00+05:00');
    store.actAs('dana', 'manager');
    expect(await store.runRenewals({ date: '2026-04-10', opId: 'run' })).toMatchObject({ renewed: 3 });

    const [chunk] = (await store.listAudit({ command: 'renewalChunk' })).rows;
    expect(chunk).toMatchObject({ actor: 'dana', omitted: 0, recordCounts: { subscriptions: 3, ledger: 3 }, targetCount: 3 });
    expect(chunk!.entityIds).toEqual([...subscriptions.map((s) => s.id), ...accounts.map((a) => a.id)]);
    expect(chunk!.changes.map((c) => [c.entity.id, c.accountId, Object.keys(c.after).sort()])).toEqual(
      subscriptions.map((s, i) => [s.id, accounts[i]!.id, ['currentPeriod', 'updatedAt']]),
    );
    expect(chunk!.postings.map((p) => [p.accountId, p.subscriptionId, p.kind, p.amount, p.businessDate])).toEqual(
      subscriptions.map((s, i) => [accounts[i]!.id, s.id, 'period_charge', -1_000_000, '2026-04-10']),
    );

    // The second client's history: its own subscription and entry of the chunk, the two others' counted as left out.
    const history = await store.historyOf(accounts[1]!.id);
    expect(lines(history)).toEqual(['renewalChunk dana', 'activateSubscription aigerim', 'createSubscription aigerim', 'recordPayment aigerim', 'createAccount aigerim']);
    expect(history[0]).toMatchObject({
      omitted: 4,
      recordCounts: { subscriptions: 1, ledger: 1 },
      targets: [{ kind: 'account', id: accounts[1]!.id }],
      targetCount: 1,
    });
    expect(history[0]!.changes.map((c) => c.entity.id)).toEqual([subscriptions[1]!.id]);
    expect(history[0]!.postings.map((p) => p.subscriptionId)).toEqual([subscriptions[1]!.id]);
    // The activation: the subscription's change and the period charge, both of the account.
    expect(history[1]).toMatchObject({ omitted: 0, recordCounts: { subscriptions: 1, ledger: 1 }, postings: [{ kind: 'period_charge', amount: -1_000_000 }] });
    // A subscription's own history is one lookup too.
    expect(lines(await store.historyOf(subscriptions[1]!.id))).toEqual(['renewalChunk dana', 'activateSubscription aigerim', 'createSubscription aigerim']);
  });
});

describe('what an event holds', () => {
  it("an update's event keeps only the changed fields: old values before, new after", async () => {
    const store = await auditStore();
    const account = await client(store);
    store.setNow('2026-03-03T11:00:00+05:00');
    await store.updateAccount({ id: account.id, patch: { phone: '8 777 000 11 22' }, opId: 'edit' });
    const [edit] = (await store.listAudit({ command: 'updateAccount' })).rows;
    expect(edit!.changes).toEqual([
      {
        entity: { table: 'accounts', id: account.id },
        before: { phone: '+77011234567', updatedAt: '2026-03-02T04:00:00.000Z' },
        after: { phone: '+77770001122', updatedAt: '2026-03-03T06:00:00.000Z' },
      },
    ]);
    expect(edit!.postings).toEqual([]);
  });

  it('a password hash is never in the audit: "[redacted]" says that it changed', async () => {
    const store = await auditStore();
    const bolat = await store.createStaffUser({ login: 'bolat', name: 'Болат Сейітов', role: 'operator', password: 'korzhyn.kz', opId: 'add' });
    await store.resetStaffPassword({ staffId: bolat.id, password: 'another-one-2026', opId: 'reset' });
    const hash = (await store.db.staff.get(bolat.id))!.passwordHash;
    const rows = (await store.listAudit({ entityId: bolat.id })).rows;
    expect(rows.map((r) => [r.command, r.changes[0]!.before?.passwordHash, r.changes[0]!.after.passwordHash])).toEqual([
      ['resetStaffPassword', REDACTED, REDACTED],
      ['createStaffUser', undefined, REDACTED],
    ]);
    expect(rows[1]!.targets).toEqual([{ kind: 'staff', id: bolat.id, name: 'Болат Сейітов', login: 'bolat' }]);
    expect(JSON.stringify(await store.db.audit.toArray()).includes(hash)).toBe(false);
    expect(JSON.stringify(rows).includes(hash)).toBe(false);
  });

  it('events written before postings existed (schema v5) are listed with none', async () => {
    const store = await auditStore();
    const account = await client(store);
    await store.db.audit.add({ id: '00000000-0000-7000-8000-000000000001', actor: 'old', at: '2026-01-05T04:00:00.000Z', command: 'legacy', operationId: 'o', entityIds: [account.id], changes: [] });
    const [old] = (await store.listAudit({ actor: 'old' })).rows;
    expect(old).toMatchObject({ command: 'legacy', postings: [], changes: [], omitted: 0, targets: [], targetCount: 0 });
  });
});

describe('listAudit: filters and pages', () => {
  /**
   * Aigerim (admin) creates two clients on 2 March; Bolat (operator) records
   * a payment late on 15 March and another just after midnight (business
   * time, UTC+05:00), which is still 15 March in UTC; Aigerim edits a client
   * on 16 March.
   */
  async function office() {
    const store = await auditStore('2026-03-02T09:00:00+05:00');
    const a = await client(store, 'ТОО «Бірінші»');
    const b = await client(store, 'ТОО «Екінші»');
    store.actAs('bolat');
    store.setNow('2026-03-15T23:30:00+05:00');
    await store.recordPayment({ accountId: a.id, amount: 500_00, date: '2026-03-15', method: 'cash', opId: 'late' });
    store.setNow('2026-03-16T00:10:00+05:00');
    await store.recordPayment({ accountId: b.id, amount: 700_00, date: '2026-03-16', method: 'cash', opId: 'midnight' });
    store.actAs('aigerim', 'admin');
    store.setNow('2026-03-16T10:00:00+05:00');
    await store.updateAccount({ id: b.id, patch: { email: 'b@example.kz' }, opId: 'edit-b' });
    return { store, a, b };
  }

  const ops = (rows: readonly AuditRow[]) => rows.map((r) => r.operationId);

  it('newest first; by person, by command, by record, by business dates, and together', async () => {
    const { store, a, b } = await office();
    const all = (await store.listAudit()).rows;
    expect(lines(all)).toEqual(['updateAccount aigerim', 'recordPayment bolat', 'recordPayment bolat', 'createAccount aigerim', 'createAccount aigerim', 'ensureCatalog system']);
    expect(ops((await store.listAudit({ actor: 'bolat' })).rows)).toEqual(['midnight', 'late']);
    expect(ops((await store.listAudit({ command: 'recordPayment' })).rows)).toEqual(['midnight', 'late']);
    expect(lines((await store.listAudit({ entityId: b.id })).rows)).toEqual(['updateAccount aigerim', 'recordPayment bolat', 'createAccount aigerim']);
    // 15 March in business time ends at 19:00 UTC: the payment at 00:10 on the 16th belongs to the 16th.
    expect(ops((await store.listAudit({ from: '2026-03-15', to: '2026-03-15' })).rows)).toEqual(['late']);
    expect(ops((await store.listAudit({ from: '2026-03-16' })).rows)).toEqual(['edit-b', 'midnight']);
    expect(lines((await store.listAudit({ to: '2026-03-02' })).rows)).toEqual(['createAccount aigerim', 'createAccount aigerim', 'ensureCatalog system']);
    expect(ops((await store.listAudit({ actor: 'bolat', command: 'recordPayment', from: '2026-03-16' })).rows)).toEqual(['midnight']);
    expect(ops((await store.listAudit({ actor: 'aigerim', entityId: b.id, from: '2026-03-03' })).rows)).toEqual(['edit-b']);
    expect(ops((await store.listAudit({ entityId: a.id, from: '2026-03-16' })).rows)).toEqual([]);
    expect((await store.listAudit({ actor: 'nobody' })).rows).toEqual([]);
    expect((await store.listAudit({ from: '2026-03-16', to: '2026-03-15' })).rows).toEqual([]);
  });

  it('refuses a filter it cannot read', async () => {
    const { store } = await office();
    await expect(store.listAudit({ from: '15.03.2026' })).rejects.toMatchObject({ code: 'errors:date.invalid', field: 'from' });
    await expect(store.listAudit({ limit: 0 })).rejects.toMatchObject({ code: 'errors:validation.invalid', field: 'limit' });
    await expect(store.listAudit({ actor: '  ' })).rejects.toMatchObject({ code: 'errors:validation.invalid', field: 'actor' });
  });

  it('pages with the last row as the cursor: every event once, in order, also among events of the same instant', async () => {
    const { store, b } = await office();
    // Four more events at one pinned instant: only their ids tell them apart.
    for (let i = 0; i < 4; i++) await store.updateAccount({ id: b.id, patch: { responsiblePerson: `Person ${i}` }, opId: `same-${i}` });
    const whole = (await store.listAudit()).rows;
    expect(whole).toHaveLength(10);
    for (const limit of [1, 3, 4]) {
      const { rows, pages } = await allPages(store, {}, limit);
      expect(ops(rows)).toEqual(ops(whole));
      expect(pages.slice(0, -1).every((n) => n === limit)).toBe(true);
    }
    const byActor = (await allPages(store, { actor: 'aigerim' }, 2)).rows;
    expect(ops(byActor)).toEqual(ops((await store.listAudit({ actor: 'aigerim' })).rows));
    expect(ops(byActor).slice(0, 5)).toEqual(['same-3', 'same-2', 'same-1', 'same-0', 'edit-b']);
    const ofRecord = await allPages(store, { entityId: b.id }, 2);
    expect(ofRecord.pages).toEqual([2, 2, 2, 1]);
    const created = whole.find((r) => r.command === 'createAccount' && r.entityIds.includes(b.id))!;
    expect(ops(ofRecord.rows)).toEqual(['same-3', 'same-2', 'same-1', 'same-0', 'edit-b', 'midnight', created.operationId]);
    // The default page is 100 rows.
    for (let i = 0; i < 100; i++) await store.updateAccount({ id: b.id, patch: { responsiblePerson: `P ${i}` }, opId: `more-${i}` });
    const first = await store.listAudit();
    expect([first.rows.length, first.hasMore]).toEqual([100, true]);
  });

  it('names the people and commands that appear in the trail, each once', async () => {
    const { store } = await office();
    await store.createStaffUser({ login: 'bolat', name: 'Болат Сейітов', role: 'operator', password: 'korzhyn.kz', opId: 'staff' });
    expect(await store.auditActors()).toEqual([
      { login: 'aigerim', name: null },
      { login: 'bolat', name: 'Болат Сейітов' },
      { login: 'system', name: null },
    ]);
    expect(await store.auditCommands()).toEqual(['createAccount', 'createStaffUser', 'ensureCatalog', 'recordPayment', 'updateAccount']);
    expect((await store.listAudit({ actor: 'bolat' })).rows.map((r) => r.actorName)).toEqual(['Болат Сейітов', 'Болат Сейітов']);
  });
});

describe('an incident and its compensations', () => {
  it("the incident's history holds its recording, closing and the compensations drafted for it", async () => {
    const store = await auditStore('2026-03-01T10:00:00+05:00');
    await addTariffs(store, 'svc-cloud1c', { 'c-15k': 1_500_000 });
    const account = await client(store);
    await store.recordPayment({ accountId: account.id, amount: 3_000_000, date: '2026-03-01', method: 'cash', opId: opId() });
    const sub = await store.createSubscription({ accountId: account.id, tariffId: 'c-15k', startDate: '2026-03-01', opId: opId() });
    await store.activateSubscription({ subscriptionId: sub.id, opId: opId() });
    store.setNow('2026-03-05T12:00:00+05:00');
    const incident = await store.recordIncident({ serviceId: 'svc-cloud1c', start: '2026-03-04T10:00:00+05:00', end: null, cause: 'provider', source: 'monitoring', opId: 'rec' });
    await store.closeIncident({ incidentId: incident.id, end: '2026-03-04T14:30:00+05:00', opId: 'close' });
    const [compensation] = await store.proposeCompensations({ incidentId: incident.id, opId: 'propose' });
    await store.approveCompensation({ compensationId: compensation!.id, opId: 'approve' });

    const history = await store.historyOf(incident.id);
    expect(lines(history)).toEqual(['approveCompensation aigerim', 'proposeCompensations aigerim', 'closeIncident aigerim', 'recordIncident aigerim']);
    expect(history.at(-1)!.targets).toEqual([{ kind: 'incident', id: incident.id, serviceName: expect.objectContaining({ ru: expect.any(String) }), start: incident.start }]);
    // The approval: the compensation's change and its bonus credit, which names the incident.
    expect(history[0]).toMatchObject({ recordCounts: { compensations: 1, ledger: 1 }, postings: [{ kind: 'compensation', bucket: 'bonus', incidentId: incident.id }] });
    expect(lines(await store.historyOf(account.id)).slice(0, 2)).toEqual(['approveCompensation aigerim', 'proposeCompensations aigerim']);
  });
});

describe('the Audit section names every command', () => {
  it('in both languages: each command of the store, the sign-in, the catalog seed the renewal run and the restore', () => {
    const names = [...Object.keys(COMMANDS), 'signIn', 'ensureCatalog', 'beginRenewals', 'renewalChunk', 'finishRenewals', 'restoreBackup'];
    for (const locale of [kkAudit, ruAudit]) {
      expect(names.filter((name) => !(name in locale.commands))).toEqual([]);
    }
  });
});
