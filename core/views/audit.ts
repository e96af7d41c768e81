import Dexie from 'dexie';
import { z } from 'zod';
import { storedIsoDateSchema, type AuditChange, type AuditEvent, type AuditPosting, type IsoDateTime, type LocalizedText, type TableName } from '../../shared/domain';
import type { AppDatabase } from '../db';
import { parseInput } from '../registry';

/** Rows per page of the audit list unless told; at most AUDIT_MAX_LIMIT. */
export const DEFAULT_AUDIT_LIMIT = 100;
export const AUDIT_MAX_LIMIT = 1000;

const invalid = { error: 'errors:validation.invalid' } as const;
const textSchema = z.string(invalid).trim().min(1, invalid).max(200, invalid);

export const auditFilterSchema = z.object({
  /** A staff login (the actor), e.g. 'aigerim'. */
  actor: textSchema.optional(),
  /** A command name, e.g. 'recordPayment'. */
  command: textSchema.optional(),
  /** Events that changed this record or anything of it (an account: its subscriptions, entries, refunds…). */
  entityId: textSchema.optional(),
  /** Business dates (UTC+05:00), both days included. */
  from: storedIsoDateSchema.optional(),
  to: storedIsoDateSchema.optional(),
  limit: z.number(invalid).int(invalid).positive(invalid).optional(),
  /** The last row of the previous page: the page goes on after it. */
  before: z.object({ at: z.string(invalid).min(1, invalid), id: z.string(invalid).min(1, invalid) }, invalid).optional(),
});
export type AuditFilter = z.input<typeof auditFilterSchema>;
type ParsedFilter = z.output<typeof auditFilterSchema>;

/** What an audit row is about, named for the list: a link where the record has a page (account, incident, ticket). */
export type AuditTarget =
  | { kind: 'account'; id: string; name: string | null }
  | { kind: 'incident'; id: string; serviceName: LocalizedText | null; start: IsoDateTime | null }
  | { kind: 'ticket'; id: string; subject: string | null }
  | { kind: 'staff'; id: string; name: string | null; login: string | null }
  | { kind: 'service' | 'tariff'; id: string; name: LocalizedText | null }
  | { kind: 'setting'; id: string }
  | { kind: 'record'; table: TableName; id: string };

/** How many targets of a row are named (the rest are counted). */
export const NAMED_TARGETS = 3;

/** One audit event as the Audit section and a History tab show it. */
export interface AuditRow {
  id: string;
  at: IsoDateTime;
  /** The staff login; 'system' for what the app did by itself. */
  actor: string;
  /** The staff member's name; null for 'system' and for a login no longer on the staff list. */
  actorName: string | null;
  command: string;
  operationId: string;
  entityIds: string[];
  /** Under an `entityId` filter only the changes of that record and of what belongs to it. */
  changes: AuditChange[];
  /** The ledger entries the operation appended (under an `entityId` filter: those of the record). */
  postings: AuditPosting[];
  /** Changes and postings of other records the operation also made, left out under an `entityId` filter (0 otherwise). */
  omitted: number;
  /** Changed records by table (ledger: the postings), of `changes` and `postings` above. */
  recordCounts: Partial<Record<TableName, number>>;
  /** The first NAMED_TARGETS records the row is about, named. */
  targets: AuditTarget[];
  /** How many there are in all. */
  targetCount: number;
}

export interface AuditPage {
  rows: AuditRow[];
  /** More rows match: ask again with `before` = the last row's `{ at, id }`. */
  hasMore: boolean;
}

/** The instant a business day (UTC+05:00) begins, in the stored form. */
function dayStart(date: string): string {
  return new Date(`${date}T00:00:00+05:00`).toISOString();
}

