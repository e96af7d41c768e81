import { describe, expect, test } from 'vitest';
import { DEFAULT_COMPENSATION, PLANNED_NOTICE_HOURS, quoteCompensation, type CompensationIncident } from '../../../shared/billing';
import { expectInputError } from './expectInputError';

const hoursLong = (id: string, start: string, hours: number, cause: CompensationIncident['cause'] = 'provider', announcedAt?: string): CompensationIncident => {
  const s = new Date(start);
  return { id, start, end: new Date(s.getTime() + hours * 3_600_000).toISOString(), cause, ...(announcedAt ? { announcedAt } : {}) };
};

describe('quoteCompensation', () => {
  test('policy defaults: 1 % per hour, 100 % cap, 48 h notice', () => {
    expect(DEFAULT_COMPENSATION).toEqual({ percentPerHour: 1, monthlyCapPercent: 100 });
    expect(PLANNED_NOTICE_HOURS).toBe(48);
  });

  test('each exclusion has its reason and still reports its hours', () => {
    const q = quoteCompensation({
      periodPrice: 1_500_000,
      billingMonths: 1,
      incidents: [
        hoursLong('fm', '2026-03-01T10:00:00+05:00', 2, 'force_majeure'),
        hoursLong('cl', '2026-03-02T10:00:00+05:00', 3, 'client'),
        hoursLong('tp', '2026-03-03T10:00:00+05:00', 4, 'third_party_software'),
        hoursLong('dns', '2026-03-04T10:00:00+05:00', 5, 'network_dns'),
        hoursLong('pl', '2026-03-05T01:00:00+05:00', 2, 'planned', '2026-03-03T01:00:00+05:00'),
      ],
    });
    expect(q.lines.map((l) => [l.id, l.hours, l.amount, l.excluded, l.reason])).toEqual([
      ['fm', 2, 0, true, 'force_majeure'],
      ['cl', 3, 0, true, 'client'],
      ['tp', 4, 0, true, 'third_party_software'],
      ['dns', 5, 0, true, 'network_dns'],
      ['pl', 2, 0, true, 'planned_announced'],
    ]);
    expect(q.total).toBe(0);
  });

  test('planned works announced less than 48 h ahead, or not at all, are the provider\'s downtime', () => {
    const q = quoteCompensation({
      periodPrice: 1_500_000,
      billingMonths: 1,
      incidents: [
        hoursLong('late', '2026-03-05T01:00:00+05:00', 2, 'planned', '2026-03-03T01:00:01+05:00'),
        hoursLong('none', '2026-03-06T01:00:00+05:00', 1, 'planned'),
      ],
    });
    expect(q.lines.map((l) => [l.excluded, l.amount])).toEqual([[false, 30_000], [false, 15_000]]);
    expect(q.lines[0]?.reason).toBeUndefined();
  });

  test('only full hours count, per incident: 59 min twice is nothing', () => {
    const q = quoteCompensation({
      periodPrice: 1_500_000,
      billingMonths: 1,
      incidents: [
        { id: 'a', start: '2026-03-01T10:00:00+05:00', end: '2026-03-01T10:59:59+05:00', cause: 'provider' },
        { id: 'b', start: '2026-03-02T10:00:00+05:00', end: '2026-03-02T10:59:00+05:00', cause: 'provider' },
      ],
    });
    expect(q.lines.map((l) => [l.minutes, l.hours])).toEqual([[59, 0], [59, 0]]);
    expect(q.total).toBe(0);
  });

  test('the monthly cap counts what was already credited; lines come back in order of start', () => {
    const q = quoteCompensation({
      periodPrice: 1_500_000,
      billingMonths: 1,
      incidents: [
        hoursLong('second', '2026-03-20T10:00:00+05:00', 50),
        hoursLong('first', '2026-03-10T10:00:00+05:00', 40),
      ],
      alreadyCompensated: [{ month: '2026-03', amount: 300_000 }, { month: '2026-03', amount: 100_000 }],
    });
    // cap 1 500 000; 400 000 already; first +600 000; second would be +750 000 but only 500 000 remain.
    expect(q.lines.map((l) => [l.id, l.amount, l.capped])).toEqual([['first', 600_000, false], ['second', 500_000, true]]);
    expect(q.total).toBe(1_100_000);
  });

  test('the month is the month of the incident start in UTC+05:00, and each month has its own cap', () => {
    const q = quoteCompensation({
      periodPrice: 1_000_000,
      billingMonths: 1,
      incidents: [
        hoursLong('lateMarch', '2026-03-31T19:30:00Z', 120), // 2026-04-01 00:30 in Almaty
        hoursLong('march', '2026-03-30T10:00:00+05:00', 120),
      ],
    });
    expect(q.lines.map((l) => [l.id, l.month, l.amount])).toEqual([['march', '2026-03', 1_000_000], ['lateMarch', '2026-04', 1_000_000]]);
  });

  test('already compensated above the cap gives 0, never a negative line', () => {
    const q = quoteCompensation({
      periodPrice: 1_000_000,
      billingMonths: 1,
      incidents: [hoursLong('x', '2026-03-10T10:00:00+05:00', 3)],
      alreadyCompensated: [{ month: '2026-03', amount: 1_200_000 }],
    });
    expect(q.lines[0]?.amount).toBe(0);
  });

  test('cumulative rounding: three 1 h incidents on a yearly 100 000 tiyn tariff give 83 + 84 + 83 = 250', () => {
    // fee 8 333.33…; 1 % = 83.333…; C = 83.33, 166.67, 250 → 83, 167, 250.
    const q = quoteCompensation({
      periodPrice: 100_000,
      billingMonths: 12,
      incidents: [
        hoursLong('a', '2026-03-01T10:00:00+05:00', 1),
        hoursLong('b', '2026-03-02T10:00:00+05:00', 1),
        hoursLong('c', '2026-03-03T10:00:00+05:00', 1),
      ],
    });
    expect(q.lines.map((l) => l.amount)).toEqual([83, 84, 83]);
    expect(q.total).toBe(250);
  });

  test('the cap of a yearly tariff is price / 12 rounded once: 100 000 / 12 → 8 333', () => {
    const q = quoteCompensation({
      periodPrice: 100_000,
      billingMonths: 12,
      incidents: [hoursLong('a', '2026-03-01T10:00:00+05:00', 99), hoursLong('b', '2026-03-10T10:00:00+05:00', 5)],
    });
    expect(q.total).toBe(8_333);
  });

  test('bad input', () => {
    const ok = { periodPrice: 1_500_000, billingMonths: 1 as const, incidents: [hoursLong('a', '2026-03-01T10:00:00+05:00', 1)] };
    expectInputError(() => quoteCompensation({ ...ok, periodPrice: -1 }), 'periodPrice', /negative/);
    expectInputError(() => quoteCompensation({ ...ok, periodPrice: 10.5 }), 'periodPrice', /integer/);
    expectInputError(() => quoteCompensation({ ...ok, billingMonths: 6 as never }), 'billingMonths', /1 or 12/);
    expectInputError(() => quoteCompensation({ ...ok, incidents: [{ id: 'a', start: '2026-03-01T10:00:00+05:00', end: '2026-03-01T09:00:00+05:00', cause: 'provider' }] }),
      'incidents[0].end', /not be before start/);
    expectInputError(() => quoteCompensation({ ...ok, incidents: [{ id: 'a', start: '2026-03-01T10:00:00', end: '2026-03-01T11:00:00+05:00', cause: 'provider' }] }),
      'incidents[0].start', /explicit offset/);
    expectInputError(() => quoteCompensation({ ...ok, incidents: [{ id: 'a', start: '2026-03-01T10:00:00Z', end: '2026-03-01T11:00:00Z', cause: 'meteor' as never }] }),
      'incidents[0].cause', /must be one of/);
    expectInputError(() => quoteCompensation({ ...ok, incidents: [{ id: 'a', start: '2026-03-01T10:00:00Z', end: '2026-03-01T11:00:00Z', cause: 'planned', announcedAt: 'yesterday' }] }),
      'incidents[0].announcedAt');
    expectInputError(() => quoteCompensation({ ...ok, incidents: [ok.incidents[0]!, ok.incidents[0]!] }), 'incidents[1].id', /unique/);
    expectInputError(() => quoteCompensation({ ...ok, incidents: [{ ...ok.incidents[0]!, id: '' }] }), 'incidents[0].id');
    expectInputError(() => quoteCompensation({ ...ok, alreadyCompensated: [{ month: '2026-3', amount: 1 }] }), 'alreadyCompensated[0].month', /YYYY-MM/);
    expectInputError(() => quoteCompensation({ ...ok, alreadyCompensated: [{ month: '2026-03', amount: -1 }] }), 'alreadyCompensated[0].amount', /negative/);
    expectInputError(() => quoteCompensation({ ...ok, incidents: 'none' as never }), 'incidents');
    expectInputError(() => quoteCompensation({ ...ok, policy: { percentPerHour: 0.5, monthlyCapPercent: 100 } }), 'policy.percentPerHour');
  });
});
