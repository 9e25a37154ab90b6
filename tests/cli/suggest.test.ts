// corpus suggest / train / evaluate through the real CLI (tsx cli/corpus.ts) on the development gold.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPython, noteIfNoPython, pythonCheck } from '../main/services/python';
import { jsonLines, ROOT, runCorpusCli, type CliRun } from '../support/corpus-cli';

const GOLD = path.join(ROOT, 'tests', 'fixtures', 'gold', 'seeds.jsonl');
let dir: string;
noteIfNoPython();

function corpus(...args: string[]): CliRun {
  return runCorpusCli(dir, args, 120_000);
}
const lines = jsonLines;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'suggest-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('corpus suggest / train / evaluate', () => {
  it('pre-annotates the seed folder and scores it against the gold', async () => {
    const run = corpus('suggest', path.join(ROOT, 'seeds'), '--out', 'pred.jsonl');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const records = await lines(path.join(dir, 'pred.jsonl'));
    expect(records).toHaveLength(5);
    for (const r of records)
      for (const s of r.spans) expect(s).toMatchObject({ source: expect.any(String), score: expect.any(Number) });
    const scored = corpus('evaluate', 'pred.jsonl', GOLD, '--json');
    expect(scored.code).toBe(0);
    const result = JSON.parse(scored.stdout);
    expect(result.labels.country.f1).toBeGreaterThanOrEqual(0.95);
    expect(result.labels.money.f1).toBeGreaterThanOrEqual(0.95);
    expect(result.labels.actor.f1).toBeGreaterThanOrEqual(0.8);
    expect(result.labels.commitment.f1).toBeGreaterThanOrEqual(0.6);
    const table = corpus('evaluate', 'pred.jsonl', GOLD);
    expect(table.stdout).toMatch(/^label\s+precision\s+recall\s+f1/m);
    expect(table.stdout).toMatch(/^overall\s/m);
  }, 120_000);

  it('keeps spans already in the input and writes code point offsets Python accepts', async () => {
    const text = '👋𠀀 Priti Patel said the UK will pledge £84 million.';
    const points = [...text];
    const start = points.indexOf('U');
    const input = JSON.stringify({
      text,
      spans: [{ start, end: start + 2, label: 'custom', text: 'UK', note: 'mine' }],
    });
    await writeFile(path.join(dir, 'in.jsonl'), `${input}\n`);
    const run = corpus('suggest', 'in.jsonl', '--out', 'out.jsonl');
    expect(run.code).toBe(0);
    const [record] = await lines(path.join(dir, 'out.jsonl'));
    expect(record.spans).toContainEqual({ start, end: start + 2, label: 'custom', text: 'UK', note: 'mine' });
    expect(record.spans.map((s: { label: string; text: string }) => `${s.label}:${s.text}`)).toEqual(
      expect.arrayContaining(['actor:Priti Patel', 'country:UK', 'money:£84 million']),
    );
    if (hasPython) expect(pythonCheck(path.join(dir, 'out.jsonl'))).toBe(record.spans.length);
  }, 120_000);

  it('trains a model on annotated JSONL and uses it with --model', async () => {
    const train = corpus('train', GOLD, '--out', 'model.json', '--epochs', '2');
    expect(train.code).toBe(0);
    expect(train.stdout).toMatch(/trained on 5 documents \(labels: actor, country, money\)/);
    const model = JSON.parse(await readFile(path.join(dir, 'model.json'), 'utf8'));
    expect(model).toMatchObject({ format: 'seed-workbench-tagger', version: 1 });
    const run = corpus(
      'suggest',
      path.join(ROOT, 'seeds', '004_6c7801b40652ef8d.txt'),
      '--out',
      'with-model.jsonl',
      '--model',
      'model.json',
    );
    expect(run.code).toBe(0);
  }, 120_000);

  it('reports a bad pattern line by file and line and still writes the documents', async () => {
    await writeFile(path.join(dir, 'patterns.jsonl'), '{"label":"actor","pattern":"Acme Widgets"}\n{bad\n');
    await writeFile(path.join(dir, 'doc.jsonl'), `${JSON.stringify({ text: 'Acme Widgets met.' })}\n`);
    const run = corpus('suggest', 'doc.jsonl', '--out', 'p.jsonl', '--patterns', 'patterns.jsonl');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/patterns\.jsonl:2/);
    const [record] = await lines(path.join(dir, 'p.jsonl'));
    expect(record.spans).toContainEqual(
      expect.objectContaining({ text: 'Acme Widgets', label: 'actor', source: 'patterns' }),
    );
  }, 120_000);

  it('refuses a model file that is not a model, as a usage error', async () => {
    await writeFile(path.join(dir, 'not-model.json'), '{"weights": []}');
    const run = corpus('suggest', 'doc.jsonl', '--out', 'x.jsonl', '--model', 'not-model.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/not-model\.json: not a seed-workbench-tagger model/);
  }, 120_000);
});
