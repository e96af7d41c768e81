import { useEffect } from 'react';

/** What counts as someone at the desk: any pointer, key, wheel or touch input. */
export const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

export interface TimerClock {
  /** Elapsed real time in ms (monotonic): never the app's business clock, which tests pin. */
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: TimerClock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Calls `onIdle` once `limitMs` of real time pass without `activity()`.
 * One timer at a time, set for the time still left: input only moves the
 * last-activity mark, and when the timer fires it either locks or waits
 * for what remains. A machine that slept fires late, sees the whole gap
 * and locks.
 */
export class IdleTimer {
  private last = 0;
  private handle: unknown = null;

  constructor(
    private readonly limitMs: number,
    private readonly onIdle: () => void,
    private readonly clock: TimerClock = realClock,
  ) {}

  start(): void {
    this.last = this.clock.now();
    this.schedule(this.limitMs);
  }

  activity(): void {
    this.last = this.clock.now();
  }

  /** Locks now if the limit has passed, else waits for what is left. */
  check(): void {
    if (this.handle === null) return;
    const idle = this.clock.now() - this.last;
    if (idle >= this.limitMs) {
      this.stop();
      this.onIdle();
    } else {
      this.schedule(this.limitMs - idle);
    }
  }

  stop(): void {
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.handle = null;
  }

  private schedule(ms: number): void {
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.handle = this.clock.setTimeout(() => this.check(), ms);
  }
}

/** Locks the session (`onIdle`) after `minutes` without input while `enabled`; null minutes: not yet known. */
export function useIdleLock(minutes: number | null, enabled: boolean, onIdle: () => void): void {
  useEffect(() => {
    if (!enabled || minutes === null) return;
    const timer = new IdleTimer(minutes * 60_000, onIdle);
    const activity = () => timer.activity();
    // Back from a hidden window or a sleeping machine: decide at once rather than at the next timer.
    const visible = () => {
      if (document.visibilityState === 'visible') timer.check();
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, activity, { capture: true, passive: true });
    document.addEventListener('visibilitychange', visible);
    timer.start();
    return () => {
      timer.stop();
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, activity, { capture: true });
      document.removeEventListener('visibilitychange', visible);
    };
  }, [minutes, enabled, onIdle]);
}
