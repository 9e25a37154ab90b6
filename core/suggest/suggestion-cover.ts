// Which stored suggestions are still open: not rejected, and not covered by a
// span of the same label (spans of one label never overlap, so a suggestion
// overlapping one is either what was accepted or a rival to it). Runs on
// every annotation change of the open document, so it is linear in the
// suggestions and logarithmic in the spans: spans are grouped by label and
// sorted by start, with the running maximum of their ends (spans of one
// label may still nest in old data: the maximum catches a long one).
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

/** Index of the last start below `limit`, or -1. */
function lastBelow(starts: readonly number[], limit: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
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
    const i = lastBelow(own.starts, s.end);
    return i < 0 || own.maxEnds[i] <= s.start;
  });
}
