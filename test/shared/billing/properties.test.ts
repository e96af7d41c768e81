// Invariants of the engine, checked with fast-check on random input.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_CALENDAR, addWorkingDays, allocateToBuckets, nextPeriodEnd, quoteCancellation, quoteCompensation, quoteTariffChange,
  slaDueAt, splitCharge, vatOf,
} from '../../../shared/billing';

const DAY = 86_400_000;
const price = fc.integer({ min: 0, max: 10_000_000_000 });
/** A calendar date in 2024–2028. */
const dateArb = fc.integer({ min: 0, max: 5 * 365 }).map((n) => new Date(Date.UTC(2024, 0, 1) + n * DAY).toISOString().slice(0, 10));
const addDaysIso = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

const periodArb = fc.record({ start: dateArb, months: fc.constantFrom(1, 12), offset: fc.nat() }).map(({ start, months, offset }) => {
  const end = nextPeriodEnd(start, months);
  const days = Math.round((Date.parse(end) - Date.parse(start)) / DAY);
  return { start, end, effective: addDaysIso(start, offset % days) };
});

describe('properties', () => {
  test('amounts are integers', () => {
    fc.assert(
      fc.property(periodArb, price, price, (p, a, b) => {
        const change = quoteTariffChange({ periodStart: p.start, periodEnd: p.end, effectiveDate: p.effective, oldPrice: a, newPrice: b });
        expect(Number.isSafeInteger(change.amount)).toBe(true);
        const cancel = quoteCancellation({
          firstUseDate: p.start, periodStart: p.start, periodEnd: p.end, cancelDate: p.effective, currentPrice: a, chargedTotal: b, refundWindowDays: 14,
        });
        expect(Number.isSafeInteger(cancel.amount)).toBe(true);
        expect(cancel.amount).toBeGreaterThanOrEqual(0);
        expect(Number.isSafeInteger(vatOf(a, p.effective))).toBe(true);
      }),
    );
  });

  test('an upgrade and the reverse downgrade on the same day sum to 0 or ±1', () => {
    fc.assert(
      fc.property(periodArb, price, price, (p, a, b) => {
        const up = quoteTariffChange({ periodStart: p.start, periodEnd: p.end, effectiveDate: p.effective, oldPrice: a, newPrice: b });
        const down = quoteTariffChange({ periodStart: p.start, periodEnd: p.end, effectiveDate: p.effective, oldPrice: b, newPrice: a });
        expect(Math.abs(up.amount + down.amount)).toBeLessThanOrEqual(1);
      }),
    );
  });

  const incidentArb = fc.record({
    startMinute: fc.integer({ min: 0, max: 90 * 24 * 60 }),
    minutes: fc.integer({ min: 0, max: 200 * 60 }),
    cause: fc.constantFrom('provider', 'planned', 'client', 'force_majeure', 'third_party_software', 'network_dns' as const),
  });

  test("a month's compensation including what was already credited never exceeds the monthly fee (rounded)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.constantFrom(1 as const, 12 as const),
        fc.array(incidentArb, { maxLength: 12 }),
        fc.integer({ min: 0, max: 200_000 }),
        (periodPrice, billingMonths, raw, already) => {
          const t0 = Date.UTC(2026, 0, 1) - 5 * 3_600_000;
          const incidents = raw.map((r, i) => ({
            id: `i${i}`,
            start: new Date(t0 + r.startMinute * 60_000).toISOString(),
            end: new Date(t0 + (r.startMinute + r.minutes) * 60_000).toISOString(),
            cause: r.cause,
          }));
          const q = quoteCompensation({ periodPrice, billingMonths, incidents, alreadyCompensated: [{ month: '2026-02', amount: already }] });
          const cap = Math.round(periodPrice / billingMonths); // exact enough here: small integers
          const perMonth = new Map<string, number>([['2026-02', already]]);
          for (const l of q.lines) {
            expect(Number.isSafeInteger(l.amount)).toBe(true);
            expect(l.amount).toBeGreaterThanOrEqual(0);
            perMonth.set(l.month, (perMonth.get(l.month) ?? 0) + l.amount);
          }
          for (const [month, sum] of perMonth) {
            const credited = month === '2026-02' ? sum - already : sum;
            expect(credited === 0 || sum <= cap).toBe(true);
          }
          expect(q.total).toBe(q.lines.reduce((s, l) => s + l.amount, 0));
        },
      ),
    );
  });

  test('addWorkingDays never lands on a weekend or a listed holiday (unless a listed working weekend)', () => {
    const y = DEFAULT_CALENDAR.years;
    const off = new Set([2025, 2026, 2027].flatMap((year) => y[year]!.nonWorkingWeekdays));
    const on = new Set([2025, 2026, 2027].flatMap((year) => y[year]!.workingWeekends));
    const inCalendar = fc.integer({ min: 0, max: 3 * 365 - 60 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * DAY).toISOString().slice(0, 10));
    fc.assert(
      fc.property(inCalendar, fc.integer({ min: 1, max: 40 }), (d, n) => {
        const r = addWorkingDays(d, n);
        const weekday = new Date(`${r}T00:00:00Z`).getUTCDay();
        expect(r > d).toBe(true);
        expect(off.has(r)).toBe(false);
        expect(weekday === 0 || weekday === 6 ? on.has(r) : true).toBe(true);
        // Exactly n working days: one fewer lands strictly earlier.
        expect(addWorkingDays(d, n - 1) < r).toBe(true);
      }),
    );
  });

  test('a business-hours deadline is always within 10:00–19:00 of a working day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 * 365 * 24 * 60 }), fc.integer({ min: 1, max: 100 * 60 }), (minute, budget) => {
        const createdAt = new Date(Date.UTC(2025, 0, 1) + minute * 60_000).toISOString();
        const due = slaDueAt({ createdAt, hours: budget / 60, clock: 'business' });
        expect(due).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:00$/);
        const [date, time] = [due.slice(0, 10), due.slice(11, 16)];
        expect(time > '10:00' && time <= '19:00').toBe(true);
        expect(addWorkingDays(addDaysIso(date, -1), 1)).toBe(date);
        expect(Date.parse(due)).toBeGreaterThan(Date.parse(createdAt));
      }),
    );
  });

  test('allocateToBuckets parts sum exactly and never exceed what each bucket paid', () => {
    fc.assert(
      fc.property(price, price, fc.nat(), (money, bonus, seed) => {
        const total = money + bonus;
        const amount = total === 0 ? 0 : seed % (total + 1);
        const r = allocateToBuckets(amount, { money, bonus });
        expect(r.money + r.bonus).toBe(amount);
        expect(r.money).toBeLessThanOrEqual(money);
        expect(r.bonus).toBeLessThanOrEqual(bonus);
        expect(Math.min(r.money, r.bonus)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  test('splitCharge spends bonus first and sums exactly', () => {
    fc.assert(
      fc.property(price, price, (amount, available) => {
        const r = splitCharge(amount, available);
        expect(r.money + r.bonus).toBe(amount);
        expect(r.bonus).toBe(Math.min(amount, available));
      }),
    );
  });
});
