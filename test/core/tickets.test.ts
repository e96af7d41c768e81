import { describe, expect, it } from 'vitest';
import type { StaffUser, Ticket } from '../../core';
import { accountInput, auditOf, commandErrorOf, freshStore, opId, outboxOf, tableCounts, validBin, type TestStore } from './helpers';

/**
 * Support tickets with SLA clocks (domain-rules §1 business hours, §3
 * support targets, §6 "Tickets"), Kill Bill style: the clock is pinned and
 * moved; every deadline is one a person can count on a calendar.
 * March 2026: Fri 13, Sat 14, Sun 15, Mon 16 … Fri 20; Mon 23 – Wed 25 are
 * Nauryz days off; Thu 26, Fri 27, Mon 30, Tue 31.
 * Instants are stored in UTC: 10:00 in Almaty is 05:00Z.
 */

let clients = 0;
async function clientWith(store: TestStore, tariffId: string, start = '2026-03-01') {
  clients += 1;
  const account = await store.createAccount({ ...accountInput({ iinBin: validBin(900 + clients), name: `ТОО «Өтініш ${clients}»` }), opId: opId() });
  await store.recordPayment({ accountId: account.id, amount: 50_000_000, date: start, method: 'bank_transfer', opId: opId() });
  const sub = await store.createSubscription({ accountId: account.id, tariffId, startDate: start, opId: opId() });
  const subscription = await store.activateSubscription({ subscriptionId: sub.id, opId: opId() });
  return { account, subscription };
}

async function addStaff(store: TestStore, login: string, active = true): Promise<void> {
  const at = '2026-01-01T00:00:00.000Z';
  const user: StaffUser = { id: `staff-${login}`, login, name: login, role: 'operator', passwordHash: 'x', failedAttempts: 0, lockedUntil: null, active, createdAt: at, passwordChangedAt: at, lastSignInAt: null };
  await store.db.staff.add(user);
}

type Client = Awaited<ReturnType<typeof clientWith>>;

function open(store: TestStore, client: Client, level: string, createdAt?: string, extra: Record<string, unknown> = {}) {
  return store.openTicket({
    accountId: client.account.id,
    subscriptionId: client.subscription.id,
    level,
    subject: 'Не открывается база',
    ...(createdAt === undefined ? {} : { createdAt }),
    ...extra,
    opId: opId(),
  });
}

const at = (store: TestStore, id: string) => store.db.tickets.get(id);

