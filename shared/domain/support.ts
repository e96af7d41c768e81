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

export const ticketSchema = z.object({
  id: idSchema,
  accountId: idSchema,
  subscriptionId: idSchema.nullable(),
  /** A support level key of the service's policy (policies.ts supportTargets[].level). */
  priority: z.string().min(1),
  status: z.enum(TICKET_STATUSES),
  subject: z.string(),
  createdAt: isoDateTimeSchema,
  firstResponseAt: isoDateTimeSchema.nullable(),
  resolvedAt: isoDateTimeSchema.nullable(),
  /** Minutes spent waiting for the client; resolution time excludes them (001 §7.2). */
  waitingClientMinutes: z.number().int().nonnegative(),
  /** Set while the ticket waits for the client. */
  waitingSince: isoDateTimeSchema.nullable(),
});
export type Ticket = z.infer<typeof ticketSchema>;
