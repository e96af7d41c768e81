import { newId } from '../ids';
import type { z } from 'zod';
import { businessDateOf } from '../../shared/billing';
import type { EntityRef, IsoDate, IsoDateTime, TableName } from '../../shared/domain';
import type { AppDatabase, StoredAccount } from '../db';
import { CommandError } from '../errors';
import { toCommandError } from './billingErrors';

export interface CommandDeps {
  db: AppDatabase;
  now: () => Date;
  actor: () => string;
}

/** What every record written by one command shares. */
export interface CommandMeta {
  command: string;
  opId: string;
  actor: string;
  at: IsoDateTime;
  /** Today in business time (UTC+05:00). */
  today: IsoDate;
}

/** Drops the derived search fields: audit, outbox and callers see the domain record. */
export function withoutSearchFields<T extends object>(record: T): T {
  if (!('nameWords' in record)) return record;
  const { nameWords: _w, phoneDigits: _p, emailLower: _e, ...rest } = record as T & StoredAccount;
  return rest as unknown as T;
}

/**
 * Writes through here so that every stored change also lands in the outbox
 * (for a future sync to the central database) within the same transaction.
 */
export class CommandWriter {
  constructor(
    readonly db: AppDatabase,
    readonly meta: CommandMeta,
  ) {}

  async insert<T extends { id: string }>(table: TableName, record: T): Promise<T> {
    await this.db.table(table).add(record);
    await this.queue(table, record.id, 'insert', record);
    return record;
  }

  async bulkInsert<T extends { id: string }>(table: TableName, records: T[]): Promise<T[]> {
    for (const record of records) await this.insert(table, record);
    return records;
  }

  async update<T extends { id: string }>(table: TableName, record: T): Promise<T> {
    await this.db.table(table).put(record);
    await this.queue(table, record.id, 'update', record);
    return record;
  }

  async audit(entity: EntityRef, before: object | null, after: object | null): Promise<void> {
    await this.insert('audit', {
      id: newId(),
      actor: this.meta.actor,
      at: this.meta.at,
      command: this.meta.command,
      operationId: this.meta.opId,
      entity,
      before: before && withoutSearchFields(before),
      after: after && withoutSearchFields(after),
    });
  }

  private async queue(table: TableName, recordId: string, op: 'insert' | 'update', record: object): Promise<void> {
    await this.db.outbox.add({
      id: newId(),
      table,
      recordId,
      op,
      payload: withoutSearchFields(record),
      createdAt: this.meta.at,
      sentAt: null,
    });
  }
}

/** Turns the first zod issue into a CommandError; issue messages are already `errors:` keys. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const code = issue.message.startsWith('errors:') ? issue.message : 'errors:validation.invalid';
  const field = issue.path.length > 0 ? issue.path.join('.') : undefined;
  throw new CommandError(code, field === undefined ? {} : { field });
}

function requireOpId(opId: unknown): string {
  if (typeof opId !== 'string' || opId.trim() === '' || opId.length > 200) {
    throw new CommandError('errors:operation.idRequired', { field: 'opId' });
  }
  return opId;
}

/**
 * Runs one business command in ONE read-write transaction over every table:
 * the entity change, its ledger entries, the audit event, the outbox records
 * and the operation record commit together or not at all. A repeat of the
 * same operation id returns the first result and writes nothing.
 */
export async function runCommand<T>(
  deps: CommandDeps,
  command: string,
  rawOpId: unknown,
  body: (writer: CommandWriter) => Promise<{ result: T; ref: EntityRef | null }>,
): Promise<T> {
  const opId = requireOpId(rawOpId);
  const { db } = deps;
  try {
    return await db.transaction('rw', db.tables, async () => {
      const done = await db.operations.get(opId);
      if (done) {
        if (done.command !== command) throw new CommandError('errors:operation.conflict', { params: { command: done.command } });
        return done.result as T;
      }
      const at = deps.now().toISOString();
      const writer = new CommandWriter(db, { command, opId, actor: deps.actor(), at, today: businessDateOf(at) });
      const { result, ref } = await body(writer);
      await db.operations.add({ opId, command, resultRef: ref, result, at });
      return result;
    });
  } catch (error) {
    throw toCommandError(error);
  }
}
