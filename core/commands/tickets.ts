import { z } from 'zod';
import { slaDueAt, slaOpenMinutes, type SupportTarget, type WorkingCalendar } from '../../shared/billing';
import { isoDateTimeInputSchema, loginInputSchema, notesInputSchema, subjectInputSchema, type Service, type Ticket } from '../../shared/domain';
import { loadCalendar } from '../calendar';
import { CommandError } from '../errors';
import { newId } from '../ids';
import { defineCommand, refSchema } from '../registry';
import type { CommandTx, Reader } from '../tx';
import { storedInstant } from './incidents';
import { loadAccount, loadService, loadSubscription } from './loaders';

/** slaDueAt takes at most this many hours: waiting beyond it no longer moves a deadline (over a year of 24/7 wall time). */
const MAX_SLA_MINUTES = 10_000 * 60;

export async function loadTicket(reader: Reader, id: string, field = 'ticketId'): Promise<Ticket> {
  const ticket = await reader.read.tickets.get(id);
  if (!ticket) throw new CommandError('errors:ticket.notFound', { field });
  return ticket;
}

/** The support target of `level` in the service's policy, or undefined. */
export function supportTargetOf(service: Pick<Service, 'policy'>, level: string): SupportTarget | undefined {
  return service.policy.supportTargets.find((target) => target.level === level);
}

function slaClock(target: SupportTarget, calendar: WorkingCalendar) {
  return { clock: target.clock, calendar, ...(target.window === undefined ? {} : { window: target.window }) };
}

/** The response deadline: `responseHours` of the level's clock from `createdAt`, stored in UTC. */
export function responseDueAtOf(createdAt: string, target: SupportTarget, calendar: WorkingCalendar): string {
  return storedInstant('createdAt', slaDueAt({ createdAt, hours: target.responseHours, ...slaClock(target, calendar) }));
}

/**
 * The resolution deadline: `resolutionHours` plus the open minutes spent
 * waiting for the client, of the level's clock, from `createdAt` (001 §7.2);
 * null where the terms set no resolution time.
 */
export function resolutionDueAtOf(createdAt: string, target: SupportTarget, calendar: WorkingCalendar, waitingOpenMinutes: number): string | null {
  if (target.resolutionHours === null) return null;
  const minutes = Math.min(target.resolutionHours * 60 + waitingOpenMinutes, MAX_SLA_MINUTES);
  return storedInstant('createdAt', slaDueAt({ createdAt, hours: minutes / 60, ...slaClock(target, calendar) }));
}

/**
 * The ticket with its running deadline: the response deadline while open
 * and unanswered, then the resolution deadline while open; `dueAt` is
 * deleted (not null) when none runs, so the `dueAt` index holds only
 * running tickets.
 */
export function withRunningDeadline(ticket: Ticket): Ticket {
  const { dueAt: _previous, ...rest } = ticket;
  if (ticket.status !== 'open') return rest;
  const due = ticket.firstResponseAt === null ? ticket.responseDueAt : ticket.resolutionDueAt;
  return due === null ? rest : { ...rest, dueAt: due };
}

/** An active staff member's login (normalised to lower case), or a refusal. */
async function activeStaffLogin(reader: Reader, login: string, field = 'assignee'): Promise<string> {
  const normalised = login.toLowerCase();
  const staff = await reader.read.staff.where('login').equals(normalised).first();
  if (!staff || !staff.active) throw new CommandError('errors:ticket.assigneeInvalid', { field, params: { login } });
  return normalised;
}

function wrongStatus(ticket: Ticket): never {
  if (ticket.status === 'closed') throw new CommandError('errors:ticket.closed', { field: 'ticketId' });
  throw new CommandError('errors:ticket.wrongStatus', { field: 'ticketId', params: { status: ticket.status } });
}

const ticketRef = (ticket: Ticket) => ({ table: 'tickets' as const, id: ticket.id });

export const openTicketInput = z.object({
  accountId: refSchema('errors:account.notFound'),
  subscriptionId: refSchema('errors:subscription.notFound'),
  level: z.string({ error: 'errors:ticket.levelInvalid' }).trim().min(1, { error: 'errors:ticket.levelInvalid' }).max(50, { error: 'errors:ticket.levelInvalid' }),
  subject: subjectInputSchema,
  description: notesInputSchema,
  assignee: loginInputSchema.nullable().optional(),
  /** When the client's request was registered; default now, never later than now. */
  createdAt: isoDateTimeInputSchema.optional(),
});

/**
 * Opens a client's ticket (§6 "Tickets"). The subscription belongs to the
 * account; the level is one of the support levels of its service (§3);
 * the deadlines come from `slaDueAt` with the level's hours, clock and
 * window and the working-day calendar in force, counted from `createdAt`.
 */
