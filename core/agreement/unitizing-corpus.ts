// alpha_u of a corpus: the documents laid end to end as one continuum, so
// the corpus figure is exactly what unitizing-alpha.ts gives for the study
// of the concatenated texts (tests/core/agreement/unitizing-corpus.test.ts
// checks that), computed one document at a time without building it.
//
// Why that is possible: observed disagreement is a sum over overlapping
// segment pairs, and no pair with δ² ≠ 0 crosses a document boundary (a
// unit lies inside its document, and it lies inside a gap that runs across
// a boundary exactly when it lies inside that gap's part in its document).
// Expected disagreement needs every unit length and every gap length; a
// coder's gap that runs across documents is one gap, so each (label, coder)
// carries the length of its open gap from one document into the next.
import {
  combineLabels,
  expectedDisagreement,
  gapLengths,
  observedPairSum,
  type UnitizingResult,
} from './unitizing-alpha';

/** One document's units of each label, per coder (merged, flat [start, end, ...], document offsets), with their observed sums. */
export interface DocumentUnits {
  readonly length: number;
  readonly labels: ReadonlyMap<
    string,
    { readonly observedSum: number; readonly units: readonly (readonly number[])[] }
  >;
}

/** Each label's coders' units -> DocumentUnits, computing Σ δ² over all coder pairs once. */
export function documentUnits(
  perLabel: ReadonlyMap<string, readonly (readonly number[])[]>,
  length: number,
): DocumentUnits {
  const labels = new Map<string, { observedSum: number; units: readonly (readonly number[])[] }>();
  for (const [label, units] of perLabel) {
    let observedSum = 0;
    for (let r = 0; r < units.length; r++)
      for (let q = r + 1; q < units.length; q++) observedSum += observedPairSum(units[r], units[q], length);
    labels.set(label, { observedSum, units });
  }
  return { length, labels };
}

interface LabelTotals {
  observedSum: number;
  lengths: number[];
  gaps: number[];
  /** Per coder: length of the gap still open at the end of the documents added so far. */
  open: number[];
}

/** D_o and D_e per label of one document on its own (no gap carried in or out). */
function documentParts(doc: DocumentUnits, raters: number): Map<string, { observed: number; expected: number }> {
  const parts = new Map<string, { observed: number; expected: number }>();
  const { length } = doc;
  if (length === 0 || raters < 2) return parts;
  for (const [label, { observedSum, units }] of doc.labels) {
    const lengths: number[] = [];
    const gaps: number[] = [];
    for (const flat of units) {
      for (let i = 0; i < flat.length; i += 2) lengths.push(flat[i + 1] - flat[i]);
      gapLengths(flat, length, gaps);
    }
    if (lengths.length === 0) continue;
    parts.set(label, {
      observed: (2 * observedSum) / (raters * (raters - 1) * length * length),
      expected: expectedDisagreement(lengths, gaps, raters, length),
    });
  }
  return parts;
}

/** Sums for alpha_u over any number of documents for a fixed set of R coders. */
export class UnitizingCounts {
  length = 0;
  private readonly labels = new Map<string, LabelTotals>();
  /**
   * The only document so far, kept as it is: most counts (one per document
   * row) never get a second, and for one document the totals are not needed.
   */
  private single?: DocumentUnits;

  constructor(readonly raters: number) {}

  add(doc: DocumentUnits): void {
    if (this.length === 0 && this.labels.size === 0 && !this.single) {
      this.single = doc;
      this.length = doc.length;
      return;
    }
    if (this.single) {
      const first = this.single;
      this.single = undefined;
      this.length = 0;
      this.addTotals(first);
    }
    this.addTotals(doc);
  }

  private totals(label: string): LabelTotals {
    let t = this.labels.get(label);
    if (!t) {
      // A label first seen now has been one open gap for every coder since the start.
      t = { observedSum: 0, lengths: [], gaps: [], open: new Array<number>(this.raters).fill(this.length) };
      this.labels.set(label, t);
    }
    return t;
  }

  private addTotals(doc: DocumentUnits): void {
    for (const [label, { observedSum, units }] of doc.labels) {
      const t = this.totals(label);
      t.observedSum += observedSum;
      units.forEach((flat, r) => this.addCoder(t, r, flat, doc.length));
    }
    for (const [label, t] of this.labels) {
      if (!doc.labels.has(label)) for (let r = 0; r < this.raters; r++) t.open[r] += doc.length;
    }
    this.length += doc.length;
  }

  private addCoder(t: LabelTotals, r: number, flat: readonly number[], length: number): void {
    let pos = 0;
    for (let i = 0; i < flat.length; i += 2) {
      const gap = flat[i] - pos + (i === 0 ? t.open[r] : 0);
      if (gap > 0) t.gaps.push(gap);
      if (i === 0) t.open[r] = 0;
      t.lengths.push(flat[i + 1] - flat[i]);
      pos = flat[i + 1];
    }
    t.open[r] += length - pos;
  }

  result(): UnitizingResult {
    if (this.single) return combineLabels(documentParts(this.single, this.raters));
    const parts = new Map<string, { observed: number; expected: number }>();
    const { raters, length } = this;
    if (length > 0 && raters >= 2) {
      for (const [label, t] of this.labels) {
        if (t.lengths.length === 0) continue;
        const gaps = t.gaps.concat(t.open.filter((open) => open > 0));
        parts.set(label, {
          observed: (2 * t.observedSum) / (raters * (raters - 1) * length * length),
          expected: expectedDisagreement(t.lengths, gaps, raters, length),
        });
      }
    }
    return combineLabels(parts);
  }
}
