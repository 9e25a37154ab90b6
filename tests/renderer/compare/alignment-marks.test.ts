import { describe, expect, it } from 'vitest';
import type { Alignment } from '../../../core/align';
import { inside, marksFor, other, pairAt, pairById, pairFrom } from '../../../renderer/compare/alignment-marks';

const alignment: Alignment = {
  pairs: [
    { id: 0, a: { start: 0, end: 10 }, b: { start: 5, end: 15 }, score: 1, kind: 'same' },
    { id: 1, a: { start: 20, end: 30 }, b: { start: 40, end: 52 }, score: 0.8, kind: 'similar' },
  ],
  onlyA: [{ start: 10, end: 20 }],
  onlyB: [{ start: 0, end: 5 }, { start: 15, end: 40 }],
};

describe('alignment marks', () => {
  it('gives each side its shared passages with pair ids and its own unique text, in reading order', () => {
    expect(marksFor(alignment, 'a')).toEqual([{ start: 0, end: 10, pairId: 0 }, { start: 10, end: 20 }, { start: 20, end: 30, pairId: 1 }]);
    expect(marksFor(alignment, 'b').map((m) => m.pairId)).toEqual([undefined, 0, undefined, 1]);
  });

  it('finds the pair under an offset, the next pair from an offset, and a pair by id', () => {
    expect(pairAt(alignment, 'b', 41)?.id).toBe(1);
    expect(pairAt(alignment, 'a', 15)).toBeUndefined();
    expect(pairFrom(alignment, 'a', 12)?.id).toBe(1);
    expect(pairFrom(alignment, 'a', 31)).toBeUndefined();
    expect(pairById(alignment, 0)?.b).toEqual({ start: 5, end: 15 });
    expect(other('a')).toBe('b');
    expect(inside({ start: 20, end: 30 }, { start: 22, end: 30 })).toBe(true);
    expect(inside({ start: 20, end: 30 }, { start: 19, end: 25 })).toBe(false);
  });
});
