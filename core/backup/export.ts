import { sha256 } from '@noble/hashes/sha2.js';
import type Dexie from 'dexie';
import type { IndexableType, Table } from 'dexie';
import type { Progress } from '../jobs';
import { FRAME_BYTES, fileKey, newFileEncryption, sealFrame, type BackupMasterKey } from './cipher';
import { toHex } from '../passwords';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, ROWS_PER_LINE, encodeHeader, encodeTrailer, type BackupHeader } from './format';
import { keepAliveWhile } from './streams';

/** Settings rows that belong to the installation, not to the books: never written into a backup (docs/backups.md). */
export const BACKUP_KEY_SETTING = 'backupKey';
export const LOCAL_SETTINGS: readonly string[] = [BACKUP_KEY_SETTING];

/** Where a backup's bytes go, in order: a Blob, a file. */
export interface BackupSink {
  write(chunk: Uint8Array): Promise<void>;
}

export interface WriteBackupOptions {
  /** Encrypts the body under this key (cipher.ts); null or absent: not encrypted. */
  master?: BackupMasterKey | null;
  createdBy?: string;
  now?: () => Date;
  /** Rows written of all rows. */
  onProgress?: Progress;
}

export interface WrittenBackup {
  header: BackupHeader;
  bytes: number;
  /** SHA-256 of everything before the trailer, hex. */
  checksum: string;
}

/** Rows read from IndexedDB per request: big reads are cheaper per row; 2 000 rows are a few hundred kilobytes. */
const PAGE_ROWS = 2000;

function primaryKeyOf(table: Table, row: unknown): IndexableType {
  const keyPath = table.schema.primKey.keyPath;
  if (typeof keyPath !== 'string') throw new TypeError(`table ${table.name}: only tables keyed by one field can be backed up`);
  return (row as Record<string, IndexableType>)[keyPath]!;
}

function isLocalSetting(tableName: string, row: unknown): boolean {
  return tableName === 'settings' && LOCAL_SETTINGS.includes((row as { key?: string }).key ?? '');
}

/**
 * Gzip, then (when encrypting) AES-GCM frames: the bytes of the body as
 * they go to the file. Returns the writable end and a promise of the
 * last byte having been handed to `emit`.
 */
function bodyPipeline(emit: (chunk: Uint8Array) => Promise<void>, key: CryptoKey | null): { input: WritableStreamDefaultWriter<Uint8Array>; done: Promise<void> } {
  const gzip = new CompressionStream('gzip');
  const input = gzip.writable.getWriter() as WritableStreamDefaultWriter<Uint8Array>;
  const done = (async () => {
    const reader = gzip.readable.getReader();
    let frame: Uint8Array<ArrayBuffer>[] = [];
    let frameBytes = 0;
    let index = 0;
    const seal = async (last: boolean) => {
      const plain = new Uint8Array(frameBytes);
      let offset = 0;
      for (const part of frame) {
        plain.set(part, offset);
        offset += part.length;
      }
      frame = [];
      frameBytes = 0;
      await emit(await sealFrame(key!, index++, last, plain));
    };
    for (;;) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      if (!key) {
        await emit(value);
        continue;
      }
      let rest = value as Uint8Array<ArrayBuffer>;
      while (rest.length > 0) {
        const take = Math.min(rest.length, FRAME_BYTES - frameBytes);
        frame.push(rest.subarray(0, take));
        frameBytes += take;
        rest = rest.subarray(take);
        if (frameBytes === FRAME_BYTES) await seal(false);
      }
    }
    // The last frame says so (maybe with no bytes): a file cut after a whole frame still fails its check.
    if (key) await seal(true);
  })();
  return { input, done };
}

/**
 * Writes the whole database `db` (any schema version: the app's, or an
 * older one opened without a schema) to `sink` as a backup file
 * (format.ts). Every table is read in ONE read-only transaction, kept open
 * while the bytes are compressed and written, so the file is a consistent
 * snapshot; commands wait until it is done. Memory stays bounded: a page of
 * rows at a time, and the sink's writes are awaited (back-pressure).
 */
export async function writeBackup(db: Dexie, sink: BackupSink, options: WriteBackupOptions = {}): Promise<WrittenBackup> {
  if (!db.isOpen()) await db.open();
  const now = options.now ?? (() => new Date());
  const encryption = options.master ? newFileEncryption(options.master) : null;
  const key = options.master && encryption ? await fileKey(options.master, encryption.fileSalt) : null;
  const hash = sha256.create();
  let bytes = 0;
  const emit = async (chunk: Uint8Array) => {
    hash.update(chunk);
    bytes += chunk.length;
    await sink.write(chunk);
  };
  const encoder = new TextEncoder();
  const tableNames = db.tables.map((table) => table.name).sort();

  const header = await db.transaction('r', tableNames, async (transaction) => {
    const counts: Record<string, number> = {};
    for (const name of tableNames) {
      const table = transaction.table(name);
      let count = await table.count();
      if (name === 'settings') count -= (await table.bulkGet([...LOCAL_SETTINGS])).filter(Boolean).length;
      counts[name] = count;
    }
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      schemaVersion: db.verno,
      database: db.name,
      createdAt: now().toISOString(),
      createdBy: options.createdBy ?? '',
      compression: 'gzip',
      encryption,
      tables: counts,
    };
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    await keepAliveWhile(transaction, emit(encodeHeader(header)));
    const body = bodyPipeline(emit, key);
    // A failure of the consumer (the sink) must surface here, not hang a write.
    body.done.catch(() => undefined);
    let written = 0;
    options.onProgress?.(0, total);
    for (const name of tableNames) {
      const table = transaction.table(name);
      let after: IndexableType | undefined;
      for (;;) {
        const page = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(PAGE_ROWS).toArray();
        if (page.length === 0) break;
        after = primaryKeyOf(table, page.at(-1));
        const rows = page.filter((row) => !isLocalSetting(name, row));
        let text = '';
        for (let i = 0; i < rows.length; i += ROWS_PER_LINE) text += `${JSON.stringify({ t: name, r: rows.slice(i, i + ROWS_PER_LINE) })}\n`;
        if (text !== '') await keepAliveWhile(transaction, Promise.race([body.input.write(encoder.encode(text)), body.done.then(() => undefined)]));
        written += rows.length;
        options.onProgress?.(written, total);
        if (page.length < PAGE_ROWS) break;
      }
    }
    await keepAliveWhile(transaction, body.input.close().then(() => body.done));
    return header;
  });
  const digest = hash.digest();
  const trailer = encodeTrailer(digest);
  await sink.write(trailer);
  return { header, bytes: bytes + trailer.length, checksum: toHex(digest) };
}
