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

/** A change waiting to be sent to the central PostgreSQL (future sync); sentAt stays null until then. */
export const outboxRecordSchema = z.object({
  id: idSchema,
  table: z.enum(TABLE_NAMES),
  recordId: z.string().min(1),
  op: z.enum(['insert', 'update', 'delete']),
  payload: z.unknown(),
  createdAt: isoDateTimeSchema,
  sentAt: isoDateTimeSchema.nullable(),
});
export type OutboxRecord = z.infer<typeof outboxRecordSchema>;

/** A completed command, by its operation id: a repeat returns `result` and writes nothing. */
export const operationSchema = z.object({
  opId: z.string().min(1),
  command: z.string().min(1),
  resultRef: entityRefSchema.nullable(),
  result: z.unknown(),
  at: isoDateTimeSchema,
});
export type Operation = z.infer<typeof operationSchema>;
