import type { TFunction } from 'i18next';
import { DEFAULT_BUSINESS_WINDOW, type SupportClock, type TimeWindow } from '../../../shared/billing';
import type { Ticket } from '../../../core';
import { formatInstant } from '../../i18n/format';
import { formatDuration } from '../incidents/incidentTime';

/** A running deadline this close (or closer) is marked "due within an hour". */
export const DUE_SOON_MS = 3_600_000;

export type DeadlineKind = 'response' | 'resolution';
export type DeadlineState = 'overdue' | 'soon' | 'ok';

/** The deadline a ticket's clock is running against, and how it stands at `now`. */
export interface RunningDeadline {
  kind: DeadlineKind;
  dueAt: string;
  state: DeadlineState;
  /** Whole minutes to go (state ok/soon) or past it (overdue). */
  minutes: number;
}

/**
 * Overdue once `now` is past the deadline (a deadline met to the minute,
 * 19:00 at 19:00, is met); "soon" within the hour before it.
 */
export function deadlineState(dueAt: string, now: number): DeadlineState {
  const left = Date.parse(dueAt) - now;
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_MS ? 'soon' : 'ok';
}

/**
 * The running deadline of a ticket (the store keeps it in `dueAt`: the
 * response deadline until the first response, then the resolution
 * deadline while open), or null when no clock runs: waiting for the
 * client, resolved, closed, or answered on a level without a resolution time.
 */
export function runningDeadline(ticket: Pick<Ticket, 'dueAt' | 'firstResponseAt'>, now: number): RunningDeadline | null {
  if (ticket.dueAt === undefined) return null;
  const ms = Date.parse(ticket.dueAt) - now;
  return {
    kind: ticket.firstResponseAt === null ? 'response' : 'resolution',
    dueAt: ticket.dueAt,
    state: deadlineState(ticket.dueAt, now),
    minutes: Math.floor(Math.abs(ms) / 60_000),
  };
}

const MINUTES_PER_DAY = 24 * 60;

/** A countdown: `3 ч 59 мин` under a day, `5 дн. 18 ч` from a day on (minutes no longer matter). */
export function formatCountdown(t: TFunction, minutes: number): string {
  if (minutes < MINUTES_PER_DAY) return formatDuration(t, minutes);
  const days = Math.floor(minutes / MINUTES_PER_DAY);
  const hours = Math.floor((minutes % MINUTES_PER_DAY) / 60);
  return hours === 0 ? t('tickets:duration.days', { days }) : t('tickets:duration.daysHours', { days, hours });
}

/**
 * `через 35 мин` / `просрочено на 1 ч 10 мин` / `через 5 дн. 18 ч`; `short`
 * after an "overdue" badge: `на 1 ч 10 мин`.
 */
export function countdownText(t: TFunction, deadline: Pick<RunningDeadline, 'state' | 'minutes'>, short = false): string {
  const duration = formatCountdown(t, deadline.minutes);
  if (deadline.state !== 'overdue') return t('tickets:deadline.in', { duration });
  return short ? t('tickets:deadline.overdueShort', { duration }) : t('tickets:deadline.overdueBy', { duration });
}

export const DEADLINE_COLOR: Record<DeadlineState, string> = { overdue: 'red', soon: 'orange', ok: 'gray' };

/** Why no deadline runs, in a few words (for a ticket whose `dueAt` is absent). */
export function stoppedText(t: TFunction, ticket: Pick<Ticket, 'status' | 'resolvedAt' | 'closedAt' | 'waitingSince'>): string {
  switch (ticket.status) {
    case 'waiting_client':
      return ticket.waitingSince === null ? t('tickets:deadline.stoppedWaiting') : t('tickets:deadline.waitingSince', { at: formatInstant(ticket.waitingSince) });
    case 'resolved':
      return ticket.resolvedAt === null ? t('domain:ticketStatus.resolved') : t('tickets:deadline.resolvedAt', { at: formatInstant(ticket.resolvedAt) });
    case 'closed':
      return ticket.closedAt === null ? t('domain:ticketStatus.closed') : t('tickets:deadline.closedAt', { at: formatInstant(ticket.closedAt) });
    default:
      return t('tickets:deadline.noResolutionTime');
  }
}

/** A support level's clock in words: `круглосуточно (24/7)` or `рабочие дни 10:00–19:00`. */
export function clockText(t: TFunction, clock: SupportClock, window: TimeWindow | null | undefined): string {
  if (clock === '24x7') return t('tickets:target.clock24x7');
  const w = window ?? DEFAULT_BUSINESS_WINDOW;
  return t('tickets:target.business', { open: w.open, close: w.close });
}

/** `ответ — 1 ч, решение — 8 ч; круглосуточно (24/7)`; without a resolution time: `ответ — 4 ч, срок решения не установлен; …`. */
export function targetText(t: TFunction, target: { responseHours: number; resolutionHours: number | null; clock: SupportClock; window?: TimeWindow | null }): string {
  const clock = clockText(t, target.clock, target.window);
  return target.resolutionHours === null
    ? t('tickets:target.responseOnly', { response: target.responseHours, clock })
    : t('tickets:target.both', { response: target.responseHours, resolution: target.resolutionHours, clock });
}