describe('openTicket: deadlines on both clocks', () => {
  it('high priority, 24/7: response in 1 h, resolution in 8 h, counted from now', async () => {
    const store = await freshStore('2026-03-15T12:00:00+05:00'); // a Sunday: the 24/7 clock does not care
    const client = await clientWith(store, 'tar-cloud1c-s');
    const ticket = await store.openTicket({
      accountId: client.account.id,
      subscriptionId: client.subscription.id,
      level: 'high',
      subject: '  Сервер недоступен\u200B ',
      description: 'С 11:40 не отвечает\r\nRDP',
      opId: 'open-1',
    });
    expect(ticket).toEqual({
      id: ticket.id,
      accountId: client.account.id,
      subscriptionId: client.subscription.id,
      serviceId: 'svc-cloud1c',
      level: 'high',
      status: 'open',
      subject: 'Сервер недоступен',
      description: 'С 11:40 не отвечает\nRDP',
      assignee: null,
      createdAt: '2026-03-15T07:00:00.000Z',
      firstResponseAt: null,
      resolvedAt: null,
      closedAt: null,
      responseDueAt: '2026-03-15T08:00:00.000Z',
      resolutionDueAt: '2026-03-15T15:00:00.000Z',
      dueAt: '2026-03-15T08:00:00.000Z',
      waitingOpenMinutes: 0,
      waitingSince: null,
      reopenedCount: 0,
    });
    expect(await at(store, ticket.id)).toEqual(ticket);
    expect(await auditOf(store, ticket.id)).toMatchObject([{ command: 'openTicket', operationId: 'open-1', actor: 'tester', before: null, after: ticket }]);
    expect(await outboxOf(store, 'tickets', ticket.id)).toMatchObject([{ opId: 'open-1', op: 'insert', record: ticket }]);
  });

  it('low priority on the business clock: created Friday 18:30, the response is due Monday 13:30 (30 min Friday + 3 h 30 Monday)', async () => {
    const store = await freshStore('2026-03-13T18:30:00+05:00');
    const client = await clientWith(store, 'tar-cloud1c-s');
    const ticket = await open(store, client, 'low');
    expect(ticket.responseDueAt).toBe('2026-03-16T08:30:00.000Z'); // Mon 13:30
    // 72 h = 8 days of 9 h: 30 min Fri; Mon 16 – Fri 20 (5 days), Nauryz 23–25 skipped, Thu 26, Fri 27 (7 days = 63 h);
    // the last 8 h 30 min on Mon 30: 18:30.
    expect(ticket.resolutionDueAt).toBe('2026-03-30T13:30:00.000Z');
  });

  it('a holiday of the calendar is skipped: created Friday 20 March 18:30, the response is due Thursday 26 March 13:30 (Nauryz 23–25)', async () => {
    const store = await freshStore('2026-03-20T18:30:00+05:00');
    const client = await clientWith(store, 'tar-site-card');
    const ticket = await open(store, client, 'low');
    expect(ticket).toMatchObject({ serviceId: 'svc-site-builder', responseDueAt: '2026-03-26T08:30:00.000Z', dueAt: '2026-03-26T08:30:00.000Z' });
  });

  it('a ticket created outside business hours starts at the next opening: Saturday 11:00 → Monday 10:00 + 4 h = 14:00', async () => {
    const store = await freshStore('2026-03-14T11:00:00+05:00');
    const client = await clientWith(store, 'tar-cloud1c-s');
    const ticket = await open(store, client, 'low');
    expect(ticket.responseDueAt).toBe('2026-03-16T09:00:00.000Z');
    // Before opening on a working day: Monday 07:15 → 10:00 + 4 h.
    store.setNow('2026-03-16T07:15:00+05:00');
    expect((await open(store, client, 'low')).responseDueAt).toBe('2026-03-16T09:00:00.000Z');
  });

  it('a deadline may fall exactly at 19:00: created Monday 15:00, 4 h → Monday 19:00', async () => {
    const store = await freshStore('2026-03-16T15:00:00+05:00');
    const client = await clientWith(store, 'tar-cloud1c-s');
    expect((await open(store, client, 'low')).responseDueAt).toBe('2026-03-16T14:00:00.000Z');
  });

  it('ONEbuh partner request (individual, 4 h on 09:00–18:00): created Friday 18:30, after closing → Monday 09:00 + 4 h = 13:00; no resolution time', async () => {
    const store = await freshStore('2026-03-13T18:30:00+05:00');
    const client = await clientWith(store, 'tar-onebuh-start');
    const ticket = await open(store, client, 'individual');
    expect(ticket).toMatchObject({ serviceId: 'svc-onebuh', level: 'individual', responseDueAt: '2026-03-16T08:00:00.000Z', resolutionDueAt: null, dueAt: '2026-03-16T08:00:00.000Z' });
    // Level 2, the same 4 h on the default 10:00–19:00 window: 30 min Friday + 3 h 30 Monday = 13:30.
    const level2 = await open(store, client, 'level2');
    expect(level2.responseDueAt).toBe('2026-03-16T08:30:00.000Z');
    // After the first response nothing runs: the terms set no resolution time for ONEbuh.
    store.setNow('2026-03-16T10:00:00+05:00');
    const answered = await store.respondToTicket({ ticketId: ticket.id, opId: opId() });
    expect(answered).toMatchObject({ firstResponseAt: '2026-03-16T05:00:00.000Z', resolutionDueAt: null });
    expect(answered).not.toHaveProperty('dueAt');
    expect(await at(store, ticket.id)).not.toHaveProperty('dueAt');
  });

  it('ONEbuh level 1 runs 24/7: 4 h from Saturday 22:00 is Sunday 02:00', async () => {
    const store = await freshStore('2026-03-14T22:00:00+05:00');
    const client = await clientWith(store, 'tar-onebuh-start');
    expect(await open(store, client, 'level1')).toMatchObject({ responseDueAt: '2026-03-14T21:00:00.000Z', resolutionDueAt: null });
  });

  it('createdAt given: counted from it, stored in UTC whatever the offset; the future is refused', async () => {
    const store = await freshStore('2026-03-16T12:00:00+05:00');
    const client = await clientWith(store, 'tar-cloud1c-s');
    const ticket = await open(store, client, 'medium', '2026-03-16T08:10:00+06:00'); // 07:10 in Almaty
    expect(ticket).toMatchObject({ createdAt: '2026-03-16T02:10:00.000Z', responseDueAt: '2026-03-16T04:10:00.000Z', resolutionDueAt: '2026-03-17T02:10:00.000Z' });
    const before = await tableCounts(store);
    const error = await commandErrorOf(open(store, client, 'medium', '2026-03-16T12:00:01+05:00'));
    expect(error).toMatchObject({ code: 'errors:dateTime.future', field: 'createdAt' });
    expect(await commandErrorOf(open(store, client, 'medium', '16.03.2026 10:00'))).toMatchObject({ code: 'errors:dateTime.invalid', field: 'createdAt' });
    expect(await tableCounts(store)).toEqual(before);
  });
});

