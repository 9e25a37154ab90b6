import { describe, expect, it } from 'vitest';
import type { Span } from '../../../core/model';
import { agreedKeys, autoTaken, isTaken, markOf, taken, takenAll } from '../../../core/teams/curation';
import { CURATION } from '../../../core/teams/layers';

const TEXT = 'Priti Patel met Italy over £75 million.';
let n = 0;
const span = (start: number, end: number, label: string, annotator?: string): Span => ({
  id: `s${n++}`,
  docId: 'd',
  start,
  end,
  label,
  text: TEXT.slice(start, end),
  note: '',
  annotator,
  createdAt: 0,
  updatedAt: 0,
});
const ids = () => {
  let i = 0;
  return () => `new${i++}`;
};

const ann = [span(0, 11, 'actor', 'ann'), span(16, 21, 'country', 'ann'), span(27, 38, 'money', 'ann')];
const bob = [span(0, 11, 'actor', 'bob'), span(16, 21, 'actor', 'bob'), span(27, 30, 'money', 'bob')];
const layers = new Map([
  ['ann', ann],
  ['bob', bob],
]);

describe('curation (adjudication) of one document', () => {
  it('marks spans every annotator made as agreed, the rest as disagreements', () => {
    const agreed = agreedKeys({ layers, curation: [] });
    expect([...agreed]).toEqual(['0:11:actor']);
    expect(ann.map((s) => markOf(s, agreed))).toEqual(['agreed', 'disputed', 'disputed']);
  });

  it('takes over the agreed spans when a document is first curated, and never again', () => {
    const start = autoTaken({ layers, curation: [] }, ids(), 5);
    expect(start.map((s) => [s.start, s.end, s.label, s.annotator, s.id])).toEqual([
      [0, 11, 'actor', CURATION, 'new0'],
    ]);
    expect(autoTaken({ layers, curation: start }, ids(), 5)).toEqual([]);
    expect(autoTaken({ layers: new Map([['ann', ann]]), curation: [] }, ids(), 5)).toEqual([]);
  });

  it('takes one span as a new span of the adjudicated layer (its own id), once', () => {
    const copy = taken(bob[2], [], ids(), 7)!;
    expect(copy).toMatchObject({ start: 27, end: 30, label: 'money', text: '£75', annotator: CURATION, version: 1 });
    expect(copy.id).not.toBe(bob[2].id);
    expect(taken(bob[2], [copy], ids(), 7)).toBeUndefined();
    expect(isTaken(bob[2], [copy])).toBe(true);
  });

  it('takes everything from one annotator, skipping what the adjudicated layer holds', () => {
    const curation = autoTaken({ layers, curation: [] }, ids(), 5);
    const all = takenAll(ann, curation, ids(), 6);
    expect(all.map((s) => s.label)).toEqual(['country', 'money']);
  });
});
