import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorpusLoad } from '../../../core/model';
import { readJsonlBytes, readJsonlFile, readJsonlFileWhole } from '../../../main/services/jsonl-file';

let dir: string;
beforeAll(async () => void (dir = await mkdtemp(path.join(tmpdir(), 'jsonl-file-'))));
afterAll(async () => rm(dir, { recursive: true, force: true }));

const enc = (s: string) => Buffer.from(s, 'utf8');

// Seven bad lines between good ones; each bad line must be named, each good one kept.
const MIXED = Buffer.concat([
  enc(
    '\uFEFF{"text":"good 😀 one","spans":[{"start":5,"end":6,"label":"E","text":"😀"}],"meta":{"name":"first","status":"done"}}\r\n',
  ),
  enc('{"text": "unterminated\r\n'),
  enc('["not", "an object"]\r\n'),
  enc('{"id":"no-text"}\r\n'),
  Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0x81, 0x22, 0x7d, 0x0d, 0x0a]), // {"text":"\x81"}
  enc('{"text":"range","spans":[{"start":0,"end":99,"label":"A"}]}\r\n'),
  enc('\r\n'),
  enc(
    '{"text":"quote","spans":[{"start":0,"end":2,"label":"A","text":"xx"},{"start":0,"end":2,"label":"B","text":"qu"}]}\r\n',
  ),
  enc('{"text":"line\\r\\nbreak\\ttab","label":[[6,11,"W"]]}\r\n'),
  enc('{"id":7,"text":""}'),
]);

function expectMixed(load: CorpusLoad, file: string): void {
  expect(load.documents.map((d) => d.text)).toEqual(['good 😀 one', 'range', 'quote', 'line\r\nbreak\ttab', '']);
  const errors = load.problems.filter((p) => p.severity === 'error');
  expect(errors.map((p) => p.line)).toEqual([2, 3, 4, 5, 6, 8]);
  expect(errors.every((p) => p.file === file)).toBe(true);
  expect(errors.map((p) => p.message)).toEqual([
    expect.stringMatching(/^malformed JSON: /),
    'not a JSON object (got array)',
    'missing "text"',
    expect.stringMatching(/not valid UTF-8 \(byte 0x81/),
    expect.stringMatching(/span 1 dropped: end 99 is past the end/),
    expect.stringMatching(/span 1 dropped: span text "xx" does not match/),
  ]);
  const [first, , quote, crlf, empty] = load.documents;
  expect(first).toMatchObject({
    name: 'first',
    status: 'done',
    source: `${file}:1`,
    spans: [{ start: 5, end: 7, label: 'E' }],
  });
  expect(quote.spans).toEqual([{ start: 0, end: 2, label: 'B' }]);
  expect(crlf.spans).toEqual([{ start: 6, end: 11, label: 'W' }]);
  expect(crlf.name).toBe(`${path.basename(file)}:9`);
  expect(empty).toMatchObject({ id: '7', text: '', source: `${file}:10` });
}

describe('readJsonlFile', () => {
  it('loads every good line and names every bad one', async () => {
    const file = path.join(dir, 'mixed.jsonl');
    await writeFile(file, MIXED);
    expectMixed(await readJsonlFileWhole(file), file);
  });

  it('streams batches of at most batchSize documents', async () => {
    const file = path.join(dir, 'many.jsonl');
    await writeFile(file, Array.from({ length: 25 }, (_, i) => JSON.stringify({ text: `doc ${i}` })).join('\n'));
    const sizes: number[] = [];
    for await (const batch of readJsonlFile(file, { batchSize: 10 })) sizes.push(batch.documents.length);
    expect(sizes).toEqual([10, 10, 5]);
  });

  it('streams a multi-megabyte file across chunk boundaries intact', async () => {
    const file = path.join(dir, 'big.jsonl');
    const line = (i: number) =>
      JSON.stringify({ id: `d${i}`, text: `😀𠀀 ${i} ${'é'.repeat(i % 97)}`, label: [[0, 2, 'E']] });
    const count = 40_000;
    await writeFile(file, Array.from({ length: count }, (_, i) => line(i)).join('\r\n'));
    let seen = 0;
    let bad = 0;
    const warnings: string[] = [];
    for await (const batch of readJsonlFile(file, { batchSize: 1000 })) {
      expect(batch.documents.length).toBeLessThanOrEqual(1000);
      for (const doc of batch.documents) {
        const i = seen++;
        if (
          doc.text !== `😀𠀀 ${i} ${'é'.repeat(i % 97)}` ||
          doc.text.slice(doc.spans![0].start, doc.spans![0].end) !== '😀𠀀'
        )
          bad++;
      }
      // Unquoted triples over emoji: the offset unit matters, said once for the whole file.
      warnings.push(...batch.problems.map((p) => `${p.severity} ${p.line}: ${p.message}`));
    }
    expect([seen, bad]).toEqual([count, 0]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^warning 1: spans without quoted text over a text with characters outside the BMP/);
  });

  it('reports a missing file and a UTF-16 file once', async () => {
    const missing = path.join(dir, 'nope.jsonl');
    expect((await readJsonlFileWhole(missing)).problems).toEqual([
      { file: missing, message: 'file not found', severity: 'error' },
    ]);
    const utf16 = path.join(dir, 'u16.jsonl');
    await writeFile(
      utf16,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"text":"a"}\n{"text":"b"}\n', 'utf16le')]),
    );
    const load = await readJsonlFileWhole(utf16);
    expect(load.documents).toEqual([]);
    expect(load.problems).toHaveLength(1);
    expect(load.problems[0].message).toMatch(/UTF-16/);
  });
});

