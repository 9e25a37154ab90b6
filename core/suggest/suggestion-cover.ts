// Which stored suggestions are still open: not rejected, and not covered by a
// span of the same label (spans of one label never overlap, so a suggestion
// overlapping one is either what was accepted or a rival to it). Runs on
// every annotation change of the open document, so it is linear in the
// suggestions and logarithmic in the spans: spans are grouped by label and
// sorted by start, with the running maximum of their ends (spans of one
// label may still nest in old data: the maximum catches a long one).
import { lowerBound } from '../sorted-search';
import type { TaggedSpan } from './occurrences';

interface LabelIndex {
  starts: number[];
  maxEnds: number[];
}

function indexByLabel(spans: readonly TaggedSpan[]): Map<string, LabelIndex> {
  const groups = new Map<string, TaggedSpan[]>();
  for (const s of spans) {
    const list = groups.get(s.label);
    if (list) list.push(s);
    else groups.set(s.label, [s]);
  }
  const out = new Map<string, LabelIndex>();
  for (const [label, list] of groups) {
    list.sort((a, b) => a.start - b.start);
    let max = -1;
    out.set(label, {
      starts: list.map((s) => s.start),
      maxEnds: list.map((s) => (max = Math.max(max, s.end))),
    });
  }
  return out;
}

/** `suggestions` less those whose `start:end:label` is in `rejected` and those a same-label span overlaps. */
export function uncovered<T extends TaggedSpan>(
  suggestions: readonly T[],
  rejected: ReadonlySet<string>,
  spans: readonly TaggedSpan[],
): T[] {
  const index = indexByLabel(spans);
  return suggestions.filter((s) => {
    if (rejected.has(`${s.start}:${s.end}:${s.label}`)) return false;
    const own = index.get(s.label);
    if (!own) return true;
    const i = lowerBound(own.starts, s.end) - 1; // the last same-label span starting before s ends
    return i < 0 || own.maxEnds[i] <= s.start;
  });
}

/**
 * `shown` (what `uncovered` gave before an edit) after span changes within `ranges`: only a suggestion
 * overlapping a changed range can be covered or uncovered by it, so only those are looked at, against
 * the spans overlapping each (`spansOver`, an index lookup). The same array comes back when none of them
 * changed, so the view keeps its drawing. `all` and `rejected` are those `shown` was filtered from.
 */
export function uncoveredAfterEdit<T extends TaggedSpan>(
  shown: readonly T[],
  all: readonly T[],
  rejected: ReadonlySet<string>,
  spansOver: (range: { start: number; end: number }) => readonly TaggedSpan[],
  ranges: readonly { start: number; end: number }[],
): readonly T[] {
  const near = all.filter((s) => ranges.some((r) => s.start < r.end && s.end > r.start));
  if (near.length === 0) return shown;
  const open = (s: T) =>
    !rejected.has(`${s.start}:${s.end}:${s.label}`) && !spansOver(s).some((span) => span.label === s.label);
  const wasShown = new Set(shown);
  const flipped = new Set(near.filter((s) => open(s) !== wasShown.has(s)));
  if (flipped.size === 0) return shown;
  return all.filter((s) => wasShown.has(s) !== flipped.has(s));
}
