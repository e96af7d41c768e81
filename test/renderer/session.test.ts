import { describe, expect, it, vi } from 'vitest';
import { IdleTimer, type TimerClock } from '../../renderer/app/idleLock';
import { SessionHolder, signedInUserOf } from '../../renderer/app/session';
import { sectionsFor } from '../../renderer/app/navigation';
import { SECTIONS } from '../../shared/api';

const ADMIN = { id: 's-1', login: 'admin', name: 'Әлия', role: 'admin' as const };

/** A hand-moved clock and its one pending timer, like the browser's. */
function manualClock() {
  let now = 0;
  let pending: { at: number; callback: () => void; id: number } | null = null;
  let ids = 0;
  const clock: TimerClock = {
    now: () => now,
    setTimeout: (callback, ms) => {
      pending = { at: now + ms, callback, id: ++ids };
      return pending.id;
    },
    clearTimeout: (id) => {
      if (pending?.id === id) pending = null;
    },
  };
  const advance = (ms: number) => {
    const until = now + ms;
    while (pending && pending.at <= until) {
      const due: { at: number; callback: () => void } = pending;
      pending = null;
      now = due.at;
      due.callback();
    }
    now = until;
  };
  /** Time passes without any timer firing (a machine asleep). */
  const sleep = (ms: number) => {
    now += ms;
  };
  return { clock, advance, sleep, pending: () => pending };
}

describe('SessionHolder', () => {
  it('signs in, locks, unlocks and signs out, telling subscribers each time with a new snapshot', () => {
    const holder = new SessionHolder();
    const seen: unknown[] = [];
    holder.subscribe(() => seen.push(holder.snapshot));
    holder.lock(); // nobody to lock
    expect(seen).toEqual([]);
    holder.signIn(ADMIN);
    holder.lock();
    holder.lock(); // already locked: no change
    expect(holder.locked).toBe(true);
    expect(holder.user).toEqual(ADMIN);
    holder.signIn(ADMIN);
    holder.signOut();
    holder.signOut();
    expect(seen).toEqual([
      { user: ADMIN, locked: false },
      { user: ADMIN, locked: true },
      { user: ADMIN, locked: false },
      { user: null, locked: false },
    ]);
    expect(new Set(seen).size).toBe(4);
  });

  it('refreshes the signed-in person after their own record changed, and no one else', () => {
    const holder = new SessionHolder();
    holder.signIn(ADMIN);
    holder.refresh({ id: 's-2', login: 'other', name: 'Other', role: 'operator' });
    expect(holder.user?.role).toBe('admin');
    holder.refresh({ ...ADMIN, role: 'manager' });
    expect(holder.user).toEqual({ ...ADMIN, role: 'manager' });
  });

  it('keeps only who and what role from a StaffMember, never more', () => {
    const member = { ...ADMIN, active: true, failedAttempts: 0, lockedUntil: null, createdAt: '', passwordChangedAt: '', lastSignInAt: null, passwordHash: 'x' };
    expect(signedInUserOf(member)).toEqual(ADMIN);
  });
});

describe('IdleTimer', () => {
  it('locks after the limit of no input, counted from the last input', () => {
    const { clock, advance } = manualClock();
    const onIdle = vi.fn();
    const timer = new IdleTimer(60_000, onIdle, clock);
    timer.start();
    advance(40_000);
    timer.activity(); // at 40 s
    advance(59_999); // 99.999 s: 59.999 s idle
    expect(onIdle).not.toHaveBeenCalled();
    advance(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    advance(600_000);
    expect(onIdle).toHaveBeenCalledTimes(1); // once, until started again
  });

  it('a late timer (a machine that slept) sees the whole gap and locks at once', () => {
    const { clock, sleep, pending } = manualClock();
    const onIdle = vi.fn();
    const timer = new IdleTimer(60_000, onIdle, clock);
    timer.start();
    const due = pending();
    expect(due?.at).toBe(60_000);
    // Nothing fired while asleep; check() on wake-up (visibilitychange) decides from the elapsed time alone.
    sleep(3_600_000);
    timer.check();
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('does nothing once stopped', () => {
    const { clock, advance } = manualClock();
    const onIdle = vi.fn();
    const timer = new IdleTimer(1_000, onIdle, clock);
    timer.start();
    timer.stop();
    advance(5_000);
    timer.check();
    expect(onIdle).not.toHaveBeenCalled();
  });
});

describe('navigation by role', () => {
  it('shows every section of the menu to each role unless a section says otherwise', () => {
    expect(sectionsFor('admin')).toEqual([...SECTIONS]);
    expect(sectionsFor('operator')).toEqual(SECTIONS.filter((s) => (s as string) !== 'audit'));
  });
});
