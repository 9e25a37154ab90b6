// From an alignment of two texts to the passage marks each pane draws, and
// back from a passage in one pane to its counterpart in the other.
import { tokenize, type AlignedPair, type Alignment, type TextRange } from '../../core/align';
import { lcsMatches } from '../../core/align/lcs';
import type { PassageMark } from '../editor/passages-plugin';

export type Side = 'a' | 'b';

export const other = (side: Side): Side => (side === 'a' ? 'b' : 'a');

/**
 * The passages of `side`: shared ones with their pair id, and text only this
 * version has. Given both texts, the words of a reworded pair that have no
 * counterpart are marked too (`changed`), so "only in this version" is true
 * word by word, not only sentence by sentence.
 */
export function marksFor(alignment: Alignment, side: Side, texts?: { a: string; b: string }): PassageMark[] {
  const shared = alignment.pairs.map((p) => ({ ...p[side], pairId: p.id }));
  const unique = (side === 'a' ? alignment.onlyA : alignment.onlyB).map((r) => ({ start: r.start, end: r.end }));
  const changed = texts
    ? alignment.pairs.flatMap((p) => unmatchedWords(texts, p, side)).map((r) => ({ ...r, changed: true }))
    : [];
  return [...shared, ...unique, ...changed].sort((x, y) => x.start - y.start);
}

/** Runs of words in a reworded pair's passage on `side` with no counterpart on the other side (word-level LCS). */
export function unmatchedWords(texts: { a: string; b: string }, pair: AlignedPair, side: Side): TextRange[] {
  if (pair.kind === 'same') return [];
  const a = tokenize(texts.a, pair.a);
  const b = tokenize(texts.b, pair.b);
  const matched = new Set(
    lcsMatches(
      a.map((t) => t.key),
      b.map((t) => t.key),
    ).map(([i, j]) => (side === 'a' ? i : j)),
  );
  const runs: TextRange[] = [];
  let run: { start: number; end: number } | undefined;
  (side === 'a' ? a : b).forEach((token, i) => {
    if (matched.has(i)) run = undefined;
    else if (run)
      run.end = token.end; // neighbouring unmatched words join, with the space between them
    else runs.push((run = { start: token.start, end: token.end }));
  });
  return runs;
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
