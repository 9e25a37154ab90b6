// The import path enforces the limits the export and backup schemas check
// (core/limits.ts): whatever the parser accepts, the export schema accepts,
// so one record can no longer disable every export and backup. And no input
// value, however deep, overflows the stack of the message builder.
import { describe, expect, it } from 'vitest';
import { parseJsonlLine, toJsonlLine, type LineOk } from '../../../core/jsonl';
import { ExportRecordSchema } from '../../../core/jsonl/records';
import { LIMITS } from '../../../core/limits';
import { checkShape } from '../../../core/shape';

const line = (value: unknown) => JSON.stringify(value);
const ok = (text: string): LineOk => {
  const parsed = parseJsonlLine(text, 7);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
};

/** The record as the app would store and then export it. */
function exported(parsed: LineOk) {
  const { record } = parsed;
  return {
    id: record.id ?? 'made-from-text',
    name: record.name ?? 'file.jsonl:7',
    text: record.text,
    sha256: 'f'.repeat(64),
    source: record.source ?? '/file.jsonl:7',
    status: record.status ?? 'todo',
    updatedAt: record.updatedAt ?? 0,
    spans: record.spans.map((s) => ({
      start: s.start,
      end: s.end,
      label: s.label,
      text: record.text.slice(s.start, s.end),
      ...(s.note ? { note: s.note } : {}),
    })),
  };
}

describe('limits at the way in', () => {
  const text = 'Yvette Cooper met G7 partners.';
  const cases: Array<[string, unknown, RegExp]> = [
    [
      'meta.name',
      { text, meta: { name: 'n'.repeat(LIMITS.name + 1) } },
      /meta\.name ignored: it is 4,097 characters; the limit is 4,096/,
    ],
    [
      'meta.source',
      { text, meta: { source: 's'.repeat(LIMITS.source + 1) } },
      /meta\.source ignored: it is 8,193 characters; the limit is 8,192/,
    ],
    ['id', { text, id: 'i'.repeat(LIMITS.id + 1) }, /"id" ignored: it is 1,025 characters; the limit is 1,024/],
    [
      'label',
      { text, spans: [{ start: 0, end: 6, label: 'L'.repeat(LIMITS.label + 1) }] },
      /span 1 dropped: label is 201 characters; the limit is 200/,
    ],
    [
      'note',
      { text, spans: [{ start: 0, end: 6, label: 'actor', note: 'n'.repeat(LIMITS.note + 1) }] },
      /span 1 dropped: note is 100,001 characters; the limit is 100,000/,
    ],
  ];

  it.each(cases)(
    '%s past its limit: a clear message for that line, and the record still exports',
    (_field, value, message) => {
      const parsed = ok(line(value));
      expect([...parsed.errors, ...parsed.warnings].join('\n')).toMatch(message);
      const record = exported(parsed);
      expect(checkShape(ExportRecordSchema, record)).toMatchObject({ ok: true });
      expect(() => toJsonlLine(record, 'prodigy')).not.toThrow();
    },
  );

  it('counts a length as a user does, in code points: an emoji, a flag half or an astral CJK sign is one', () => {
    // 200 astral characters are 400 UTF-16 units: within the label limit of 200, on the way in and out.
    const astral = '😀𠀋🇮'.repeat(67).slice(0, 400);
    expect([...astral]).toHaveLength(200);
    const kept = ok(line({ text, spans: [{ start: 0, end: 6, label: astral, note: '𝒩'.repeat(LIMITS.note) }] }));
    expect(kept.errors).toEqual([]);
    expect(kept.record.spans.map((s) => s.label)).toEqual([astral]);
    const record = exported(kept);
    expect(checkShape(ExportRecordSchema, record)).toMatchObject({ ok: true });
    // One more is refused, and the message counts what the user counts.
    const refused = ok(line({ text, spans: [{ start: 0, end: 6, label: `${astral}😀` }] }));
    expect(refused.errors.join('\n')).toMatch(/label is 201 characters; the limit is 200/);
    const named = ok(line({ text, meta: { name: '名'.repeat(LIMITS.name) + '𠀋' } }));
    expect(named.warnings.join('\n')).toMatch(/meta\.name ignored: it is 4,097 characters; the limit is 4,096/);
    expect(
      checkShape(ExportRecordSchema, { ...record, spans: [{ ...record.spans[0], label: `${astral}😀` }] }),
    ).toEqual({ ok: false, message: 'spans.0.label: longer than 200 characters' });
  });

  it('a text past the limit fails its own line, naming the limit', { timeout: 60_000 }, () => {
    const parsed = parseJsonlLine(line({ text: 'x'.repeat(LIMITS.text + 1) }), 3);
    expect(parsed).toMatchObject({
      ok: false,
      line: 3,
      message: expect.stringMatching(/"text" takes 64.000002 MB as stored; the limit is 64 MB/),
    });
  });

  it('a meta.updated_at before 1970 is kept and exports', () => {
    const parsed = ok(line({ text, meta: { updated_at: '1969-07-20T20:17:00.000Z' } }));
    expect(parsed.record.updatedAt).toBeLessThan(0);
    const record = exported(parsed);
    expect(checkShape(ExportRecordSchema, record).ok).toBe(true);
    expect(JSON.parse(toJsonlLine(record, 'prodigy')).meta.updated_at).toBe('1969-07-20T20:17:00.000Z');
  });
});

describe('no value overflows the message builder', () => {
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);
  it.each([
    ['start', `{"text":"abc","spans":[{"start":${deep},"end":1,"label":"x"}]}`],
    ['label (doccano)', `{"text":"abc","label":[${deep}]}`],
    ['meta.status', `{"text":"abc","meta":{"status":${deep}}}`],
    ['span text', `{"text":"abc","spans":[{"start":0,"end":1,"label":"x","text":${deep}}]}`],
  ])('a value nested 100,000 deep in %s is one problem of its line', (_where, text) => {
    const parsed = ok(text);
    expect(parsed.record.text).toBe('abc');
    expect([...parsed.errors, ...parsed.warnings].join('\n')).toMatch(/an array of 1/);
  });
});
