// Precision, recall and F1 of predicted spans against gold spans, per label
// and overall. Actor, country and money (and any label not named in
// `overlapLabels`) count as found only on an exact match of start, end and
// label; commitment boundaries are fuzzy, so a commitment counts as found
// when a predicted commitment shares at least one code point with it, each
// span used in at most one pair (a maximum one-to-one matching). Documents
// are paired by their text; a gold document with no prediction counts all
// its spans as missed, a predicted document not in the gold is ignored.

export interface ScoredSpan {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

export interface EvaluationDoc {
  readonly text: string;
  readonly spans: readonly ScoredSpan[];
}

export interface Counts {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

export interface Score extends Counts {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface Evaluation {
  readonly labels: Readonly<Record<string, Score>>;
  readonly overall: Score;
  /** Gold documents that had no predicted document with the same text. */
  readonly unmatchedGold: number;
}

export const DEFAULT_OVERLAP_LABELS: readonly string[] = ['commitment'];

export function score({ tp, fp, fn }: Counts): Score {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

const overlaps = (a: ScoredSpan, b: ScoredSpan): boolean => a.start < b.end && b.start < a.end;

/** Size of a maximum one-to-one matching of overlapping spans (augmenting paths; spans per document are few). */
export function overlapPairs(predicted: readonly ScoredSpan[], gold: readonly ScoredSpan[]): number {
  const goldOf = new Array<number>(gold.length).fill(-1);
  const tryAssign = (p: number, seen: boolean[]): boolean => {
    for (let g = 0; g < gold.length; g++) {
      if (seen[g] || !overlaps(predicted[p], gold[g])) continue;
      seen[g] = true;
      if (goldOf[g] < 0 || tryAssign(goldOf[g], seen)) {
        goldOf[g] = p;
        return true;
      }
    }
    return false;
  };
  let pairs = 0;
  for (let p = 0; p < predicted.length; p++) if (tryAssign(p, new Array<boolean>(gold.length).fill(false))) pairs++;
  return pairs;
}

function exactPairs(predicted: readonly ScoredSpan[], gold: readonly ScoredSpan[]): number {
  const wanted = new Map<string, number>();
  for (const g of gold) wanted.set(`${g.start}:${g.end}`, (wanted.get(`${g.start}:${g.end}`) ?? 0) + 1);
  let pairs = 0;
  for (const p of predicted) {
    const key = `${p.start}:${p.end}`;
    const left = wanted.get(key) ?? 0;
    if (left > 0) {
      pairs++;
      wanted.set(key, left - 1);
    }
  }
  return pairs;
}

function add(
  into: Map<string, { tp: number; fp: number; fn: number }>,
  label: string,
  tp: number,
  fp: number,
  fn: number,
): void {
  const c = into.get(label) ?? { tp: 0, fp: 0, fn: 0 };
  into.set(label, { tp: c.tp + tp, fp: c.fp + fp, fn: c.fn + fn });
}

/** Scores `predicted` documents against `gold` documents. */
export function evaluate(
  predicted: readonly EvaluationDoc[],
  gold: readonly EvaluationDoc[],
  overlapLabels: readonly string[] = DEFAULT_OVERLAP_LABELS,
): Evaluation {
  const byText = new Map<string, EvaluationDoc[]>();
  for (const doc of predicted) byText.set(doc.text, [...(byText.get(doc.text) ?? []), doc]);
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  let unmatchedGold = 0;
  for (const g of gold) {
    const queue = byText.get(g.text);
    const p = queue?.shift();
    if (!p) unmatchedGold++;
    const labels = new Set([...g.spans.map((s) => s.label), ...(p?.spans ?? []).map((s) => s.label)]);
    for (const label of labels) {
      const gs = g.spans.filter((s) => s.label === label);
      const ps = (p?.spans ?? []).filter((s) => s.label === label);
      const tp = overlapLabels.includes(label) ? overlapPairs(ps, gs) : exactPairs(ps, gs);
      add(counts, label, tp, ps.length - tp, gs.length - tp);
    }
  }
  const labels: Record<string, Score> = {};
  let total = { tp: 0, fp: 0, fn: 0 };
  for (const [label, c] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    labels[label] = score(c);
    total = { tp: total.tp + c.tp, fp: total.fp + c.fp, fn: total.fn + c.fn };
  }
  return { labels, overall: score(total), unmatchedGold };
}
