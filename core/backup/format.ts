import { z } from 'zod';
import { toHex } from '../passwords';

/**
 * The backup file (docs/backups.md):
 *
 *   header   one line of JSON (UTF-8) ending in "\n": BackupHeader
 *   body     the tables as JSON lines, gzip-compressed; when encrypted, the
 *            compressed bytes in AES-GCM frames (core/backup/cipher.ts)
 *   trailer  "ESEP-SHA256:" + 64 hex digits + "\n": the SHA-256 of every
 *            byte before it (header and body)
 *
 * The body's lines are `{"t":"<table>","r":[rows…]}`, a few hundred rows
 * each, in primary-key order within a table. The header is read before
 * anything else (what the file is, its schema version, its row counts,
 * how it is encrypted); the trailer is read from the end of the file
 * (Blob.slice), so a truncated file is refused before a row is read.
 */

export const BACKUP_FORMAT = 'esep-backup';
/** Raised when the layout changes; a reader refuses a later version instead of guessing. */
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_EXTENSION = 'esepbak';
export const BACKUP_MIME_TYPE = 'application/octet-stream';

const TRAILER_PREFIX = 'ESEP-SHA256:';
/** "ESEP-SHA256:" + 64 hex + "\n". */
export const TRAILER_BYTES = TRAILER_PREFIX.length + 64 + 1;
/** A header longer than this is not ours (it holds a few dozen table counts). */
export const MAX_HEADER_BYTES = 64 * 1024;

/** Rows per body line: large enough that JSON and gzip run in big steps, small enough that a line is a short task. */
export const ROWS_PER_LINE = 500;

/** How the body is encrypted: AES-256-GCM frames under a key derived from the backup password (cipher.ts). */
export const backupEncryptionSchema = z.strictObject({
  cipher: z.literal('AES-256-GCM'),
  kdf: z.literal('PBKDF2-SHA-256'),
  iterations: z.int().min(100_000).max(10_000_000),
  /** The password's PBKDF2 salt (base64); the same for every file made under one password setting. */
  salt: z.string().min(1).max(100),
  /** This file's own HKDF salt (base64): every file gets its own key, so frame counters never repeat under one key. */
  fileSalt: z.string().min(1).max(100),
});
export type BackupEncryption = z.infer<typeof backupEncryptionSchema>;

const tableNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/);

export const backupHeaderSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.int().positive(),
  /** The database's schema version (Dexie's verno) when it was written. */
  schemaVersion: z.int().positive(),
  database: z.string().min(1).max(200),
  createdAt: z.iso.datetime(),
  /** The program that wrote it, e.g. "Esep Back-office 0.1.0" (informative). */
  createdBy: z.string().max(200),
  compression: z.literal('gzip'),
  encryption: backupEncryptionSchema.nullable(),
  /** Rows of every table, as written: a restore that reads other counts refuses the file. */
  tables: z.record(tableNameSchema, z.int().nonnegative()),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export function totalRows(header: Pick<BackupHeader, 'tables'>): number {
  return Object.values(header.tables).reduce((sum, n) => sum + n, 0);
}

const encoder = new TextEncoder();

export function encodeHeader(header: BackupHeader): Uint8Array {
  return encoder.encode(`${JSON.stringify(header)}\n`);
}

export function encodeTrailer(digest: Uint8Array): Uint8Array {
  return encoder.encode(`${TRAILER_PREFIX}${toHex(digest)}\n`);
}

/** The checksum a trailer states (64 lower-case hex digits), or null when the bytes are not a trailer. */
export function decodeTrailer(bytes: Uint8Array): string | null {
  if (bytes.length !== TRAILER_BYTES) return null;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const match = /^ESEP-SHA256:([0-9a-f]{64})\n$/.exec(text);
  return match ? match[1]! : null;
}

/** One line of the body: a table's name and some of its rows. */
export interface BodyLine {
  t: string;
  r: unknown[];
}

export function isBodyLine(value: unknown): value is BodyLine {
  if (typeof value !== 'object' || value === null) return false;
  const line = value as Partial<BodyLine>;
  return typeof line.t === 'string' && Array.isArray(line.r);
}

/** `esep-backoffice-2026-11-22T10-15-00Z.esepbak`: sorts by time; no colons (Windows forbids them). */
export function backupFileName(database: string, at: Date): string {
  return `${database}-${at.toISOString().slice(0, 19).replace(/:/g, '-')}Z.${BACKUP_EXTENSION}`;
}
