// `npm run bench`: builds the renderer if needed, runs each benchmark and
// prints one table (our figure, its baseline from the same run, the ratio,
// the goal); the same figures go to bench-results/*.json.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchAgree } from './agree-bench';
import { benchAlignment } from './align-bench';
import { benchAnnotation } from './annotation-bench';
import { compareRuns, formatComparison, lastSavedRun } from './compare';
import { benchExport } from './export-bench';
import { benchImport } from './import-bench';
import { benchList } from './list-bench';
import { printTable, resultsFile, writeResults, type BenchResult } from './measure';
import { benchRelations } from './relations-bench';
import { similarRows } from './similar-app-bench';
import { benchSuggestInApp } from './suggest-app-bench';
import { benchSuggest } from './suggest-bench';
import { benchSync } from './sync-bench';

const root = path.resolve(import.meta.dirname, '..');
const full = process.argv.includes('--full');
/** The scale rows' corpus: --full is the issue's 100,000 documents of ~2 KB; the default fits a 2-core box in minutes. */
const SCALE = { count: full ? 100_000 : 3_000, bytes: 2_000 };

/** Builds the renderer first (about a second), so the figures are never those of a stale build. */
function ensureRendererBuild(): void {
  if (existsSync(path.join(root, '.vite/renderer/main_window/index.html')) && process.argv.includes('--no-build'))
    return;
  execFileSync(
    path.join(root, 'node_modules/.bin/vite'),
    ['build', '--config', 'vite.renderer.config.mts', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
}

async function alignmentRows(): Promise<BenchResult[]> {
  const rows = await benchAlignment();
  return rows.map((r) => ({
    name: r.name,
    ours: r.ms,
    unit: 'ms',
    goal: `< ${r.goal_ms} ms`,
    met: r.ms < r.goal_ms,
    detail: r.detail,
  }));
}

/**
 * Import, then list, search and similar documents in the same app (the import's indexing has written every
 * signature; a second corpus stored for the similar rows alone made a --full run about 5 minutes longer),
 * then export in Node.
 */
async function scaleRows(): Promise<BenchResult[]> {
  // The like-with-like baseline (every row ours writes, put raw) is 5 minutes at --full: kept for the default size.
  const likeWithLike = !full || process.argv.includes('--like-with-like');
  const { rows, imported } = await benchImport(SCALE.count, SCALE.bytes, { likeWithLike });
  try {
    rows.push(...(await benchList(imported)));
    rows.push(...(await similarRows(imported.session.page, SCALE.count)));
  } finally {
    await imported.session.context.close();
  }
  rows.push(...(await benchExport(SCALE.count, SCALE.bytes)));
  return rows;
}

async function main(): Promise<void> {
  ensureRendererBuild();
  const results: BenchResult[] = [];
  const file = resultsFile(root);
  const meta = { full, node: process.version, cpus: os.cpus().length };
  // --only=scale (or annotation, relations, alignment, agreement, suggest, suggest-app, sync) runs one group.
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  for (const [title, run] of [
    ['annotation', benchAnnotation],
    ['relations', benchRelations],
    ['alignment', alignmentRows],
    ['agreement', () => benchAgree()],
    ['scale', scaleRows],
    ['suggest', benchSuggest],
    ['suggest-app', benchSuggestInApp],
    // The 100,000 spans at --full; 5,000 by default.
    ['sync', () => benchSync(full ? 100_000 : 5_000)],
  ] as const) {
    if (only && only !== title) continue;
    console.error(`bench: ${title}…`);
    const started = Date.now();
    const rows = await run();
    results.push(...rows);
    // Each group's rows as soon as they exist: a --full run takes many minutes.
    console.log(`\n${title} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
    printTable(rows);
    writeResults(file, results, { ...meta, complete: false });
  }
  console.log(
    `\nSeed Annotation Workbench benchmark (${full ? 'full' : 'default'} size) on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}\n`,
  );
  printTable(results);
  writeResults(file, results, { ...meta, complete: true });
  const written = file;
  console.log(`\nwritten to ${path.relative(root, written)}`);
  // --compare: this run beside the last one saved in bench-results/ (the folder keeps every run).
  if (process.argv.includes('--compare')) {
    const last = lastSavedRun(path.dirname(written), written);
    if (!last) console.log('\n--compare: no earlier run in bench-results/ to compare with');
    else console.log(`\n${formatComparison(compareRuns(last.results, results), last.file).join('\n')}`);
  }
}

void main();
