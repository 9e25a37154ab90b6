// `npm run bench -- --compare`: this run beside the last saved one. Pure: reads
// two result sets and says, row by row, how our figure and its ratio to the
// same run's baseline moved. Ratios are what carry across machines and load;
// the raw figures are shown for context.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchResult } from './measure';

export interface SavedRun {
  file: string;
  results: BenchResult[];
}

export interface RowChange {
  name: string;
  unit: string;
  before?: number;
  after?: number;
  /** after / before of our figure; undefined when either run lacks the row. */
  change?: number;
  ratioBefore?: number;
  ratioAfter?: number;
}

const ratio = (r: BenchResult | undefined) => (r?.baseline ? r.ours / r.baseline : undefined);

/** Every row of either run, in this run's order, then rows only the earlier run had. */
export function compareRuns(before: BenchResult[], after: BenchResult[]): RowChange[] {
  const earlier = new Map(before.map((r) => [r.name, r]));
  const names = [
    ...after.map((r) => r.name),
    ...before.map((r) => r.name).filter((n) => !after.some((r) => r.name === n)),
  ];
  const later = new Map(after.map((r) => [r.name, r]));
  return names.map((name) => {
    const a = earlier.get(name);
    const b = later.get(name);
    return {
      name,
      unit: (b ?? a)!.unit,
      before: a?.ours,
      after: b?.ours,
      change: a && b && a.ours > 0 ? b.ours / a.ours : undefined,
      ratioBefore: ratio(a),
      ratioAfter: ratio(b),
    };
  });
}

/** The newest saved run in `dir` other than `exclude` (file names sort by time). */
export function lastSavedRun(dir: string, exclude?: string): SavedRun | undefined {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /^bench-.*\.json$/.test(f));
  } catch {
    return undefined;
  }
  const file = files
    .sort()
    .reverse()
    .find((f) => path.join(dir, f) !== exclude);
  if (!file) return undefined;
  const parsed = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { results?: BenchResult[] };
  return { file, results: Array.isArray(parsed.results) ? parsed.results : [] };
}

const num = (n: number | undefined, digits = 2) =>
  n === undefined ? '—' : n >= 100 ? n.toFixed(0) : n.toFixed(digits);

/** The comparison as text lines: a table of before, after, change and the ratios to baseline. */
export function formatComparison(changes: RowChange[], against: string): string[] {
  const rows = changes.map((c) => [
    c.name,
    c.before === undefined ? '—' : `${num(c.before)} ${c.unit}`,
    c.after === undefined ? '—' : `${num(c.after)} ${c.unit}`,
    c.change === undefined ? '—' : `×${c.change.toFixed(2)}`,
    num(c.ratioBefore),
    num(c.ratioAfter),
  ]);
  const head = ['step', 'last run', 'this run', 'change', 'ratio before', 'ratio now'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [`against ${against}:`, line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}
