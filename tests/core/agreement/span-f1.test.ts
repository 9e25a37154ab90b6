import { describe, expect, it } from 'vitest';
import { exactCounts, f1, maxOverlapMatching, overlapCounts, totalCounts } from '../../../core/agreement/span-f1';
import { normalizeLayer, type LabeledSpan } from '../../../core/agreement/spans';

const s = (start: number, end: number, label = 'x'): LabeledSpan => ({ start, end, label });

describe('span F1, worked by hand', () => {
  const a = normalizeLayer([s(0, 5, 'actor'), s(10, 14, 'country'), s(20, 25, 'money'), s(30, 33, 'actor')]);
  const b = normalizeLayer([s(0, 5, 'actor'), s(10, 15, 'country'), s(20, 25, 'actor'), s(40, 42, 'actor')]);

  it('exact: only (0,5,actor) matches -> F1 = 2·1/(4+4) = 0.25', () => {
    const counts = exactCounts(a, b);
    expect(f1(totalCounts(counts))).toBe(0.25);
    expect(f1(counts.get('actor')!)).toBe((2 * 1) / (2 + 3));
    expect(f1(counts.get('country')!)).toBe(0);
    expect(f1(counts.get('money')!)).toBe(0);
  });

  it('overlap: 10-14 and 10-15 country pair too; same place, other label does not -> 2·2/8 = 0.5', () => {
    const counts = overlapCounts(a, b);
    expect(f1(totalCounts(counts))).toBe(0.5);
    expect(f1(counts.get('country')!)).toBe(1);
    expect(f1(counts.get('money')!)).toBe(0);
  });

  it('touching spans share no code point: [0,5) and [5,9) do not overlap', () => {
    expect(maxOverlapMatching([s(0, 5)], [s(5, 9)])).toBe(0);
    expect(maxOverlapMatching([s(0, 5)], [s(4, 9)])).toBe(1);
  });

  it('one-to-one: one long span against two short ones it covers matches once', () => {
    const counts = overlapCounts([s(0, 10)], [s(0, 3), s(5, 8)]);
    expect(counts.get('x')).toEqual({ a: 1, b: 2, matched: 1 });
    expect(f1(counts.get('x')!)).toBeCloseTo(2 / 3, 12);
  });

  it('maximum matching, not greedy by overlap: A1 overlaps B1 widely and B2 a little, A2 only B1 -> 2 pairs', () => {
    // Greedy by overlap size would take A1-B1 (overlap 8) and leave A2 and B2 alone.
    const A = [s(0, 10), s(9, 12)];
    const B = [s(1, 11), s(0, 1)].sort((x, y) => x.start - y.start);
    expect(maxOverlapMatching(A, B)).toBe(2);
  });

  it('is symmetric', () => {
    const A = normalizeLayer([s(0, 4), s(3, 9), s(8, 20), s(30, 31)]);
    const B = normalizeLayer([s(1, 2), s(2, 10), s(19, 35)]);
    expect(maxOverlapMatching(A, B)).toBe(maxOverlapMatching(B, A));
    expect(maxOverlapMatching(A, B)).toBe(3);
  });

  it('thousands of chained overlaps need long augmenting paths without overflowing the stack', () => {
    // A_i = [2i, 2i+3), B_i = [2i+1, 2i+2) plus one more B at the start: a perfect matching exists.
    const n = 20_000;
    const A = Array.from({ length: n }, (_, i) => s(2 * i, 2 * i + 3));
    const B = [s(0, 1), ...Array.from({ length: n - 1 }, (_, i) => s(2 * i + 2, 2 * i + 3))];
    expect(maxOverlapMatching(A, B)).toBe(n);
  });

  it('no spans on either side: F1 undefined (null), not 0 or 1', () => {
    expect(f1(totalCounts(exactCounts([], [])))).toBeNull();
    expect(f1(totalCounts(exactCounts([s(0, 1)], [])))).toBe(0);
  });

  it('normalising drops duplicates and empty spans, so a doubled span is not counted twice', () => {
    expect(normalizeLayer([s(0, 2), s(0, 2), s(3, 3)])).toEqual([s(0, 2)]);
  });
});
