import { describe, expect, it } from 'vitest';
import { readBrat, writeBratAnn } from '../../../core/formats/brat';
import type { FormatProblem } from '../../../core/formats/document';
import { peerText, pythonSlices, pythonSplitLines } from '../../support/peer-samples';

const txt = peerText('brat/110-note_annotation.txt');
const ann = peerText('brat/110-note_annotation.ann');

describe('brat standoff', () => {
  const read = readBrat(txt, ann);
  const doc = read.documents[0];
  const quote = (i: number) => doc.text.slice(doc.spans![i].start, doc.spans![i].end);

  it('reads the real sample: spans, notes, relations; events reported', () => {
    expect(doc.spans).toHaveLength(14);
    expect(doc.spans!.map((_, i) => quote(i))).toContain('Discworld');
    expect(doc.spans![0]).toMatchObject({ label: 'GPE', note: 'Should fictional places be annotated?' });
    expect(doc.relations).toEqual([
      { head: 5, child: 6, label: 'Family' },
      { head: 12, child: 13, label: 'Family' },
    ]);
    expect([quote(5), quote(6)]).toEqual(['Orville Wright', 'Wilbur Wright']);
    const messages = read.problems.map((p) => `${p.severity} ${p.line}: ${p.message}`);
    expect(messages).toEqual([
      'warning 7: event E1 not imported: brat events are not supported (their trigger spans are imported)',
      expect.stringMatching(/^warning 8: note on E1 not kept/),
      expect.stringMatching(/^warning 12: note on R1 not kept/),
      'warning 18: event E2 not imported: brat events are not supported (their trigger spans are imported)',
    ]);
  });

  it('splits a discontinuous span into noted fragments, reads attributes into notes, names a bad line', () => {
    const r = readBrat(
      'big red car',
      'T1\tThing 0 3;8 11\tbig car\nA1\tNegated T1\nM1\tSize T1 Large\nX9 what\nT2\tThing 0 4\tbig!',
    );
    expect(r.documents[0].spans).toEqual([
      { start: 0, end: 3, label: 'Thing', note: 'fragment 1 of 2 of brat T1\nNegated\nSize: Large' },
      { start: 8, end: 11, label: 'Thing', note: 'fragment 2 of 2 of brat T1' },
    ]);
    expect(r.problems.map((p) => [p.severity, p.line])).toEqual([
      ['warning', 1],
      ['error', 4],
      ['error', 5],
    ]);
  });

  it('takes a line without its text, and text longer than the span, as brat’s own reader does', () => {
    const r = readBrat('big red car', 'T1\tThing 0 3\nT2\tThing 4 7\tred car');
    expect(r.documents[0].spans).toEqual([
      { start: 0, end: 3, label: 'Thing' },
      { start: 4, end: 7, label: 'Thing' },
    ]);
    expect(r.problems).toEqual([]);
  });

  it('reads offsets brat’s web client counted in UTF-16 after an emoji, and says so', () => {
    const r = readBrat('😀 Paris', 'T1\tLOC 3 8\tParis');
    expect(r.documents[0].spans).toEqual([{ start: 3, end: 8, label: 'LOC' }]);
    expect(r.problems[0].message).toMatch(/1 spans counted UTF-16/);
  });

  it('writes what it reads (code points, Python slices match), lines split at line breaks', () => {
    const text = '😀 Zoë Ünal\r\nmet 𠀀 Bob';
    const spans = [
      { start: 3, end: 6, label: 'PER', note: 'a\nnote' },
      { start: 7, end: 16, label: 'two words' },
      { start: 20, end: 23, label: 'PER' },
    ];
    const out = writeBratAnn({ text, spans, relations: [{ head: 0, child: 2, label: 'knows' }] });
    expect(out).toBe(
      'T1\tPER 2 5\tZoë\n#1\tAnnotatorNotes T1\ta note\nT2\ttwo_words 6 10;12 15\tÜnal met\nT3\tPER 18 21\tBob\nR1\tknows Arg1:T1 Arg2:T3\t\n',
    );
    const tLines = out.split('\n').filter((l) => l.startsWith('T'));
    const frags = tLines.flatMap((l) =>
      l
        .split('\t')[1]
        .split(' ')
        .slice(1)
        .join(' ')
        .split(';')
        .map((f) => f.split(' ').map(Number) as [number, number]),
    );
    expect(pythonSlices(frags.map(([s, e]) => [text, s, e]))).toEqual(['Zoë', 'Ünal', 'met', 'Bob']);
    const back = readBrat(text, out).documents[0];
    expect(back.relations).toEqual([{ head: 0, child: 3, label: 'knows' }]);
    expect(back.spans![0]).toEqual({ start: 3, end: 6, label: 'PER', note: 'a note' });
    expect(back.spans!.slice(1, 3).map((s) => text.slice(s.start, s.end))).toEqual(['Ünal', 'met']);
  });

  it('round-trips the real sample through its own writer', () => {
    const again = readBrat(txt, writeBratAnn(doc)).documents[0];
    const rows = (d: typeof doc) => d.spans!.map((s) => `${s.start} ${s.end} ${s.label} ${s.note ?? ''}`).sort();
    expect(rows(again)).toEqual(rows(doc));
    const pairs = (d: typeof doc) =>
      d.relations!.map((r) => `${d.spans![r.head].start}>${d.spans![r.child].start} ${r.label}`);
    expect(pairs(again)).toEqual(pairs(doc));
  });

  it('never puts a line boundary of Python readlines() inside a line; an empty span is "S S"; a breaks-only span is said', () => {
    // brat reads .ann files with readlines(), which also ends lines at \v \f \x1c-\x1e \x85 \u2028 \u2029.
    const text = 'ab\u2028cd Ef\x85gh\u2029\u2029x';
    const spans = [
      { start: 0, end: 5, label: 'two\x85parts', note: 'one\u2028two\x0bthree' },
      { start: 6, end: 11, label: 'X' },
      { start: 5, end: 5, label: 'EMPTY' },
      { start: 11, end: 13, label: 'BREAKS' },
    ];
    const problems: FormatProblem[] = [];
    const out = writeBratAnn(
      { text, spans, relations: [{ head: 0, child: 3, label: 'r' }], name: 'odd.txt' },
      0,
      problems,
    );
    const lines = out.split('\n').filter(Boolean);
    // Python's own line splitting gives exactly the lines we meant.
    expect(pythonSplitLines(out)).toEqual(lines);
    expect(lines).toEqual([
      'T1\ttwo_parts 0 2;3 5\tab cd',
      '#1\tAnnotatorNotes T1\tone two three',
      'T2\tEMPTY 5 5\t',
      'T3\tX 6 8;9 11\tEf gh',
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'odd.txt: a BREAKS span of line breaks only at 11: brat cannot hold it, left out',
      'odd.txt: a r relation to a span left out: left out too',
    ]);
  });
});
