// Runs the real CLI (tsx cli/corpus.ts) in a child process on temp files.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARD_TEXTS } from '../core/jsonl/samples';
import { hasPython, noteIfNoPython, pythonCheck } from '../main/services/python';
import { jsonLines, runCorpusCli, type CliRun } from '../support/corpus-cli';

let dir: string;
noteIfNoPython();

function corpus(...args: string[]): CliRun {
  return runCorpusCli(dir, args, 60_000);
}

const lines = jsonLines;

// One annotated line per hard text, offsets in code points, plus bad lines.
function annotatedJsonl(): string {
  const good = Object.entries(HARD_TEXTS).map(([name, { text, quotes }]) => {
    const points = [...text];
    const spans = quotes.map((q) => {
      const start = [...text.slice(0, text.indexOf(q))].length;
      return { start, end: start + [...q].length, label: 'Q', text: q };
    });
    expect(spans.every((s) => points.slice(s.start, s.end).join('') === s.text)).toBe(true);
    return JSON.stringify({ id: name, text, spans, meta: { name } });
  });
  return (
    [
      ...good,
      '{oops',
      '{"text":"ab","label":[[0,3,"X"]]}',
      '{"text":"ab","spans":[{"start":0,"end":1,"label":"X","text":"b"}]}',
    ].join('\r\n') + '\r\n'
  );
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'corpus-cli-'));
  await mkdir(path.join(dir, 'texts'));
  await writeFile(path.join(dir, 'texts', 'a.txt'), 'Hello 👨‍👩‍👧 world\r\n', 'utf8');
  await writeFile(path.join(dir, 'texts', 'win.txt'), Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0xe9]));
  await writeFile(path.join(dir, 'texts', 'bad.txt'), Buffer.from([0x61, 0x0a, 0x00]));
  await writeFile(path.join(dir, 'annotated.jsonl'), annotatedJsonl());
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('corpus CLI', () => {
  it('prints help, per-command help, and exits 2 on usage errors', () => {
    expect(corpus('--help')).toMatchObject({ code: 0, stdout: expect.stringMatching(/Commands:/) });
    for (const cmd of ['import', 'validate', 'convert', 'stats'])
      expect(corpus(cmd, '--help')).toMatchObject({ code: 0, stdout: expect.stringContaining(`corpus ${cmd}`) });
    expect(corpus().code).toBe(2);
    expect(corpus('frob')).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown command/) });
    expect(corpus('import', 'texts')).toMatchObject({ code: 2, stderr: expect.stringMatching(/--out is required/) });
    expect(corpus('convert', 'annotated.jsonl', '--to', 'xml', '--out', 'x.jsonl')).toMatchObject({ code: 2 });
    expect(corpus('stats', 'a', '--nope').code).toBe(2);
  }, 60_000);

  it('validate names every bad line and exits 1; the good lines are counted', () => {
    const run = corpus('validate', 'annotated.jsonl');
    expect(run.code).toBe(1);
    const n = Object.keys(HARD_TEXTS).length;
    expect(run.stdout).toContain(`annotated.jsonl:${n + 1}: error: malformed JSON`);
    expect(run.stdout).toContain(`annotated.jsonl:${n + 2}: error: span 1 dropped: end 3 is past the end`);
    expect(run.stdout).toContain(`annotated.jsonl:${n + 3}: error: span 1 dropped: span text "b" does not match`);
    expect(run.stdout).toContain(`${n + 2} documents`);
  }, 30_000);

  it('import reads folders and JSONL, keeps every good document, exits 1 for the bad ones', async () => {
    const run = corpus('import', 'texts', 'annotated.jsonl', '--out', 'out.jsonl');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/bad\.txt:2: error: binary/);
    expect(run.stderr).toMatch(/win\.txt: warning: .*Windows-1252/);
    const out = await lines(path.join(dir, 'out.jsonl'));
    // The two "ab" lines of annotated.jsonl are one text: written once, as the app stores it.
    expect(out).toHaveLength(2 + Object.keys(HARD_TEXTS).length + 1);
    expect(out.find((r) => r.meta.name === 'win.txt').text).toBe('\u201cHi\u201d \u00e9');
    expect(out.find((r) => r.meta.name === 'a.txt').text).toBe('Hello 👨‍👩‍👧 world\r\n');
    for (const rec of out) for (const s of rec.spans) expect([...rec.text].slice(s.start, s.end).join('')).toBe(s.text);
    expect(corpus('validate', 'out.jsonl')).toMatchObject({ code: 0 });
  }, 30_000);

  it.skipIf(!hasPython)(
    'import output passes the Python check',
    () => {
      expect(corpus('import', 'annotated.jsonl', '--out', 'py.jsonl').code).toBe(1);
      expect(pythonCheck(path.join(dir, 'py.jsonl'))).toBe(
        Object.values(HARD_TEXTS).reduce((n, t) => n + t.quotes.length, 0),
      );
    },
    30_000,
  );

  it('import keeps predictions and rejected answers as the record’s suggestions, each once, in code points', async () => {
    const text = '👍 UK and France met.';
    const cp = (word: string) => [...text.slice(0, text.indexOf(word))].length;
    const span = (word: string, label: string) => ({ start: cp(word), end: cp(word) + word.length, label, text: word });
    // Prodigy keeps one line per answer: the same text accepted with one span and rejected with another.
    const prodigy = [
      { text, spans: [span('UK', 'country')], answer: 'accept' },
      { text, spans: [span('France', 'actor')], answer: 'reject' },
      { text, spans: [span('France', 'actor')], answer: 'reject' },
    ];
    await writeFile(path.join(dir, 'answers.jsonl'), prodigy.map((r) => JSON.stringify(r)).join('\n'));
    const run = corpus('import', 'answers.jsonl', '--out', 'answers-out.jsonl');
    expect(run.code).toBe(0);
    const [out] = await lines(path.join(dir, 'answers-out.jsonl'));
    expect(out.spans.map((s: { text: string }) => s.text)).toEqual(['UK']);
    expect(out.suggestions).toEqual([
      { start: cp('France'), end: cp('France') + 6, label: 'actor', text: 'France', source: 'prodigy', rejected: true },
    ]);
    // Read back by the app's reader: a rejection again.
    const again = corpus('import', 'answers-out.jsonl', '--out', 'answers-again.jsonl');
    expect(again.code).toBe(0);
    expect((await lines(path.join(dir, 'answers-again.jsonl')))[0].suggestions).toEqual(out.suggestions);
  });

  it('convert to doccano and back keeps text and offsets; prodigy output is stable', async () => {
    expect(corpus('import', 'annotated.jsonl', '--out', 'p1.jsonl').code).toBe(1);
    expect(corpus('convert', 'p1.jsonl', '--to', 'doccano', '--out', 'd.jsonl').code).toBe(0);
    expect(corpus('convert', 'd.jsonl', '--to', 'prodigy', '--out', 'p2.jsonl').code).toBe(0);
    const [p1, d, p2] = await Promise.all(['p1.jsonl', 'd.jsonl', 'p2.jsonl'].map((f) => lines(path.join(dir, f))));
    expect(d.map((r) => r.text)).toEqual(p1.map((r) => r.text));
    expect(d.map((r) => r.label)).toEqual(
      p1.map((r) => r.spans.map((s: { start: number; end: number; label: string }) => [s.start, s.end, s.label])),
    );
    expect(p2.map((r) => r.spans)).toEqual(p1.map((r) => r.spans));
    expect(corpus('convert', 'p1.jsonl', '--to', 'prodigy', '--out', 'p3.jsonl').code).toBe(0);
    const [a, b] = await Promise.all(['p1.jsonl', 'p3.jsonl'].map((f) => readFile(path.join(dir, f), 'utf8')));
    expect(b.replace(/"source":"[^"]*"/g, '')).toBe(a.replace(/"source":"[^"]*"/g, ''));
  }, 60_000);

  it('stats counts documents, spans by label and problems', () => {
    const run = corpus('stats', 'annotated.jsonl', '--json');
    expect(run.code).toBe(1);
    const stats = JSON.parse(run.stdout);
    expect(stats).toMatchObject({
      documents: Object.keys(HARD_TEXTS).length + 2,
      emptyDocuments: 1,
      errors: 3,
      spansByLabel: { Q: Object.values(HARD_TEXTS).reduce((n, t) => n + t.quotes.length, 0) },
    });
    expect(corpus('stats', 'out.jsonl')).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/spans: \d+\n {2}Q: \d+/),
    });
  }, 30_000);
});
