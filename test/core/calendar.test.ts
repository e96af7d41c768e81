import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../../shared/billing';
import { accountInput, auditOf, commandErrorOf, freshStore, opId, tableCounts, validBin, type TestStore } from './helpers';

/**
 * The editable working-day calendar (domain-rules §1): saved years override
 * the shipped 2025–2027, and every computation on working days uses what is
 * stored: here a refund's due date (15 working days, §4.2).
 */

const shipped2026 = DEFAULT_CALENDAR.years[2026]!;

let clients = 0;
async function cloudClient(store: TestStore) {
  clients += 1;
  const account = await store.createAccount({ ...accountInput({ iinBin: validBin(4000 + clients) }), opId: opId() });
  await store.recordPayment({ accountId: account.id, amount: 900_000, date: '2026-03-01', method: 'bank_transfer', opId: opId() });
  const sub = await store.createSubscription({ accountId: account.id, tariffId: 'tar-cloud1c-s', startDate: '2026-03-01', opId: opId() });
  return store.activateSubscription({ subscriptionId: sub.id, opId: opId() });
}

describe('getCalendar', () => {
  it('a fresh store has the shipped years and nothing edited', async () => {
    const store = await freshStore();
    expect(await store.getCalendar()).toEqual({ calendar: DEFAULT_CALENDAR, shippedYears: [2025, 2026, 2027], editedYears: [] });
  });
});