function nextDayStart(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00+05:00`) + 86_400_000).toISOString();
}

interface Range {
  /** Lowest `at`, included. */
  lower: string | undefined;
  /** Highest `at`: excluded (`to`'s next day), or included (a `before` cursor, whose ties are decided by id). */
  upper: string | undefined;
  upperIncluded: boolean;
}

function rangeOf(filter: ParsedFilter): Range {
  const lower = filter.from === undefined ? undefined : dayStart(filter.from);
  const end = filter.to === undefined ? undefined : nextDayStart(filter.to);
  if (filter.before !== undefined && (end === undefined || filter.before.at < end)) return { lower, upper: filter.before.at, upperIncluded: true };
  return { lower, upper: end, upperIncluded: false };
}

/** Whether an event passes every part of the filter (the index walked checks one part already; checking it again is cheap). */
function matcherOf(filter: ParsedFilter, range: Range, byId: boolean): (event: AuditEvent) => boolean {
  const { actor, command, entityId, before } = filter;
  const end = filter.to === undefined ? undefined : nextDayStart(filter.to);
  return (event) =>
    (actor === undefined || event.actor === actor) &&
    (command === undefined || event.command === command) &&
    (entityId === undefined || event.entityIds.includes(entityId)) &&
    (range.lower === undefined || event.at >= range.lower) &&
    (end === undefined || event.at < end) &&
    (before === undefined || (byId ? event.id < before.id : event.at < before.at || (event.at === before.at && event.id < before.id)));
}

/**
 * The events newest first, one more than `limit` (to tell whether there are
 * more). With `entityId`: through the multiEntry index, its primary keys
 * only (cheap), newest id first (ids are UUIDv7: the order of recording,
 * which is the order of `at` unless the app clock was set back), the events
 * read a batch at a time until enough pass. Otherwise through the most
 * selective of `[actor+at]`, `[command+at]` and `at`, walked backwards from
 * the cursor, the rest of the filter checked on the walk.
 */
async function eventsOf(db: AppDatabase, filter: ParsedFilter, limit: number): Promise<AuditEvent[]> {
  const range = rangeOf(filter);
  if (filter.entityId !== undefined) {
    const matches = matcherOf(filter, range, true);
    const before = filter.before?.id;
    const keys = ((await db.audit.where('entityIds').equals(filter.entityId).primaryKeys()) as string[]).filter((id) => before === undefined || id < before);
    keys.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    const found: AuditEvent[] = [];
    const batch = Math.max(limit + 1, 50);
    for (let i = 0; i < keys.length && found.length <= limit; i += batch) {
      for (const event of await db.audit.bulkGet(keys.slice(i, i + batch))) {
        if (event && matches(event)) found.push(event);
        if (found.length > limit) break;
      }
    }
    return found;
  }
  const matches = matcherOf(filter, range, false);
  const walk = await walkOf(db, filter, range);
  return walk.reverse().filter(matches).limit(limit + 1).toArray();
}

type AuditWalk = ReturnType<AppDatabase['audit']['orderBy']>;

/** The index range to walk: a person's or a command's events (the smaller when both are given), or all by time. */
async function walkOf(db: AppDatabase, filter: ParsedFilter, range: Range): Promise<AuditWalk> {
  const keyed = (index: '[actor+at]' | '[command+at]', value: string) =>
    db.audit.where(index).between([value, range.lower ?? Dexie.minKey], [value, range.upper ?? Dexie.maxKey], true, range.upper === undefined || range.upperIncluded);
  const { actor, command } = filter;
  if (actor !== undefined && command !== undefined) {
    const [byActor, byCommand] = await Promise.all([keyed('[actor+at]', actor).count(), keyed('[command+at]', command).count()]);
    return byActor <= byCommand ? keyed('[actor+at]', actor) : keyed('[command+at]', command);
  }
  if (actor !== undefined) return keyed('[actor+at]', actor);
  if (command !== undefined) return keyed('[command+at]', command);
  if (range.lower === undefined && range.upper === undefined) return db.audit.orderBy('at');
  return db.audit.where('at').between(range.lower ?? Dexie.minKey, range.upper ?? Dexie.maxKey, true, range.upper === undefined || range.upperIncluded);
}

/** A change concerns a record when it is that record's or one of the record's own (its account, incident or ticket). */
function changeOf(change: AuditChange, id: string): boolean {
  return change.entity.id === id || change.accountId === id || change.incidentId === id || change.ticketId === id;
}

function postingOf(posting: AuditPosting, id: string): boolean {
  return posting.id === id || posting.accountId === id || posting.subscriptionId === id || posting.incidentId === id;
}

type TargetRef = { kind: 'account' | 'incident' | 'ticket' | 'staff' | 'service' | 'tariff' | 'setting'; id: string } | { kind: 'record'; table: TableName; id: string };

const PAGE_OF_TABLE: Partial<Record<TableName, TargetRef['kind']>> = {
  accounts: 'account',
  incidents: 'incident',
  tickets: 'ticket',
  staff: 'staff',
  services: 'service',
  tariffs: 'tariff',
  settings: 'setting',
};

/** What a change is about: the record itself where it has a page or a name, else the account (or incident) it belongs to. */
function targetOf(change: AuditChange): TargetRef {
  const kind = PAGE_OF_TABLE[change.entity.table];
  if (kind !== undefined) return { kind, id: change.entity.id } as TargetRef;
  if (change.accountId !== undefined) return { kind: 'account', id: change.accountId };
  if (change.incidentId !== undefined) return { kind: 'incident', id: change.incidentId };
  return { kind: 'record', table: change.entity.table, id: change.entity.id };
}

interface Shaped {
  event: AuditEvent;
  changes: AuditChange[];
  postings: AuditPosting[];
  omitted: number;
  recordCounts: Partial<Record<TableName, number>>;
  refs: TargetRef[];
  targetCount: number;
}

function shape(event: AuditEvent, entityId: string | undefined): Shaped {
  const allPostings = event.postings ?? [];
  const changes = entityId === undefined ? event.changes : event.changes.filter((c) => changeOf(c, entityId));
  const postings = entityId === undefined ? allPostings : allPostings.filter((p) => postingOf(p, entityId));
  const recordCounts: Partial<Record<TableName, number>> = {};
  const seen = new Set<string>();
  const refs: TargetRef[] = [];
  const add = (ref: TargetRef) => {
    const key = `${ref.kind}:${ref.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (refs.length < NAMED_TARGETS) refs.push(ref);
  };
  for (const change of changes) {
    recordCounts[change.entity.table] = (recordCounts[change.entity.table] ?? 0) + 1;
    add(targetOf(change));
  }
  for (const posting of postings) add({ kind: 'account', id: posting.accountId });
  if (postings.length > 0) recordCounts.ledger = (recordCounts.ledger ?? 0) + postings.length;
  const omitted = event.changes.length - changes.length + allPostings.length - postings.length;
  return { event, changes, postings, omitted, recordCounts, refs, targetCount: seen.size };
}

