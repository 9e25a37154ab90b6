// A suggestion is a candidate span: offsets (UTF-16, as the app stores them)
// plus the label, the suggester that proposed it and how sure it is (0..1).
// Suggesters are pure functions from text to candidates; this module holds
// the small operations every one of them needs.
import type { Suggestion } from '../model';
import { lowerBound } from '../sorted-search';

/** A suggested span. Offsets are UTF-16 units inside the app; files convert at the boundary. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly label: string;
  /** Which suggester proposed it: "patterns", "countries", "money", "actors", "commitments", "occurrences", "model". */
  readonly source: string;
  /** Confidence in 0..1. */
  readonly score: number;
}

export function candidate(start: number, end: number, label: string, source: string, score: number): Candidate {
  return Object.freeze({ start, end, label, source, score });
}

/** Document order: by start, then longer first, then label. */
export function byPosition(a: Candidate, b: Candidate): number {
  return a.start - b.start || b.end - a.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

/**
 * Keeps, for each label, the longest candidates that do not overlap (spaCy's
 * filter_spans, applied per label because spans of different labels may nest
 * by the guidelines). Ties go to the higher score, then the earlier start.
 */
export function longestPerLabel(candidates: readonly Candidate[]): Candidate[] {
  const ranked = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || b.score - a.score || a.start - b.start,
  );
  // Per label, the kept spans sorted by start; they never overlap, so their ends are sorted too and one
  // binary search tells whether a candidate overlaps any (a 200 KB text has thousands of candidates).
  const taken = new Map<string, { starts: number[]; ends: number[] }>();
  const kept: Candidate[] = [];
  for (const c of ranked) {
    let same = taken.get(c.label);
    if (!same) taken.set(c.label, (same = { starts: [], ends: [] }));
    const before = lowerBound(same.starts, c.end) - 1; // the last kept span starting before c ends
    if (before >= 0 && same.ends[before] > c.start) continue;
    same.starts.splice(before + 1, 0, c.start);
    same.ends.splice(before + 1, 0, c.end);
    kept.push(c);
  }
  return kept.sort(byPosition);
}

/** Drops candidates whose offsets and label repeat an earlier one (the first wins). */
export function uniqueCandidates(candidates: readonly Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => {
    const key = `${c.start}:${c.end}:${c.label}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A document's candidates as stored suggestion rows. Offsets and label make the id: the same suggestion keeps its id across runs (and stays current). */
export function suggestionRows(
  docId: string,
  candidates: readonly Candidate[],
  text: string,
  now: number,
): Suggestion[] {
  return candidates.map((c) => ({
    id: `${docId}:${c.start}:${c.end}:${c.label}`,
    docId,
    start: c.start,
    end: c.end,
    label: c.label,
    text: text.slice(c.start, c.end),
    source: c.source,
    score: c.score,
    createdAt: now,
  }));
}

/** Those of `rows` whose label the project has: a suggestion of a deleted label is never offered. */
export function ofKnownLabels<T extends { label: string }>(
  rows: readonly T[],
  labels: ReadonlyArray<{ readonly name: string }>,
): T[] {
  const known = new Set(labels.map((l) => l.name));
  return rows.filter((row) => known.has(row.label));
}
