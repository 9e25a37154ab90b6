// Shared bits of the benchmark: statistics, the result table and the JSON record.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface BenchResult {
  name: string;
  ours: number;
  baseline?: number;
  unit: string;
  goal: string;
  met?: boolean;
  detail?: string;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const fmt = (n: number | undefined) => (n === undefined ? '—' : n >= 100 ? n.toFixed(0) : n.toFixed(2));

export function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => [
    r.name,
    `${fmt(r.ours)} ${r.unit}`,
    r.baseline === undefined ? '—' : `${fmt(r.baseline)} ${r.unit}`,
    r.baseline ? (r.ours / r.baseline).toFixed(2) : '—',
    r.goal,
    r.met === undefined ? '—' : r.met ? 'met' : 'NOT met',
    r.detail ?? '',
  ]);
  const head = ['step', 'ours', 'baseline', 'ratio', 'goal', 'goal met', 'detail'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

/** The file a run's figures go to: bench-results/ keeps every run, named by its start time. */
export function resultsFile(root: string): string {
  const dir = path.join(root, 'bench-results');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
}

/**
 * Writes the figures so far (rewritten after each group, `complete: false` until
 * the last), so a long run that is stopped or fails part-way keeps what it measured.
 */
export function writeResults(
  file: string,
  results: BenchResult[],
  meta: Record<string, unknown> & { complete: boolean },
): void {
  writeFileSync(file, `${JSON.stringify({ ...meta, results }, null, 2)}\n`);
}
