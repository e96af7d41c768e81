import { z } from 'zod';
import { CAUSES, type Cause } from '../billing/types';
import { idSchema, isoDateTimeSchema } from './primitives';

export const INCIDENT_SOURCES = ['monitoring', 'ticket'] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

export const incidentSchema = z.object({
  id: idSchema,
  serviceId: idSchema,
  subscriptionIds: z.array(idSchema),
  start: isoDateTimeSchema,
  /** null while the incident is still open. */
  end: isoDateTimeSchema.nullable(),
  cause: z.enum(CAUSES as [Cause, ...Cause[]]),
  /** When planned works were announced; decides whether they count as downtime. */
  announcedAt: isoDateTimeSchema.nullable(),
  source: z.enum(INCIDENT_SOURCES),
  ticketId: idSchema.nullable(),
  notes: z.string(),
  createdAt: isoDateTimeSchema,
});
export type Incident = z.infer<typeof incidentSchema>;

export const TICKET_STATUSES = ['open', 'waiting_client', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/**
 * A client's support request (§6 "Tickets"). Deadlines are computed by the
 * commands with the level's hours, clock and window and the working-day
 * calendar in force, and stored, so that the Tickets list sorts by an index.
 */
export const ticketSchema = z.object({
  id: idSchema,
  accountId: idSchema,
  subscriptionId: idSchema.nullable(),
  /** The subscription's service: the level belongs to its policy, and the list filters by it. */
  serviceId: idSchema,
  /** A support level key of the service's policy (policies.ts supportTargets[].level). */
  level: z.string().min(1),
  status: z.enum(TICKET_STATUSES),
  subject: z.string(),
  description: z.string(),
  /** The staff login working on it; null until someone takes it. */
  assignee: z.string().nullable(),
  createdAt: isoDateTimeSchema,
  firstResponseAt: isoDateTimeSchema.nullable(),
  resolvedAt: isoDateTimeSchema.nullable(),
  closedAt: isoDateTimeSchema.nullable(),
  responseDueAt: isoDateTimeSchema,
  /** null where the terms set no resolution time; moved by the open time spent waiting for the client. */
  resolutionDueAt: isoDateTimeSchema.nullable(),
  /**
   * The deadline now running: the response deadline until the first
   * response, then the resolution deadline until resolved. Absent when none
   * runs (waiting for the client, resolved, closed): such tickets are not in
   * the `dueAt` index, so "nearest deadline first" reads only running ones.
   */
  dueAt: isoDateTimeSchema.optional(),
  /** Open minutes of the level's clock spent waiting for the client; resolution time excludes them (001 §7.2). */
  waitingOpenMinutes: z.number().int().nonnegative(),
  /** Set while the ticket waits for the client. */
  waitingSince: isoDateTimeSchema.nullable(),
  reopenedCount: z.number().int().nonnegative(),
});
export type Ticket = z.infer<typeof ticketSchema>;
