import { z } from 'zod';
import { CAUSES, parseInstant, type Cause } from '../../shared/billing';
import { INCIDENT_SOURCES, isoDateTimeInputSchema, notesInputSchema, type Incident, type Subscription } from '../../shared/domain';
import { CommandError } from '../errors';
import { newId } from '../ids';
import { defineCommand, refSchema } from '../registry';
import { inSlices, SLICES, type CommandTx, type Reader } from '../tx';
import { loadService } from './loaders';

/** At most this many subscriptions per incident (a whole service of a large provider fits). */
export const MAX_AFFECTED_SUBSCRIPTIONS = 200_000;

/**
 * Up to this many keys, records are read one request per key (bulkGet,
 * anyOf); beyond it, one index range is read whole and picked from in
 * memory (one getAll instead of thousands of requests). Mutable so that a
 * test can take the range path with a handful of subscriptions.
 */
export const BULK_READS = { perKeyMax: 200 };

/** An instant as stored: UTC, to the millisecond ('2026-03-31T17:00:00.000Z'); compares as text in time order. */
export function storedInstant(field: string, value: string): string {
  return new Date(parseInstant(field, value).epochMilliseconds).toISOString();
}

function assertNotAfterNow(tx: CommandTx, instant: string, field: string): void {
  if (Date.parse(instant) > Date.parse(tx.meta.at)) throw new CommandError('errors:dateTime.future', { field, params: { now: tx.meta.at } });
}

function assertEndAfterStart(start: string, end: string, field = 'end'): void {
  if (Date.parse(end) <= Date.parse(start)) throw new CommandError('errors:incident.endNotAfterStart', { field });
}

export async function loadIncident(tx: Reader, id: string, field = 'incidentId'): Promise<Incident> {
  const incident = await tx.read.incidents.get(id);
  if (!incident) throw new CommandError('errors:incident.notFound', { field });
  return incident;
}

/**
 * The subscriptions with these ids, in the same order (undefined where none
 * has the id): by key, in batches of SLICES.read requests with two batches in
 * flight (each batch's results arrive in their own task). Reading the
 * service's whole `[serviceId+status]` range instead costs about half as
 * much per record but reads every subscription of the service, whatever the
 * incident's size, and hands them over in one long task.
 */
export async function subscriptionsByIds(reader: Reader, ids: readonly string[]): Promise<(Subscription | undefined)[]> {
  if (ids.length <= BULK_READS.perKeyMax) return reader.read.subscriptions.bulkGet([...ids]);
  const found: (Subscription | undefined)[] = new Array<Subscription | undefined>(ids.length);
  let offset = 0;
  await inSlices(ids, SLICES.read, async (slice) => {
    const at = offset;
    offset += slice.length;
    const rows = await reader.read.subscriptions.bulkGet(slice);
    rows.forEach((row, i) => (found[at + i] = row));
  });
  return found;
}

export const recordIncidentInput = z.object({
  serviceId: refSchema('errors:service.notFound'),
  start: isoDateTimeInputSchema,
  /** Absent or null: the incident is still open. */
  end: isoDateTimeInputSchema.nullable().optional(),
  cause: z.enum(CAUSES as [Cause, ...Cause[]], { error: 'errors:incident.causeInvalid' }),
  /** When planned works were announced to clients; only for cause 'planned'. */
  announcedAt: isoDateTimeInputSchema.nullable().optional(),
  source: z.enum(INCIDENT_SOURCES, { error: 'errors:incident.sourceInvalid' }),
  /** The client's ticket that reported it, when there is one. */
  ticketId: refSchema('errors:ticket.notFound').nullable().optional(),
  /** Absent: every subscription of the service that is active now. Duplicates are dropped. */
  subscriptionIds: z
    .array(refSchema('errors:subscription.notFound'), { error: 'errors:validation.invalid' })
    .max(MAX_AFFECTED_SUBSCRIPTIONS, { error: 'errors:validation.invalid' })
    .optional(),
  notes: notesInputSchema,
});

/** The affected subscriptions as given, without duplicates (first occurrence kept), each of the incident's service. */
async function givenSubscriptions(tx: CommandTx, serviceId: string, given: readonly string[]): Promise<string[]> {
  const found = await subscriptionsByIds(tx, given);
  const seen = new Set<string>();
  const ids: string[] = [];
  given.forEach((id, i) => {
    const subscription = found[i];
    if (!subscription) throw new CommandError('errors:subscription.notFound', { field: `subscriptionIds.${i}` });
    if (subscription.serviceId !== serviceId) throw new CommandError('errors:incident.subscriptionOtherService', { field: `subscriptionIds.${i}` });
    if (seen.has(id)) return;
    seen.add(id);
    ids.push(id);
  });
  return ids;
}

const incidentRef = (incident: Incident) => ({ table: 'incidents' as const, id: incident.id });

/**
 * Records an outage of a service (§6 "Incidents and compensation"). Instants
 * are compared as instants and stored in UTC; neither the start nor the end
 * may lie after now, and the end is after the start. An announcement time
 * belongs to planned works only (refused for other causes). Affected
 * subscriptions default to every active one of the service at the moment of
 * recording (one `[serviceId+status]` key read); given ones must exist and
 * belong to the service.
 */
export const recordIncident = defineCommand({
  name: 'recordIncident',
  role: 'operator',
  input: recordIncidentInput,
  ref: incidentRef,
  run: async (tx, input): Promise<Incident> => {
    const start = storedInstant('start', input.start);
    const end = input.end === undefined || input.end === null ? null : storedInstant('end', input.end);
    const announcedAt = input.announcedAt === undefined || input.announcedAt === null ? null : storedInstant('announcedAt', input.announcedAt);
    assertNotAfterNow(tx, start, 'start');
    if (end !== null) {
      assertEndAfterStart(start, end);
      assertNotAfterNow(tx, end, 'end');
    }
    if (announcedAt !== null) {
      if (input.cause !== 'planned') throw new CommandError('errors:incident.announcedNotPlanned', { field: 'announcedAt' });
      assertNotAfterNow(tx, announcedAt, 'announcedAt');
    }
    const service = await loadService(tx, input.serviceId);
    const ticketId = input.ticketId ?? null;
    if (ticketId !== null && !(await tx.read.tickets.get(ticketId))) throw new CommandError('errors:ticket.notFound', { field: 'ticketId' });
    const subscriptionIds =
      input.subscriptionIds === undefined
        ? ((await tx.read.subscriptions.where('[serviceId+status]').equals([service.id, 'active']).primaryKeys()) as string[])
        : await givenSubscriptions(tx, service.id, input.subscriptionIds);
    const incident: Incident = {
      id: newId(),
      serviceId: service.id,
      subscriptionIds,
      start,
      end,
      cause: input.cause,
      announcedAt,
      source: input.source,
      ticketId,
      notes: input.notes ?? '',
      createdAt: tx.meta.at,
    };
    return tx.insert('incidents', incident);
  },
});

/** Closes an open incident: the end is after its start and not after now. */
export const closeIncident = defineCommand({
  name: 'closeIncident',
  role: 'operator',
  input: z.object({ incidentId: refSchema('errors:incident.notFound'), end: isoDateTimeInputSchema }),
  ref: incidentRef,
  run: async (tx, input): Promise<Incident> => {
    const before = await loadIncident(tx, input.incidentId);
    if (before.end !== null) throw new CommandError('errors:incident.alreadyClosed', { field: 'incidentId' });
    const end = storedInstant('end', input.end);
    assertEndAfterStart(before.start, end);
    assertNotAfterNow(tx, end, 'end');
    return tx.update('incidents', before, { ...before, end });
  },
});
