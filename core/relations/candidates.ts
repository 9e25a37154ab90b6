// Which spans a relation from `head` may go to, nearest first: what Tab
// cycles through while a relation is being made. Only spans some relation
// label accepts as a child of this head are offered, so Tab never stops on a
// span the relation would be refused for.
import type { RelationLabel, Span } from '../model';
import { labelsFor } from './labels';

/** Characters between two spans (0 when they touch or overlap). */
export function gapBetween(a: Pick<Span, 'start' | 'end'>, b: Pick<Span, 'start' | 'end'>): number {
  return Math.max(0, a.start - b.end, b.start - a.end);
}

export function childCandidates(spans: Iterable<Span>, head: Span, labels: readonly RelationLabel[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) if (s.id !== head.id && labelsFor(labels, head, s).length > 0) out.push(s);
  // Nearest first; at equal distance, the one after the head before the one before it, then reading order.
  return out.sort(
    (a, b) =>
      gapBetween(head, a) - gapBetween(head, b) ||
      Number(a.start < head.start) - Number(b.start < head.start) ||
      a.start - b.start ||
      a.end - b.end,
  );
}

/** The candidate after (1) or before (-1) `currentId`, wrapping; the nearest when there is none yet. */
export function stepCandidate(
  candidates: readonly Span[],
  currentId: string | undefined,
  step: 1 | -1,
): Span | undefined {
  if (candidates.length === 0) return undefined;
  const at = candidates.findIndex((s) => s.id === currentId);
  if (at === -1) return candidates[0];
  return candidates[(at + step + candidates.length) % candidates.length];
}
