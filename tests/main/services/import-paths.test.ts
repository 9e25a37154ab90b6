import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportRecord } from '../../../core/jsonl';
import type { CorpusLoad } from '../../../core/model';
import { readCorpusFolder } from '../../../main/services/corpus-folder';
import { readImportBytes, readImportPaths, type ImportBatch } from '../../../main/services/import-paths';
import { openJsonlWriter } from '../../../main/services/jsonl-writer';
import { codePointSliceOk, HARD_TEXTS } from '../../core/jsonl/samples';
import { hasPython, noteIfNoPython, pythonCheck } from './python';

let dir: string;
noteIfNoPython();

// A folder of every hard case as text files, plus bad files and a JSONL corpus.
async function makeCorpus(root: string): Promise<void> {
  await mkdir(path.join(root, 'sub'), { recursive: true });
  for (const [name, { text }] of Object.entries(HARD_TEXTS))
    await writeFile(path.join(root, `${name}.txt`), text, 'utf8');
  await writeFile(
    path.join(root, 'sub', 'bom.md'),
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# Titel 😀\r\n', 'utf8')]),
  );
  await writeFile(
    path.join(root, 'sub', 'cp1252.txt'),
    Buffer.from([0x53, 0x61, 0x69, 0x64, 0x20, 0x93, 0x63, 0x61, 0x66, 0xe9, 0x94, 0x0a]),
  );
  await writeFile(path.join(root, 'sub', 'invalid.txt'), Buffer.from([0x61, 0x0a, 0x62, 0x81, 0x0a]));
  await writeFile(path.join(root, 'sub', 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
  await writeFile(path.join(root, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await writeFile(
    path.join(root, 'corpus.jsonl'),
    '{"text":"𠀀 Paris","spans":[{"start":2,"end":7,"label":"LOC","text":"Paris"}]}\n{bad\n{"text":"ok"}\n',
  );
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'import-paths-'));
  await makeCorpus(path.join(dir, 'corpus'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function collect(paths: string[], batchSize = 4): Promise<ImportBatch[]> {
  const batches: ImportBatch[] = [];
  for await (const batch of readImportPaths(paths, { batchSize })) batches.push(batch);
  return batches;
}

const merged = (batches: CorpusLoad[]): CorpusLoad => ({
  documents: batches.flatMap((b) => b.documents),
  problems: batches.flatMap((b) => b.problems),
});

describe('readImportPaths', () => {
  it('reads folders recursively, loads the good files and names the bad ones', async () => {
    const root = path.join(dir, 'corpus');
    const batches = await collect([root]);
    const { documents, problems } = merged(batches);
    expect(documents).toHaveLength(Object.keys(HARD_TEXTS).length + 2 + 2);
    expect(batches.every((b) => b.documents.length <= 4)).toBe(true);
    expect(batches.at(-1)?.progress).toEqual({ filesDone: 14, filesTotal: 14 });
    const byName = new Map(documents.map((d) => [d.name, d]));
    expect(byName.get('sub/bom.md')?.text).toBe('# Titel 😀\r\n');
    expect(byName.get('sub/cp1252.txt')?.text).toBe('Said \u201ccaf\u00e9\u201d\n');
    expect(byName.get('crlf.txt')?.text).toBe(HARD_TEXTS.crlf.text);
    expect(byName.get('bom.txt')?.text).toBe(HARD_TEXTS.bom.text.slice(1));
    expect(byName.get('corpus.jsonl:1')?.spans).toEqual([{ start: 3, end: 8, label: 'LOC' }]);
    const errors = problems.filter((p) => p.severity === 'error').map((p) => [path.relative(root, p.file), p.line]);
    expect(errors).toEqual([
      ['corpus.jsonl', 2],
      ['sub/binary.txt', 1],
      ['sub/invalid.txt', 2],
    ]);
    const warnings = problems.filter((p) => p.severity === 'warning').map((p) => path.relative(root, p.file));
    expect(warnings).toEqual(['image.png', 'sub/cp1252.txt']);
  });

  it('reads single files, reports missing paths and reads a file picked twice once', async () => {
    const file = path.join(dir, 'corpus', 'emoji.txt');
    const { documents, problems } = merged(await collect([file, path.join(dir, 'missing'), file]));
    expect(documents.map((d) => d.name)).toEqual(['emoji.txt']);
    expect(problems).toEqual([{ file: path.join(dir, 'missing'), message: 'not found', severity: 'error' }]);
    expect(await collect([])).toEqual([{ documents: [], problems: [], progress: { filesDone: 0, filesTotal: 0 } }]);
  });

  it('exports offsets that slice correctly by code points', async () => {
    const { target, spans } = await exportCorpus('export.jsonl');
    expect(spans).toBeGreaterThan(10);
    const lines = (await readFile(target, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    for (const rec of lines) for (const span of rec.spans) expect(codePointSliceOk(rec.text, span)).toBe(true);
  });

  it.skipIf(!hasPython)('exports offsets Python slices correctly', async () => {
    const { target, spans } = await exportCorpus('export-py.jsonl');
    expect(pythonCheck(target)).toBe(spans);
  });
});

/** Imports the sample folder and exports it with spans over the hard quotes. */
async function exportCorpus(name: string): Promise<{ target: string; spans: number }> {
  const { documents } = merged(await collect([path.join(dir, 'corpus')]));
  const records: ExportRecord[] = documents.map(({ suggestions: _suggestions, ...d }) => ({
    ...d,
    status: 'todo',
    updatedAt: 0,
    spans: spansOfQuotes(d.text, d.name),
  }));
  const target = path.join(dir, name);
  const writer = await openJsonlWriter(target, 'prodigy');
  await writer.write(records);
  return { target, spans: (await writer.close()).spans };
}

/** Spans over the hard quotes of a sample, or over the whole text otherwise. */
function spansOfQuotes(text: string, name: string): ExportRecord['spans'] {
  const quotes = HARD_TEXTS[name.replace(/\.txt$/, '')]?.quotes.filter((q) => text.includes(q)) ?? (text ? [text] : []);
  return quotes.map((q) => ({ start: text.indexOf(q), end: text.indexOf(q) + q.length, label: 'L', text: q }));
}

describe('readImportBytes', () => {
  it('applies the same rules to dropped files', () => {
    expect(readImportBytes('a.txt', new Uint8Array([0x93, 0x68, 0x94]))).toMatchObject({
      documents: [{ name: 'a.txt', text: '\u201ch\u201d', source: 'a.txt' }],
      problems: [{ severity: 'warning' }],
    });
    expect(readImportBytes('b.txt', new Uint8Array([0x61, 0x0a, 0x00]))).toMatchObject({
      documents: [],
      problems: [{ file: 'b.txt', line: 2, severity: 'error' }],
    });
    expect(readImportBytes('c.pdf', new Uint8Array([1]))).toMatchObject({
      documents: [],
      problems: [{ file: 'c.pdf', severity: 'warning' }],
    });
    const jsonl = readImportBytes('d.jsonl', new TextEncoder().encode('{"text":"x"}\n7\n{"text":"y"}'));
    expect(jsonl.documents.map((d) => d.text)).toEqual(['x', 'y']);
    expect(jsonl.problems).toEqual([
      { file: 'd.jsonl', line: 2, message: 'not a JSON object (got number)', severity: 'error' },
    ]);
  });
});

describe('import batches', () => {
  it('end at batchSize documents, or sooner once their texts reach batchChars (a longer text alone)', async () => {
    const file = path.join(dir, 'long-texts.jsonl');
    const lengths = [30, 30, 30, 100, 10, 10, 10, 10, 10, 10, 10];
    const line = (n: number, i: number) => JSON.stringify({ text: `${i}`.padEnd(n, 'x'), meta: { name: `t${i}` } });
    await writeFile(file, `${lengths.map(line).join('\n')}\n`);
    const sizes: number[][] = [];
    for await (const batch of readImportPaths([file], { batchSize: 4, batchChars: 60 }))
      sizes.push(batch.documents.map((d) => d.text.length));
    // 30+30 reach 60; 30 then 100 passes it; 10 x 4 is the document limit; the rest, and the last (empty) batch.
    expect(sizes).toEqual([
      [30, 30],
      [30, 100],
      [10, 10, 10, 10],
      [10, 10, 10],
    ]);
    expect(sizes.flat()).toEqual(lengths);
  });
});

describe('readCorpusFolder', () => {
  it('now reads .jsonl files too', async () => {
    const load = await readCorpusFolder(path.join(dir, 'corpus'));
    expect(load.documents.filter((d) => d.source.includes('corpus.jsonl:'))).toHaveLength(2);
  });
});