describe('openTicket: refusals', () => {
  it('a level that is not one of the service\'s support levels', async () => {
    const store = await freshStore();
    const cloud = await clientWith(store, 'tar-cloud1c-s');
    const onebuh = await clientWith(store, 'tar-onebuh-start');
    expect(await commandErrorOf(open(store, cloud, 'level1'))).toMatchObject({ code: 'errors:ticket.levelInvalid', field: 'level', params: { levels: 'high, medium, low' } });
    expect(await commandErrorOf(open(store, onebuh, 'high'))).toMatchObject({ code: 'errors:ticket.levelInvalid' });
    expect(await commandErrorOf(open(store, cloud, '__proto__'))).toMatchObject({ code: 'errors:ticket.levelInvalid' });
    expect(await commandErrorOf(open(store, cloud, ''))).toMatchObject({ code: 'errors:ticket.levelInvalid', field: 'level' });
    expect(await store.db.tickets.count()).toBe(0);
  });

  it('a service whose terms set no support targets (Uchet.EDO) takes no ticket with a level', async () => {
    const store = await freshStore();
    const edo = await clientWith(store, 'tar-edo-basic');
    expect(await commandErrorOf(open(store, edo, 'low'))).toMatchObject({ code: 'errors:ticket.noSupportLevels', field: 'subscriptionId' });
  });

  it('a subscription of another client, an unknown client or subscription', async () => {
    const store = await freshStore();
    const a = await clientWith(store, 'tar-cloud1c-s');
    const b = await clientWith(store, 'tar-cloud1c-s');
    const mixed = { account: a.account, subscription: b.subscription };
    expect(await commandErrorOf(open(store, mixed, 'low'))).toMatchObject({ code: 'errors:ticket.subscriptionOtherAccount', field: 'subscriptionId' });
    expect(await commandErrorOf(open(store, { ...a, account: { ...a.account, id: 'nope' } }, 'low'))).toMatchObject({ code: 'errors:account.notFound' });
    expect(await commandErrorOf(open(store, { ...a, subscription: { ...a.subscription, id: 'nope' } }, 'low'))).toMatchObject({ code: 'errors:subscription.notFound' });
    expect(await commandErrorOf(open(store, a, 'low', undefined, { subject: ' \u200B ' }))).toMatchObject({ code: 'errors:text.required', field: 'subject' });
    expect(await store.db.tickets.count()).toBe(0);
  });

  it('the assignee must be an active staff login (normalised to lower case)', async () => {
    const store = await freshStore();
    const client = await clientWith(store, 'tar-cloud1c-s');
    await addStaff(store, 'aigerim');
    await addStaff(store, 'former', false);
    expect(await open(store, client, 'low', undefined, { assignee: ' Aigerim ' })).toMatchObject({ assignee: 'aigerim' });
    expect(await commandErrorOf(open(store, client, 'low', undefined, { assignee: 'former' }))).toMatchObject({ code: 'errors:ticket.assigneeInvalid', field: 'assignee' });
    expect(await commandErrorOf(open(store, client, 'low', undefined, { assignee: 'nobody' }))).toMatchObject({ code: 'errors:ticket.assigneeInvalid' });
  });

  it('an operator may open tickets; a repeated opId returns the first ticket, other input under it is refused', async () => {
    const store = await freshStore('2026-03-16T12:00:00+05:00', 'operator');
    const client = await clientWith(store, 'tar-cloud1c-s');
    const input = { accountId: client.account.id, subscriptionId: client.subscription.id, level: 'high', subject: 'Нет доступа', opId: 'same' };
    const first = await store.openTicket(input);
    store.setNow('2026-03-16T12:05:00+05:00');
    expect(await store.openTicket(input)).toEqual(first);
    expect(await store.db.tickets.count()).toBe(1);
    expect(await commandErrorOf(store.openTicket({ ...input, level: 'low' }))).toMatchObject({ code: 'errors:operation.conflict' });
  });
});

