import { derivePbkdf2, fromBase64, PASSWORD_HASH, toBase64 } from '../passwords';
import type { BackupEncryption } from './format';

/**
 * Encryption of backup files (docs/backups.md "Encryption"), WebCrypto only:
 *
 * - the backup password gives a 32-byte master key by PBKDF2-SHA-256
 *   (600 000 iterations, as staff passwords; the salt is kept with the
 *   setting and written in every file's header);
 * - every file derives its own AES-256-GCM key from the master key by HKDF
 *   with a random per-file salt, so the frame counter below never repeats
 *   a nonce under one key, even though unattended backups reuse the master;
 * - the compressed body is cut into frames of at most FRAME_BYTES; frame i
 *   is sealed with nonce = 4 zero bytes + i (64-bit big-endian) and with
 *   "i, is-last" as additional data, so frames cannot be reordered, dropped
 *   or cut off at the end without the tag check failing.
 *
 * On disk a frame is its ciphertext length (32-bit big-endian) followed by
 * the ciphertext with its 16-byte tag.
 */

export const FRAME_BYTES = 1024 * 1024;
export const TAG_BYTES = 16;
/** A frame's stated length beyond this is damage, not data: refused before anything is allocated. */
export const MAX_SEALED_FRAME = FRAME_BYTES + TAG_BYTES;

const HKDF_INFO = new TextEncoder().encode('esep-backup-file-key-v1');

/** The backup password as kept by the installation: its PBKDF2 salt and iterations and the key they gave. */
export interface BackupMasterKey {
  salt: string;
  iterations: number;
  /** The 32-byte PBKDF2 output, base64. */
  key: string;
}

/** The master key of `password` (slow by design: about a second). */
export async function deriveMasterKey(password: string, salt: Uint8Array, iterations: number = PASSWORD_HASH.iterations): Promise<BackupMasterKey> {
  const key = await derivePbkdf2(password, salt, iterations, 32);
  return { salt: toBase64(salt), iterations, key: toBase64(key) };
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const bytes = fromBase64(base64);
  if (!bytes) throw new TypeError('not base64');
  return new Uint8Array(bytes);
}

/** The AES-GCM key of one file. */
export async function fileKey(master: BackupMasterKey, fileSalt: string): Promise<CryptoKey> {
  const hkdf = await crypto.subtle.importKey('raw', bytesOf(master.key), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: bytesOf(fileSalt), info: HKDF_INFO }, hkdf, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** The header's description of a file encrypted under `master`, with a fresh file salt. */
export function newFileEncryption(master: BackupMasterKey): BackupEncryption {
  return {
    cipher: 'AES-256-GCM',
    kdf: 'PBKDF2-SHA-256',
    iterations: master.iterations,
    salt: master.salt,
    fileSalt: toBase64(crypto.getRandomValues(new Uint8Array(16))),
  };
}

function nonceOf(index: number): Uint8Array<ArrayBuffer> {
  const nonce = new Uint8Array(12);
  new DataView(nonce.buffer).setBigUint64(4, BigInt(index));
  return nonce;
}

function associatedData(index: number, last: boolean): Uint8Array<ArrayBuffer> {
  const data = new Uint8Array(9);
  const view = new DataView(data.buffer);
  view.setBigUint64(0, BigInt(index));
  view.setUint8(8, last ? 1 : 0);
  return data;
}

/** Frame `index` as written: length prefix and sealed bytes. */
export async function sealFrame(key: CryptoKey, index: number, last: boolean, plain: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonceOf(index), additionalData: associatedData(index, last), tagLength: TAG_BYTES * 8 }, key, plain));
  const out = new Uint8Array(4 + sealed.length);
  new DataView(out.buffer).setUint32(0, sealed.length);
  out.set(sealed, 4);
  return out;
}

/** The plain bytes of frame `index`; rejects (OperationError) when the key, the position or a byte is wrong. */
export async function openFrame(key: CryptoKey, index: number, last: boolean, sealed: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: nonceOf(index), additionalData: associatedData(index, last), tagLength: TAG_BYTES * 8 }, key, sealed));
}
