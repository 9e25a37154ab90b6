// scripts/build-electron.mjs reads forge.config.ts. It must run on every Node
// that package.json "engines" and scripts/ensure-node.sh accept (>= 22.13),
// so it may not rely on Node's own TypeScript stripping (22.18+). Node 24 is
// run here with stripping turned off, which is what Node 22.13-22.17 does.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

describe('scripts/build-electron.mjs', () => {
  it('reads the Vite plugin settings from forge.config.ts without Node type stripping', () => {
    const result = spawnSync(
      process.execPath,
      ['--no-experimental-strip-types', 'scripts/build-electron.mjs', '--print-config'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const config = JSON.parse(result.stdout) as { build: { entry: string }[]; renderer: { name: string }[] };
    expect(config.build.map((b) => b.entry)).toEqual(['main/main.ts', 'main/preload.ts']);
    expect(config.renderer.map((r) => r.name)).toEqual(['main_window']);
  }, 30_000);

  it('engines and ensure-node.sh ask for the same Node version', () => {
    const engines = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } })
      .engines.node;
    const [, major, minor] = /^>=(\d+)\.(\d+)$/.exec(engines) ?? [];
    const ensureNode = readFileSync(path.join(root, 'scripts/ensure-node.sh'), 'utf8');
    expect(ensureNode).toContain(`a>${major}||(a===${major}&&b>=${minor})`);
  });
});