describe('the life cycle: response, waiting for the client, resolve, close, reopen', () => {
  it('24/7: waiting 2 h 30 min moves the resolution deadline by 2 h 30 min; no deadline runs while waiting', async () => {
    const store = await freshStore('2026-03-15T12:00:00+05:00');
    const client = await clientWith(store, 'tar-cloud1c-s');
    const ticket = await open(store, client, 'high');
    store.setNow('2026-03-15T12:30:00+05:00');
    const answered = await store.respondToTicket({ ticketId: ticket.id, opId: opId() });
    expect(answered).toMatchObject({ firstResponseAt: '2026-03-15T07:30:00.000Z', dueAt: '2026-03-15T15:00:00.000Z' });

    store.setNow('2026-03-15T13:00:00+05:00');
    const waiting = await store.waitForClient({ ticketId: ticket.id, opId: opId() });
    expect(waiting).toMatchObject({ status: 'waiting_client', waitingSince: '2026-03-15T08:00:00.000Z' });
    expect(waiting).not.toHaveProperty('dueAt');
    expect(await store.db.tickets.where('dueAt').above('').count()).toBe(0);

    store.setNow('2026-03-15T15:30:00+05:00');
    const resumed = await store.resumeTicket({ ticketId: ticket.id, opId: opId() });
    expect(resumed).toMatchObject({
      status: 'open',
      waitingSince: null,
      waitingOpenMinutes: 150,
      responseDueAt: '2026-03-15T08:00:00.000Z',
      resolutionDueAt: '2026-03-15T17:30:00.000Z', // 20:00 + 2 h 30 → 22:30
      dueAt: '2026-03-15T17:30:00.000Z',
    });
    expect(await auditOf(store, ticket.id)).toMatchObject([
      { command: 'openTicket' },
      { command: 'respondToTicket', after: { firstResponseAt: '2026-03-15T07:30:00.000Z', dueAt: '2026-03-15T15:00:00.000Z' } },
      { command: 'waitForClient', before: { status: 'open', dueAt: '2026-03-15T15:00:00.000Z' }, after: { status: 'waiting_client', dueAt: null } },
      { command: 'resumeTicket', after: { waitingOpenMinutes: 150, resolutionDueAt: '2026-03-15T17:30:00.000Z' } },
    ]);
  });

  it('business clock: a wait from Friday 17:00 to Thursday 10:00 (weekend and Nauryz between) moves the resolution by 2 h only', async () => {
    const store = await freshStore('2026-03-16T10:00:00+05:00');
    const client = await clientWith(store, 'tar-cloud1c-s');
    const ticket = await open(store, client, 'low');
    // 72 h = exactly 8 days of 9 h: Mon 16 – Fri 20, Thu 26, Fri 27, Mon 30 → Mon 30 at 19:00.
    expect(ticket.resolutionDueAt).toBe('2026-03-30T14:00:00.000Z');
    store.setNow('2026-03-16T11:00:00+05:00');
    await store.respondToTicket({ ticketId: ticket.id, opId: opId() });
    store.setNow('2026-03-20T17:00:00+05:00');
    await store.waitForClient({ ticketId: ticket.id, opId: opId() });
    store.setNow('2026-03-26T10:00:00+05:00');
    const resumed = await store.resumeTicket({ ticketId: ticket.id, opId: opId() });
    // Friday 17:00–19:00 = 120 open minutes; Sat, Sun, Mon–Wed (Nauryz) and Thursday before 10:00 count 0.
    // 72 h + 2 h = 74 h: the 8 full days end Mon 30 19:00, the 2 h more Tue 31 12:00.
    expect(resumed).toMatchObject({ waitingOpenMinutes: 120, resolutionDueAt: '2026-03-31T07:00:00.000Z', dueAt: '2026-03-31T07:00:00.000Z' });
  });

  it('business clock: a wait from Friday 19:00 to Monday 10:00 moves the deadline by 0 minutes', async () => {
    const store = await freshStore('2026-03-13T18:00:00+05:00');
    const client = await clientWith(store, 'tar-cloud1c-s');
    const ticket = await open(store, client, 'low');
    store.setNow('2026-03-13T19:00:00+05:00');
    await store.waitForClient({ ticketId: ticket.id, opId: opId() });
    store.setNow('2026-03-16T10:00:00+05:00');
    const resumed = await store.resumeTicket({ ticketId: ticket.id, opId: opId() });
    expect(resumed).toMatchObject({ waitingOpenMinutes: 0, resolutionDueAt: ticket.resolutionDueAt, dueAt: ticket.resolutionDueAt });
  });

  it('waiting counts as the first response; later responses do not move it (a no-op, not a refusal)', async () => {
    const store = await freshStore('2026-03-15T12:00:00+05:00');
    const client = await clientWith(store, 'tar-cloud1c-s');
    const ticket = await open(store, client, 'medium');
    store.setNow('2026-03-15T12:20:00+05:00');
    await store.waitForClient({ ticketId: ticket.id, opId: opId() });
    store.setNow('2026-03-15T13:00:00+05:00');
    await store.resumeTicket({ ticketId: ticket.id, opId: opId() });
    store.setNow('2026-03-15T14:00:00+05:00');
    const events = (await store.db.audit.count());
    const again = await store.respondToTicket({ ticketId: ticket.id, opId: opId() });
    expect(again).toMatchObject({ firstResponseAt: '2026-03-15T07:20:00.000Z', waitingOpenMinutes: 40 });
    expect(await store.db.audit.count()).toBe(events);
  });

  it('resolve → close; a resolved ticket reopens with its deadline moved by the time it stood resolved; a closed one does not reopen', async () => {
    const store = await freshStore('2026-03-15T12:00:00+05:00');
    const client = await clientWith(store, 'tar-cloud1c-s');
    const ticket = await open(store, client, 'high');
    store.setNow('2026-03-15T13:00:00+05:00');
    const resolved = await store.resolveTicket({ ticketId: ticket.id, opId: opId() });
    expect(resolved).toMatchObject({ status: 'resolved', resolvedAt: '2026-03-15T08:00:00.000Z', firstResponseAt: '2026-03-15T08:00:00.000Z' });
    expect(resolved).not.toHaveProperty('dueAt');

    store.setNow('2026-03-15T14:00:00+05:00');
    const reopened = await store.reopenTicket({ ticketId: ticket.id, opId: opId() });
    expect(reopened).toMatchObject({ status: 'open', resolvedAt: null, reopenedCount: 1, waitingOpenMinutes: 60, resolutionDueAt: '2026-03-15T16:00:00.000Z', dueAt: '2026-03-15T16:00:00.000Z' });

    store.setNow('2026-03-15T15:00:00+05:00');
    await store.resolveTicket({ ticketId: ticket.id, opId: opId() });
    const closed = await store.closeTicket({ ticketId: ticket.id, opId: opId() });
    expect(closed).toMatchObject({ status: 'closed', closedAt: '2026-03-15T10:00:00.000Z' });
    expect(closed).not.toHaveProperty('dueAt');
    expect(await commandErrorOf(store.reopenTicket({ ticketId: ticket.id, opId: opId() }))).toMatchObject({ code: 'errors:ticket.closed' });
    expect(await commandErrorOf(store.assignTicket({ ticketId: ticket.id, assignee: null, opId: opId() }))).toMatchObject({ code: 'errors:ticket.closed' });
  });

  it('resolving while waiting for the client counts the wait as the client\'s time', async () => {
    const store = await freshStore('2026-03-15T12:00:00+05:00');
    const client = await clientWith(store, 'tar-cloud1c-s');
    const ticket = await open(store, client, 'high');
    store.setNow('2026-03-15T12:10:00+05:00');
    await store.waitForClient({ ticketId: ticket.id, opId: opId() });
    store.setNow('2026-03-15T12:55:00+05:00');
    expect(await store.resolveTicket({ ticketId: ticket.id, opId: opId() })).toMatchObject({ status: 'resolved', waitingSince: null, waitingOpenMinutes: 45 });
  });

  it('transitions out of turn are refused and write nothing', async () => {
    const store = await freshStore('2026-03-15T12:00:00+05:00');
    const client = await clientWith(store, 'tar-cloud1c-s');
    const ticket = await open(store, client, 'high');
    const before = await tableCounts(store);
    expect(await commandErrorOf(store.resumeTicket({ ticketId: ticket.id, opId: opId() }))).toMatchObject({ code: 'errors:ticket.wrongStatus', params: { status: 'open' } });
    expect(await commandErrorOf(store.closeTicket({ ticketId: ticket.id, opId: opId() }))).toMatchObject({ code: 'errors:ticket.wrongStatus' });
    expect(await commandErrorOf(store.reopenTicket({ ticketId: ticket.id, opId: opId() }))).toMatchObject({ code: 'errors:ticket.wrongStatus' });
    expect(await commandErrorOf(store.respondToTicket({ ticketId: 'nope', opId: opId() }))).toMatchObject({ code: 'errors:ticket.notFound', field: 'ticketId' });
    await store.resolveTicket({ ticketId: ticket.id, opId: 'resolve' });
    expect(await commandErrorOf(store.waitForClient({ ticketId: ticket.id, opId: opId() }))).toMatchObject({ code: 'errors:ticket.wrongStatus', params: { status: 'resolved' } });
    expect(await commandErrorOf(store.respondToTicket({ ticketId: ticket.id, opId: opId() }))).toMatchObject({ code: 'errors:ticket.wrongStatus' });
    expect((await tableCounts(store)).operations).toBe(before.operations + 1);
  });

  it('assignTicket gives the ticket to an active staff member or takes it back', async () => {
    const store = await freshStore('2026-03-15T12:00:00+05:00', 'operator');
    const client = await clientWith(store, 'tar-cloud1c-s');
    await addStaff(store, 'dana');
    const ticket = await open(store, client, 'high');
    expect(await store.assignTicket({ ticketId: ticket.id, assignee: 'DANA', opId: opId() })).toMatchObject({ assignee: 'dana', dueAt: ticket.dueAt });
    expect(await commandErrorOf(store.assignTicket({ ticketId: ticket.id, assignee: 'ghost', opId: opId() }))).toMatchObject({ code: 'errors:ticket.assigneeInvalid' });
    expect(await store.assignTicket({ ticketId: ticket.id, assignee: null, opId: opId() })).toMatchObject({ assignee: null });
  });
});

