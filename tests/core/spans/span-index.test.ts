import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareReading, type Interval } from '../../../core/spans/layers';
import { changeIndex, clusterAround, indexSpans, overlapping } from '../../../core/spans/span-index';

const s = (id: string, start: number, end: number) => ({ id, start, end });
const ids = (spans: readonly { id: string }[]) => spans.map((x) => x.id);

/** The overlap cluster by scanning every span until it stops growing: what the index must agree with. */
function scanCluster<T extends Interval>(spans: readonly T[], range: { start: number; end: number }): T[] {
  let [lo, hi] = [range.start, range.end];
  for (let grew = true; grew;) {
    grew = false;
    for (const x of spans)
      if (x.start < hi && x.end > lo && (x.start < lo || x.end > hi)) {
        [lo, hi, grew] = [Math.min(lo, x.start), Math.max(hi, x.end), true];
      }
  }
  return spans.filter((x) => x.start < hi && x.end > lo).sort(compareReading);
}

const spanList = fc
  .array(fc.tuple(fc.nat(200), fc.integer({ min: 1, max: 40 })), { maxLength: 60 })
  .map((pairs) => pairs.map(([start, length], i) => s(`s${i}`, start, start + length)));
const range = fc.tuple(fc.nat(240), fc.nat(30)).map(([start, length]) => ({ start, end: start + length }));

describe('span index', () => {
  it('finds the spans overlapping a range, in reading order, reaching back as far as the longest span', () => {
    const index = indexSpans([s('late', 50, 60), s('long', 0, 45), s('short', 40, 42), s('after', 45, 50)]);
    expect(ids(index.sorted)).toEqual(['long', 'short', 'after', 'late']);
    expect(index.maxLength).toBe(45);
    expect(ids(overlapping(index, { start: 44, end: 46 }))).toEqual(['long', 'after']);
    expect(ids(overlapping(index, { start: 60, end: 70 }))).toEqual([]);
  });

  it('finds the transitive overlap cluster of a range', () => {
    const index = indexSpans([s('a', 0, 5), s('b', 4, 10), s('c', 9, 12), s('d', 15, 20)]);
    expect(ids(clusterAround(index, { start: 11, end: 12 }))).toEqual(['a', 'b', 'c']);
  });

  it('adds, removes and replaces spans without changing the index it came from', () => {
    const before = indexSpans([s('a', 0, 5), s('b', 10, 15)]);
    const after = changeIndex(before, [s('a', 0, 5), s('x', 1, 2)], [s('c', 3, 30)]); // x is not there: no-op
    expect(ids(before.sorted)).toEqual(['a', 'b']);
    expect(ids(after.sorted)).toEqual(['c', 'b']);
    expect(after.maxLength).toBe(27);
    const replaced = changeIndex(before, [s('b', 10, 15)], [s('b', 11, 15)]);
    expect(replaced.sorted).toEqual([s('a', 0, 5), s('b', 11, 15)]);
    expect(changeIndex(before, [], [])).toBe(before);
  });

  it('finds the same overlap cluster as scanning every span, and stays sorted through any edits', () => {
    fc.assert(
      fc.property(spanList, range, fc.array(fc.nat(59), { maxLength: 10 }), (spans, r, removals) => {
        const index = indexSpans(spans);
        expect(clusterAround(index, r)).toEqual(scanCluster(spans, r));
        expect(overlapping(index, r)).toEqual(
          spans.filter((x) => x.start < r.end && x.end > r.start).sort(compareReading),
        );
        // remove some, add them back moved: the index matches one built afresh
        const gone = [...new Set(removals)].filter((i) => i < spans.length).map((i) => spans[i]);
        const moved = gone.map((x) => ({ ...x, start: x.start + 1, end: x.end + 3 }));
        const edited = changeIndex(index, gone, moved);
        const rest = spans.filter((x) => !gone.includes(x)).concat(moved);
        expect(edited.sorted).toEqual(indexSpans(rest).sorted);
        expect(clusterAround(edited, r)).toEqual(scanCluster(rest, r));
      }),
      { numRuns: 2_000 },
    );
  });
});
