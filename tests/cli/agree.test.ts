// corpus agree / corpus merge, run in-process through runCorpus on temp files.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileAnnotatorNames } from '../../cli/agree-inputs';
import { runCorpus } from '../../cli/corpus';
import { measureAgreement, DocumentPairing } from '../../core/agreement';
import { hasPython, noteIfNoPython, pythonCheck } from '../main/services/python';

let dir: string;
noteIfNoPython();

async function corpus(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCorpus(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

const at = (name: string) => path.join(dir, name);
const jsonl = (records: unknown[]) =>
  records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
const TEXT = 'Norway pledged money to Kenya';
const EMOJI = '😀 Oslo met 🇰🇪 Kenya'; // astral characters before the spans: code points differ from UTF-16

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'corpus-agree-'));
  await writeFile(
    at('ann.jsonl'),
    jsonl([
      {
        text: TEXT,
        spans: [
          { start: 0, end: 6, label: 'country' },
          { start: 24, end: 29, label: 'country' },
          { start: 15, end: 20, label: 'money' },
        ],
        meta: { name: 'd1' },
      },
      { text: EMOJI, spans: [{ start: 2, end: 6, label: 'country', text: 'Oslo' }], meta: { name: 'emoji' } },
      { text: 'only ann has this' },
      '{oops',
    ]),
  );
  await writeFile(
    at('bob.jsonl'),
    jsonl([
      {
        text: EMOJI,
        spans: [
          { start: 2, end: 6, label: 'country', text: 'Oslo' },
          { start: 14, end: 19, label: 'country', text: 'Kenya' },
        ],
      },
      {
        text: TEXT,
        spans: [
          { start: 0, end: 6, label: 'actor' },
          { start: 24, end: 29, label: 'country' },
          { start: 15, end: 23, label: 'money' },
        ],
      },
    ]),
  );
  // Prodigy's multi-annotator shape: one file, a line per annotator and text, _annotator_id naming them.
  await writeFile(
    at('prodigy.jsonl'),
    jsonl([
      { text: TEXT, _annotator_id: 'news-ann', spans: [{ start: 0, end: 6, label: 'country' }] },
      {
        text: TEXT,
        _annotator_id: 'news-bob',
        spans: [
          { start: 0, end: 6, label: 'country' },
          { start: 24, end: 29, label: 'country' },
        ],
      },
      { text: EMOJI, _annotator_id: 'news-bob', spans: [] },
      { text: EMOJI, _annotator_id: 'news-ann', spans: [] },
    ]),
  );
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('corpus agree', { timeout: 30_000 }, () => {
  it('prints the same numbers as core/agreement, with the bad line reported and the good ones measured (exit 1)', async () => {
    const { code, out, err } = await corpus('agree', at('ann.jsonl'), at('bob.jsonl'), '--json');
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/ann\.jsonl:4: error: malformed JSON/);
    const report = JSON.parse(out[0]);
    const pairing = new DocumentPairing();
    const s = (start: number, end: number, label: string) => ({ start, end, label });
    pairing.add('ann', {
      key: 'd1',
      name: 'd1',
      text: TEXT,
      spans: [s(0, 6, 'country'), s(24, 29, 'country'), s(15, 20, 'money')],
    });
    pairing.add('ann', { key: 'e', name: 'emoji', text: EMOJI, spans: [s(2, 6, 'country')] });
    pairing.add('bob', { key: 'e', name: 'emoji', text: EMOJI, spans: [s(2, 6, 'country'), s(14, 19, 'country')] });
    pairing.add('bob', {
      key: 'd1',
      name: 'd1',
      text: TEXT,
      spans: [s(0, 6, 'actor'), s(24, 29, 'country'), s(15, 23, 'money')],
    });
    const expected = measureAgreement(pairing.input());
    expect(report.annotators).toEqual(['ann', 'bob']);
    expect(report.pairs).toEqual(JSON.parse(JSON.stringify(expected.pairs)));
    // Exact: matched country 24-29 and Oslo; spans 4 + 5 -> 2·2/9.
    expect(report.pairs[0].exactF1.overall).toBeCloseTo(4 / 9, 12);
    expect(report.documents.map((d: { name: string }) => d.name)).toEqual(['d1', 'emoji']);
    // Each document's own figures are in the JSON too (computed when read): d1 has 1 exact match of 3 + 3.
    expect(report.documents[0].pairs[0].exactF1.overall).toBeCloseTo(1 / 3, 12);
    expect(report.documents[0].lowestExactF1).toBeCloseTo(1 / 3, 12);
    expect(report.unpaired).toEqual([expect.objectContaining({ name: 'ann.jsonl:3', annotator: 'ann' })]);
  });

  it('prints a readable table: a row per label, the documents by disagreement', async () => {
    const { out } = await corpus('agree', at('ann.jsonl'), at('bob.jsonl'));
    const text = out.join('\n');
    expect(text).toContain('ann × bob: 2 documents, 4 / 5 spans, 11 tokens');
    expect(text).toMatch(/\(overall\)\s+0\.444\s+0\.667\s/);
    expect(text).toMatch(/d1\s+4\s+5\s+0\.333\s+ann, bob/);
  });

  it('names annotators by _annotator_id, several in one file', async () => {
    const { code, out } = await corpus('agree', at('prodigy.jsonl'), at('bob.jsonl'), '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out[0]);
    expect(report.annotators).toEqual(['news-ann', 'news-bob', 'bob']);
    const pair = report.pairs.find((p: { annotators: string[] }) => p.annotators.join() === 'news-ann,news-bob');
    // news-ann 1 span, news-bob 2 spans, 1 shared -> 2/3; the emoji text is paired with no spans on either side.
    expect(pair.documents).toBe(2);
    expect(pair.exactF1.overall).toBeCloseTo(2 / 3, 12);
    expect(report.group.annotators).toHaveLength(3);
  });

  it('usage errors exit 2; one file naming one annotator is told so', async () => {
    const single = await corpus('agree', at('bob.jsonl'));
    expect(single.code).toBe(2);
    expect(single.err.join('\n')).toMatch(/only one annotator \(bob\)/);
    expect((await corpus('agree', at('ann.jsonl'), at('bob.jsonl'), '--top', 'x')).code).toBe(2);
    expect((await corpus('agree', '--help')).out.join('\n')).toContain('alpha_u');
  });
});

