import { z } from 'zod';
import { newPasswordInputSchema } from '../../shared/domain';
import type { AppDatabase } from '../db';
import { CommandError } from '../errors';
import type { Progress } from '../jobs';
import { saltForOperation } from '../passwords';
import { asCommandFailure, defineCommand, parseInput, roleAllows, type CoreContext } from '../registry';
import { deriveMasterKey } from './cipher';
import { BACKUP_KEY_SETTING, writeBackup } from './export';
import { BACKUP_MIME_TYPE } from './format';
import { storedBackupKey } from './restore';
import { BlobCollector } from './streams';

export { restoreBackup, type RestoreResult } from './restore';
export { writeBackup, type BackupSink, type WrittenBackup } from './export';
export { BACKUP_EXTENSION, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, backupFileName, type BackupHeader } from './format';

const exportInput = z.object({
  /** Encrypts this file under this password instead of the installation's backup password (if any). */
  password: newPasswordInputSchema.optional(),
  /** Who writes it, for the header (e.g. "Esep Back-office 0.1.0"). */
  createdBy: z.string().max(200).optional(),
});

/**
 * §6 exportBackup: the whole database as a backup file (a Blob), encrypted
 * when a backup password is set (or one is given). Changes nothing. Admin
 * only: a backup holds every client's personal data. `progress`: rows
 * written of all rows.
 */
export async function exportBackup(ctx: CoreContext, rawInput: unknown = {}, progress?: Progress): Promise<Blob> {
  try {
    if (!roleAllows(ctx.role(), 'admin')) throw new CommandError('errors:role.forbidden', { params: { role: 'admin' } });
    const input = parseInput(exportInput, rawInput ?? {});
    const master = input.password
      ? await deriveMasterKey(input.password, crypto.getRandomValues(new Uint8Array(16)))
      : await storedBackupKey(ctx.db);
    const sink = new BlobCollector();
    await writeBackup(ctx.db, sink, { master, now: ctx.now, createdBy: input.createdBy ?? '', ...(progress ? { onProgress: progress } : {}) });
    return sink.blob(BACKUP_MIME_TYPE);
  } catch (error) {
    throw asCommandFailure(error);
  }
}

/** Whether backups are encrypted, and since when; never the key. */
export interface BackupSettings {
  encrypted: boolean;
  setAt: string | null;
}

export async function backupSettings(db: AppDatabase): Promise<BackupSettings> {
  const stored = await storedBackupKey(db);
  return { encrypted: stored !== null, setAt: stored?.setAt ?? null };
}

/**
 * Sets the backup password (or, with null, removes it: later files are not
 * encrypted). The slow key derivation runs in the prepare step; the key is
 * kept as a setting of this installation only (never synced, never in a
 * backup, hidden in the audit trail), so that unattended backups can be
 * encrypted (docs/backups.md "Encryption"). The salt follows from the
 * operation id, so a repeat gives the same key and the same fingerprint.
 */
export const setBackupPassword = defineCommand({
  name: 'setBackupPassword',
  role: 'admin',
  input: z.object({ password: newPasswordInputSchema.nullable() }),
  prepare: async (input, ctx) => ({
    master: input.password === null ? null : await deriveMasterKey(input.password, await saltForOperation(ctx.opId, 'esep-backup-salt')),
  }),
  run: async (tx, input): Promise<BackupSettings> => {
    await tx.putLocalSetting(BACKUP_KEY_SETTING, input.master === null ? null : { ...input.master, setAt: tx.meta.at });
    return { encrypted: input.master !== null, setAt: input.master === null ? null : tx.meta.at };
  },
});