describe('readJsonlBytes', () => {
  it('gives the same result for bytes in memory', () => {
    expectMixed(readJsonlBytes('dropped.jsonl', new Uint8Array(MIXED)), 'dropped.jsonl');
  });

  it('reads UTF-16 without a byte-order mark as such only when its first line is a record, not over a stray NUL', () => {
    // The 1,000,000-case fuzz found this: a short first line "\u0001\u0000…" looked like UTF-16LE, and the whole
    // file, good lines and all, was refused. Each line is now judged as JSONL: both bad lines named, the good kept.
    const bytes = Buffer.concat([
      Buffer.from([0x01, 0x00, 0xef, 0xbf, 0xbd, 0x0a]),
      Buffer.from('\u0001\n{"text":"kept"}\n'),
    ]);
    const load = readJsonlBytes('nul.jsonl', new Uint8Array(bytes));
    expect(load.documents.map((d) => d.text)).toEqual(['kept']);
    expect(load.problems.filter((p) => p.severity === 'error').map((p) => p.line)).toEqual([1, 2]);
    const utf16 = readJsonlBytes('u16.jsonl', new Uint8Array(Buffer.from('{"text":"a"}\n{"text":"b"}\n', 'utf16le')));
    expect(utf16.documents).toEqual([]);
    expect(utf16.problems.map((p) => p.message)).toEqual([expect.stringMatching(/UTF-16LE without a byte-order mark/)]);
  });

  it('never throws on random bytes or random JSON lines', () => {
    const jsonLines = fc
      .array(fc.jsonValue(), { maxLength: 5 })
      .map((values) => enc(values.map((v) => JSON.stringify(v)).join('\n')));
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), jsonLines), (bytes) => {
        const load = readJsonlBytes('r.jsonl', new Uint8Array(bytes));
        expect(load.problems.every((p) => p.file === 'r.jsonl' && (p.line ?? 0) >= 1)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('provenance', () => {
  it('keeps meta.source and meta.updated_at of a record our export wrote', () => {
    const line =
      '{"id":"a","text":"x","spans":[],"meta":{"name":"n","source":"/seeds/a.txt","updated_at":"2025-01-02T03:04:05.000Z"}}';
    const [doc] = readJsonlBytes('in.jsonl', enc(line)).documents;
    expect(doc).toMatchObject({ source: '/seeds/a.txt', updatedAt: Date.UTC(2025, 0, 2, 3, 4, 5) });
  });
});
