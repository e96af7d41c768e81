import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './primitives';

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
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export const entityRefSchema = z.object({ table: z.enum(TABLE_NAMES), id: z.string().min(1) });
export type EntityRef = z.infer<typeof entityRefSchema>;

/** Who did what, when, with the record before and after; append-only. */
export const auditEventSchema = z.object({
  id: idSchema,
  actor: z.string().min(1),
  at: isoDateTimeSchema,
  command: z.string().min(1),
  operationId: z.string().min(1),
  entity: entityRefSchema,
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const settingSchema = z.object({ key: z.string().min(1), value: z.unknown() });
export type Setting = z.infer<typeof settingSchema>;

/**
 * One row change waiting to be sent to the central PostgreSQL (docs/sync.md).
 * `deviceId` + `seq` identify it across the fleet: `seq` only grows on one
 * installation, so the server deduplicates by the pair and detects gaps.
 * An insert carries the whole record; an update only the changed fields,
 * each with its value before (`old`) so the server can merge per field and
 * see conflicts. `hlc` is the hybrid logical clock of the change: it orders
 * edits of the same field made on different desktops.
 */
export const outboxRecordSchema = z.object({
  id: idSchema,
  deviceId: z.string().min(1),
  seq: z.number().int().positive(),
  opId: z.string().min(1),
  command: z.string().min(1),
  table: z.enum(TABLE_NAMES),
  recordId: z.string().min(1),
  op: z.enum(['insert', 'update']),
  /** The whole record (insert). */
  record: z.unknown().optional(),
  /** Changed fields only (update): new value and the value it replaced. */
  changes: z.record(z.string(), z.object({ old: z.unknown(), new: z.unknown() })).optional(),
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
