import { AppDatabase, DEFAULT_DATABASE_NAME } from './db';

/**
 * Recovery when the app's schema cannot open the database (docs/store.md,
 * docs/ui.md "Start-up"). Everything here talks to IndexedDB directly, with
 * no Dexie schema and no version number, so no upgrade runs and a database
 * written by a newer version of the app is left exactly as it is.
 *
 * Versions: Dexie stores `version(n)` as IndexedDB version n × 10 (schema 3
 * is IndexedDB version 30); the functions below say which one they mean.
 */

export const RAW_EXPORT_FORMAT = 'esep-raw-tables';

export interface RawStoreSchema {
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
}

/** The document exportRawDatabase() returns (as JSON text). */
export interface RawDatabaseExport {
  format: typeof RAW_EXPORT_FORMAT;
  /** The database's IndexedDB version as stored (Dexie schema × 10). */
  version: number;
  database: string;
  exportedAt: string;
  /** Key path and indexes of every object store, enough to rebuild it. */
  schema: Record<string, RawStoreSchema>;
  /** Every row of every object store, in key order. A store without a key path gives `{ key, value }` pairs. */
  tables: Record<string, unknown[]>;
}

/** Why the database could not be opened at start. */
export type DatabaseOpenFailure = 'upgradeFailed' | 'newerVersion' | 'unavailable';

/** The store could not open the database; `reason` says why, `cause` is what IndexedDB or Dexie threw. */
export class DatabaseOpenError extends Error {
  readonly reason: DatabaseOpenFailure;
  /** The stored schema version (IndexedDB version / 10), null when there is no database or it could not be read. */
  readonly storedVersion: number | null;
  /** The schema version this build of the app declares. */
  readonly appVersion: number;

  constructor(reason: DatabaseOpenFailure, details: { database: string; storedVersion: number | null; appVersion: number; cause?: unknown }) {
    const { database, storedVersion, appVersion, cause } = details;
    const stored = storedVersion === null ? 'none' : String(storedVersion);
    const because = cause === undefined ? '' : `: ${describeError(cause)}`;
    super(`${reason} (database ${database}, stored schema ${stored}, app schema ${appVersion})${because}`, cause === undefined ? undefined : { cause });
    this.name = 'DatabaseOpenError';
    this.reason = reason;
    this.storedVersion = storedVersion;
    this.appVersion = appVersion;
  }
}

export function isDatabaseOpenError(error: unknown): error is DatabaseOpenError {
  return error instanceof DatabaseOpenError;
}

/** `Name: message` of an error and of what it wraps (Dexie puts the IndexedDB error in `inner`). */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 4; depth++) {
    if (current instanceof Error || (typeof current === 'object' && 'message' in current)) {
      const { name, message } = current as { name?: unknown; message?: unknown };
      const text = `${typeof name === 'string' ? name : 'Error'}: ${typeof message === 'string' ? message : ''}`;
      if (!parts.some((part) => part.endsWith(text))) parts.push(text);
      const next = current as { inner?: unknown; cause?: unknown };
      current = next.inner ?? next.cause;
    } else {
      parts.push(String(current));
      break;
    }
  }
  return parts.join(' ← ');
}

let cachedAppVersion: number | undefined;

/** The schema version AppDatabase declares (constructing a Dexie instance does not open anything). */
export function appSchemaVersion(): number {
  cachedAppVersion ??= new AppDatabase(DEFAULT_DATABASE_NAME, { autoOpen: false }).verno;
  return cachedAppVersion;
}

/** True when an IndexedDB version was written by a later schema than `appVersion` (Dexie's own patch bumps, +1, are not). */
export function isNewerSchema(storedIdbVersion: number, appVersion: number): boolean {
  return Math.floor(storedIdbVersion / 10) > appVersion;
}

function defaultFactory(): IDBFactory | undefined {
  return (globalThis as { indexedDB?: IDBFactory }).indexedDB;
}

function requireFactory(factory: IDBFactory | undefined): IDBFactory {
  if (!factory) throw new Error('IndexedDB is not available');
  return factory;
}

/**
 * Opens an existing database at whatever version it has, or resolves null
 * when there is none. Without a version number the open never upgrades
 * anything; for a missing database the creation is aborted, so nothing is left behind.
 */
function openExisting(name: string, factory: IDBFactory): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name);
    let missing = false;
    request.onupgradeneeded = () => {
      missing = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const db = request.result;
      // Never stand in the way of the app's own open or upgrade.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = (event) => {
      if (missing) {
        event.preventDefault();
        resolve(null);
      } else reject(request.error ?? new Error(`cannot open database ${name}`));
    };
  });
}

