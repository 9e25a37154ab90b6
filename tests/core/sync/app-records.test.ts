import { describe, expect, it } from 'vitest';
import type { Span } from '../../../core/model';
import { spanFromRecord, spanToRecord, stateToRecord } from '../../../core/sync/app-records';

const SHA = 'c'.repeat(64);
const TEXT = '😀 Priti Patel, 李 said';

function span(start: number, end: number, over: Partial<Span> = {}): Span {
  return {
    id: 'u1',
    docId: 'd1',
    start,
    end,
    label: 'actor',
    text: TEXT.slice(start, end),
    note: 'n',
    createdAt: 5,
    updatedAt: 6,
    ...over,
  };
}

describe('spans and records', () => {
  it('store code points and come back as UTF-16 offsets', () => {
    const s = span(3, 14); // after the emoji (2 UTF-16 units)
    const record = spanToRecord(s, SHA, TEXT, 'ann');
    expect(record).toMatchObject({ start: 2, end: 13, text: 'Priti Patel', annotator: 'ann', spanId: 'u1' });
    expect([...TEXT].slice(record.start, record.end).join('')).toBe(record.text);
    const back = spanFromRecord(record, 'd1', TEXT);
    expect(back).toEqual({ ok: true, value: { ...s, annotator: 'ann' } });
  });

  it('keep a span’s own annotator over the local one', () => {
    expect(spanToRecord(span(3, 8, { annotator: 'bob' }), SHA, TEXT, 'ann').annotator).toBe('bob');
  });

  it('report a record whose text or offsets do not fit the document', () => {
    const record = spanToRecord(span(3, 8), SHA, TEXT, 'ann');
    expect(spanFromRecord({ ...record, text: 'Other' }, 'd1', TEXT)).toMatchObject({ ok: false });
    expect(spanFromRecord({ ...record, end: 999 }, 'd1', TEXT)).toMatchObject({ ok: false });
    expect(spanFromRecord({ ...record, end: record.start }, 'd1', TEXT)).toMatchObject({ ok: false });
  });

  it('write a document’s state per annotator', () => {
    const state = stateToRecord(
      {
        id: 'd1',
        name: 'a',
        sha256: SHA,
        source: 's',
        preview: '',
        length: 1,
        status: 'done',
        spanCount: 0,
        addedAt: 0,
        updatedAt: 9,
      },
      'ann',
    );
    expect(state).toEqual({ type: 'state', sha256: SHA, annotator: 'ann', status: 'done', updatedAt: 9 });
  });
});
