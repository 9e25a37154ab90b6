// Finding spans in reading order: the next or previous one, those under a point.
import type { Span } from '../model';
import { compareReading } from './layers';

export function inReadingOrder(spans: readonly Span[]): Span[] {
  return [...spans].sort(compareReading);
}

/** The span after (step 1) or before (step -1) `currentId`, wrapping around. */
export function stepSpan(spans: readonly Span[], currentId: string | undefined, step: 1 | -1): Span | undefined {
  const ordered = inReadingOrder(spans);
  if (ordered.length === 0) return undefined;
  const index = ordered.findIndex((s) => s.id === currentId);
  if (index === -1) return step === 1 ? ordered[0] : ordered[ordered.length - 1];
  return ordered[(index + step + ordered.length) % ordered.length];
}

/** Spans covering `offset`, shortest first (the innermost is what a click means first). */
export function spansAt(spans: readonly Span[], offset: number): Span[] {
  return spans
    .filter((s) => s.start <= offset && offset < s.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
}

/** What a click at `offset` selects: the innermost span, or the next one out when that is already selected. */
export function cycleAt(spans: readonly Span[], offset: number, selectedId: string | undefined): Span | undefined {
  const under = spansAt(spans, offset);
  const index = under.findIndex((s) => s.id === selectedId);
  return index === -1 ? under[0] : under[(index + 1) % under.length];
}

export function countByLabel(spans: readonly Span[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of spans) counts.set(s.label, (counts.get(s.label) ?? 0) + 1);
  return counts;
}