describe('an edited calendar', () => {
  it('a day off added with saveCalendarYear moves a new ticket\'s deadline (and leaves an open one as promised)', async () => {
    const store = await freshStore('2026-03-16T18:30:00+05:00');
    const client = await clientWith(store, 'tar-cloud1c-s');
    const earlier = await open(store, client, 'low');
    expect(earlier.responseDueAt).toBe('2026-03-17T08:30:00.000Z'); // Tue 13:30
    const shipped = (await store.getCalendar()).calendar.years[2026]!;
    await store.saveCalendarYear({ year: 2026, nonWorkingWeekdays: [...shipped.nonWorkingWeekdays, '2026-03-17'], workingWeekends: [], opId: opId() });
    const later = await open(store, client, 'low');
    expect(later.responseDueAt).toBe('2026-03-18T08:30:00.000Z'); // Tue 17 off: Wed 13:30
    expect((await at(store, earlier.id))!.responseDueAt).toBe('2026-03-17T08:30:00.000Z');
  });
});

describe('listTickets and getTicket', () => {
  async function book() {
    const store = await freshStore('2026-03-16T09:00:00+05:00');
    const cloud = await clientWith(store, 'tar-cloud1c-m');
    const onebuh = await clientWith(store, 'tar-onebuh-start');
    await addStaff(store, 'dana');
    const t: Record<string, Ticket> = {};
    t.low = await open(store, cloud, 'low', '2026-03-16T08:00:00+05:00'); // due Mon 14:00
    t.high = await open(store, cloud, 'high', '2026-03-16T08:30:00+05:00'); // due 09:30
    t.done = await open(store, cloud, 'medium', '2026-03-16T08:40:00+05:00');
    t.onebuh = await open(store, onebuh, 'level3', '2026-03-16T08:50:00+05:00', { assignee: 'dana' }); // due Mon 18:00
    t.silent = await open(store, onebuh, 'technical', '2026-03-16T08:55:00+05:00'); // 24/7, due 16:55
    await store.resolveTicket({ ticketId: t.done.id, opId: opId() });
    await store.respondToTicket({ ticketId: t.silent.id, opId: opId() }); // ONEbuh: nothing runs after the response
    return { store, cloud, onebuh, t };
  }

  it('running deadlines first, nearest first; then the others newest first; names joined', async () => {
    const { store, cloud, t } = await book();
    const list = await store.listTickets({});
    expect(list.total).toBe(5);
    expect(list.rows.map((r) => r.id)).toEqual([t.high!.id, t.low!.id, t.onebuh!.id, t.silent!.id, t.done!.id]);
    expect(list.rows[0]).toMatchObject({ accountName: cloud.account.name, serviceCode: 'cloud1c', serviceName: { ru: expect.stringContaining('1С') }, tariffName: { ru: expect.any(String) } });
    expect((await store.listTickets({ limit: 2 })).rows.map((r) => r.id)).toEqual([t.high!.id, t.low!.id]);
    expect((await store.listTickets({ limit: 4 })).rows.map((r) => r.id)).toEqual([t.high!.id, t.low!.id, t.onebuh!.id, t.silent!.id]);
  });

  it('filters by service, level, status, assignee and client, with the total of each', async () => {
    const { store, onebuh, t } = await book();
    const ids = async (filter: Parameters<TestStore['listTickets']>[0]) => {
      const list = await store.listTickets(filter);
      return { ids: list.rows.map((r) => r.id), total: list.total };
    };
    expect(await ids({ serviceId: 'svc-onebuh' })).toEqual({ ids: [t.onebuh!.id, t.silent!.id], total: 2 });
    expect(await ids({ level: 'low' })).toEqual({ ids: [t.low!.id], total: 1 });
    expect(await ids({ status: 'resolved' })).toEqual({ ids: [t.done!.id], total: 1 });
    expect(await ids({ status: 'open' })).toEqual({ ids: [t.high!.id, t.low!.id, t.onebuh!.id, t.silent!.id], total: 4 });
    expect(await ids({ assignee: 'dana' })).toEqual({ ids: [t.onebuh!.id], total: 1 });
    expect(await ids({ assignee: null, serviceId: 'svc-onebuh' })).toEqual({ ids: [t.silent!.id], total: 1 });
    expect(await ids({ accountId: onebuh.account.id })).toEqual({ ids: [t.onebuh!.id, t.silent!.id], total: 2 });
    expect(await ids({ accountId: onebuh.account.id, status: 'open', level: 'technical' })).toEqual({ ids: [t.silent!.id], total: 1 });
  });

  it('getTicket: the ticket, its client, subscription, tariff, service, the level\'s target and the incidents it opened', async () => {
    const { store, cloud, t } = await book();
    const incident = await store.recordIncident({ serviceId: 'svc-cloud1c', start: '2026-03-16T08:00:00+05:00', cause: 'provider', source: 'ticket', ticketId: t.low!.id, subscriptionIds: [cloud.subscription.id], opId: opId() });
    const detail = await store.getTicket(t.low!.id);
    expect(detail).toMatchObject({
      ticket: { id: t.low!.id },
      account: { id: cloud.account.id, name: cloud.account.name },
      subscription: { id: cloud.subscription.id },
      tariff: { id: 'tar-cloud1c-m' },
      service: { id: 'svc-cloud1c' },
      target: { level: 'low', responseHours: 4, resolutionHours: 72, clock: 'business', window: { open: '10:00', close: '19:00' } },
      incidents: [{ id: incident.id }],
    });
    expect(detail!.account).not.toHaveProperty('nameWords');
    expect((await store.getTicket(t.high!.id))!.target).toEqual({ level: 'high', responseHours: 1, resolutionHours: 8, clock: '24x7', window: null });
    expect(await store.getTicket('nope')).toBeNull();
  });
});

