import { describe, expect, it } from 'vitest';
import { MAX_TERM_LENGTH, queryTerms, termMatchesIn, termsOf } from '../../../core/search/terms';

describe('search terms', () => {
  it('gives each distinct word once, folded for case, accents and inner hyphens', () => {
    expect(termsOf('The Élysée co-operation, the ELYSEE cooperation; a 5 G7')).toEqual([
      'the',
      'elysee',
      'cooperation',
      'g7',
    ]);
  });

  it('cuts very long words so one blob cannot bloat the index', () => {
    expect(termsOf('x'.repeat(500))).toEqual(['x'.repeat(MAX_TERM_LENGTH)]);
  });

  it('finds cooperation however it is hyphenated (U+2010, U+2011, soft hyphen)', () => {
    for (const spelling of ['co-operation', 'co\u2010operation', 'co\u2011operation', 'co\u00ADoperation']) {
      expect(termsOf(`EU ${spelling}`)).toEqual(['eu', 'cooperation']);
    }
  });

  it('matches query words as whole words unless marked with * or asked for prefixes', () => {
    expect(queryTerms('home secur')).toEqual([
      { key: 'home', prefix: false },
      { key: 'secur', prefix: false },
    ]);
    expect(queryTerms('home secur*')).toEqual([
      { key: 'home', prefix: false },
      { key: 'secur', prefix: true },
    ]);
    expect(queryTerms('home secur', { prefix: true }).map((t) => t.prefix)).toEqual([true, true]);
    expect(queryTerms('  ,, ')).toEqual([]);
  });

  it('finds where a query matches in a text: Cooper is not cooperation, Cooper* is', () => {
    const text = 'Ms Cooper praised co‐operation; Cooper’s aide, cooper.';
    const found = (query: string, prefix = false) =>
      termMatchesIn(text, queryTerms(query, { prefix })).map((w) => text.slice(w.start, w.end));
    expect(found('Cooper')).toEqual(['Cooper', 'cooper']);
    expect(found('cooper*')).toEqual(['Cooper', 'co‐operation', 'Cooper’s', 'cooper']);
    expect(found('COOPER', true)).toEqual(found('cooper*'));
    expect(found('cooperation')).toEqual(['co‐operation']);
  });
});
