#!/usr/bin/env node
// `npm test`: lint (ESLint's layer rules, import cycles, formatting), the
// typecheck of the whole and of core/ alone (no DOM, no Node types), then the
// three test layers in order, then one plain closing line summing them. A
// layer that skips is counted as skipped, never as passed; any failure (or a
// layer that ran nothing it should have) fails.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
/** Each failed test, named again at the very end: a long run's log is often read from its tail. */
const failures = [];

function run(title, command, args) {
  console.log(`\n=== ${title}: ${[path.basename(command), ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function countLayer(project) {
  const file = path.join(root, 'test-results', `vitest-${project}.json`);
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const skipped = report.numPendingTests + report.numTodoTests;
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += skipped;
  console.log(`${project}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
  for (const file of report.testResults ?? []) {
    const where = path.relative(root, file.name);
    const failed = (file.assertionResults ?? []).filter((test) => test.status === 'failed');
    for (const test of failed) failures.push(`${where} > ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
    if (failed.length === 0 && file.status === 'failed') failures.push(`${where}: ${firstLine(file.message)}`);
  }
  return report;
}

const firstLine = (message) =>
  String(message ?? '')
    .split('\n')[0]
    .slice(0, 300);

function layer(project) {
  const ok = run(`${project} tests`, bin('vitest'), [
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=test-results/vitest-${project}.json`,
  ]);
  const report = countLayer(project);
  return ok && report.numFailedTests === 0;
}

mkdirSync(path.join(root, 'test-results'), { recursive: true });
const steps = [
  () => run('lint: layers and style', bin('eslint'), ['.']),
  () =>
    run('lint: import cycles', bin('depcruise'), [
      '--config',
      '.dependency-cruiser.cjs',
      'core',
      'main',
      'renderer',
      'cli',
      'bench',
      'scripts',
      'tests',
    ]),
  () => run('lint: formatting', bin('prettier'), ['--check', '.']),
  () => run('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']),
  () => run('typecheck core/ (no DOM, no Node)', bin('tsc'), ['--noEmit', '-p', 'core']),
  () => layer('unit'),
  () => run('renderer build', bin('vite'), ['build', '--config', 'vite.renderer.config.mts', '--logLevel', 'warn']),
  () => layer('chromium'),
  () => layer('electron'),
];
let ok = true;
for (const step of steps) ok = step() && ok;
if (failures.length > 0) console.log(`\nfailed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
