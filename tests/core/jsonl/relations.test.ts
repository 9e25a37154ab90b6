import { describe, expect, it } from 'vitest';
import { parseJsonlLine, type LineOk } from '../../../core/jsonl/parser';
import type { ExportRecord } from '../../../core/jsonl/records';
import { ExportError, toJsonlLine } from '../../../core/jsonl/writer';
import { peerText } from '../../support/peer-samples';

const ok = (line: string): LineOk => {
  const parsed = parseJsonlLine(line, 1);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
};

// Astral characters before the spans: code points and UTF-16 units differ.
const TEXT = '🇬🇧 Home Secretary Priti Patel committed a further £84 million to Italy.';
const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length, text: s });
const record: ExportRecord = {
  id: 'd1',
  name: 'd1.txt',
  text: TEXT,
  sha256: 'x',
  source: 'd1.txt',
  status: 'done',
  updatedAt: 0,
  // Deliberately not in reading order: the writer sorts spans and must move relation ends with them.
  spans: [
    { ...at('£84 million'), label: 'money' },
    { ...at('Home Secretary Priti Patel'), label: 'actor' },
    { ...at('committed a further £84 million'), label: 'commitment' },
    { ...at('Italy'), label: 'country' },
  ],
  relations: [
    { head: 1, child: 2, label: 'commits' },
    { head: 2, child: 0, label: 'funds' },
    { head: 2, child: 3, label: 'involves' },
  ],
};

/** Head and child by their text, as a Python reader would check them. */
const byText = (
  spans: Array<{ start: number; end: number }>,
  rels: Array<{ head: number; child: number; label: string }>,
  text: string,
) =>
  rels.map((r) => [
    text.slice(spans[r.head].start, spans[r.head].end),
    r.label,
    text.slice(spans[r.child].start, spans[r.child].end),
  ]);

const EXPECTED = [
  ['Home Secretary Priti Patel', 'commits', 'committed a further £84 million'],
  ['committed a further £84 million', 'funds', '£84 million'],
  ['committed a further £84 million', 'involves', 'Italy'],
];

describe('relations in JSONL', () => {
  it('imports the real doccano relation sample with its relations', () => {
    const line = peerText('doccano/relation_extraction_example.jsonl').split('\n')[0];
    const { record: r, errors } = ok(line);
    expect(errors).toEqual([]);
    expect(r.spans.map((s) => [r.text.slice(s.start, s.end), s.label])).toEqual([
      ['Google', 'ORG'],
      ['September 4, 1998', 'DATE'],
      ['Larry Page', 'PERSON'],
      ['Sergey Brin', 'PERSON'],
    ]);
    expect(byText(r.spans, r.relations!, r.text)).toEqual([
      ['Google', 'foundedAt', 'September 4, 1998'],
      ['Google', 'foundedBy', 'Larry Page'],
      ['Google', 'foundedBy', 'Sergey Brin'],
    ]);
  });

  it('writes Prodigy relations with token indexes and tokens in code points, and reads them back', () => {
    const line = toJsonlLine(record, 'prodigy');
    const json = JSON.parse(line);
    const cp = [...TEXT];
    const slice = (s: { start: number; end: number }) => cp.slice(s.start, s.end).join('');
    for (const t of json.tokens) expect(slice(t)).toBe(t.text);
    for (const rel of json.relations) {
      // head/child are the token index of each span's last token, as spaCy's rel_component reads them.
      expect(rel.head).toBe(rel.head_span.token_end);
      expect(json.tokens[rel.head].end).toBe(rel.head_span.end);
      expect(json.tokens[rel.child].end).toBe(rel.child_span.end);
    }
    expect(
      json.relations.map((r: { head_span: never; label: string; child_span: never }) => [
        slice(r.head_span),
        r.label,
        slice(r.child_span),
      ]),
    ).toEqual(EXPECTED);
    const back = ok(line).record;
    expect(byText(back.spans, back.relations!, back.text)).toEqual(EXPECTED);
  });

  it('reads a Prodigy relation by its token index when it has no head_span, unless the token ends two spans', () => {
    const json = JSON.parse(toJsonlLine(record, 'prodigy'));
    for (const rel of json.relations) {
      delete rel.head_span;
      delete rel.child_span;
    }
    const back = ok(JSON.stringify(json));
    // The commitment and the money both end on "million", and every relation here has an end there: each is dropped, said.
    expect(back.record.relations).toBeUndefined();
    expect(back.errors).toHaveLength(3);
    expect(back.errors[0]).toMatch(/relation 1 dropped: its child matches no span .*ends more than one/);
    const simple = JSON.parse(
      toJsonlLine(
        {
          ...record,
          spans: record.spans.slice(1, 2).concat(record.spans[3]),
          relations: [{ head: 0, child: 1, label: 'x' }],
        },
        'prodigy',
      ),
    );
    delete simple.relations[0].head_span;
    delete simple.relations[0].child_span;
    const read = ok(JSON.stringify(simple)).record;
    expect(byText(read.spans, read.relations!, read.text)).toEqual([['Home Secretary Priti Patel', 'x', 'Italy']]);
  });

  it('writes doccano relation mode (entities + relations) and reads it back', () => {
    const json = JSON.parse(toJsonlLine(record, 'doccano'));
    expect(json.entities[0]).toEqual({ id: 0, start_offset: 3, end_offset: 29, label: 'actor' });
    expect(json.relations[0]).toEqual({ id: 0, from_id: 0, to_id: 1, type: 'commits' });
    const back = ok(JSON.stringify(json)).record;
    expect(byText(back.spans, back.relations!, back.text)).toEqual(EXPECTED);
  });

  it('keeps the Prodigy shape when a record has no relations; doccano lines always carry entities and relations', () => {
    const plain = { ...record, relations: undefined };
    expect(JSON.parse(toJsonlLine(plain, 'prodigy')).tokens).toBeUndefined();
    // doccano's relation import reads spans from `entities` only and refuses a file where a line lacks it.
    const doccano = JSON.parse(toJsonlLine(plain, 'doccano'));
    expect(doccano.relations).toEqual([]);
    expect(
      doccano.entities.map((e: { start_offset: number; end_offset: number; label: string }) => [
        e.start_offset,
        e.end_offset,
        e.label,
      ]),
    ).toEqual(doccano.label);
  });

  it('drops a bad relation with a message and keeps the rest', () => {
    const line = JSON.stringify({
      text: 'Ann paid Bob.',
      entities: [
        { id: 7, start_offset: 0, end_offset: 3, label: 'PER' },
        { id: 8, start_offset: 9, end_offset: 12, label: 'PER' },
      ],
      relations: [
        { from_id: 7, to_id: 8, type: 'pays' },
        { from_id: 7, to_id: 99, type: 'pays' },
        { from_id: 7, to_id: 8 },
      ],
    });
    const parsed = ok(line);
    expect(parsed.record.relations).toEqual([{ head: 0, child: 1, label: 'pays' }]);
    expect(parsed.errors).toEqual([
      'relation 2 dropped: entity 99 is missing or was dropped',
      'relation 3 dropped: no usable "type" (got undefined)',
    ]);
  });

  it('refuses to write a relation that names a span the record lacks', () => {
    expect(() => toJsonlLine({ ...record, relations: [{ head: 0, child: 9, label: 'x' }] }, 'prodigy')).toThrow(
      ExportError,
    );
  });
});
