// A document's spans in reading order, as one immutable value, for finding
// those near a place without looking at every span. An edit touches one
// overlap cluster; with 5,000 spans, scanning them all (several times an
// edit, to grow the cluster and find what to redraw) was a large share of
// the redraw. Here a lookup is a binary search plus the spans in reach:
// a span can only reach `offset` if it starts within the longest span's
// length before it, so `maxLength` bounds the scan back.
//
// An edit copies the array (5,000 pointers: microseconds) and keeps the old
// index intact, as ProseMirror's values are kept.
import { compareReading, type Interval } from './layers';

export interface SpanIndex<T extends Interval> {
  /** Every span, in reading order (compareReading). */
  readonly sorted: readonly T[];
  /** No span is longer than this (an upper bound: a removal does not lower it). */
  readonly maxLength: number;
}

export function indexSpans<T extends Interval>(spans: Iterable<T>): SpanIndex<T> {
  const sorted = [...spans].sort(compareReading);
  return { sorted, maxLength: sorted.reduce((max, s) => Math.max(max, s.end - s.start), 0) };
}

/** The first position whose span does not come before `span` in reading order. */
function positionOf<T extends Interval>(sorted: readonly T[], span: Interval): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareReading(sorted[mid], span) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first position whose span starts at or after `offset`. */
function firstStartingAt<T extends Interval>(sorted: readonly T[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The index less the spans `removed` (as they are stored: found by their start, end and id) and with `added`.
 * A span both removed and added (an update whose offsets stayed) is replaced.
 */
export function changeIndex<T extends Interval>(
  index: SpanIndex<T>,
  removed: readonly Interval[],
  added: readonly T[],
): SpanIndex<T> {
  if (removed.length === 0 && added.length === 0) return index;
  const sorted = [...index.sorted];
  for (const span of removed) {
    const at = positionOf(sorted, span);
    if (at < sorted.length && sorted[at].id === span.id) sorted.splice(at, 1);
  }
  let maxLength = index.maxLength;
  for (const span of added) {
    sorted.splice(positionOf(sorted, span), 0, span);
    maxLength = Math.max(maxLength, span.end - span.start);
  }
  return { sorted, maxLength };
}

/** The spans overlapping [start, end), in reading order. */
export function overlapping<T extends Interval>(index: SpanIndex<T>, range: { start: number; end: number }): T[] {
  const out: T[] = [];
  const { sorted } = index;
  for (let i = firstStartingAt(sorted, range.start - index.maxLength); i < sorted.length; i++) {
    const s = sorted[i];
    if (s.start >= range.end) break;
    if (s.end > range.start) out.push(s);
  }
  return out;
}

/**
 * The spans whose layers can change when `range` gains or loses a span: its overlap cluster (every span
 * linked to the range by a chain of overlaps), in reading order.
 */
export function clusterAround<T extends Interval>(index: SpanIndex<T>, range: { start: number; end: number }): T[] {
  let lo = range.start;
  let hi = range.end;
  for (;;) {
    const found = overlapping(index, { start: lo, end: hi });
    const nextLo = Math.min(lo, ...found.map((s) => s.start));
    const nextHi = Math.max(hi, ...found.map((s) => s.end));
    if (nextLo === lo && nextHi === hi) return found;
    lo = nextLo;
    hi = nextHi;
  }
}
