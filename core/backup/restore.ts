import type { Transaction } from 'dexie';
import { z } from 'zod';
import type { DeviceState, Setting } from '../../shared/domain';
import { PASSWORD_LIMITS } from '../../shared/domain';
import { DEVICE_SETTING, SCHEMA_UPGRADES } from '../db';
import { CommandError } from '../errors';
import type { Progress } from '../jobs';
import { fromBase64 } from '../passwords';
import { asCommandFailure, fingerprintOf, inCommandTransaction, parseInput, requireOpId, roleAllows, type CoreContext } from '../registry';
import { deriveMasterKey, fileKey, type BackupMasterKey } from './cipher';
import { BACKUP_KEY_SETTING, LOCAL_SETTINGS } from './export';
import { TRAILER_BYTES, totalRows, type BackupHeader } from './format';
import { bodyLines, checkKey, openBackup, verifyChecksum, type OpenedBackup } from './read';
import { keepAliveWhile } from './streams';

export const RESTORE_COMMAND = 'restoreBackup';

const restoreInput = z.object({
  backup: z.instanceof(Blob, { error: 'errors:backup.fileRequired' }),
  /** The backup password, when the file is encrypted under another one than this installation's. */
  password: z.string().max(PASSWORD_LIMITS.max).optional(),
});

export interface RestoreResult {
  /** Rows restored (all tables, as in the file). */
  rows: number;
}

/** This installation's backup key (null when no backup password is set). */
export async function storedBackupKey(db: CoreContext['db']): Promise<(BackupMasterKey & { setAt: string }) | null> {
  const row = await db.settings.get(BACKUP_KEY_SETTING);
  return (row?.value as (BackupMasterKey & { setAt: string }) | undefined) ?? null;
}

/** The key of an encrypted file: from the password given, or this installation's when it is the one the file was made under. */
async function keyOf(ctx: CoreContext, opened: OpenedBackup, password: string | undefined): Promise<CryptoKey | null> {
  const encryption = opened.header.encryption;
  if (!encryption) return null;
  let master: BackupMasterKey | null = null;
  if (password !== undefined && password !== '') {
    const salt = fromBase64(encryption.salt);
    if (!salt) throw new CommandError('errors:backup.damaged');
    master = await deriveMasterKey(password, salt, encryption.iterations);
  } else {
    const stored = await storedBackupKey(ctx.db);
    if (stored && stored.salt === encryption.salt && stored.iterations === encryption.iterations) master = stored;
  }
  if (!master) throw new CommandError('errors:backup.passwordRequired', { field: 'password' });
  const key = await fileKey(master, encryption.fileSalt);
  if (!(await checkKey(opened, key))) throw new CommandError('errors:backup.wrongPassword', { field: 'password' });
  return key;
}

/**
 * The device row after a restore: this installation keeps its identity,
 * and its sequence never goes back (the server may hold its records up to
 * it) nor below a restored outbox record's (the outbox numbers are unique
 * in the database, whichever device wrote them): a restore from another
 * device leaves a gap, which the restore's own outbox record explains
 * (`seqBefore`). The clock is not behind anything restored.
 */
function mergedDevice(current: DeviceState | undefined, restored: DeviceState | undefined, lastOutboxSeq: number): DeviceState | undefined {
  const base = current ?? restored;
  if (!base) return undefined;
  const clocks = [current, restored].filter((state): state is DeviceState => state !== undefined);
  const latest = clocks.reduce((a, b) => (b.hlcMs > a.hlcMs || (b.hlcMs === a.hlcMs && b.hlcCounter > a.hlcCounter) ? b : a));
  const sameDevice = current !== undefined && restored !== undefined && restored.deviceId === current.deviceId;
  return {
    deviceId: base.deviceId,
    seq: Math.max(base.seq, sameDevice ? restored.seq : 0, lastOutboxSeq),
    hlcMs: latest.hlcMs,
    hlcCounter: latest.hlcCounter,
  };
}

function primaryKeyOk(row: unknown, keyPath: string): boolean {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return false;
  const key = (row as Record<string, unknown>)[keyPath];
  return (typeof key === 'string' && key !== '') || typeof key === 'number';
}

/**
 * §6 restoreBackup: replaces every table with the backup's rows, or
 * refuses with nothing changed (docs/backups.md "Restore"). Admin only.
 *
 * Before any transaction: the file is recognised (foreign), checked whole
 * (trailer, then the SHA-256 of every byte: damaged, truncated), its format
 * and schema versions must be readable here, and an encrypted file's key
 * must open its first frame (password required, wrong password).
 *
 * Then ONE read-write transaction over every table: the tables are
 * cleared, the body's rows added as they are decompressed (the transaction
 * is kept open meanwhile: keepAliveWhile), the row counts compared with the
 * header's, an older schema's rows carried through the upgrades of every
 * later version (SCHEMA_UPGRADES, as Dexie would at start), and the
 * restore's own audit event, outbox record and operation written. Any
 * failure aborts it: the database is as it was. A repeat of the operation
 * id with the same file returns the first result.
 *
 * `progress`: bytes checked, then bytes restored, of twice the file.
 */
