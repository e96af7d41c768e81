/**
 * Password hashing (docs/staff.md "Password storage"): PBKDF2-SHA-256 through
 * WebCrypto (the same code in Node and in Chromium), 600 000 iterations, a
 * 16-byte salt and a 32-byte key, kept as
 * `pbkdf2-sha256$600000$<salt base64>$<hash base64>`. A check reads the
 * iterations from the stored string, so a later raise of the cost leaves
 * older hashes valid. Every function here awaits WebCrypto: call them
 * outside an IndexedDB transaction (an await of anything but a request
 * lets the transaction commit).
 */

export const PASSWORD_HASH = { scheme: 'pbkdf2-sha256', iterations: 600_000, saltBytes: 16, keyBytes: 32 } as const;

/** Stored iteration counts outside this range are not trusted (a corrupt row must not cost minutes per check). */
const ITERATIONS_RANGE = { min: 100_000, max: 10_000_000 };

const encoder = new TextEncoder();

/** Bytes as lower-case hex (digests, checksums). */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** PBKDF2-SHA-256 of `password`: `keyBytes` bytes. */
export async function derivePbkdf2(password: string, salt: Uint8Array, iterations: number, keyBytes: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, keyBytes * 8);
  return new Uint8Array(bits);
}

/** The stored form of `password` with this salt (16 random bytes, or saltForOperation). */
export async function hashPassword(password: string, salt: Uint8Array = crypto.getRandomValues(new Uint8Array(PASSWORD_HASH.saltBytes))): Promise<string> {
  const hash = await derivePbkdf2(password, salt, PASSWORD_HASH.iterations, PASSWORD_HASH.keyBytes);
  return `${PASSWORD_HASH.scheme}$${PASSWORD_HASH.iterations}$${toBase64(salt)}$${toBase64(hash)}`;
}

/**
 * A salt that follows from the operation id (the first 16 bytes of
 * SHA-256('esep-staff-salt:' + opId)): a repeat of the operation with the
 * same password gives the same hash, so the same fingerprint, and the
 * repeat returns the first result; another password gives another
 * fingerprint and is refused as a conflict. Operation ids are unique, so
 * salts are too; a salt need not be secret.
 */
export async function saltForOperation(opId: string, purpose = 'esep-staff-salt'): Promise<Uint8Array> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(`${purpose}:${opId}`)));
  return digest.slice(0, PASSWORD_HASH.saltBytes);
}

interface ParsedHash {
  iterations: number;
  salt: Uint8Array;
  hash: Uint8Array;
}

export function parsePasswordHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 4 || parts[0] !== PASSWORD_HASH.scheme || !/^\d+$/.test(parts[1]!)) return null;
  const iterations = Number(parts[1]);
  const salt = fromBase64(parts[2]!);
  const hash = fromBase64(parts[3]!);
  if (iterations < ITERATIONS_RANGE.min || iterations > ITERATIONS_RANGE.max || !salt || salt.length === 0 || !hash || hash.length === 0) return null;
  return { iterations, salt, hash };
}

/** Compares every byte whatever the first difference, so the time taken says nothing about where they differ. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

/**
 * A hash that matches no password, checked against when the login is
 * unknown, so that an unknown login takes as long as a wrong password.
 */
const DUMMY_HASH = `${PASSWORD_HASH.scheme}$${PASSWORD_HASH.iterations}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`;

/** Whether `password` gives `stored` (with the iterations and salt stored in it). A malformed stored hash matches nothing, in the same time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = stored === DUMMY_HASH ? null : parsePasswordHash(stored);
  const against = parsed ?? parsePasswordHash(DUMMY_HASH)!;
  const derived = await derivePbkdf2(password, against.salt, against.iterations, against.hash.length);
  return constantTimeEqual(derived, against.hash) && parsed !== null;
}

/** Spends the time of one check for a login that does not exist. */
export async function verifyAgainstNothing(password: string): Promise<false> {
  await verifyPassword(password, DUMMY_HASH);
  return false;
}
