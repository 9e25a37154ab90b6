// The bench's --compare: rows matched by name across two runs, changes and ratios right.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareRuns, formatComparison, lastSavedRun } from '../../bench/compare';
import type { BenchResult } from '../../bench/measure';

const row = (name: string, ours: number, baseline?: number): BenchResult => ({
  name,
  ours,
  baseline,
  unit: 'ms',
  goal: '',
});

describe('bench --compare', () => {
  it('pairs rows by name and gives the change of our figure and both ratios to baseline', () => {
    const changes = compareRuns([row('open', 300, 30), row('gone', 5)], [row('open', 150, 25), row('new', 7, 7)]);
    expect(changes.map((c) => c.name)).toEqual(['open', 'new', 'gone']);
    expect(changes[0]).toMatchObject({ before: 300, after: 150, change: 0.5, ratioBefore: 10, ratioAfter: 6 });
    expect(changes[1]).toMatchObject({ before: undefined, after: 7, change: undefined, ratioAfter: 1 });
    expect(changes[2]).toMatchObject({ before: 5, after: undefined, change: undefined });
    const text = formatComparison(changes, 'bench-x.json').join('\n');
    expect(text).toContain('×0.50');
    expect(text).toMatch(/open\s+300 ms\s+150 ms/);
  });

  it('finds the newest saved run, leaving out the one just written', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-results-'));
    expect(lastSavedRun(dir)).toBeUndefined();
    const write = (name: string, results: BenchResult[]) =>
      writeFileSync(path.join(dir, name), JSON.stringify({ results }));
    write('bench-2026-01-01T00-00-00-000Z.json', [row('a', 1)]);
    write('bench-2026-02-01T00-00-00-000Z.json', [row('a', 2)]);
    write('notes.json', [row('a', 3)]);
    expect(lastSavedRun(dir)?.results[0].ours).toBe(2);
    expect(lastSavedRun(dir, path.join(dir, 'bench-2026-02-01T00-00-00-000Z.json'))?.results[0].ours).toBe(1);
  });
});
