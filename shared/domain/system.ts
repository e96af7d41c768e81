import { z } from 'zod';
import { BUCKETS, LEDGER_KINDS } from './ledger';
import { idSchema, isoDateTimeSchema, storedIsoDateSchema, tiynSchema } from './primitives';

/** Table names as they are synced; the outbox and audit refer to records by them. */
export const TABLE_NAMES = [
  'accounts',
  'services',
  'tariffs',
  'subscriptions',
  'ledger',
  'incidents',
  'tickets',
  'refunds',
  'compensations',
  'tariffChanges',
  'staff',
  'audit',
  'settings',
  'edoAccess',
  'edoUsage',
  'documents',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export const entityRefSchema = z.object({ table: z.enum(TABLE_NAMES), id: z.string().min(1) });
export type EntityRef = z.infer<typeof entityRefSchema>;

/**
 * One record's change inside an audit event: an insert has `before: null` and the whole record `after`; an update only the changed fields, old values `before`, new ones `after`.
 * `accountId`, `incidentId`, `ticketId`: the records it belongs to, copied from the whole record (an update's changed fields may not hold them), so that
 * an account's or an incident's history can keep only its own changes of a large operation. Absent on events from before schema version 6.
 */
export const auditChangeSchema = z.object({
  entity: entityRefSchema,
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()),
  accountId: z.string().min(1).optional(),
  incidentId: z.string().min(1).optional(),
  ticketId: z.string().min(1).optional(),
});
export type AuditChange = z.infer<typeof auditChangeSchema>;

/** A ledger entry as its operation's audit event lists it (the whole entry is in the ledger, append-only). */
export const auditPostingSchema = z.object({
  id: idSchema,
  accountId: idSchema,
  bucket: z.enum(BUCKETS),
  kind: z.enum(LEDGER_KINDS),
  amount: tiynSchema,
  businessDate: storedIsoDateSchema,
  subscriptionId: idSchema.optional(),
  incidentId: idSchema.optional(),
});
export type AuditPosting = z.infer<typeof auditPostingSchema>;

/**
 * Who did what, when: one event per operation (a renewal chunk that renews
 * 500 subscriptions is one event with 500 changes and 500 postings),
 * append-only. `entityIds` lists the ids of the changed records and of the
 * records they belong to (their accounts, a compensation's incident, an
 * incident's ticket; the accounts of the postings), a multiEntry index: a
 * record's history, an account's with everything of the account, is one
 * index lookup. `postings`: the ledger entries the operation appended
 * (absent when none, and on events from before schema version 6).
 */
export const auditEventSchema = z.object({
  id: idSchema,
  actor: z.string().min(1),
  at: isoDateTimeSchema,
  command: z.string().min(1),
  operationId: z.string().min(1),
  entityIds: z.array(z.string().min(1)),
  changes: z.array(auditChangeSchema),
  postings: z.array(auditPostingSchema).optional(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const settingSchema = z.object({ key: z.string().min(1), value: z.unknown() });
export type Setting = z.infer<typeof settingSchema>;

/** One row's change inside an outbox record: an insert carries the whole record, an update only the changed fields with their old values. */
export const outboxRowSchema = z.object({
  table: z.enum(TABLE_NAMES),
  recordId: z.string().min(1),
  op: z.enum(['insert', 'update']),
  /** The whole record (insert). */
  record: z.unknown().optional(),
  /** Changed fields only (update): new value and the value it replaced. */
  changes: z.record(z.string(), z.object({ old: z.unknown(), new: z.unknown() })).optional(),
});
export type OutboxRow = z.infer<typeof outboxRowSchema>;

/**
 * One operation waiting to be sent to the central PostgreSQL (docs/sync.md):
 * every row it inserted or updated, in order, applied by the server in one
 * transaction. `deviceId` + `seq` identify it across the fleet: `seq` only
 * grows on one installation, so the server deduplicates by the pair and
 * detects gaps. `hlc` is the hybrid logical clock of the operation: it
 * orders edits of the same field made on different desktops. The audit
 * trail is not sent separately: the record names the operation, command,
 * actor and instant, and an update carries old and new values.
 */
export const outboxRecordSchema = z.object({
  id: idSchema,
  deviceId: z.string().min(1),
  seq: z.number().int().positive(),
  opId: z.string().min(1),
  command: z.string().min(1),
  /** Who ran the command ('' for operations from before schema version 3, which did not keep it). */
  actor: z.string(),
  rows: z.array(outboxRowSchema),
  hlc: z.string().min(1),
  createdAt: isoDateTimeSchema,
  sentAt: isoDateTimeSchema.nullable(),
});
export type OutboxRecord = z.infer<typeof outboxRecordSchema>;

/** This installation: its id and the last outbox sequence number and clock reading it handed out. */
export const deviceStateSchema = z.object({
  deviceId: z.string().min(1),
  seq: z.number().int().nonnegative(),
  hlcMs: z.number().int().nonnegative(),
  hlcCounter: z.number().int().nonnegative(),
});
export type DeviceState = z.infer<typeof deviceStateSchema>;

/**
 * A completed command, by its operation id: a repeat with the same input
 * (same `fingerprint`, a SHA-256 of the validated input) returns `result` and
 * writes nothing; with other input it is refused.
 */
export const operationSchema = z.object({
  opId: z.string().min(1),
  command: z.string().min(1),
  /** Null only for operations recorded before schema version 3. */
  fingerprint: z.string().nullable(),
  actor: z.string(),
  resultRef: entityRefSchema.nullable(),
  result: z.unknown(),
  at: isoDateTimeSchema,
});
export type Operation = z.infer<typeof operationSchema>;

/** A number kept by the commands in their own transaction (row counts per table and status), so screens need no scan. */
export const counterSchema = z.object({ key: z.string().min(1), value: z.number().int() });
export type Counter = z.infer<typeof counterSchema>;