function idsOfKind(shaped: readonly Shaped[], kind: TargetRef['kind']): string[] {
  return [...new Set(shaped.flatMap((s) => s.refs.filter((r) => r.kind === kind).map((r) => r.id)))];
}

/** Names for the rows' targets and actors: a handful of key reads per table, all in parallel. */
async function rowsOf(db: AppDatabase, events: readonly AuditEvent[], entityId: string | undefined): Promise<AuditRow[]> {
  const shaped = events.map((event) => shape(event, entityId));
  const accountIds = idsOfKind(shaped, 'account');
  const incidentIds = idsOfKind(shaped, 'incident');
  const ticketIds = idsOfKind(shaped, 'ticket');
  const staffIds = idsOfKind(shaped, 'staff');
  const tariffIds = idsOfKind(shaped, 'tariff');
  const actors = [...new Set(events.map((e) => e.actor))];
  const [accounts, incidents, tickets, staff, tariffs, services, actorStaff] = await Promise.all([
    db.accounts.bulkGet(accountIds),
    db.incidents.bulkGet(incidentIds),
    db.tickets.bulkGet(ticketIds),
    db.staff.bulkGet(staffIds),
    db.tariffs.bulkGet(tariffIds),
    db.services.toArray(),
    db.staff.where('login').anyOf(actors).toArray(),
  ]);
  const accountName = new Map(accounts.flatMap((a) => (a ? [[a.id, a.name] as const] : [])));
  const incidentById = new Map(incidents.flatMap((i) => (i ? [[i.id, i] as const] : [])));
  const ticketSubject = new Map(tickets.flatMap((t) => (t ? [[t.id, t.subject] as const] : [])));
  const staffById = new Map(staff.flatMap((s) => (s ? [[s.id, s] as const] : [])));
  const tariffName = new Map(tariffs.flatMap((t) => (t ? [[t.id, t.name] as const] : [])));
  const serviceName = new Map(services.map((s) => [s.id, s.name] as const));
  const nameOfLogin = new Map(actorStaff.map((s) => [s.login, s.name] as const));

  const named = (ref: TargetRef): AuditTarget => {
    switch (ref.kind) {
      case 'account':
        return { kind: 'account', id: ref.id, name: accountName.get(ref.id) ?? null };
      case 'incident': {
        const incident = incidentById.get(ref.id);
        return { kind: 'incident', id: ref.id, serviceName: incident ? (serviceName.get(incident.serviceId) ?? null) : null, start: incident?.start ?? null };
      }
      case 'ticket':
        return { kind: 'ticket', id: ref.id, subject: ticketSubject.get(ref.id) ?? null };
      case 'staff': {
        const member = staffById.get(ref.id);
        return { kind: 'staff', id: ref.id, name: member?.name ?? null, login: member?.login ?? null };
      }
      case 'service':
        return { kind: 'service', id: ref.id, name: serviceName.get(ref.id) ?? null };
      case 'tariff':
        return { kind: 'tariff', id: ref.id, name: tariffName.get(ref.id) ?? null };
      case 'setting':
        return { kind: 'setting', id: ref.id };
      case 'record':
        return ref;
    }
  };

  return shaped.map(({ event, changes, postings, omitted, recordCounts, refs, targetCount }) => ({
    id: event.id,
    at: event.at,
    actor: event.actor,
    actorName: nameOfLogin.get(event.actor) ?? null,
    command: event.command,
    operationId: event.operationId,
    entityIds: event.entityIds,
    changes,
    postings,
    omitted,
    recordCounts,
    targets: refs.map(named),
    targetCount,
  }));
}

