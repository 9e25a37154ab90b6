import { describe, expect, it } from 'vitest';
import { alignDocuments } from '../../../core/align';

const S = [
  'The council approved the new budget for road repairs on Monday evening.',
  'Residents had complained for months about potholes in the town centre.',
  'The mayor said the work would begin before the end of the summer.',
  'Opposition members argued the money should go to schools instead.',
  'A final vote on the wider spending plan is expected next month.',
];

const texts = (text: string, rs: ReadonlyArray<{ start: number; end: number }>) =>
  rs.map((r) => text.slice(r.start, r.end));

describe('alignDocuments: order, merges and thresholds', () => {
  it('keeps a moved paragraph aligned (out-of-order pairs are allowed)', () => {
    const a = S.join('\n\n');
    const b = [S[3], S[0], S[1], S[2], S[4]].join('\n');
    const { pairs, onlyA, onlyB } = alignDocuments(a, b);
    expect(pairs).toHaveLength(5);
    expect(onlyA).toEqual([]);
    expect(onlyB).toEqual([]);
    for (const p of pairs) expect(b.slice(p.b.start, p.b.end)).toBe(a.slice(p.a.start, p.a.end));
    expect(pairs.every((p) => p.kind === 'same' && p.score === 1)).toBe(true);
  });

  it('matches one sentence against two joined ones on the other side', () => {
    const a = `${S[0]} ${S[1]}\n${S[2]}`;
    const b = `${S[0].slice(0, -1)}, as residents had complained for months about potholes in the town centre.\n${S[2]}`;
    const { pairs } = alignDocuments(a, b);
    expect(pairs).toHaveLength(2);
    expect(a.slice(pairs[0].a.start, pairs[0].a.end)).toBe(`${S[0]} ${S[1]}`);
    expect(pairs[0].score).toBeGreaterThan(0.9);
  });

  it('does not pair sentences that merely share a few words', () => {
    const a = 'The mayor said the work would begin soon.';
    const b = 'Yesterday the mayor said nothing at all about schools, budgets or any of the roads.';
    expect(alignDocuments(a, b).pairs).toEqual([]);
  });

  it('honours minScore', () => {
    const a = S[0];
    const b = 'The council approved a budget for road repairs late on Monday.';
    expect(alignDocuments(a, b).pairs).toHaveLength(1);
    expect(alignDocuments(a, b, { minScore: 0.95 }).pairs).toHaveLength(0);
  });

  it('handles empty and wordless texts', () => {
    expect(alignDocuments('', '')).toEqual({ pairs: [], onlyA: [], onlyB: [] });
    const r = alignDocuments('— … —\r\n', S[0]);
    expect(r.pairs).toEqual([]);
    expect(texts(S[0], r.onlyB)).toEqual([S[0]]);
  });
});
