import { v7 as uuidv7 } from 'uuid';

/**
 * Ids of stored records: generated here on the client, so a desktop that is
 * offline can create records that will later sync without collisions.
 * UUIDv7 rather than v4: its leading timestamp makes new keys sort after old
 * ones, so IndexedDB (and later PostgreSQL) append to the end of their
 * indexes instead of writing all over them, and ids sort by creation.
 */
export function newId(): string {
  return uuidv7();
}
