import { describe, expect, it } from 'vitest';
import { assignLevels, layoutArcs, rowHeights, splitArcs, type ArcInput } from '../../../core/relations/arc-layout';

const bounds = { left: 0, right: 1000 };
const arc = (id: string, hx: number, cx: number, hrow = 0, crow = hrow): ArcInput => ({
  id,
  head: { row: hrow, x: hx },
  child: { row: crow, x: cx },
});

describe('arc layout', () => {
  it('puts an arc above the arcs it spans, and side-by-side arcs on one level', () => {
    const segs = layoutArcs([arc('outer', 0, 500), arc('inner', 100, 200), arc('next', 300, 400)], bounds);
    const level = (id: string) => segs.find((s) => s.id === id)!.level;
    expect(level('inner')).toBe(1);
    expect(level('next')).toBe(1);
    expect(level('outer')).toBe(2);
  });

  it('never gives two crossing arcs one level', () => {
    const segs = layoutArcs([arc('a', 0, 300), arc('b', 200, 500)], bounds);
    expect(segs[0].level).not.toBe(segs[1].level);
  });

  it('splits an arc across rows into a head half and a child half, in reading order', () => {
    expect(splitArcs([arc('x', 700, 100, 0, 1)], bounds)).toEqual([
      { id: 'x', row: 0, from: 700, to: 1000, headAt: 700 },
      { id: 'x', row: 1, from: 0, to: 100, childAt: 100 },
    ]);
    expect(splitArcs([arc('y', 100, 700, 2, 1)], bounds)).toEqual([
      { id: 'y', row: 2, from: 0, to: 100, headAt: 100 },
      { id: 'y', row: 1, from: 700, to: 1000, childAt: 700 },
    ]);
  });

  it('keeps 100 arcs in one paragraph readable: every overlapping pair on distinct levels', () => {
    const arcs: ArcInput[] = [];
    for (let i = 0; i < 100; i++) {
      const row = Math.floor(i / 10);
      const x = (i % 10) * 90;
      arcs.push(arc(`r${i}`, x, x + 60 + (i % 3) * 80, row));
    }
    const segs = layoutArcs(arcs, bounds);
    for (const a of segs)
      for (const b of segs) {
        if (a === b || a.row !== b.row) continue;
        if (a.from <= b.to && b.from <= a.to) expect(a.level).not.toBe(b.level);
      }
    expect(Math.max(...rowHeights(segs).values())).toBeLessThanOrEqual(4);
  });

  it('lays out 1,000 arcs on 500 rows', () => {
    const arcs = Array.from({ length: 1000 }, (_, i) =>
      arc(`r${i}`, (i * 37) % 900, ((i * 37) % 900) + 50, i >> 1, (i >> 1) + (i % 2)),
    );
    const segs = assignLevels(splitArcs(arcs, bounds));
    expect(segs.length).toBe(1500);
    expect(segs.every((s) => s.level >= 1)).toBe(true);
  });
});
