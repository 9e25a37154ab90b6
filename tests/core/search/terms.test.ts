import { describe, expect, it } from 'vitest';
import { MAX_TERM_LENGTH, queryTerms, termsOf } from '../../../core/search/terms';

describe('search terms', () => {
  it('gives each distinct word once, folded for case, accents and inner hyphens', () => {
    expect(termsOf('The Élysée co-operation, the ELYSEE cooperation; a 5 G7')).toEqual(['the', 'elysee', 'cooperation', 'g7']);
  });

  it('cuts very long words so one blob cannot bloat the index', () => {
    expect(termsOf('x'.repeat(500))).toEqual(['x'.repeat(MAX_TERM_LENGTH)]);
  });

  it('treats the last query word as a prefix while it is being typed', () => {
    expect(queryTerms('home secur')).toEqual({ whole: ['home'], prefix: 'secur' });
    expect(queryTerms('home security ')).toEqual({ whole: ['home', 'security'] });
    expect(queryTerms('  ,, ')).toEqual({ whole: [] });
  });
});
