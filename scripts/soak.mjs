#!/usr/bin/env node
// The long runs `npm test` keeps short, in sequence (never side by side, so
// each gets the machine), then their figures:
//   npm run fuzz   fuzzing at 1,000,000 cases a property (SEED_FUZZ_RUNS), file after file
//   npm run soak   the same, then 1,000 crash kill points (SEED_CRASH_POINTS) and a
//                  1,000,000-record JSONL import in Chromium (SEED_IMPORT_RECORDS)
// Each figure can be overridden from the environment (e.g. SEED_FUZZ_RUNS=100000 npm run fuzz).
// The figures go to test-results/ (fuzz-figures.jsonl, crash-figures.json, import-figures.txt)
// and are printed at the end; RELIABILITY.md quotes them.
import { spawnSync } from 'node:child_process';
import { existsSync, globSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'test-results');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const only = process.argv[2]; // 'fuzz' runs the fuzzing alone
const env = {
  ...process.env,
  SEED_FUZZ_RUNS: process.env.SEED_FUZZ_RUNS ?? '1000000',
  SEED_CRASH_POINTS: process.env.SEED_CRASH_POINTS ?? '1000',
  SEED_IMPORT_RECORDS: process.env.SEED_IMPORT_RECORDS ?? '1000000',
};

function run(title, command, args) {
  console.log(`\n=== ${title}: ${[path.basename(command), ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  console.log(
    `=== ${title}: ${result.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 60_000).toFixed(1)} min`,
  );
  return result.status === 0;
}

/** One vitest process a fuzz file: a target never shares the machine with another. */
function fuzzFiles() {
  return globSync(['tests/**/*.fuzz.test.ts', 'tests/**/properties*.test.ts'], { cwd: root }).sort();
}

mkdirSync(results, { recursive: true });
rmSync(path.join(results, 'fuzz-figures.jsonl'), { force: true });
const steps = fuzzFiles().map(
  (file) => () => run(`fuzz ${file} at ${env.SEED_FUZZ_RUNS} cases`, bin('vitest'), ['run', '--project', 'unit', file]),
);
if (only !== 'fuzz') {
  steps.push(
    () => run('renderer build', bin('vite'), ['build', '--config', 'vite.renderer.config.mts', '--logLevel', 'warn']),
    () =>
      run(`crash suite at ${env.SEED_CRASH_POINTS} kill points`, bin('vitest'), [
        'run',
        '--project',
        'chromium',
        'tests/e2e/chromium/crash.test.ts',
      ]),
    () =>
      run(`import of ${env.SEED_IMPORT_RECORDS} records`, bin('vitest'), [
        'run',
        '--project',
        'chromium',
        'tests/e2e/chromium/import-scale.test.ts',
      ]),
  );
}
let ok = true;
for (const step of steps) ok = step() && ok;

console.log('\n=== figures');
const fuzzFile = path.join(results, 'fuzz-figures.jsonl');
if (existsSync(fuzzFile)) {
  for (const line of readFileSync(fuzzFile, 'utf8').trim().split('\n')) {
    const f = JSON.parse(line);
    console.log(
      `fuzz ${f.target}: ${f.runs.toLocaleString('en-US')} cases, ${(f.ms / 1000).toFixed(0)} s, ${f.perSecond.toLocaleString('en-US')} cases/s`,
    );
  }
}
const crashFile = path.join(results, 'crash-figures.json');
if (only !== 'fuzz' && existsSync(crashFile))
  console.log(`crash: ${readFileSync(crashFile, 'utf8').replace(/\s+/g, ' ')}`);
const importFile = path.join(results, 'import-figures.txt');
if (only !== 'fuzz' && existsSync(importFile)) console.log(readFileSync(importFile, 'utf8').trim());
console.log(ok ? '\nsoak: all passed' : '\nsoak: FAILED (see above)');
process.exit(ok ? 0 : 1);