describe('demo data', () => {
  it('a demo book carries a modest number of tickets in every state, and Uchet.EDO access records', async () => {
    const store = await freshStore('2026-03-16T12:00:00+05:00');
    await store.generateDemoData({ accounts: 300, seed: 7 });
    const tickets = await store.db.tickets.toArray();
    expect(tickets).toHaveLength(30);
    expect(new Set(tickets.map((t) => t.status))).toEqual(new Set(['open', 'waiting_client', 'resolved', 'closed']));
    for (const ticket of tickets) {
      expect(Date.parse(ticket.createdAt)).toBeLessThanOrEqual(Date.parse('2026-03-16T07:00:00Z'));
      if (ticket.status !== 'open') expect(ticket).not.toHaveProperty('dueAt');
    }
    const list = await store.listTickets({});
    expect(list.total).toBe(30);
    const running = list.rows.filter((r) => r.dueAt !== undefined).map((r) => r.dueAt!);
    expect(running).toEqual([...running].sort());
    expect(list.rows.slice(0, running.length).every((r) => r.dueAt !== undefined)).toBe(true);
    expect(list.rows.every((r) => r.accountName !== '' && r.tariffName !== null)).toBe(true);
    const access = await store.db.edoAccess.toArray();
    expect(access.length).toBeGreaterThan(0);
    expect((await store.listEdoAccess({ today: '2026-03-16' })).rows.length).toBe(access.length);
  });
});
