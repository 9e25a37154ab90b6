// corpus push / pull against pouchdb-server on 127.0.0.1: a corpus goes up
// under an annotator, a second push writes nothing, pull gives it back (the
// offsets checked by Python); the server killed at 20 random points during a
// push loses nothing and doubles nothing once the push is run again.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCorpus } from '../../cli/corpus';
import { hasPython, pythonCheck } from '../main/services/python';
import { ROOT } from '../support/corpus-cli';
import { startCouchServer, type CouchServer } from '../support/couch-server';

const GOLD = path.resolve(import.meta.dirname, '../fixtures/gold/seeds.jsonl');
const goldSpans = readFileSync(GOLD, 'utf8')
  .trim()
  .split('\n')
  .reduce((n, l) => n + (JSON.parse(l).spans?.length ?? 0), 0);

async function corpus(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCorpus(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface Pulled {
  text: string;
  spans: Array<{ start: number; end: number; label: string; annotator: string }>;
}
const pulled = (file: string): Pulled[] =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('corpus push and pull', { timeout: 400_000 }, () => {
  let server: CouchServer;
  const dir = mkdtempSync(path.join(tmpdir(), 'seed-cli-sync-'));
  beforeAll(async () => {
    server = await startCouchServer({ inMemory: false });
  });
  afterAll(async () => server?.stop());

  it('pushes a corpus once, and pulls it back with its annotator', async () => {
    await fetch(`${server.url}/cli`, { method: 'PUT' });
    const first = await corpus('push', GOLD, `${server.url}/cli`, '--annotator', 'gold');
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(new RegExp(`5 documents, ${goldSpans} spans; ${5 + goldSpans} records written`));
    const again = await corpus('push', GOLD, `${server.url}/cli`, '--annotator', 'gold');
    expect(again.out).toContain('; 0 records written');
    const file = path.join(dir, 'pulled.jsonl');
    const pull = await corpus('pull', `${server.url}/cli`, '--out', file);
    expect(pull.code, pull.err).toBe(0);
    const lines = pulled(file);
    expect(lines).toHaveLength(5);
    expect(lines.flatMap((l) => l.spans)).toHaveLength(goldSpans);
    expect(new Set(lines.flatMap((l) => l.spans.map((s) => s.annotator)))).toEqual(new Set(['gold']));
    if (hasPython) expect(pythonCheck(file)).toBe(goldSpans);
  });

  it('loses and doubles nothing when the server is killed at 20 random points during a push', async () => {
    await fetch(`${server.url}/kills`, { method: 'PUT' });
    let killedDuring = 0;
    // The push runs as its own process (a dropped connection may end it, as it would a pipeline's step).
    for (let point = 0; point < 20; point++) {
      const child = spawn(
        path.join(ROOT, 'node_modules/.bin/tsx'),
        [path.join(ROOT, 'cli/corpus.ts'), 'push', GOLD, `${server.url}/kills`, '--annotator', `k${point % 3}`],
        { stdio: 'ignore' },
      );
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      await new Promise((r) => setTimeout(r, 1200 + Math.random() * 800)); // tsx starts, then the push runs
      await server.kill();
      if ((await exited) !== 0) killedDuring++;
      await server.restart();
    }
    for (const k of ['k0', 'k1', 'k2'])
      expect((await corpus('push', GOLD, `${server.url}/kills`, '--annotator', k)).code).toBe(0);
    const file = path.join(dir, 'kills.jsonl');
    expect((await corpus('pull', `${server.url}/kills`, '--out', file)).code).toBe(0);
    const lines = pulled(file);
    expect(lines).toHaveLength(5);
    const spans = lines.flatMap((l) =>
      l.spans.map((s) => `${l.text.length}:${s.annotator}:${s.start}:${s.end}:${s.label}`),
    );
    expect(spans).toHaveLength(goldSpans * 3); // every span of every annotator, once
    expect(new Set(spans).size).toBe(spans.length);
    console.log(`server killed during ${killedDuring} of 20 pushes`);
  });
});
