import { describe, expect, it } from 'vitest';
import type { Alignment } from '../../../core/align';
import { inside, marksFor, other, pairAt, pairById, pairFrom } from '../../../renderer/compare/alignment-marks';

const alignment: Alignment = {
  pairs: [
    { id: 0, a: { start: 0, end: 10 }, b: { start: 5, end: 15 }, score: 1, kind: 'same' },
    { id: 1, a: { start: 20, end: 30 }, b: { start: 40, end: 52 }, score: 0.8, kind: 'similar' },
  ],
  onlyA: [{ start: 10, end: 20 }],
  onlyB: [
    { start: 0, end: 5 },
    { start: 15, end: 40 },
  ],
};

describe('alignment marks', () => {
  it('gives each side its shared passages with pair ids and its own unique text, in reading order', () => {
    expect(marksFor(alignment, 'a')).toEqual([
      { start: 0, end: 10, pairId: 0 },
      { start: 10, end: 20 },
      { start: 20, end: 30, pairId: 1 },
    ]);
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

describe('words a reworded pair does not share', () => {
  const texts = {
    a: 'Home Secretary Yvette Cooper recently said: gangs must stop.',
    b: 'The UK’s Home Secretary, Yvette Cooper, said: “gangs must stop”.',
  };
  const reworded: Alignment = {
    pairs: [
      {
        id: 0,
        a: { start: 0, end: texts.a.length },
        b: { start: 0, end: texts.b.length },
        score: 0.8,
        kind: 'similar',
      },
    ],
    onlyA: [],
    onlyB: [],
  };
  const words = (side: 'a' | 'b') =>
    marksFor(reworded, side, texts)
      .filter((m) => m.changed)
      .map((m) => texts[side].slice(m.start, m.end));

  it('marks the words each side has alone, joining neighbours into one run', () => {
    expect(words('a')).toEqual(['recently']);
    expect(words('b')).toEqual(['The UK’s']);
  });

  it('marks nothing inside a pair whose words are the same, nor without the texts', () => {
    expect(
      marksFor({ ...reworded, pairs: [{ ...reworded.pairs[0], kind: 'same' }] }, 'a', texts).some((m) => m.changed),
    ).toBe(false);
    expect(marksFor(reworded, 'a').some((m) => m.changed)).toBe(false);
  });
});
