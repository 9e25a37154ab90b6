// `npm run bench` runs in Node (tsx): every module it loads must load there,
// so no bench may reach a renderer module that imports CSS or the DOM. This
// broke once (the list bench took ROW_HEIGHT from the list, which imports its
// CSS), and the bench died before its first row; here it fails in `npm test`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BENCH = path.resolve(import.meta.dirname, '../../bench');
// run.ts starts the runs when loaded; it imports exactly the modules below.
const modules = readdirSync(BENCH).filter((f) => f.endsWith('.ts') && f !== 'run.ts');

/** One tsx process loads every module and prints, as JSON, the ones that failed with the first line of why. */
const LOADER = `
const [dir, ...files] = process.argv.slice(1);
const failed = [];
for (const file of files) {
  try { await import(dir + '/' + file); }
  catch (e) { failed.push(file + ': ' + String((e && e.message) || e).split(String.fromCharCode(10))[0]); }
}
console.log(JSON.stringify(failed));
`;

describe('bench modules', () => {
  it('finds the bench modules', () => {
    expect(modules).toEqual(expect.arrayContaining(['list-bench.ts', 'agree-bench.ts', 'import-bench.ts']));
  });

  it('every one loads in plain Node, as tsx runs it (no CSS, no DOM)', () => {
    const tsx = path.resolve(BENCH, '../node_modules/.bin/tsx');
    const load = spawnSync(tsx, ['--input-type=module', '-e', LOADER, BENCH, ...modules], {
      encoding: 'utf8',
      timeout: 25_000,
    });
    expect(load.status, load.stderr).toBe(0);
    expect(JSON.parse(load.stdout.trim().split('\n').at(-1) ?? 'null')).toEqual([]);
  });
});
