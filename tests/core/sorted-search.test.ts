// lowerBound: the first index not below a value, over arrays and typed arrays.
import { describe, expect, it } from 'vitest';
import { lowerBound } from '../../core/sorted-search';

describe('lowerBound', () => {
  it('finds the first index not below the value, with repeats, ends and typed arrays', () => {
    const list = [1, 3, 3, 7];
    expect([0, 1, 2, 3, 4, 7, 8].map((v) => lowerBound(list, v))).toEqual([0, 0, 1, 1, 3, 3, 4]);
    expect(lowerBound([], 5)).toBe(0);
    expect(lowerBound(new Float64Array([0.5, 2.5]), 2)).toBe(1);
  });
});