/** The stored IndexedDB version of a database, or null when it does not exist. Opens nothing else. */
export async function storedDatabaseVersion(name: string, indexedDBFactory: IDBFactory | undefined = defaultFactory()): Promise<number | null> {
  const db = await openExisting(name, requireFactory(indexedDBFactory));
  if (!db) return null;
  const { version } = db;
  db.close();
  return version;
}

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** JSON for values IndexedDB can hold but JSON cannot: bigint as a string, bytes as a number array. */
function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof ArrayBuffer) return { $bytes: Array.from(new Uint8Array(value)) };
  if (ArrayBuffer.isView(value)) return { $bytes: Array.from(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
  return value;
}

/**
 * Reads every object store of the database with all its rows, in one
 * read-only transaction (a consistent snapshot), without any schema or
 * upgrade, and returns the RawDatabaseExport as JSON text. Rejects when the
 * database does not exist or IndexedDB itself is unavailable.
 */
export async function exportRawDatabase(name: string, indexedDBFactory: IDBFactory | undefined = defaultFactory(), now: () => Date = () => new Date()): Promise<string> {
  const db = await openExisting(name, requireFactory(indexedDBFactory));
  if (!db) throw new Error(`There is no database named ${name}`);
  try {
    const storeNames = Array.from(db.objectStoreNames);
    const schema: Record<string, RawStoreSchema> = {};
    const reads: Promise<[string, unknown[]]>[] = [];
    if (storeNames.length > 0) {
      const tx = db.transaction(storeNames, 'readonly');
      // Every request is issued before the first await, or the transaction would commit under us.
      for (const storeName of storeNames) {
        const store = tx.objectStore(storeName);
        schema[storeName] = {
          keyPath: store.keyPath as string | string[] | null,
          autoIncrement: store.autoIncrement,
          indexes: Array.from(store.indexNames, (indexName) => {
            const index = store.index(indexName);
            return { name: index.name, keyPath: index.keyPath as string | string[], unique: index.unique, multiEntry: index.multiEntry };
          }),
        };
        const values = promised(store.getAll());
        if (store.keyPath === null) {
          const keys = promised(store.getAllKeys());
          reads.push(Promise.all([keys, values]).then(([k, v]) => [storeName, v.map((value, i) => ({ key: k[i], value }))]));
        } else {
          reads.push(values.then((v) => [storeName, v]));
        }
      }
    }
    const tables = Object.fromEntries(await Promise.all(reads));
    const document: RawDatabaseExport = { format: RAW_EXPORT_FORMAT, version: db.version, database: name, exportedAt: now().toISOString(), schema, tables };
    return JSON.stringify(document, jsonReplacer);
  } finally {
    db.close();
  }
}

/** A file name for the export: `esep-backoffice-tables-2026-03-15T07-00-00Z.json` (no colons: Windows forbids them). */
export function rawExportFileName(name: string, at: Date = new Date()): string {
  return `${name}-tables-${at.toISOString().slice(0, 19).replace(/:/g, '-')}Z.json`;
}

/** IndexedDB and Dexie errors that mean the browser's storage itself failed, not the app's code. */
const STORAGE_ERROR_NAMES = new Set([
  'MissingAPIError',
  'OpenFailedError',
  'DatabaseClosedError',
  'QuotaExceededError',
  'UnknownError',
  'InvalidStateError',
  'VersionError',
  'AbortError',
  'NotFoundError',
  'InvalidAccessError',
  'SecurityError',
]);

function isStorageError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current !== null && typeof current === 'object' && depth < 4; depth++) {
    const { name } = current as { name?: unknown };
    if (typeof name === 'string' && STORAGE_ERROR_NAMES.has(name)) return true;
    const next = current as { inner?: unknown; cause?: unknown };
    current = next.inner ?? next.cause;
  }
  return false;
}

export interface OpenCheckOptions {
  /** The schema version the app declares (Dexie's `verno`); AppDatabase's by default. */
  appVersion?: number;
  indexedDB?: IDBFactory;
}

/**
 * Runs the store's first database access (`open`, e.g. `store.ensureCatalog`)
 * so that a failure says why:
 *
 * - before: a database written by a newer schema is refused without opening it
 *   (Dexie 4 would open it anyway, at its version, and patch its schema);
 * - after a failure: the stored version tells an aborted upgrade (still
 *   older than the app) from a storage problem; any other error, at the
 *   app's own version, is not about opening and is rethrown as it is.
 *
 * Throws a DatabaseOpenError with the reason.
 */
export async function openDatabaseChecked<T>(name: string, open: () => Promise<T>, options: OpenCheckOptions = {}): Promise<T> {
  const appVersion = options.appVersion ?? appSchemaVersion();
  const factory = options.indexedDB ?? defaultFactory();
  const fail = (reason: DatabaseOpenFailure, storedIdbVersion: number | null, cause?: unknown) =>
    new DatabaseOpenError(reason, { database: name, storedVersion: storedIdbVersion === null ? null : storedIdbVersion / 10, appVersion, cause });

  let before: number | null;
  try {
    before = await storedDatabaseVersion(name, factory);
  } catch (error) {
    throw fail('unavailable', null, error);
  }
  if (before !== null && isNewerSchema(before, appVersion)) throw fail('newerVersion', before);

  try {
    return await open();
  } catch (error) {
    let after: number | null;
    try {
      after = await storedDatabaseVersion(name, factory);
    } catch {
      throw fail('unavailable', before, error);
    }
    if (after === null) throw fail('unavailable', null, error);
    if (isNewerSchema(after, appVersion)) throw fail('newerVersion', after, error);
    if (after / 10 < appVersion) throw fail('upgradeFailed', after, error);
    if (isStorageError(error)) throw fail('unavailable', after, error);
    throw error;
  }
}
