import { describe, expect, it } from 'vitest';
import { contentKey, fromCouchDoc, parseId, toCouchDoc } from '../../../core/sync/couch-docs';
import { ownerOfId, recordId, type SpanSyncRecord } from '../../../core/sync/couch-records';

const SHA = 'b'.repeat(64);
const span = (over: Partial<SpanSyncRecord> = {}): SpanSyncRecord => ({
  type: 'span',
  sha256: SHA,
  annotator: 'ann',
  spanId: 'u1',
  start: 0,
  end: 3,
  label: 'actor',
  text: 'abc',
  note: '',
  createdAt: 1,
  updatedAt: 2,
  ...over,
});

describe('record ids', () => {
  it('give each annotator its own record for the same span id, and share documents and labels', () => {
    expect(recordId(span())).toBe(`span:${SHA}:ann:u1`);
    expect(recordId(span({ annotator: 'bob' }))).not.toBe(recordId(span()));
    expect(recordId({ type: 'document', sha256: SHA, name: 'n', source: 's', text: 't' })).toBe(`doc:${SHA}`);
    expect(recordId({ type: 'label', name: 'a:b', color: '#000', key: '', order: 0 })).toBe('label:a%3Ab');
  });

  it('keep a colon in an annotator name from making two ids alike', () => {
    const a = recordId(span({ annotator: 'a:b', spanId: 'c' }));
    const b = recordId(span({ annotator: 'a', spanId: 'b:c'.replace(':', '') }));
    expect(a).not.toBe(b);
    expect(ownerOfId(a)).toBe('a:b');
    expect(parseId(a)).toEqual({ type: 'span', sha256: SHA, annotator: 'a:b', key: 'c' });
  });
});

describe('fromCouchDoc', () => {
  it('reads back what toCouchDoc wrote', () => {
    const doc = toCouchDoc(span(), '1-x');
    expect(fromCouchDoc(doc)).toEqual({
      ok: true,
      change: { kind: 'record', id: doc._id, rev: '1-x', record: span() },
    });
  });

  it('reports a record of the wrong shape without throwing', () => {
    const bad = fromCouchDoc({ _id: `span:${SHA}:ann:u1`, type: 'span', start: 'zero' });
    expect(bad?.ok).toBe(false);
    expect(bad && !bad.ok && bad.problem.message).toMatch(/not a workbench record/);
    expect(fromCouchDoc(null)?.ok).toBe(false);
    expect(fromCouchDoc({ _id: 'x', type: 'nothing' })?.ok).toBe(false);
  });

  it('refuses a record filed under an id that is not its own (another annotator’s slot)', () => {
    const bad = fromCouchDoc({ ...span(), _id: `span:${SHA}:bob:u1` });
    expect(bad && !bad.ok && bad.problem.message).toMatch(/belong under the id span:/);
  });

  it('reads a deletion from its id, and skips design documents', () => {
    expect(fromCouchDoc({ _id: `span:${SHA}:ann:u1`, _rev: '2-y', _deleted: true })).toEqual({
      ok: true,
      change: { kind: 'removed', id: `span:${SHA}:ann:u1`, rev: '2-y', what: parseId(`span:${SHA}:ann:u1`) },
    });
    expect(fromCouchDoc({ _id: '_design/x', views: {} })).toBeNull();
  });

  it('drops fields a newer app added, and compares content whatever the key order', () => {
    const got = fromCouchDoc({ ...toCouchDoc(span()), colour: 'red' });
    expect(got?.ok && got.change.kind === 'record' && 'colour' in got.change.record).toBe(false);
    const reversed = Object.fromEntries(Object.entries(span()).reverse());
    expect(contentKey(reversed)).toBe(contentKey(span()));
  });
});
