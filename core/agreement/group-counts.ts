// The measures of three or more annotators at once, over the documents all
// of them have: Fleiss' kappa over tokens (overall, and per label as yes/no)
// and alpha_u with R coders over code points.
import { binaryFleissKappa, FleissCounts } from './kappa';
import type { PreparedDocument, PreparedLayer } from './prepared-document';
import { alphaScores, labelScores, type Scores } from './scores';
import { categoryOf, OUTSIDE } from './tokens';
import { documentUnits, UnitizingCounts } from './unitizing-corpus';

const NONE: readonly number[] = [];

export interface GroupMeasures {
  readonly annotators: readonly string[];
  /** Documents every annotator has. */
  readonly documents: number;
  readonly tokens: number;
  readonly fleissKappa: Scores;
  readonly alphaU: Scores;
}

export class GroupCounts {
  documents = 0;
  readonly fleiss: FleissCounts;
  /** Per label, over tokens: Σ coders giving it, Σ of that squared. */
  readonly yes = new Map<string, { s1: number; s2: number }>();
  readonly alpha: UnitizingCounts;

  constructor(readonly raters: number) {
    this.fleiss = new FleissCounts(raters);
    this.alpha = new UnitizingCounts(raters);
  }

  add(doc: PreparedDocument): void {
    if (doc.layers.length !== this.raters || doc.layers.some((l) => !l)) return;
    const layers = doc.layers as readonly PreparedLayer[];
    this.documents++;
    const tokens = doc.tokens.starts.length;
    const codes = new Array<string>(this.raters);
    let outside = 0;
    for (let i = 0; i < tokens; i++) {
      if (layers.every((l) => !l.tokenLabels[i])) {
        outside++;
        continue;
      }
      const counts = new Map<string, number>();
      layers.forEach((l, r) => {
        codes[r] = categoryOf(l.tokenLabels[i]);
        for (const name of l.tokenLabels[i] ?? []) counts.set(name, (counts.get(name) ?? 0) + 1);
      });
      this.fleiss.addItem(codes);
      for (const [name, n] of counts) this.addYes(name, n);
    }
    // Tokens no one labelled: all R coders agree on O.
    if (outside > 0) {
      this.fleiss.items += outside;
      this.fleiss.addCategory(OUTSIDE, outside * this.raters, outside * this.raters * this.raters);
    }
    const perLabel = new Map<string, Array<readonly number[]>>();
    for (const label of doc.labels)
      perLabel.set(
        label,
        layers.map((l) => l.units.get(label) ?? NONE),
      );
    this.alpha.add(documentUnits(perLabel, doc.length));
  }

  private addYes(label: string, n: number): void {
    let s = this.yes.get(label);
    if (!s) this.yes.set(label, (s = { s1: 0, s2: 0 }));
    s.s1 += n;
    s.s2 += n * n;
  }

  measures(names: readonly string[]): GroupMeasures {
    const items = this.fleiss.items;
    const perLabel = new Map([...this.yes].map(([label, yes]) => [label, binaryFleissKappa(items, this.raters, yes)]));
    return {
      annotators: [...names],
      documents: this.documents,
      tokens: items,
      fleissKappa: labelScores(this.fleiss.kappa(), perLabel),
      alphaU: alphaScores(this.alpha.result()),
    };
  }
}
