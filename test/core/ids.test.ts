import { describe, expect, it } from 'vitest';
import { newId } from '../../core/ids';

describe('record ids', () => {
  it('are UUIDv7: RFC 9562 layout with version 7', () => {
    for (let i = 0; i < 100; i++) {
      expect(newId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('sort in the order they were made, so new keys append to IndexedDB indexes', () => {
    const ids = Array.from({ length: 2000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
