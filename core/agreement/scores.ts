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

/** Keys in code unit order (labels are few; the order makes output deterministic). */
const sortedKeys = (map: ReadonlyMap<string, unknown>): string[] => [...map.keys()].sort();

export function f1Scores(counts: LabelF1Counts): Scores {
  const byLabel: Record<string, number | null> = {};
  for (const label of sortedKeys(counts)) byLabel[label] = f1(counts.get(label)!);
  return { overall: f1(totalCounts(counts)), byLabel };
}

export function alphaScores(result: UnitizingResult): Scores {
  const byLabel: Record<string, number | null> = {};
  for (const label in result.byLabel) byLabel[label] = result.byLabel[label].alpha;
  return { overall: result.overall, byLabel };
}

export function labelScores(overall: number | null, labels: ReadonlyMap<string, number | null>): Scores {
  const byLabel: Record<string, number | null> = {};
  for (const label of sortedKeys(labels)) byLabel[label] = labels.get(label)!;
  return { overall, byLabel };
}
