// Pairwise span F1, the measure NER papers report (Hripcsak & Rothschild
// 2005: with no true negatives, positive specific agreement = F1 of one
// annotator against the other, and it is symmetric):
//
//   F1 = 2·matched / (|A| + |B|)
//
// A and B are two annotators' layers (duplicate spans dropped). Two ways to
// count `matched`:
//   exact:   spans equal in start, end and label (|A ∩ B| as sets);
//   overlap: one-to-one pairs of same-label spans sharing at least one code
//            point. The pairs are a MAXIMUM matching of the bipartite
//            "overlaps, same label" graph (Kuhn's augmenting paths), so the
//            figure is the best one-to-one reading of the two layers, does
//            not depend on the order spans were made in, and is symmetric.
//            Greedy pairing by overlap size is not: with A1 overlapping B1
//            widely and B2 a little, and A2 overlapping only B1, greedy takes
//            A1-B1 and leaves A2 and B2 unpaired, while A1-B2 + A2-B1 pairs all.
//            Candidates are tried largest overlap first, so among maximum
//            matchings the one found favours the closest pairs.
import type { LabeledSpan } from './spans';
import { compareSpans } from './spans';

/** Counts behind one F1: spans of A, spans of B, and matched pairs. */
export interface F1Counts {
  a: number;
  b: number;
  matched: number;
}

export const emptyCounts = (): F1Counts => ({ a: 0, b: 0, matched: 0 });

/** F1 of the counts; null when neither layer has a span (nothing to agree on). */
export function f1(counts: F1Counts): number | null {
  const total = counts.a + counts.b;
  return total === 0 ? null : (2 * counts.matched) / total;
}

/** Per label: how many spans each layer has and how many are matched. */
export type LabelF1Counts = Map<string, F1Counts>;

function bump(counts: LabelF1Counts, label: string): F1Counts {
  let c = counts.get(label);
  if (!c) counts.set(label, (c = emptyCounts()));
  return c;
}

function countLayers(a: readonly LabeledSpan[], b: readonly LabeledSpan[]): LabelF1Counts {
  const counts: LabelF1Counts = new Map();
  for (const s of a) bump(counts, s.label).a++;
  for (const s of b) bump(counts, s.label).b++;
  return counts;
}

/** Exact matching: same start, end and label. Layers must be normalised (sorted, no duplicates): one merge walk. */
export function exactCounts(a: readonly LabeledSpan[], b: readonly LabeledSpan[]): LabelF1Counts {
  const counts = countLayers(a, b);
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    const order = compareSpans(a[i], b[j]);
    if (order === 0) counts.get(a[i].label)!.matched++;
    if (order <= 0) i++;
    if (order >= 0) j++;
  }
  return counts;
}

const overlapSize = (x: LabeledSpan, y: LabeledSpan) => Math.min(x.end, y.end) - Math.max(x.start, y.start);

/** For each span of `a`, the indices of `b`'s spans it overlaps, largest overlap first. */
function overlapGraph(a: readonly LabeledSpan[], b: readonly LabeledSpan[]): number[][] {
  return a.map((x) => {
    const hits: number[] = [];
    for (let j = 0; j < b.length && b[j].start < x.end; j++) if (b[j].end > x.start) hits.push(j);
    return hits.sort((i, j) => overlapSize(x, b[j]) - overlapSize(x, b[i]) || i - j);
  });
}

/**
 * One augmenting path from `root` (Kuhn), iterative so a document with
 * thousands of overlapping spans cannot overflow the call stack.
 */
function augment(root: number, adj: number[][], matchA: Int32Array, matchB: Int32Array, seen: Uint8Array): boolean {
  const stackA = [root];
  const stackI = [0];
  while (stackA.length > 0) {
    const top = stackA.length - 1;
    const a = stackA[top];
    const i = stackI[top];
    if (i >= adj[a].length) {
      stackA.pop();
      stackI.pop();
      continue;
    }
    stackI[top] = i + 1;
    const b = adj[a][i];
    if (seen[b]) continue;
    seen[b] = 1;
    if (matchB[b] < 0) {
      // Flip the path: each a on the stack takes the b it was trying.
      for (let k = 0; k < stackA.length; k++) {
        const ak = stackA[k];
        const bk = adj[ak][stackI[k] - 1];
        matchA[ak] = bk;
        matchB[bk] = ak;
      }
      return true;
    }
    stackA.push(matchB[b]);
    stackI.push(0);
  }
  return false;
}

/** Size of a maximum one-to-one matching of overlapping spans; both lists hold one label, sorted by start. */
export function maxOverlapMatching(a: readonly LabeledSpan[], b: readonly LabeledSpan[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const adj = overlapGraph(a, b);
  const matchA = new Int32Array(a.length).fill(-1);
  const matchB = new Int32Array(b.length).fill(-1);
  let matched = 0;
  // A first pass takes each span's best free candidate, so augmenting only runs where it must.
  for (let i = 0; i < a.length; i++) {
    const free = adj[i].find((j) => matchB[j] < 0);
    if (free !== undefined) {
      matchA[i] = free;
      matchB[free] = i;
      matched++;
    }
  }
  const seen = new Uint8Array(b.length);
  for (let i = 0; i < a.length; i++) {
    if (matchA[i] >= 0 || adj[i].length === 0) continue;
    seen.fill(0);
    if (augment(i, adj, matchA, matchB, seen)) matched++;
  }
  return matched;
}

function byLabel(spans: readonly LabeledSpan[]): Map<string, LabeledSpan[]> {
  const groups = new Map<string, LabeledSpan[]>();
  for (const s of spans) {
    const group = groups.get(s.label);
    if (group) group.push(s);
    else groups.set(s.label, [s]);
  }
  return groups;
}

/** Overlap matching per label. Layers must be normalised (sorted, no duplicates). */
export function overlapCounts(a: readonly LabeledSpan[], b: readonly LabeledSpan[]): LabelF1Counts {
  const counts = countLayers(a, b);
  const groupsB = byLabel(b);
  for (const [label, spansA] of byLabel(a)) {
    const spansB = groupsB.get(label);
    if (spansB) counts.get(label)!.matched = maxOverlapMatching(spansA, spansB);
  }
  return counts;
}

/** Adds `from` into `into`, label by label (corpus totals are sums of document counts). */
export function addCounts(into: LabelF1Counts, from: LabelF1Counts): void {
  for (const [label, c] of from) {
    const t = bump(into, label);
    t.a += c.a;
    t.b += c.b;
    t.matched += c.matched;
  }
}

/** Micro-averaged total over labels: the overall F1 counts every span once. */
export function totalCounts(counts: LabelF1Counts): F1Counts {
  const total = emptyCounts();
  for (const c of counts.values()) {
    total.a += c.a;
    total.b += c.b;
    total.matched += c.matched;
  }
  return total;
}
