import { businessDateOf } from '../shared/billing';
import type { IsoDate } from '../shared/domain';

/**
 * The app's one clock: the store's "now" and the screens' "today in
 * business time" (UTC+05:00) both come from here, so they never disagree
 * and a test can pin them together.
 */
export interface Clock {
  now(): Date;
  /** Today's business date (UTC+05:00). */
  today(): IsoDate;
}

/**
 * The system clock, or one that starts at `pinned` (an ISO instant with an
 * offset) and runs on from there at real speed, so that records still get
 * increasing times while every date the tests see is the one they chose.
 */
export function createClock(pinned?: string | null, realNow: () => number = Date.now): Clock {
  const startedAt = realNow();
  const pinnedMs = pinned ? Date.parse(pinned) : Number.NaN;
  if (pinned && Number.isNaN(pinnedMs)) throw new RangeError(`createClock: not an instant: ${pinned}`);
  const now = Number.isNaN(pinnedMs) ? () => new Date(realNow()) : () => new Date(pinnedMs + (realNow() - startedAt));
  return { now, today: () => businessDateOf(now().toISOString()) };
}
