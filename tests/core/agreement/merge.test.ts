import { describe, expect, it } from 'vitest';
import { agreedSpans, attributedSpans } from '../../../core/agreement/merge';
import { DocumentPairing } from '../../../core/agreement/pairing';

const s = (start: number, end: number, label: string) => ({ start, end, label });

describe('pairing by text', () => {
  it('one annotator giving the same text twice has one layer: the union', () => {
    const p = new DocumentPairing();
    p.add('a', { key: 'k', name: 'first', text: 'abc', spans: [s(0, 1, 'L')] });
    p.add('b', { key: 'k', name: 'other name', text: 'abc', spans: [] });
    p.add('a', { key: 'k', name: 'again', text: 'abc', spans: [s(1, 2, 'L')] });
    const input = p.input();
    expect(input.annotators).toEqual(['a', 'b']);
    expect(input.documents).toHaveLength(1);
    expect(input.documents[0].layers).toEqual([[s(0, 1, 'L'), s(1, 2, 'L')], []]);
  });

  it('an annotator without a document has no layer for it (undefined), not an empty one', () => {
    const p = new DocumentPairing();
    p.annotator('a');
    p.add('b', { key: 'k', name: 'n', text: 't', spans: [] });
    expect(p.input().documents[0].layers).toEqual([undefined, []]);
  });

  it('a key clash between different texts is an error, never a silent pairing', () => {
    const p = new DocumentPairing();
    p.add('a', { key: 'k', name: 'one', text: 'x', spans: [] });
    expect(() => p.add('b', { key: 'k', name: 'two', text: 'y', spans: [] })).toThrow(/share the key/);
  });
});

describe('merge layers', () => {
  const doc = {
    key: 'k',
    name: 'n',
    text: 'abcdef',
    layers: [
      [s(0, 2, 'L'), s(3, 4, 'M'), s(0, 2, 'L')],
      [s(3, 4, 'M'), s(0, 2, 'L'), s(4, 6, 'L')],
    ],
  };

  it('agreed: spans every annotator made exactly', () => {
    expect(agreedSpans(doc)).toEqual([s(0, 2, 'L'), s(3, 4, 'M')]);
    expect(agreedSpans({ ...doc, layers: [doc.layers[0], undefined] })).toBeUndefined();
  });

  it('all: every span once per annotator, tagged, in span order', () => {
    expect(attributedSpans(doc, ['ann', 'bob'])).toEqual([
      { ...s(0, 2, 'L'), annotator: 'ann' },
      { ...s(0, 2, 'L'), annotator: 'bob' },
      { ...s(3, 4, 'M'), annotator: 'ann' },
      { ...s(3, 4, 'M'), annotator: 'bob' },
      { ...s(4, 6, 'L'), annotator: 'bob' },
    ]);
  });
});
