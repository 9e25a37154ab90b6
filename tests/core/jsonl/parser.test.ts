import { describe, expect, it } from 'vitest';
import { parseJsonlLine, toJsonlLine, type ExportRecord, type LineOk } from '../../../core/jsonl';
import { hardRecords } from './samples';

function ok(line: string): LineOk {
  const parsed = parseJsonlLine(line, 7);
  if (!parsed.ok) throw new Error(`expected ok, got ${parsed.message}`);
  return parsed;
}

function failure(line: string): string {
  const parsed = parseJsonlLine(line, 7);
  if (parsed.ok) throw new Error('expected a failure');
  expect(parsed.line).toBe(7);
  return parsed.message;
}

describe('parseJsonlLine shapes', () => {
  it('reads the Prodigy shape and converts code points to UTF-16', () => {
    const line =
      '{"id":"x","text":"😀 Paris 𠀀","spans":[{"start":2,"end":7,"label":"LOC","text":"Paris","note":"city"}],"meta":{"name":"n","status":"done","updated_at":"2026-01-02T03:04:05.000Z","source":"s"}}';
    const { record, errors, warnings } = ok(line);
    expect(record).toEqual({
      id: 'x',
      name: 'n',
      text: '😀 Paris 𠀀',
      status: 'done',
      source: 's',
      updatedAt: Date.UTC(2026, 0, 2, 3, 4, 5),
      spans: [{ start: 3, end: 8, label: 'LOC', note: 'city' }],
    });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('reads doccano label and labels, and plain text', () => {
    expect(ok('{"id":3,"text":"🇬🇧 UK","label":[[3,5,"GPE"]]}').record).toEqual({
      id: '3',
      text: '🇬🇧 UK',
      spans: [{ start: 5, end: 7, label: 'GPE' }],
    });
    expect(ok('{"text":"ab","labels":[[0,1,"A"]]}').record.spans).toEqual([{ start: 0, end: 1, label: 'A' }]);
    expect(ok('{"text":""}').record).toEqual({ text: '', spans: [] });
  });

  it('keeps the record and its good spans when one span is bad', () => {
    const line =
      '{"text":"abc😀","spans":[{"start":0,"end":1,"label":"A"},{"start":2,"end":9,"label":"B"},{"start":0,"end":2,"label":"C","text":"xx"},{"start":0,"end":1},{"start":0.5,"end":1,"label":"D"},{"start":-1,"end":1,"label":"E"},{"start":2,"end":1,"label":"F"},"nope",{"start":3,"end":4,"label":"G","text":"😀"}]}';
    const { record, errors } = ok(line);
    expect(record.spans).toEqual([
      { start: 0, end: 1, label: 'A' },
      { start: 3, end: 5, label: 'G' },
    ]);
    expect(errors).toHaveLength(7);
    expect(errors.join('\n')).toMatch(/span 2 dropped: end 9 is past the end/);
    expect(errors.join('\n')).toMatch(/span 3 dropped: span text "xx" does not match/);
    expect(errors.join('\n')).toMatch(/span 4 dropped: span has no label/);
    expect(errors.join('\n')).toMatch(/integers/);
    expect(errors.join('\n')).toMatch(/negative/);
    expect(errors.join('\n')).toMatch(/start 2 is after end 1/);
    expect(errors.join('\n')).toMatch(/span 8 dropped: not an object/);
  });

  it('hints when offsets were written as UTF-16 units', () => {
    const { errors } = ok('{"text":"😀ab","spans":[{"start":2,"end":4,"label":"A","text":"ab"}]}');
    expect(errors[0]).toMatch(/look like UTF-16/);
  });

  it('warns about, and ignores, odd optional fields', () => {
    const { record, warnings } = ok('{"text":"a","id":{},"meta":{"status":"finished"},"spans":[]}');
    expect(record).toEqual({ text: 'a', spans: [] });
    expect(warnings).toHaveLength(2);
  });
});

describe('parseJsonlLine failures', () => {
  it('names what JSON.parse said', () => expect(failure('{"text": "a"')).toMatch(/^malformed JSON: /));
  it('rejects a non-object', () => {
    expect(failure('[1,2]')).toBe('not a JSON object (got array)');
    expect(failure('"text"')).toBe('not a JSON object (got string)');
    expect(failure('null')).toBe('not a JSON object (got null)');
  });
  it('rejects missing or non-string text', () => {
    expect(failure('{"spans":[]}')).toBe('missing "text"');
    expect(failure('{"text":5}')).toBe('"text" is not a string (got number)');
  });
  it('marks blank lines', () => {
    const parsed = parseJsonlLine('  \t', 3);
    expect(parsed.ok === false && parsed.blank).toBe(true);
  });
});

describe('round trip', () => {
  const reexport = (line: string, original: ExportRecord, format: 'prodigy' | 'doccano'): string => {
    const { record } = ok(line);
    const text = record.text;
    const spans = record.spans.map((s) => ({ ...s, text: text.slice(s.start, s.end) }));
    return toJsonlLine(
      {
        ...original,
        id: record.id ?? '',
        name: record.name ?? original.name,
        text,
        status: record.status ?? original.status,
        source: record.source ?? original.source,
        updatedAt: record.updatedAt ?? original.updatedAt,
        spans,
      },
      format,
    );
  };

  it.each(['prodigy', 'doccano'] as const)('export -> parse -> export is byte-identical (%s)', (format) => {
    for (const record of hardRecords()) {
      if (record.spans[0]) record.spans[0].note = 'n\u00e9 😀';
      const first = toJsonlLine(record, format);
      const stripped =
        format === 'doccano' ? { ...record, spans: record.spans.map(({ note: _n, ...s }) => s) } : record;
      expect(reexport(first, stripped, format)).toBe(first);
    }
  });
});

describe('annotators on the way in', () => {
  it("reads a span's annotator and Prodigy's _annotator_id (a span's own name wins)", () => {
    const line = JSON.stringify({
      text: 'Ann met Bob.',
      _annotator_id: 'ann',
      spans: [
        { start: 0, end: 3, label: 'actor' },
        { start: 8, end: 11, label: 'actor', annotator: 'bob' },
      ],
    });
    const parsed = parseJsonlLine(line, 1);
    expect(parsed.ok && parsed.record.spans.map((s) => s.annotator)).toEqual(['ann', 'bob']);
  });

  it('ignores an annotator that is neither a name nor a user id, with a warning, and keeps the span', () => {
    const parsed = parseJsonlLine(
      JSON.stringify({ text: 'Ann', spans: [{ start: 0, end: 3, label: 'a', annotator: { id: 7 } }] }),
      1,
    );
    expect(parsed.ok && parsed.record.spans).toEqual([{ start: 0, end: 3, label: 'a' }]);
    expect(parsed.ok && parsed.warnings.join()).toMatch(/annotator/);
  });
});

describe('annotators through a write and a read (backups, "all layers" exports)', () => {
  it('keeps each span’s annotator, offsets in code points', () => {
    const text = '😀 Ann met Bob.';
    const record: ExportRecord = {
      id: 'x',
      name: 'x',
      text,
      sha256: 's',
      source: 's',
      status: 'todo',
      updatedAt: 0,
      spans: [
        { start: 3, end: 6, label: 'actor', text: 'Ann', annotator: 'ann' },
        { start: 3, end: 6, label: 'actor', text: 'Ann', annotator: 'bob' },
        { start: 11, end: 14, label: 'actor', text: 'Bob' },
      ],
    };
    const line = toJsonlLine(record, 'prodigy');
    expect(JSON.parse(line).spans.map((s: { start: number; annotator?: string }) => [s.start, s.annotator])).toEqual([
      [2, 'ann'],
      [2, 'bob'],
      [10, undefined],
    ]);
    const parsed = parseJsonlLine(line, 1) as LineOk;
    expect(parsed.record.spans.map((s) => [s.start, s.annotator])).toEqual([
      [3, 'ann'],
      [3, 'bob'],
      [11, undefined],
    ]);
  });
});
