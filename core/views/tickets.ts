import Dexie from 'dexie';
import { DEFAULT_BUSINESS_WINDOW, type ServiceCode, type SupportClock, type TimeWindow } from '../../shared/billing';
import type { Account, Incident, LocalizedText, Service, Subscription, Tariff, Ticket, TicketStatus } from '../../shared/domain';
import { supportTargetOf } from '../commands/tickets';
import type { AppDatabase } from '../db';
import { withoutSearchFields } from '../tx';

/** Rows listTickets returns unless asked for fewer or more (at most TICKET_LIST_MAX). */
export const TICKET_LIST_LIMIT = 200;
export const TICKET_LIST_MAX = 2000;

export interface TicketFilter {
  serviceId?: string;
  level?: string;
  status?: TicketStatus;
  /** A staff login; null: tickets nobody has taken. */
  assignee?: string | null;
  accountId?: string;
  /** Default TICKET_LIST_LIMIT, at most TICKET_LIST_MAX. */
  limit?: number;
}

/** A ticket with what the list shows next to it. */
export interface TicketRow extends Ticket {
  accountName: string;
  serviceCode: ServiceCode | null;
  serviceName: LocalizedText | null;
  tariffName: LocalizedText | null;
}

export interface TicketList {
  rows: TicketRow[];
  /** Every ticket that matches the filter (rows holds at most `limit` of them). */
  total: number;
}

type Matcher = (ticket: Ticket) => boolean;

function matcherOf(filter: TicketFilter): Matcher {
  const { serviceId, level, status, assignee, accountId } = filter;
  return (t) =>
    (serviceId === undefined || t.serviceId === serviceId) &&
    (level === undefined || t.level === level) &&
    (status === undefined || t.status === status) &&
    (assignee === undefined || t.assignee === assignee) &&
    (accountId === undefined || t.accountId === accountId);
}

const newestFirst = (a: Ticket, b: Ticket) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1);

/**
 * The filter's tickets newest first, through the narrowest index the filter
 * names: the account's tickets (few, sorted in memory), the assignee's or
 * the service's `[…+createdAt]` range, else the `createdAt` index.
 */
function newestFirstOf(db: AppDatabase, filter: TicketFilter) {
  if (filter.accountId !== undefined) return null;
  if (typeof filter.assignee === 'string') {
    return db.tickets.where('[assignee+createdAt]').between([filter.assignee, Dexie.minKey], [filter.assignee, Dexie.maxKey]).reverse();
  }
  if (filter.serviceId !== undefined) {
    return db.tickets.where('[serviceId+createdAt]').between([filter.serviceId, Dexie.minKey], [filter.serviceId, Dexie.maxKey]).reverse();
  }
  return db.tickets.orderBy('createdAt').reverse();
}

/** How many tickets match: a key count on one index when the filter names only that one, else a walk of the narrowest range. */
function countOf(db: AppDatabase, filter: TicketFilter, matches: Matcher): Promise<number> {
  const named = (['serviceId', 'level', 'status', 'assignee', 'accountId'] as const).filter((key) => filter[key] !== undefined);
  if (named.length === 0) return db.tickets.count();
  if (named.length === 1) {
    const [key] = named;
    if (key === 'accountId') return db.tickets.where('accountId').equals(filter.accountId!).count();
    if (key === 'status') return db.tickets.where('status').equals(filter.status!).count();
    if (key === 'serviceId' || (key === 'assignee' && typeof filter.assignee === 'string')) return newestFirstOf(db, filter)!.count();
  }
  const range = newestFirstOf(db, filter);
  return range ? range.filter(matches).count() : db.tickets.where('accountId').equals(filter.accountId!).filter(matches).count();
}

/**
 * The Tickets section (§6 "Tickets"): tickets whose deadline runs first,
 * nearest deadline first (the `dueAt` index holds only those), then the
 * others newest first; filtered by service, level, status, assignee and
 * client; the client's name, the service and the tariff joined for the rows
 * returned only.
 */
