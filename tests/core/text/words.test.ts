// The one definition of a word: what alignment, search, highlights and word
// snapping all see. Before this module the three copies disagreed on U+2010
// and the soft hyphen.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeKey, wordAt, wordsOf } from '../../../core/text/words';

const words = (text: string) => wordsOf(text).map((w) => text.slice(w.start, w.end));

describe('wordsOf', () => {
  it('joins words across one hyphen of any kind, but not across spaced or doubled dashes', () => {
    expect(words('EU co‐operation')).toEqual(['EU', 'co‐operation']);
    expect(words('co-operation co\u2011op G-7')).toEqual(['co-operation', 'co\u2011op', 'G-7']);
    expect(words('co - op, co--op -x-')).toEqual(['co', 'op', 'co', 'op', 'x']);
  });

  it('keeps soft hyphens, apostrophes and decimal numbers inside their word', () => {
    expect(words('co\u00ADoperation I’ve UK’s 3.5 million')).toEqual([
      'co\u00ADoperation',
      'I’ve',
      'UK’s',
      '3.5',
      'million',
    ]);
  });

  it('splits text without spaces into words (Japanese), not one run', () => {
    const text = '日本語の文章です';
    expect(words(text).length).toBeGreaterThan(1);
    expect(words(text).join('')).toBe(text);
  });

  it('gives UTF-16 offsets and a range cut at its end', () => {
    const text = '👩‍🔬 naïve cafe\u0301, قال وزير';
    expect(words(text)).toEqual(['naïve', 'cafe\u0301', 'قال', 'وزير']);
    expect(wordsOf(text)[0].start).toBe(6);
    const cut = wordsOf(text, 7, 14);
    expect(cut.map((w) => text.slice(w.start, w.end))).toEqual(['aïve', 'ca']);
  });

  it('starts every word with a letter or digit and never overlaps', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        let last = 0;
        for (const w of wordsOf(text)) {
          expect(w.start).toBeGreaterThanOrEqual(last);
          expect(w.end).toBeGreaterThan(w.start);
          expect(/^[\p{L}\p{N}]/u.test(text.slice(w.start, w.end))).toBe(true);
          last = w.end;
        }
      }),
    );
  });
});

describe('wordAt', () => {
  it('finds the whole word around an offset, or nothing in spaces and punctuation', () => {
    const text = 'met co‐operation, £75';
    const at = (i: number) => {
      const w = wordAt(text, i);
      return w && text.slice(w.start, w.end);
    };
    expect(at(text.indexOf('‐'))).toBe('co‐operation');
    expect(at(text.indexOf('ration'))).toBe('co‐operation');
    expect(at(text.indexOf(','))).toBeUndefined();
    expect(at(3)).toBeUndefined();
    expect(at(text.indexOf('£'))).toBeUndefined();
  });
});

describe('normalizeKey', () => {
  it('gives one key for every hyphenation, accent and case', () => {
    const keys = ['Co-operation', 'co‐operation', 'co\u00ADoperation', 'CoOperation'].map(normalizeKey);
    expect(new Set(keys)).toEqual(new Set(['cooperation']));
    expect(normalizeKey('Élysée')).toBe('elysee');
  });
});
