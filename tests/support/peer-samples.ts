// The real files other tools wrote (../shared/peer-samples beside the project;
// from a git worktree one folder deeper, ../../shared), and a Python check of
// offsets: what Python's text[start:end] gives is what every export promises.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

const candidates = [
  process.env.SEED_PEER_SAMPLES,
  path.join(PROJECT_ROOT, '../shared/peer-samples'),
  path.join(PROJECT_ROOT, '../../shared/peer-samples'),
].filter((p): p is string => p !== undefined);

export const PEER_DIR = candidates.find((p) => existsSync(path.join(p, 'SOURCES.md'))) ?? candidates[1];

export const peerPath = (rel: string): string => path.join(PEER_DIR, rel);
export const peerText = (rel: string): string => readFileSync(peerPath(rel), 'utf8');
export const peerBytes = (rel: string): Uint8Array => new Uint8Array(readFileSync(peerPath(rel)));

/** Python's text[start:end] for each [text, start, end] (code points), as Python computes it. */
/** The non-empty lines Python's str.splitlines() (the boundaries of readlines(), which brat reads .ann files with) finds. */
export function pythonSplitLines(text: string): string[] {
  const script = 'import json,sys\nprint(json.dumps([l for l in json.load(sys.stdin).splitlines() if l]))';
  return JSON.parse(
    execFileSync('python3', ['-c', script], { input: JSON.stringify(text), encoding: 'utf8' }),
  ) as string[];
}

export function pythonSlices(items: Array<[string, number, number]>): string[] {
  const script = 'import json,sys\nprint(json.dumps([t[s:e] for t,s,e in json.load(sys.stdin)]))';
  return JSON.parse(
    execFileSync('python3', ['-c', script], { input: JSON.stringify(items), encoding: 'utf8' }),
  ) as string[];
}
