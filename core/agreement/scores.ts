// The shape every measure is reported in: one overall figure and one per
// label, null where a figure is undefined (no spans to compare, or chance
// explains all agreement). JSON has no NaN, so null is what --json prints.
import type { LabelF1Counts } from './span-f1';
import { f1, totalCounts } from './span-f1';
import type { UnitizingResult } from './unitizing-alpha';

export interface Scores {
  readonly overall: number | null;
  readonly byLabel: Readonly<Record<string, number | null>>;
}

const sortedEntries = <T>(map: ReadonlyMap<string, T>): Array<[string, T]> => [...map].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

export function f1Scores(counts: LabelF1Counts): Scores {
  const byLabel: Record<string, number | null> = {};
  for (const [label, c] of sortedEntries(counts)) byLabel[label] = f1(c);
  return { overall: f1(totalCounts(counts)), byLabel };
}

export function alphaScores(result: UnitizingResult): Scores {
  const byLabel: Record<string, number | null> = {};
  for (const [label, part] of Object.entries(result.byLabel)) byLabel[label] = part.alpha;
  return { overall: result.overall, byLabel };
}

export function labelScores(overall: number | null, labels: ReadonlyMap<string, number | null>): Scores {
  return { overall, byLabel: Object.fromEntries(sortedEntries(labels)) };
}
