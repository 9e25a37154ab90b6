// The real command line (tsx cli/corpus.ts) in a child process, for the CLI tests.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `corpus <args>` in `cwd`; the timeout is generous because tsx compiles on start. */
export function runCorpusCli(cwd: string, args: string[], timeout = 60_000): CliRun {
  const run = spawnSync(TSX, [path.join(ROOT, 'cli', 'corpus.ts'), ...args], { cwd, encoding: 'utf8', timeout });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The records of a JSONL file, parsed (as JSON.parse types them: any, for the tests to look into). */
export const jsonLines = async (file: string) =>
  (await readFile(file, 'utf8'))
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
