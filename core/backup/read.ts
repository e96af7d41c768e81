import { sha256 } from '@noble/hashes/sha2.js';
import { CommandError } from '../errors';
import type { Progress } from '../jobs';
import { MAX_SEALED_FRAME, openFrame } from './cipher';
import { toHex } from '../passwords';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, MAX_HEADER_BYTES, TRAILER_BYTES, backupHeaderSchema, decodeTrailer, isBodyLine, type BackupHeader, type BodyLine } from './format';
import { ByteReader, blobStream } from './streams';

/**
 * Reading a backup file, in the order that refuses a bad one before
 * anything is written: what it is (the header's first bytes: a foreign
 * file), whether it is whole (the trailer, then the checksum of every byte),
 * whether this program can read it (format and schema versions). The body
 * is read afterwards, inside the restore's transaction (restore.ts).
 */

/** Every header starts with these bytes (JSON.stringify keeps the order of the keys). */
const MAGIC = new TextEncoder().encode(`{"format":"${BACKUP_FORMAT}",`);

export interface OpenedBackup {
  header: BackupHeader;
  /** Bytes of the header line (where the body starts). */
  headerBytes: number;
  /** The checksum the trailer states (hex), checked by verifyChecksum. */
  checksum: string;
  /** The body: between the header and the trailer. */
  body: Blob;
}

const damaged = () => new CommandError('errors:backup.damaged');

/** Reads the header and the trailer. Refuses a foreign file, a truncated one, a later format or schema. */
export async function openBackup(file: Blob, appSchemaVersion: number): Promise<OpenedBackup> {
  const head = new Uint8Array(await file.slice(0, Math.min(file.size, MAX_HEADER_BYTES)).arrayBuffer());
  if (head.length < MAGIC.length || MAGIC.some((byte, i) => head[i] !== byte)) throw new CommandError('errors:backup.foreign');
  const newline = head.indexOf(0x0a);
  if (newline < 0 || file.size < newline + 1 + TRAILER_BYTES) throw damaged();
  const checksum = decodeTrailer(new Uint8Array(await file.slice(file.size - TRAILER_BYTES).arrayBuffer()));
  if (checksum === null) throw damaged();
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, newline)));
  } catch {
    throw damaged();
  }
  const version = (parsed as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) throw new CommandError('errors:backup.newerFormat', { params: { version } });
  const header = backupHeaderSchema.safeParse(parsed);
  if (!header.success) throw damaged();
  if (header.data.schemaVersion > appSchemaVersion) {
    throw new CommandError('errors:backup.newerSchema', { params: { version: header.data.schemaVersion, supported: appSchemaVersion } });
  }
  return { header: header.data, headerBytes: newline + 1, checksum, body: file.slice(newline + 1, file.size - TRAILER_BYTES) };
}

/** Hashes every byte before the trailer and compares with it; `onProgress` gets bytes read of bytes to read. */
export async function verifyChecksum(file: Blob, opened: OpenedBackup, onProgress?: Progress): Promise<void> {
  const covered = file.size - TRAILER_BYTES;
  const hash = sha256.create();
  const reader = blobStream(file.slice(0, covered), (read) => onProgress?.(read, covered)).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    hash.update(value);
  }
  if (toHex(hash.digest()) !== opened.checksum) throw damaged();
}

/** The sealed frames of an encrypted body opened in turn: the compressed bytes. A frame that does not open rejects with `errors:backup.damaged`. */
function openedFrames(body: Blob, key: CryptoKey, onRead?: (bytes: number) => void): ReadableStream<Uint8Array> {
  const reader = new ByteReader(blobStream(body, onRead));
  let index = 0;
  let consumed = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const prefix = await reader.read(4);
      if (prefix === null) {
        // Only after the frame opened as the last one: a body cut after a whole frame fails that frame's check instead.
        controller.close();
        return;
      }
      const length = new DataView(prefix.buffer).getUint32(0);
      if (length > MAX_SEALED_FRAME) throw damaged();
      const sealed = await reader.read(length);
      if (sealed === null) throw damaged();
      consumed += 4 + length;
      try {
        controller.enqueue(await openFrame(key, index++, consumed === body.size, sealed));
      } catch {
        throw damaged();
      }
    },
  });
}

/** Checks the key against the first frame: a wrong password is told apart from damage (the checksum has already passed). */
export async function checkKey(opened: OpenedBackup, key: CryptoKey): Promise<boolean> {
  const prefix = new Uint8Array(await opened.body.slice(0, 4).arrayBuffer());
  if (prefix.length < 4) return false;
  const length = new DataView(prefix.buffer).getUint32(0);
  if (length > MAX_SEALED_FRAME) return false;
  const sealed = new Uint8Array(await opened.body.slice(4, 4 + length).arrayBuffer());
  try {
    await openFrame(key, 0, 4 + length === opened.body.size, sealed);
    return true;
  } catch {
    return false;
  }
}

/**
 * The body's lines, decrypted (with `key` when the file is encrypted),
 * decompressed and parsed, one at a time. Anything that is not a whole
 * line of the format rejects with `errors:backup.damaged`.
 */
export async function* bodyLines(opened: OpenedBackup, key: CryptoKey | null, onRead?: (bytes: number) => void): AsyncGenerator<BodyLine, void, undefined> {
  const compressed = key ? openedFrames(opened.body, key, onRead) : blobStream(opened.body, onRead);
  const text = compressed.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>).pipeThrough(new TextDecoderStream('utf-8', { fatal: true }) as unknown as ReadableWritablePair<string, Uint8Array>);
  const reader = text.getReader();
  let pending = '';
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<string>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw error instanceof CommandError ? error : new CommandError('errors:backup.damaged', { cause: error });
      }
      if (chunk.done) break;
      pending += chunk.value;
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        yield parseLine(pending.slice(0, newline));
        pending = pending.slice(newline + 1);
        newline = pending.indexOf('\n');
      }
    }
    if (pending !== '') throw damaged();
  } finally {
    reader.releaseLock();
  }
}

function parseLine(text: string): BodyLine {
  let line: unknown;
  try {
    line = JSON.parse(text);
  } catch {
    throw damaged();
  }
  if (!isBodyLine(line)) throw damaged();
  return line;
}