describe('annotator names from file names', () => {
  it('the base name without .jsonl, or the path as given when two files share it', () => {
    expect(fileAnnotatorNames(['x/ann.jsonl', 'bob.JSONL', 'y/ann.jsonl'])).toEqual([
      'x/ann.jsonl',
      'bob',
      'y/ann.jsonl',
    ]);
  });
});

describe('corpus merge', { timeout: 30_000 }, () => {
  it('writes the spans both agree on, for the documents both have, offsets in code points', async () => {
    const { code, err } = await corpus('merge', at('ann.jsonl'), at('bob.jsonl'), '--out', at('agreed.jsonl'));
    expect(code).toBe(1); // the bad line of ann.jsonl
    expect(err.join('\n')).toMatch(/1 document\(s\) not in every annotator's file were left out/);
    const lines = (await readFile(at('agreed.jsonl'), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.spans)).toEqual([
      [{ start: 24, end: 29, label: 'country', text: 'Kenya' }],
      [{ start: 2, end: 6, label: 'country', text: 'Oslo' }],
    ]);
    if (hasPython) expect(pythonCheck(at('agreed.jsonl'))).toBe(2);
  });

  it('--all tags every span with its annotator, and agree reads the file back as the same annotators', async () => {
    await corpus('merge', at('ann.jsonl'), at('bob.jsonl'), '--out', at('all.jsonl'), '--all');
    const lines = (await readFile(at('all.jsonl'), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[1].spans.map((s: { annotator: string; text: string }) => `${s.annotator}:${s.text}`)).toEqual([
      'ann:Oslo',
      'bob:Oslo',
      'bob:Kenya',
    ]);
    expect(lines[2].meta.annotators).toEqual(['ann']);
    if (hasPython) expect(pythonCheck(at('all.jsonl'))).toBe(9);
    const direct = JSON.parse((await corpus('agree', at('ann.jsonl'), at('bob.jsonl'), '--json')).out[0]);
    const back = JSON.parse((await corpus('agree', at('all.jsonl'), '--json')).out[0]);
    expect(back.annotators).toEqual(['ann', 'bob']);
    expect(back.pairs).toEqual(direct.pairs);
  });

  it('needs --out', async () => {
    expect((await corpus('merge', at('ann.jsonl'), at('bob.jsonl'))).code).toBe(2);
  });
});
