// corpus convert between every format, in process (runCorpus, no child
// process): each peer sample to each format and back, and our own JSONL with
// emoji, CRLF, notes, relations and categories through each format and back.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCorpus } from '../../cli/corpus';
import type { IncomingDocument } from '../../core/model';
import { readImportPaths } from '../../main/services/import-paths';
import { peerPath, pythonSlices } from '../support/peer-samples';

let dir: string;
beforeAll(async () => void (dir = await mkdtemp(path.join(tmpdir(), 'convert-formats-'))));
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function corpus(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCorpus(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

async function readAll(input: string): Promise<IncomingDocument[]> {
  const docs: IncomingDocument[] = [];
  for await (const batch of readImportPaths([input])) docs.push(...batch.documents);
  return docs;
}

/** Every span as `quote/label`, sorted: what a round trip must keep whatever it does to order. */
const quotes = (docs: IncomingDocument[]) =>
  docs.flatMap((d) => (d.spans ?? []).map((s) => `${d.text.slice(s.start, s.end)}/${s.label}`)).sort();

const SAMPLES = [
  'doccano/relation_extraction_example.jsonl',
  'doccano/labeling_text_label.jsonl',
  'prodigy/news_headlines_ner.lines1-20.jsonl',
  'conll/ner-token-per-line-conll2003.iob',
  'doccano/example.conll',
  'inception/testMultiTokenSpanWithFeatureValue.tsv',
  'inception/testMultiTokenSpanWithFeatureValue.xmi',
  'brat/110-note_annotation.ann',
];
const READABLE = ['prodigy', 'doccano', 'brat', 'labelstudio', 'w3c', 'conll'] as const;

describe('convert: every peer sample to every readable format and back', () => {
  for (const sample of SAMPLES) {
    it(`${sample}`, async () => {
      // brat needs its .txt beside the .ann: copy the pair.
      const input = sample.startsWith('brat/') ? path.join(dir, 'brat-in') : peerPath(sample);
      if (sample.startsWith('brat/')) await cp(path.dirname(peerPath(sample)), input, { recursive: true });
      const original = quotes(await readAll(input));
      expect(original.length).toBeGreaterThan(0);
      for (const to of READABLE) {
        const out = path.join(dir, `${path.basename(sample)}.${to}`);
        const run = await corpus('convert', input, '--to', to, '--out', out);
        expect(run.code, `${to}: ${run.err.join('\n')}`).toBeLessThanOrEqual(1);
        // CoNLL rebuilds the text from tokens (one space between them), so it keeps the quotes' characters.
        const squeeze = (qs: string[]) => (to === 'conll' ? qs.map((q) => q.replace(/\s+/g, '')).sort() : qs);
        expect(squeeze(quotes(await readAll(out))), `${sample} -> ${to}`).toEqual(squeeze(original));
      }
      const hf = await corpus(
        'convert',
        input,
        '--to',
        'hf',
        '--out',
        path.join(dir, `${path.basename(sample)}.hf.jsonl`),
      );
      expect(hf.code).toBeLessThanOrEqual(1);
    });
  }
});

it('convert: Label Studio predictions stay suggestions through Label Studio', async () => {
  const out = path.join(dir, 'ls.json');
  expect(
    (await corpus('convert', peerPath('labelstudio/named_entity_tasks.json'), '--to', 'labelstudio', '--out', out))
      .code,
  ).toBe(0);
  const [doc] = await readAll(out);
  expect(doc.suggestions!.map((s) => `${doc.text.slice(s.start, s.end)}/${s.label}/${s.source}`)).toEqual([
    'February 22/Date/model 1',
  ]);
});

describe('convert: our JSONL through each format and back', () => {
  const text = '😀 Zoë met the Home Secretary.\r\nThen 𠀀 Priti Patel left\tlate.';
  const cp = (s: string) => [...text.slice(0, text.indexOf(s))].length;
  const span = (s: string, label: string, note?: string) => ({
    start: cp(s),
    end: cp(s) + [...s].length,
    label,
    text: s,
    ...(note ? { note } : {}),
  });
  const record = {
    id: 'hard',
    text,
    spans: [span('Zoë', 'actor', 'first'), span('Home Secretary', 'actor'), span('Priti Patel', 'actor')],
    cats: { news: 1.0 },
    meta: { name: 'hard.txt' },
  };

  it.each([
    ['prodigy', { notes: true, categories: true }],
    ['doccano', { notes: false, categories: true }],
    ['brat', { notes: true, categories: false }],
    ['labelstudio', { notes: true, categories: true }],
    ['w3c', { notes: true, categories: false }],
  ] as const)('%s keeps text, spans, labels (and notes, categories where it can)', async (to, can) => {
    const input = path.join(dir, 'ours.jsonl');
    await writeFile(input, `${JSON.stringify(record)}\n`);
    const out = path.join(dir, `ours.${to}`);
    expect((await corpus('convert', input, '--to', to, '--out', out)).code).toBe(0);
    const [doc] = await readAll(out);
    expect(doc.text).toBe(text);
    expect(quotes([doc])).toEqual(['Home Secretary/actor', 'Priti Patel/actor', 'Zoë/actor']);
    expect(doc.spans!.find((s) => s.note)?.note).toBe(can.notes ? 'first' : undefined);
    expect(doc.categories).toEqual(can.categories ? ['news'] : undefined);
    const back = path.join(dir, `ours.${to}.back.jsonl`);
    expect((await corpus('convert', out, '--to', 'prodigy', '--out', back)).code).toBe(0);
    const line = JSON.parse((await readFile(back, 'utf8')).trim()) as {
      text: string;
      spans: Array<{ start: number; end: number; text: string }>;
    };
    expect(pythonSlices(line.spans.map((s) => [line.text, s.start, s.end]))).toEqual(line.spans.map((s) => s.text));
  });

  it('reads doccano offsets counted in UTF-16 when told (--offsets utf16)', async () => {
    const input = path.join(dir, 'utf16.jsonl');
    await writeFile(input, `${JSON.stringify({ text: '🍜 I ate Ramen dry', label: [[9, 14, 'FOOD']] })}\n`);
    const out = path.join(dir, 'utf16.out.jsonl');
    const plain = await corpus('convert', input, '--to', 'prodigy', '--out', out);
    expect(plain.err.join('\n')).toMatch(/without quoted text over a text with characters outside the BMP/);
    expect((await corpus('convert', input, '--to', 'prodigy', '--out', out, '--offsets', 'utf16')).code).toBe(0);
    expect((JSON.parse((await readFile(out, 'utf8')).trim()) as { spans: Array<{ text: string }> }).spans[0].text).toBe(
      'Ramen',
    );
  });
});
