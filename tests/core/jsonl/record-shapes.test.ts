import { describe, expect, it } from 'vitest';
import { parseJsonlLine, type LineOk } from '../../../core/jsonl';
import { peerText } from '../../support/peer-samples';

function ok(line: string, offsets?: 'codepoints' | 'utf16'): LineOk {
  const parsed = parseJsonlLine(line, 1, { offsets });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
}
const quotes = (p: LineOk) => p.record.spans.map((s) => `${p.record.text.slice(s.start, s.end)}/${s.label}`);
const lines = (rel: string) =>
  peerText(rel)
    .split('\n')
    .filter((l) => l.trim() !== '');

describe('doccano records', () => {
  it('reads relation mode: entities as spans, relations as indexes into them', () => {
    const p = ok(lines('doccano/relation_extraction_example.jsonl')[0]);
    expect(quotes(p)).toEqual(['Google/ORG', 'September 4, 1998/DATE', 'Larry Page/PERSON', 'Sergey Brin/PERSON']);
    expect(p.record.relations).toEqual([
      { head: 0, child: 1, label: 'foundedAt' },
      { head: 0, child: 2, label: 'foundedBy' },
      { head: 0, child: 3, label: 'foundedBy' },
    ]);
    expect([p.errors, p.warnings]).toEqual([[], []]);
  });

  it('follows relation ends past a dropped entity, and names a relation to it', () => {
    const line = JSON.stringify({
      text: 'ab cd',
      entities: [
        { id: 7, start_offset: 0, end_offset: 9, label: 'X' },
        { id: 8, start_offset: 0, end_offset: 2, label: 'A' },
        { id: 9, start_offset: 3, end_offset: 5, label: 'B' },
      ],
      relations: [
        { id: 1, from_id: 8, to_id: 9, type: 'r' },
        { id: 2, from_id: 7, to_id: 9, type: 'r' },
      ],
    });
    const p = ok(line);
    expect(p.record.relations).toEqual([{ head: 0, child: 1, label: 'r' }]);
    expect(p.errors.join('\n')).toMatch(/relation 2 dropped: entity 7 is missing or was dropped/);
  });

  it('reads 1.x annotations with numeric labels kept as labels, user as annotator, and says so', () => {
    const line = JSON.stringify({
      text: 'Nadim Ladki',
      annotations: [
        { label: 3, start_offset: 0, end_offset: 5, user: 1 },
        { label: 4, start_offset: 6, end_offset: 11, user: 2 },
      ],
    });
    const p = ok(line);
    expect(p.record.spans).toEqual([
      { start: 0, end: 5, label: '3', annotator: '1' },
      { start: 6, end: 11, label: '4', annotator: '2' },
    ]);
    expect(p.warnings.join('\n')).toMatch(/doccano 1\.x label ids 3, 4 kept as the labels' names/);
  });

  it('reads classification labels as categories, and intent mode (entities triples + cats)', () => {
    const [a, b, c] = lines('doccano/textcat_example.jsonl').map((l) => ok(l));
    expect([a.record.categories, b.record.categories, c.record.categories]).toEqual([
      ['positive'],
      ['positive', 'negative'],
      undefined,
    ]);
    expect([...a.errors, ...b.errors, ...c.errors]).toEqual([]);
    const intent = ok(
      '{"text": "Find a flight from Memphis to Tacoma", "entities": [[19, 26, "City"], [30, 36, "City"]], "cats": ["flight"]}',
    );
    expect(quotes(intent)).toEqual(['Memphis/City', 'Tacoma/City']);
    expect(intent.record.categories).toEqual(['flight']);
  });

  it('reads the sequence samples (labels and label triples)', () => {
    expect(lines('doccano/labeling_text_label.jsonl').map((l) => quotes(ok(l)))).toEqual([
      ['JAPAN/LOC', 'CHINA/PER', 'Nadim Ladki/PER', 'AL-AIN/LOC', 'United Arab Emirates/LOC'],
      ['RUGBY UNION/ORG', 'CUTTITTA/PER', 'ITALY/LOC', 'ROME/LOC', 'Italy/LOC', 'Marcello Cuttitta/PER'],
    ]);
  });
});

describe('offsets unit', () => {
  // doccano #2290: the web UI counted UTF-16, so [8, 15] after an emoji is "Ramen dr" misread as code points.
  const line = JSON.stringify({ text: '🍜 I ate Ramen dry today', label: [[9, 14, 'FOOD']] });
  it('reads UTF-16 offsets when told, and code points by default', () => {
    expect(quotes(ok(line, 'utf16'))).toEqual(['Ramen/FOOD']);
    expect(quotes(ok(line))).toEqual(['amen /FOOD']);
    expect(ok(line).unquotedAstral).toBe(true);
  });
  it('refuses a UTF-16 offset that splits a surrogate pair', () => {
    expect(ok(JSON.stringify({ text: '😀a', label: [[1, 3, 'X']] }), 'utf16').errors[0]).toMatch(/splits a character/);
  });
  it('hints at the other unit when a quote fits it', () => {
    const p = ok(JSON.stringify({ text: '😀ab', spans: [{ start: 1, end: 3, label: 'A', text: 'ab' }] }), 'utf16');
    expect(p.errors[0]).toMatch(/look like code points/);
  });
});

describe('Prodigy records', () => {
  it('reads accepted ner_manual records of the real sample with every span', () => {
    const parsed = lines('prodigy/news_headlines_ner.lines1-20.jsonl').map((l) => ok(l));
    expect(quotes(parsed[0])).toEqual(['Uber/ORG', 'Silicon Valley/LOCATION']);
    expect(parsed.flatMap((p) => [...p.errors, ...p.warnings])).toEqual([]);
    expect(parsed.reduce((n, p) => n + p.record.spans.length, 0)).toBe(23);
  });

  it('keeps rejected spans as rejected suggestions and leaves ignored ones out, saying how many', () => {
    const base = { text: 'Apple is big', spans: [{ start: 0, end: 5, label: 'ORG' }], _annotator_id: 'ner-ann' };
    const rejected = ok(JSON.stringify({ ...base, answer: 'reject' }));
    expect(rejected.record.spans).toEqual([]);
    expect(rejected.record.suggestions).toEqual([
      { start: 0, end: 5, label: 'ORG', annotator: 'ner-ann', source: 'prodigy', rejected: true },
    ]);
    expect(rejected.warnings).toEqual([
      'answer "reject": 1 span not imported as annotations; the spans are kept as rejected suggestions',
    ]);
    const ignored = ok(JSON.stringify({ ...base, answer: 'ignore' }));
    expect([ignored.record.spans, ignored.record.suggestions]).toEqual([[], undefined]);
    expect(ignored.warnings).toEqual(['answer "ignore": 1 span left out; the text is imported']);
    expect(ok(JSON.stringify({ ...base, answer: 'accept' })).record.spans).toEqual([
      { start: 0, end: 5, label: 'ORG', annotator: 'ner-ann' },
    ]);
  });

  it('reads textcat labels, spaCy cats and choice answers as categories', () => {
    expect(ok('{"text":"a","label":"SPORTS","answer":"accept"}').record.categories).toEqual(['SPORTS']);
    const rejected = ok('{"text":"a","label":"SPORTS","answer":"reject"}');
    expect([rejected.record.categories, rejected.warnings]).toEqual([
      undefined,
      ['answer "reject": 1 category not imported as annotations'],
    ]);
    expect(ok('{"text":"a","cats":{"POS":1.0,"NEG":0.0}}').record.categories).toEqual(['POS']);
    expect(
      ok('{"text":"a","options":[{"id":"X","text":"x"}],"accept":["X"],"answer":"accept"}').record.categories,
    ).toEqual(['X']);
  });
});