export async function listTickets(db: AppDatabase, given: TicketFilter = {}): Promise<TicketList> {
  const filter: TicketFilter = typeof given === 'object' && given !== null ? given : {};
  const limit = Math.max(1, Math.min(Math.floor(Number(filter.limit ?? TICKET_LIST_LIMIT)) || TICKET_LIST_LIMIT, TICKET_LIST_MAX));
  const matches = matcherOf(filter);
  let running: Ticket[];
  let others: Ticket[];
  if (filter.accountId !== undefined) {
    const all = (await db.tickets.where('accountId').equals(filter.accountId).toArray()).filter(matches);
    running = all.filter((t) => t.dueAt !== undefined).sort((a, b) => (a.dueAt! < b.dueAt! ? -1 : a.dueAt! > b.dueAt! ? 1 : 0)).slice(0, limit);
    others = all.filter((t) => t.dueAt === undefined).sort(newestFirst).slice(0, limit - running.length);
    return { rows: await rowsOf(db, [...running, ...others]), total: all.length };
  }
  // Only open tickets have a running deadline.
  running = filter.status !== undefined && filter.status !== 'open' ? [] : await db.tickets.orderBy('dueAt').filter(matches).limit(limit).toArray();
  const [rest, total] = await Promise.all([
    running.length >= limit ? Promise.resolve([]) : newestFirstOf(db, filter)!.filter((t) => t.dueAt === undefined && matches(t)).limit(limit - running.length).toArray(),
    countOf(db, filter, matches),
  ]);
  others = rest;
  return { rows: await rowsOf(db, [...running, ...others]), total };
}

async function rowsOf(db: AppDatabase, tickets: Ticket[]): Promise<TicketRow[]> {
  const subscriptionIds = [...new Set(tickets.map((t) => t.subscriptionId).filter((id) => id !== null))];
  const [accounts, subscriptions, services, tariffs] = await Promise.all([
    db.accounts.bulkGet([...new Set(tickets.map((t) => t.accountId))]),
    db.subscriptions.bulkGet(subscriptionIds),
    db.services.toArray(),
    db.tariffs.toArray(),
  ]);
  const accountName = new Map(accounts.filter((a) => a !== undefined).map((a) => [a.id, a.name]));
  const tariffOf = new Map(subscriptions.filter((s) => s !== undefined).map((s) => [s.id, s.tariffId]));
  const serviceById = new Map(services.map((s) => [s.id, s]));
  const tariffById = new Map(tariffs.map((t) => [t.id, t]));
  return tickets.map((ticket) => {
    const service = serviceById.get(ticket.serviceId);
    const tariffId = ticket.subscriptionId === null ? undefined : tariffOf.get(ticket.subscriptionId);
    return {
      ...ticket,
      accountName: accountName.get(ticket.accountId) ?? '',
      serviceCode: service?.code ?? null,
      serviceName: service?.name ?? null,
      tariffName: (tariffId !== undefined && tariffById.get(tariffId)?.name) || null,
    };
  });
}

/** A support level's target as the ticket page shows it: the business window filled in (null on the 24/7 clock). */
export interface TicketTarget {
  level: string;
  responseHours: number;
  resolutionHours: number | null;
  clock: SupportClock;
  window: TimeWindow | null;
}

export interface TicketDetail {
  ticket: Ticket;
  account: Account | null;
  subscription: Subscription | null;
  tariff: Tariff | null;
  service: Service | null;
  /** null when the level is no longer in the service's policy. */
  target: TicketTarget | null;
  /** Incidents recorded from this ticket (source: ticket), oldest first. */
  incidents: Incident[];
}

/** One ticket with its client, subscription, tariff, service, the level's target and the incidents it opened; null when not found. */
export async function getTicket(db: AppDatabase, ticketId: string): Promise<TicketDetail | null> {
  if (typeof ticketId !== 'string' || ticketId === '') return null;
  const ticket = await db.tickets.get(ticketId);
  if (!ticket) return null;
  const [account, subscription, service, incidents] = await Promise.all([
    db.accounts.get(ticket.accountId),
    ticket.subscriptionId === null ? Promise.resolve(undefined) : db.subscriptions.get(ticket.subscriptionId),
    db.services.get(ticket.serviceId),
    db.incidents.where('ticketId').equals(ticket.id).sortBy('start'),
  ]);
  const tariff = subscription ? await db.tariffs.get(subscription.tariffId) : undefined;
  const target = service ? supportTargetOf(service, ticket.level) : undefined;
  return {
    ticket,
    account: account ? withoutSearchFields(account) : null,
    subscription: subscription ?? null,
    tariff: tariff ?? null,
    service: service ?? null,
    target: target
      ? {
          level: target.level,
          responseHours: target.responseHours,
          resolutionHours: target.resolutionHours,
          clock: target.clock,
          window: target.clock === 'business' ? (target.window ?? DEFAULT_BUSINESS_WINDOW) : null,
        }
      : null,
    incidents,
  };
}