export async function restoreBackup(ctx: CoreContext, rawInput: unknown, progress?: Progress): Promise<RestoreResult> {
  try {
    const { opId: rawOpId, ...rest } = (typeof rawInput === 'object' && rawInput !== null ? rawInput : {}) as { opId?: unknown };
    const opId = requireOpId(rawOpId);
    if (!roleAllows(ctx.role(), 'admin')) throw new CommandError('errors:role.forbidden', { params: { role: 'admin' } });
    const input = parseInput(restoreInput, rest);
    const file = input.backup;
    const opened = await openBackup(file, ctx.db.verno);
    const fingerprint = await fingerprintOf(RESTORE_COMMAND, { checksum: opened.checksum, bytes: file.size });
    const repeat = async (operations: CoreContext['db']['operations']) => {
      const done = await operations.get(opId);
      if (!done) return null;
      if (done.command !== RESTORE_COMMAND || done.fingerprint !== fingerprint) throw new CommandError('errors:operation.conflict', { field: 'opId' });
      return done.result as RestoreResult;
    };
    const earlier = await repeat(ctx.db.operations);
    if (earlier) return earlier;

    // Progress: the bytes the checksum covers, checked, then restored.
    const covered = file.size - TRAILER_BYTES;
    await verifyChecksum(file, opened, (read) => progress?.(read, 2 * covered));
    const key = await keyOf(ctx, opened, input.password);

    const actor = ctx.actor();
    const at = ctx.now().toISOString();
    return await inCommandTransaction(ctx.db, { command: RESTORE_COMMAND, opId, actor, at }, async (tx, tables, transaction) => {
      const again = await repeat(tables.operations);
      if (again) return again;
      const kept = await tables.settings.bulkGet([DEVICE_SETTING, ...LOCAL_SETTINGS]);
      const [currentDevice, ...localSettings] = kept as (Setting | undefined)[];
      for (const table of ctx.db.tables) await transaction.table(table.name).clear();

      const counts = new Map<string, number>();
      const lines = bodyLines(opened, key, (read) => progress?.(covered + opened.headerBytes + read, 2 * covered));
      for (;;) {
        const next = await keepAliveWhile(transaction, lines.next());
        if (next.done) break;
        const { t: name, r: rows } = next.value;
        const table = ctx.db.tables.find((candidate) => candidate.name === name);
        const keyPath = table?.schema.primKey.keyPath;
        if (!table || !(name in opened.header.tables) || typeof keyPath !== 'string' || !rows.every((row) => primaryKeyOk(row, keyPath))) {
          throw new CommandError('errors:backup.damaged');
        }
        const own = name === 'settings' ? rows.filter((row) => !LOCAL_SETTINGS.includes((row as Setting).key)) : rows;
        try {
          await transaction.table(name).bulkAdd(own);
        } catch (error) {
          // Two rows with one key, or a value IndexedDB cannot hold: not a file this program wrote.
          throw new CommandError('errors:backup.damaged', { cause: error });
        }
        counts.set(name, (counts.get(name) ?? 0) + rows.length);
      }
      for (const [name, expected] of Object.entries(opened.header.tables)) {
        if ((counts.get(name) ?? 0) !== expected) throw new CommandError('errors:backup.damaged');
      }
      await upgradeRestoredRows(transaction, opened.header);

      const restoredDevice = (await tables.settings.get(DEVICE_SETTING))?.value as DeviceState | undefined;
      const lastOutbox = await tables.outbox.orderBy('seq').last();
      const device = mergedDevice(currentDevice?.value as DeviceState | undefined, restoredDevice, lastOutbox?.seq ?? 0);
      if (device) await tables.settings.put({ key: DEVICE_SETTING, value: device });
      for (const setting of localSettings) if (setting) await tables.settings.put(setting);

      const result: RestoreResult = { rows: totalRows(opened.header) };
      tx.logEvent(
        { table: 'settings', id: `restore:${opId}` },
        {
          backupCreatedAt: opened.header.createdAt,
          backupSchemaVersion: opened.header.schemaVersion,
          checksum: opened.checksum,
          encrypted: opened.header.encryption !== null,
          rows: result.rows,
          seqBefore: (currentDevice?.value as DeviceState | undefined)?.seq ?? 0,
        },
      );
      await tables.operations.add({ opId, command: RESTORE_COMMAND, fingerprint, actor, resultRef: null, result, at });
      return result;
    });
  } catch (error) {
    throw asCommandFailure(error);
  }
}

/** An older backup's rows, carried through the data upgrade of every later schema version, in order. */
async function upgradeRestoredRows(transaction: Transaction, header: BackupHeader): Promise<void> {
  for (let version = header.schemaVersion + 1; version <= transaction.db.verno; version++) {
    const upgrade = SCHEMA_UPGRADES[version];
    if (upgrade) await upgrade(transaction);
  }
}
