import { describe, expect, it } from 'vitest';
import { percentile } from './percentile.mjs';

describe('percentile (nearest rank)', () => {
  it('takes the value at the ceiling rank', () => {
    const sample = [15, 20, 35, 40, 50];
    expect(percentile(sample, 30)).toBe(20);
    expect(percentile(sample, 40)).toBe(20);
    expect(percentile(sample, 50)).toBe(35);
    expect(percentile(sample, 100)).toBe(50);
  });
  it('p95 of 1..100 is 95 whatever the order', () => {
    const sample = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(sample, 95)).toBe(95);
    expect(percentile(sample, 0)).toBe(1);
  });
  it('refuses an empty sample and p outside 0..100', () => {
    expect(() => percentile([], 50)).toThrow(/empty/);
    expect(() => percentile([1], 101)).toThrow(/0\.\.100/);
  });
});