export const openTicket = defineCommand({
  name: 'openTicket',
  role: 'operator',
  input: openTicketInput,
  ref: ticketRef,
  run: async (tx, input): Promise<Ticket & { responseDueAt: string; resolutionDueAt: string | null }> => {
    const createdAt = input.createdAt === undefined ? tx.meta.at : storedInstant('createdAt', input.createdAt);
    if (Date.parse(createdAt) > Date.parse(tx.meta.at)) throw new CommandError('errors:dateTime.future', { field: 'createdAt', params: { now: tx.meta.at } });
    const account = await loadAccount(tx, input.accountId);
    const subscription = await loadSubscription(tx, input.subscriptionId);
    if (subscription.accountId !== account.id) throw new CommandError('errors:ticket.subscriptionOtherAccount', { field: 'subscriptionId' });
    const service = await loadService(tx, subscription.serviceId, 'subscriptionId');
    const levels = service.policy.supportTargets.map((target) => target.level);
    if (levels.length === 0) throw new CommandError('errors:ticket.noSupportLevels', { field: 'subscriptionId' });
    const target = supportTargetOf(service, input.level);
    if (!target) throw new CommandError('errors:ticket.levelInvalid', { field: 'level', params: { levels: levels.join(', ') } });
    const assignee = input.assignee === undefined || input.assignee === null ? null : await activeStaffLogin(tx, input.assignee);
    const calendar = await loadCalendar(tx);
    const ticket = withRunningDeadline({
      id: newId(),
      accountId: account.id,
      subscriptionId: subscription.id,
      serviceId: service.id,
      level: target.level,
      status: 'open',
      subject: input.subject,
      description: input.description ?? '',
      assignee,
      createdAt,
      firstResponseAt: null,
      resolvedAt: null,
      closedAt: null,
      responseDueAt: responseDueAtOf(createdAt, target, calendar),
      resolutionDueAt: resolutionDueAtOf(createdAt, target, calendar, 0),
      waitingOpenMinutes: 0,
      waitingSince: null,
      reopenedCount: 0,
    });
    await tx.insert('tickets', ticket);
    return ticket;
  },
});

/**
 * Adds the open minutes of the level's clock in [since, now) to the time
 * the ticket waited for the client, and moves the resolution deadline by
 * them. A level no longer in the service's policy keeps its deadlines.
 */
async function addClientTime(tx: CommandTx, ticket: Ticket, since: string): Promise<Ticket> {
  const service = await tx.read.services.get(ticket.serviceId);
  const target = service && supportTargetOf(service, ticket.level);
  if (!target) return ticket;
  const calendar = await loadCalendar(tx);
  const waited = slaOpenMinutes({ from: since, to: tx.meta.at, ...slaClock(target, calendar) });
  const waitingOpenMinutes = ticket.waitingOpenMinutes + waited;
  return { ...ticket, waitingOpenMinutes, resolutionDueAt: resolutionDueAtOf(ticket.createdAt, target, calendar, waitingOpenMinutes) };
}

/** A command on one ticket: load, refuse unless in `from`, change, keep the running deadline. */
function ticketCommand(name: string, from: readonly Ticket['status'][], change: (tx: CommandTx, ticket: Ticket) => Promise<Ticket> | Ticket) {
  return defineCommand({
    name,
    role: 'operator',
    input: z.object({ ticketId: refSchema('errors:ticket.notFound') }),
    ref: ticketRef,
    run: async (tx, input): Promise<Ticket> => {
      const before = await loadTicket(tx, input.ticketId);
      if (!from.includes(before.status)) wrongStatus(before);
      const after = withRunningDeadline(await change(tx, before));
      return tx.update('tickets', before, after);
    },
  });
}

/**
 * Records the first response (now): the response deadline stops and the
 * resolution deadline runs. Later responses change nothing (the first
 * response time is a fact; the command is then a no-op, not a refusal).
 */
export const respondToTicket = ticketCommand('respondToTicket', ['open', 'waiting_client'], (tx, ticket) =>
  ticket.firstResponseAt === null ? { ...ticket, firstResponseAt: tx.meta.at } : ticket,
);

/** The ticket waits for the client's answer: no deadline runs. Asking the client is a response (the first, if none was recorded). */
export const waitForClient = ticketCommand('waitForClient', ['open'], (tx, ticket) => ({
  ...ticket,
  status: 'waiting_client',
  firstResponseAt: ticket.firstResponseAt ?? tx.meta.at,
  waitingSince: tx.meta.at,
}));

/** The client answered: the open time spent waiting moves the resolution deadline (001 §7.2). */
export const resumeTicket = ticketCommand('resumeTicket', ['waiting_client'], async (tx, ticket) => ({
  ...(await addClientTime(tx, ticket, ticket.waitingSince ?? tx.meta.at)),
  status: 'open',
  waitingSince: null,
}));

/** A solution is given (now). From waiting, the wait so far counts as the client's time. Resolving is a response. */
export const resolveTicket = ticketCommand('resolveTicket', ['open', 'waiting_client'], async (tx, ticket) => ({
  ...(ticket.waitingSince === null ? ticket : await addClientTime(tx, ticket, ticket.waitingSince)),
  status: 'resolved',
  firstResponseAt: ticket.firstResponseAt ?? tx.meta.at,
  resolvedAt: tx.meta.at,
  waitingSince: null,
}));

/** Closes a resolved ticket for good: a closed ticket is not reopened (a new ticket follows up). */
export const closeTicket = ticketCommand('closeTicket', ['resolved'], (tx, ticket) => ({ ...ticket, status: 'closed', closedAt: tx.meta.at }));

/**
 * The client says the solution did not help: a resolved ticket opens again
 * and its resolution deadline runs again, moved by the open time it spent
 * resolved (that time was the client's: checking the solution).
 */
export const reopenTicket = ticketCommand('reopenTicket', ['resolved'], async (tx, ticket) => ({
  ...(ticket.resolvedAt === null ? ticket : await addClientTime(tx, ticket, ticket.resolvedAt)),
  status: 'open',
  resolvedAt: null,
  reopenedCount: ticket.reopenedCount + 1,
}));

/** Gives the ticket to an active staff member, or takes it back (null). Not on a closed ticket. */
export const assignTicket = defineCommand({
  name: 'assignTicket',
  role: 'operator',
  input: z.object({ ticketId: refSchema('errors:ticket.notFound'), assignee: loginInputSchema.nullable() }),
  ref: ticketRef,
  run: async (tx, input): Promise<Ticket> => {
    const before = await loadTicket(tx, input.ticketId);
    if (before.status === 'closed') wrongStatus(before);
    const assignee = input.assignee === null ? null : await activeStaffLogin(tx, input.assignee);
    return tx.update('tickets', before, { ...before, assignee });
  },
});
