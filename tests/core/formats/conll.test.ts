import { describe, expect, it } from 'vitest';
import { readConll, writeConll } from '../../../core/formats/conll';
import type { FormatProblem } from '../../../core/formats/document';
import { writeHuggingFace } from '../../../core/formats/huggingface';
import { peerText } from '../../support/peer-samples';

const quotes = (d: { text: string; spans?: Array<{ start: number; end: number; label: string }> }) =>
  (d.spans ?? []).map((s) => `${d.text.slice(s.start, s.end)}/${s.label}`);

describe('CoNLL / IOB reading', () => {
  it('reads the CoNLL 2003 sample: tokens joined by spaces, sentences by newlines', () => {
    const read = readConll(peerText('conll/ner-token-per-line-conll2003.iob'));
    expect(read.problems).toEqual([]);
    expect(read.documents).toHaveLength(1);
    const [doc] = read.documents;
    expect(doc.text.split('\n')).toHaveLength(2);
    expect(doc.text.startsWith('When Sebastian Thrun started working on self - driving cars at Google in 2007 ,')).toBe(
      true,
    );
    expect(quotes(doc)).toEqual([
      'Sebastian Thrun/PERSON',
      'Google/ORG',
      '2007/DATE',
      'American/NORP',
      'Thrun/PERSON',
      'Recode/ORG',
      'earlier this week/DATE',
    ]);
  });

  it('reads the tab-separated sample and doccano’s CoNLL with the same spans', () => {
    expect(quotes(readConll(peerText('conll/ner-token-per-line.iob')).documents[0])).toHaveLength(7);
    const doccano = readConll(peerText('doccano/example.conll')).documents[0];
    expect([doccano.text, quotes(doccano)]).toEqual([
      'JAPAN GET\nNadim Ladki',
      ['JAPAN/B-LOC'.replace('B-', ''), 'Nadim Ladki/PER'],
    ]);
  });

  it('reads BILUO and IOB1, spaCy word|POS|TAG lines, and names a bad line', () => {
    const biluo = readConll('-DOCSTART- O\n\nNew B-LOC\nYork L-LOC\nis O\nbig U-ADJ\n\nx I-A\ny I-A\n');
    expect(quotes(biluo.documents[0])).toEqual(['New York/LOC', 'big/ADJ', 'x y/A']);
    expect(quotes(readConll('Who|WP|O is|VBZ|O Shaka|NNP|B-PERSON Khan|NNP|I-PERSON ?|.|O').documents[0])).toEqual([
      'Shaka Khan/PERSON',
    ]);
    const bad = readConll('a O\nb\nc B-X');
    expect(bad.problems.map((p) => [p.severity, p.line])).toEqual([['error', 2]]);
    expect(quotes(bad.documents[0])).toEqual(['c/X']);
  });
});

describe('CoNLL and Hugging Face writing', () => {
  const doc = {
    id: 'd',
    text: 'Zoë met the Home Secretary.\nThen 😀 Priti Patel left',
    spans: [
      { start: 12, end: 26, label: 'actor' },
      { start: 36, end: 47, label: 'actor' },
      { start: 17, end: 20, label: 'part' },
      { start: 1, end: 3, label: 'cut' },
    ],
  };

  it('tags IOB2 over Intl.Segmenter tokens and reports what IOB cannot hold', () => {
    const problems: FormatProblem[] = [];
    const out = writeConll([doc], problems);
    expect(out).toBe(
      [
        '-DOCSTART- O',
        '',
        'Z O',
        'oë B-cut',
        'met O',
        'the O',
        'Home B-actor',
        'Secretary I-actor',
        '. O',
        '',
        'Then O',
        '😀 O',
        'Priti B-actor',
        'Patel I-actor',
        'left O',
        '',
        '',
      ].join('\n'),
    );
    expect(problems.map((p) => `${p.severity}: ${p.message}`)).toEqual([
      'error: d: span "Sec" (part) overlaps an earlier span: IOB holds one label a token, left out',
      'warning: d: token "Zoë" cut at a span\'s edge, so the span keeps its extent',
    ]);
    const back = readConll(out).documents[0];
    expect(quotes(back)).toEqual(['oë/cut', 'Home Secretary/actor', 'Priti Patel/actor']);
  });

  it('exports tokens, ner_tags and the label list as datasets expects', () => {
    const hf = writeHuggingFace([doc], []);
    expect(hf.labels).toEqual(['O', 'B-actor', 'I-actor', 'B-cut', 'I-cut', 'B-part', 'I-part']);
    expect(hf.rows.split('\n')[0]).toBe(
      '{"id":"d-0","tokens":["Z","oë","met","the","Home","Secretary","."],"ner_tags":[0,3,0,0,1,2,0]}',
    );
    const rows = hf.rows
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { tokens: string[]; ner_tags: number[] });
    expect(rows[1]).toEqual({ id: 'd-1', tokens: ['Then', '😀', 'Priti', 'Patel', 'left'], ner_tags: [0, 0, 1, 2, 0] });
  });

  it('round-trips the CoNLL 2003 sample: same tokens and spans', () => {
    const first = readConll(peerText('conll/ner-token-per-line-conll2003.iob')).documents[0];
    const again = readConll(writeConll([first], [])).documents[0];
    expect(quotes(again)).toEqual(quotes(first));
  });
});