/**
 * The audit trail newest first, filtered by person, command, record and
 * business dates, a page at a time (domain-rules §2 "Audit event"; docs/audit.md).
 */
export async function listAudit(db: AppDatabase, rawFilter: AuditFilter = {}): Promise<AuditPage> {
  const filter = parseInput(auditFilterSchema, rawFilter);
  const limit = Math.min(filter.limit ?? DEFAULT_AUDIT_LIMIT, AUDIT_MAX_LIMIT);
  if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) return { rows: [], hasMore: false };
  const events = await eventsOf(db, filter, limit);
  const hasMore = events.length > limit;
  return { rows: await rowsOf(db, hasMore ? events.slice(0, limit) : events, filter.entityId), hasMore };
}

/** A record's history (its own changes and those of what belongs to it), newest first: the latest AUDIT_MAX_LIMIT events at most. */
export async function historyOf(db: AppDatabase, entityId: string): Promise<AuditRow[]> {
  return (await listAudit(db, { entityId, limit: AUDIT_MAX_LIMIT })).rows;
}

/**
 * The distinct values of the first part of a compound index, by skipping:
 * each step reads one key past the previous value, so K values cost K
 * requests however many events there are.
 */
async function distinctFirst(db: AppDatabase, index: '[actor+at]' | '[command+at]'): Promise<string[]> {
  const values: string[] = [];
  const first = async (keys: Promise<unknown[]>) => ((await keys)[0] as [string, string] | undefined)?.[0];
  let next = await first(db.audit.orderBy(index).limit(1).keys());
  while (next !== undefined) {
    values.push(next);
    next = await first(db.audit.where(index).above([next, Dexie.maxKey]).limit(1).keys());
  }
  return values;
}

/** Everyone who appears in the audit trail (the person filter's choices), with the staff name where there is one. */
export async function auditActors(db: AppDatabase): Promise<{ login: string; name: string | null }[]> {
  const logins = await distinctFirst(db, '[actor+at]');
  const staff = await db.staff.where('login').anyOf(logins).toArray();
  const nameOf = new Map(staff.map((s) => [s.login, s.name] as const));
  return logins.map((login) => ({ login, name: nameOf.get(login) ?? null }));
}

/** Every command name in the audit trail (the command filter's choices). */
export function auditCommands(db: AppDatabase): Promise<string[]> {
  return distinctFirst(db, '[command+at]');
}