describe('saveCalendarYear', () => {
  it('adds a year and overrides a shipped one, sorted; audited under the settings row', async () => {
    const store = await freshStore();
    const y2028 = { nonWorkingWeekdays: ['2028-03-08', '2028-01-03', '2028-01-07'], workingWeekends: ['2028-01-08'] };
    expect(await store.saveCalendarYear({ year: 2028, ...y2028, opId: 'add-2028' })).toEqual({
      year: 2028,
      nonWorkingWeekdays: ['2028-01-03', '2028-01-07', '2028-03-08'],
      workingWeekends: ['2028-01-08'],
    });
    await store.saveCalendarYear({ year: 2026, nonWorkingWeekdays: [...shipped2026.nonWorkingWeekdays, '2026-03-17'], workingWeekends: ['2026-03-21'], opId: 'edit-2026' });
    const view = await store.getCalendar();
    expect(view.editedYears).toEqual([2026, 2028]);
    expect(view.shippedYears).toEqual([2025, 2026, 2027]);
    expect(view.calendar.years[2025]).toEqual(DEFAULT_CALENDAR.years[2025]);
    expect(view.calendar.years[2026]!.nonWorkingWeekdays).toContain('2026-03-17');
    expect(view.calendar.years[2026]!.workingWeekends).toEqual(['2026-03-21']);
    expect(view.calendar.years[2028]!.nonWorkingWeekdays).toEqual(['2028-01-03', '2028-01-07', '2028-03-08']);
    const audit = await auditOf(store, 'calendar');
    expect(audit.map((a) => a.command)).toEqual(['saveCalendarYear', 'saveCalendarYear']);
    expect(audit[0]).toMatchObject({ operationId: 'add-2028', before: null });
  });

  it('an edited year moves a refund\'s due date: cancelled Tue 10 March, 15 working days → Fri 3 April; with Tue 17 March off → Mon 6 April', async () => {
    const store = await freshStore('2026-03-10T12:00:00+05:00');
    const first = await cloudClient(store);
    const { refund } = await store.cancelSubscription({ subscriptionId: first.id, date: '2026-03-10', opId: opId() });
    // Wed 11 … Fri 20 = 8, Nauryz 23–25 off, Thu 26 … Fri 3 April = 15.
    expect(refund!.dueDate).toBe('2026-04-03');

    await store.saveCalendarYear({ year: 2026, nonWorkingWeekdays: [...shipped2026.nonWorkingWeekdays, '2026-03-17'], workingWeekends: [], opId: opId() });
    const second = await cloudClient(store);
    expect((await store.quoteCancellation({ subscriptionId: second.id, date: '2026-03-10' })).dueDate).toBe('2026-04-06');
    const { refund: later } = await store.cancelSubscription({ subscriptionId: second.id, date: '2026-03-10', opId: opId() });
    expect(later!.dueDate).toBe('2026-04-06');
    // A working Saturday given back shortens it again: Sat 21 March works → Fri 3 April.
    await store.saveCalendarYear({ year: 2026, nonWorkingWeekdays: [...shipped2026.nonWorkingWeekdays, '2026-03-17'], workingWeekends: ['2026-03-21'], opId: opId() });
    const third = await cloudClient(store);
    expect((await store.quoteCancellation({ subscriptionId: third.id, date: '2026-03-10' })).dueDate).toBe('2026-04-03');
  });

  it('refuses dates of another year, a weekend day off, a working weekday, duplicates, a year out of range; writes nothing', async () => {
    const store = await freshStore();
    const before = await tableCounts(store);
    const save = (year: number, nonWorkingWeekdays: string[], workingWeekends: string[] = []) =>
      commandErrorOf(store.saveCalendarYear({ year, nonWorkingWeekdays, workingWeekends, opId: opId() }));
    expect(await save(2028, ['2028-01-03', '2029-01-01'])).toMatchObject({ code: 'errors:calendar.dateNotInYear', field: 'nonWorkingWeekdays.1', params: { date: '2029-01-01', year: 2028 } });
    expect(await save(2028, ['2028-01-01'])).toMatchObject({ code: 'errors:calendar.notWeekday', field: 'nonWorkingWeekdays.0' }); // a Saturday
    expect(await save(2028, [], ['2028-01-03'])).toMatchObject({ code: 'errors:calendar.notWeekend', field: 'workingWeekends.0' }); // a Monday
    expect(await save(2028, ['2028-01-03', '2028-01-03'])).toMatchObject({ code: 'errors:calendar.duplicate', field: 'nonWorkingWeekdays.1' });
    expect(await save(2028, ['2028-02-30'])).toMatchObject({ code: 'errors:date.invalid', field: 'nonWorkingWeekdays.0' });
    expect(await save(1999, [])).toMatchObject({ code: 'errors:calendar.yearInvalid', field: 'year' });
    expect(await save(2100, [])).toMatchObject({ code: 'errors:calendar.yearInvalid' });
    expect(await save(2028.5, [])).toMatchObject({ code: 'errors:calendar.yearInvalid' });
    expect(await tableCounts(store)).toEqual(before);
    expect(await store.db.settings.get('calendar')).toBeUndefined();
  });

  it('is an admin\'s command: a manager is refused', async () => {
    const store = await freshStore('2026-03-15T12:00:00+05:00', 'manager');
    expect(await commandErrorOf(store.saveCalendarYear({ year: 2028, nonWorkingWeekdays: [], workingWeekends: [], opId: opId() }))).toMatchObject({
      code: 'errors:role.forbidden',
      params: { role: 'admin' },
    });
    expect(await commandErrorOf(store.removeCalendarYear({ year: 2028, opId: opId() }))).toMatchObject({ code: 'errors:role.forbidden' });
  });
});

describe('removeCalendarYear', () => {
  it('removes an added year; a shipped year is refused, edited or not; an unknown year is refused', async () => {
    const store = await freshStore();
    await store.saveCalendarYear({ year: 2028, nonWorkingWeekdays: ['2028-01-03'], workingWeekends: [], opId: opId() });
    await store.saveCalendarYear({ year: 2026, nonWorkingWeekdays: shipped2026.nonWorkingWeekdays, workingWeekends: [], opId: opId() });
    expect(await store.removeCalendarYear({ year: 2028, opId: 'rm' })).toEqual({ year: 2028 });
    expect((await store.getCalendar()).editedYears).toEqual([2026]);
    expect((await store.getCalendar()).calendar.years[2028]).toBeUndefined();
    expect(await commandErrorOf(store.removeCalendarYear({ year: 2026, opId: opId() }))).toMatchObject({ code: 'errors:calendar.shippedYear', field: 'year', params: { year: 2026 } });
    expect(await commandErrorOf(store.removeCalendarYear({ year: 2025, opId: opId() }))).toMatchObject({ code: 'errors:calendar.shippedYear' });
    expect(await commandErrorOf(store.removeCalendarYear({ year: 2028, opId: opId() }))).toMatchObject({ code: 'errors:calendar.yearNotFound' });
    expect((await store.getCalendar()).editedYears).toEqual([2026]);
  });
});
