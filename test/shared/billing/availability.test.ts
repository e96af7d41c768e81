import { describe, expect, test } from 'vitest';
import { availabilityOf } from '../../../shared/billing';
import { expectInputError } from './expectInputError';

describe('availabilityOf', () => {
  test('no downtime: 100 %, no budget used', () => {
    const r = availabilityOf({ year: 2026, incidents: [] });
    expect(r).toMatchObject({ downtimeMs: 0, availabilityBp: 10_000, budgetUsedBp: 0, meetsTarget: true });
    expect(r.availability).toEqual({ numerator: 31_536_000_000, denominator: 31_536_000_000 });
  });

  test('excludes only planned works announced at least 48 h ahead', () => {
    const r = availabilityOf({
      year: 2026,
      incidents: [
        { id: 'p', start: '2026-05-10T01:00:00+05:00', end: '2026-05-10T05:00:00+05:00', cause: 'planned', announcedAt: '2026-05-01T00:00:00+05:00' },
        { id: 'late', start: '2026-05-11T01:00:00+05:00', end: '2026-05-11T02:00:00+05:00', cause: 'planned', announcedAt: '2026-05-10T12:00:00+05:00' },
        { id: 'fm', start: '2026-06-01T10:00:00+05:00', end: '2026-06-01T10:30:00+05:00', cause: 'force_majeure' },
      ],
    });
    expect(r.downtimeMinutes).toBe(90);
  });

  test('exactly the budget meets the target; a second more does not', () => {
    const at = availabilityOf({ year: 2026, incidents: [{ id: 'a', start: '2026-02-01T00:00:00+05:00', end: '2026-02-01T17:31:12+05:00', cause: 'provider' }] });
    expect(at.downtimeMs).toBe(at.budgetMs);
    expect(at).toMatchObject({ budgetUsedBp: 10_000, availabilityBp: 9_980, meetsTarget: true });
    const over = availabilityOf({ year: 2026, incidents: [{ id: 'a', start: '2026-02-01T00:00:00+05:00', end: '2026-02-01T17:31:13+05:00', cause: 'provider' }] });
    expect(over.meetsTarget).toBe(false);
    expect(over.availabilityBp).toBe(9_979);
  });

  test('half the budget is 5 000 bp used; availability in percent at the edge', () => {
    const r = availabilityOf({ year: 2026, incidents: [{ id: 'a', start: '2026-02-01T00:00:00+05:00', end: '2026-02-01T08:45:36+05:00', cause: 'provider' }] });
    expect(r.budgetUsedBp).toBe(5_000);
    expect(r.availabilityPercent).toBeCloseTo(99.9, 10);
  });

  test('overlapping incidents count once and are clipped to the business-time year', () => {
    const r = availabilityOf({
      year: 2026,
      incidents: [
        { id: 'a', start: '2026-03-01T10:00:00+05:00', end: '2026-03-01T12:00:00+05:00', cause: 'provider' },
        { id: 'b', start: '2026-03-01T11:00:00+05:00', end: '2026-03-01T13:00:00+05:00', cause: 'client' },
        { id: 'newYear', start: '2026-12-31T23:00:00+05:00', end: '2027-01-01T01:00:00+05:00', cause: 'provider' },
        { id: 'before', start: '2025-12-31T18:00:00Z', end: '2025-12-31T19:30:00Z', cause: 'provider' }, // 23:00–00:30 local
      ],
    });
    expect(r.downtimeMinutes).toBe(180 + 60 + 30);
  });

  test('bad input', () => {
    expectInputError(() => availabilityOf({ year: 2026.5, incidents: [] }), 'year');
    expectInputError(() => availabilityOf({ year: 2026, incidents: [], targetBp: 10_001 }), 'targetBp');
    expectInputError(() => availabilityOf({ year: 2026, incidents: [{ id: 'a', start: '2026-02-30T00:00:00Z', end: '2026-03-01T00:00:00Z', cause: 'provider' }] }), 'incidents[0].start');
    expectInputError(() => availabilityOf({ year: 2026, incidents: [{ id: 'a', start: '2026-03-01T00:00:00Z', end: '2026-02-01T00:00:00Z', cause: 'provider' }] }), 'incidents[0].end');
  });
});
