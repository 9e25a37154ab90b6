import { describe, expect, it } from 'vitest';
import { ExportError, toJsonlLine } from '../../../core/jsonl';
import { codePointSliceOk, hardRecords, recordOf, spansFor } from './samples';

describe('toJsonlLine', () => {
  it.each(hardRecords().map((r) => [r.id, r] as const))('writes code point offsets for %s', (_id, record) => {
    const out = JSON.parse(toJsonlLine(record, 'prodigy'));
    expect(out.text).toBe(record.text);
    expect(out.spans).toHaveLength(record.spans.length);
    for (const span of out.spans) expect(codePointSliceOk(out.text, span)).toBe(true);
    const doccano = JSON.parse(toJsonlLine(record, 'doccano'));
    for (const [start, end] of doccano.label) expect([...doccano.text].slice(start, end).length).toBe(end - start);
  });

  it('writes the Prodigy shape with sorted spans and ISO meta', () => {
    const text = 'bb aa 😀';
    const spans = [...spansFor(text, ['😀'], 'z'), ...spansFor(text, ['aa'], 'b'), ...spansFor(text, ['aa'], 'a')];
    spans[0].note = 'smile';
    const line = toJsonlLine({ ...recordOf('d1', text, spans), status: 'done' }, 'prodigy');
    expect(line).toBe(
      '{"id":"d1","text":"bb aa 😀","spans":[{"start":3,"end":5,"label":"a","text":"aa"},{"start":3,"end":5,"label":"b","text":"aa"},' +
        '{"start":6,"end":7,"label":"z","text":"😀","note":"smile"}],' +
        '"meta":{"name":"d1.txt","source":"/tmp/d1.txt","sha256":"' +
        '0'.repeat(64) +
        '","status":"done","updated_at":"2026-01-02T03:04:05.000Z"}}',
    );
    expect(line).not.toContain('\n');
  });

  it('writes the doccano shape', () => {
    const text = '😀 Paris';
    expect(toJsonlLine(recordOf('d2', text, spansFor(text, ['Paris'], 'LOC')), 'doccano')).toBe(
      '{"id":"d2","text":"😀 Paris","label":[[2,7,"LOC"]],"entities":[{"id":0,"start_offset":2,"end_offset":7,"label":"LOC"}],"relations":[]}',
    );
  });

  it('escapes lone surrogates instead of corrupting them', () => {
    const line = toJsonlLine(recordOf('s', 'a\ud800b', []), 'doccano');
    expect(line).toContain('\\ud800');
    expect(JSON.parse(line).text).toBe('a\ud800b');
  });

  it('refuses spans it cannot write correctly', () => {
    const text = 'x😀y';
    expect(() =>
      toJsonlLine(recordOf('a', text, [{ start: 1, end: 2, label: 'l', text: text.slice(1, 2) }]), 'prodigy'),
    ).toThrow(ExportError);
    expect(() => toJsonlLine(recordOf('b', text, [{ start: 0, end: 1, label: 'l', text: 'z' }]), 'prodigy')).toThrow(
      /does not match/,
    );
    expect(() =>
      toJsonlLine(recordOf('c', text, [{ start: 0, end: 9, label: 'l', text: text.slice(0, 9) }]), 'prodigy'),
    ).toThrow(ExportError);
    expect(() => toJsonlLine({ ...recordOf('d', text, []), updatedAt: NaN }, 'prodigy')).toThrow(ExportError);
  });
});
