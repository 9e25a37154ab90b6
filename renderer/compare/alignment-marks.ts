// From an alignment of two texts to the passage marks each pane draws, and
// back from a passage in one pane to its counterpart in the other.
import type { AlignedPair, Alignment, TextRange } from '../../core/align';
import type { PassageMark } from '../editor/passages-plugin';

export type Side = 'a' | 'b';

export const other = (side: Side): Side => (side === 'a' ? 'b' : 'a');

export function marksFor(alignment: Alignment, side: Side): PassageMark[] {
  const shared = alignment.pairs.map((p) => ({ ...p[side], pairId: p.id }));
  const unique = (side === 'a' ? alignment.onlyA : alignment.onlyB).map((r) => ({ start: r.start, end: r.end }));
  return [...shared, ...unique].sort((x, y) => x.start - y.start);
}

export function pairById(alignment: Alignment, id: number): AlignedPair | undefined {
  return alignment.pairs.find((p) => p.id === id);
}

/** The aligned pair whose passage on `side` holds `offset`, if any. */
export function pairAt(alignment: Alignment, side: Side, offset: number): AlignedPair | undefined {
  return alignment.pairs.find((p) => p[side].start <= offset && offset < p[side].end);
}

/** The first aligned pair at or after `offset` on `side` (for scrolling in step). */
export function pairFrom(alignment: Alignment, side: Side, offset: number): AlignedPair | undefined {
  return alignment.pairs.find((p) => p[side].end > offset);
}

export function inside(range: TextRange, span: TextRange): boolean {
  return span.start >= range.start && span.end <= range.end;
}
