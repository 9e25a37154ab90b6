// `npm run bench`: builds the renderer if needed, runs each benchmark and
// prints one table (our figure, its baseline from the same run, the ratio,
// the goal); the same figures go to bench-results/*.json.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchAlignment } from './align-bench';
import { benchAnnotation } from './annotation-bench';
import { printTable, writeResults, type BenchResult } from './measure';

const root = path.resolve(import.meta.dirname, '..');
const full = process.argv.includes('--full');

function ensureRendererBuild(): void {
  if (existsSync(path.join(root, '.vite/renderer/main_window/index.html')) && !process.argv.includes('--rebuild')) return;
  execFileSync(path.join(root, 'node_modules/.bin/vite'), ['build', '--config', 'vite.renderer.config.mts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}

async function alignmentRows(): Promise<BenchResult[]> {
  const rows = await benchAlignment();
  return rows.map((r) => ({ name: r.name, ours: r.ms, unit: 'ms', goal: `< ${r.goal_ms} ms`, met: r.ms < r.goal_ms, detail: r.detail }));
}

async function main(): Promise<void> {
  ensureRendererBuild();
  const results: BenchResult[] = [];
  for (const [title, run] of [['annotation', benchAnnotation], ['alignment', alignmentRows]] as const) {
    console.error(`bench: ${title}…`);
    results.push(...(await run()));
  }
  console.log(`\nSeed Annotation Workbench benchmark (${full ? 'full' : 'default'} size) on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}\n`);
  printTable(results);
  console.log(`\nwritten to ${path.relative(root, writeResults(root, results, { full, node: process.version, cpus: os.cpus().length }))}`);
}

void main();
