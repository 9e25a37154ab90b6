// Every pairwise measure of two annotators, as counts that add up over
// documents: span F1 (exact and overlap), Cohen's kappa over tokens
// (overall and per label) and alpha_u over code points. A document's
// figures and the corpus figures come from the same counts, so they can
// never disagree in how they are computed.
import { BinaryCohenCounts, CohenCounts } from './kappa';
import type { PreparedDocument, PreparedLayer } from './prepared-document';
import { alphaScores, f1Scores, labelScores, type Scores } from './scores';
import { addCounts, exactCounts, f1, overlapCounts, totalCounts, type LabelF1Counts } from './span-f1';
import { categoryOf } from './tokens';
import { documentUnits, UnitizingCounts } from './unitizing-corpus';

const NONE: readonly number[] = [];

export interface PairMeasures {
  readonly annotators: readonly [string, string];
  /** Documents both annotators have. */
  readonly documents: number;
  /** Spans of each annotator in those documents (duplicates dropped). */
  readonly spans: readonly [number, number];
  readonly tokens: number;
  readonly exactF1: Scores;
  readonly overlapF1: Scores;
  readonly cohenKappa: Scores;
  readonly alphaU: Scores;
}

/** Tokens' categories of two layers into the overall and per-label Cohen counts. */
function addTokens(
  a: PreparedLayer,
  b: PreparedLayer,
  tokens: number,
  cohen: CohenCounts,
  binary: Map<string, BinaryCohenCounts>,
): void {
  const label = (name: string) => {
    let c = binary.get(name);
    if (!c) binary.set(name, (c = new BinaryCohenCounts()));
    return c;
  };
  let outside = 0;
  for (let i = 0; i < tokens; i++) {
    const la = a.tokenLabels[i];
    const lb = b.tokenLabels[i];
    if (!la && !lb) {
      outside++;
      continue;
    }
    cohen.addItem(categoryOf(la), categoryOf(lb));
    for (const name of la ?? []) {
      if (lb?.includes(name)) label(name).both++;
      else label(name).onlyA++;
    }
    for (const name of lb ?? []) if (!la?.includes(name)) label(name).onlyB++;
  }
  // Tokens both left outside every span: one addition, not one per token.
  if (outside > 0) cohen.addItem('O', 'O', outside);
}

export class PairCounts {
  documents = 0;
  spansA = 0;
  spansB = 0;
  readonly exact: LabelF1Counts = new Map();
  readonly overlap: LabelF1Counts = new Map();
  readonly cohen = new CohenCounts();
  readonly binary = new Map<string, BinaryCohenCounts>();
  readonly alpha = new UnitizingCounts(2);

  constructor(
    readonly a: number,
    readonly b: number,
  ) {}

  /** Adds one document both annotators have; returns its own exact F1 (the per-document list sorts by it). */
  add(doc: PreparedDocument): number | null {
    const la = doc.layers[this.a];
    const lb = doc.layers[this.b];
    if (!la || !lb) return null;
    this.documents++;
    this.spansA += la.spans.length;
    this.spansB += lb.spans.length;
    const exact = exactCounts(la.spans, lb.spans);
    addCounts(this.exact, exact);
    addCounts(this.overlap, overlapCounts(la.spans, lb.spans));
    addTokens(la, lb, doc.tokens.starts.length, this.cohen, this.binary);
    const perLabel = new Map<string, Array<readonly number[]>>();
    for (const label of doc.labels) {
      const ua = la.units.get(label);
      const ub = lb.units.get(label);
      if (ua || ub) perLabel.set(label, [ua ?? NONE, ub ?? NONE]);
    }
    this.alpha.add(documentUnits(perLabel, doc.length));
    return f1(totalCounts(exact));
  }

  measures(names: readonly string[]): PairMeasures {
    const binary = new Map([...this.binary].map(([label, c]) => [label, c.kappa(this.cohen.items)]));
    return {
      annotators: [names[this.a], names[this.b]],
      documents: this.documents,
      spans: [this.spansA, this.spansB],
      tokens: this.cohen.items,
      exactF1: f1Scores(this.exact),
      overlapF1: f1Scores(this.overlap),
      cohenKappa: labelScores(this.cohen.kappa(), binary),
      alphaU: alphaScores(this.alpha.result()),
    };
  }
}

/** Every pair (i < j) of `count` annotators, in order. */
export function annotatorPairs(count: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < count; i++) for (let j = i + 1; j < count; j++) pairs.push([i, j]);
  return pairs;
}
