// The map between text offsets and ProseMirror positions.
//
// The viewer shows each source line ('\n'-separated) as its own block, because
// one huge text block redraws slowly on every change. A block adds an opening
// and a closing token while the '\n' it replaces counts one offset, so
// pos = offset + line + 1, where `line` is the line holding the offset.
// A line's '\n' maps to the end of that line's block. '\r' stays in the line
// text, so CRLF files keep their offsets.

export interface LineIndex {
  /** Offset at which each line starts; starts[0] === 0. */
  readonly starts: readonly number[];
  /** Length of the whole text in UTF-16 units. */
  readonly length: number;
}

export function indexLines(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return { starts, length: text.length };
}

export function splitLines(text: string): string[] {
  return text.split('\n');
}

/** Index of the last element of `sorted` that is <= value (0 when none). */
function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function lineOfOffset(index: LineIndex, offset: number): number {
  return lastAtOrBefore(index.starts, offset);
}

export function offsetToPos(index: LineIndex, offset: number): number {
  const clamped = Math.max(0, Math.min(offset, index.length));
  return clamped + lineOfOffset(index, clamped) + 1;
}

/** Position where line `line`'s text begins. */
export function lineContentStart(index: LineIndex, line: number): number {
  return index.starts[line] + line + 1;
}

/**
 * Offset of a document position. Positions between two blocks (or before the
 * first) snap to the start of the following line; past the end, to the end.
 */
export function posToOffset(index: LineIndex, pos: number): number {
  const lines = index.starts.length;
  let lo = 0;
  let hi = lines - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineContentStart(index, mid) <= pos) lo = mid;
    else hi = mid - 1;
  }
  const lineEnd = lo + 1 < lines ? index.starts[lo + 1] - 1 : index.length;
  const offset = Math.max(index.starts[lo], pos - lo - 1);
  return offset > lineEnd ? (lo + 1 < lines ? index.starts[lo + 1] : index.length) : offset;
}

/** Size of the ProseMirror document built from `text`: the mapping above written as one sum (its test checks the formula). */
export function docSize(index: LineIndex): number {
  return index.length + index.starts.length * 2 - (index.starts.length - 1);
}
