// Cases from spaCy's Matcher documentation (spacy.io/usage/rule-based-matching,
// spacy.io/api/matcher) and its test suite (spacy/tests/matcher/
// test_matcher_logic.py: greedy="LONGEST" on "(ABBAAAAAB).", issue 850, match_zero).
import { describe, expect, it } from 'vitest';
import { compilePatterns, matchTokens, suggestPatterns } from '../../../core/suggest/matcher';
import { toPattern, type TokenSpec } from '../../../core/suggest/pattern-file';
import { tokenize } from '../../../core/suggest/tokenizer';

const specs = (pattern: unknown[]): readonly TokenSpec[] =>
  toPattern({ label: 'X', pattern }).pattern as readonly TokenSpec[];
const found = (text: string, pattern: unknown[] | string, label = 'X') =>
  suggestPatterns(text, compilePatterns([toPattern({ label, pattern })])).map((c) => text.slice(c.start, c.end));
const allMatches = (text: string, pattern: unknown[]) => {
  const tokens = tokenize(text).filter((t) => !t.space);
  return matchTokens(tokens, specs(pattern)).map(([s, e]) =>
    tokens
      .slice(s, e)
      .map((t) => t.text)
      .join(' '),
  );
};

describe('Matcher, as in spaCy', () => {
  it('matches "Hello, world" with LOWER and IS_PUNCT (usage docs)', () => {
    expect(found('Hello, world! Hello world!', [{ LOWER: 'hello' }, { IS_PUNCT: true }, { LOWER: 'world' }])).toEqual([
      'Hello, world',
    ]);
  });

  it('makes the punctuation optional with OP "?" (usage docs)', () => {
    expect(
      found('Hello, world! Hello world!', [{ LOWER: 'hello' }, { IS_PUNCT: true, OP: '?' }, { LOWER: 'world' }]),
    ).toEqual(['Hello, world', 'Hello world']);
  });

  it('matches "hello world" from the API docs example', () => {
    expect(found('hello world!', [{ LOWER: 'hello' }, { LOWER: 'world' }])).toEqual(['hello world']);
  });

  it('matches IS_DIGIT + LOWER tokens + IS_PUNCT (2018 FIFA World Cup:)', () => {
    const pattern = [{ IS_DIGIT: true }, { LOWER: 'fifa' }, { LOWER: 'world' }, { LOWER: 'cup' }, { IS_PUNCT: true }];
    expect(found('2018 FIFA World Cup: France won!', pattern)).toEqual(['2018 FIFA World Cup:']);
  });

  it('supports IN, NOT_IN and TEXT (greetings example with IN)', () => {
    const pattern = [{ LOWER: 'good' }, { LOWER: { IN: ['morning', 'evening'] } }, { IS_PUNCT: true }];
    expect(found("Good morning, I'm here. I'll say good evening!!", pattern)).toEqual([
      'Good morning,',
      'good evening!',
    ]);
    expect(found('good night. good day.', [{ LOWER: 'good' }, { LOWER: { NOT_IN: ['night'] } }])).toEqual(['good day']);
    expect(found('iPhone X and iphone x', [{ TEXT: 'iPhone' }, { TEXT: 'X' }])).toEqual(['iPhone X']);
  });

  it('returns every match without greedy, as spaCy does (OP "+" over "A A A")', () => {
    expect(allMatches('A A A', [{ ORTH: 'A', OP: '+' }]).sort()).toEqual(['A', 'A', 'A', 'A A', 'A A', 'A A A'].sort());
  });

  it.each([
    [[{ ORTH: 'A' }, { ORTH: 'A', OP: '*' }], 'A A A A A'],
    [[{ ORTH: 'A', OP: '*' }, { ORTH: 'A' }], 'A A A A A'],
    [[{ ORTH: 'A' }, { ORTH: 'A' }], 'A A'],
    [[{ ORTH: 'B' }, { ORTH: 'A', OP: '*' }, { ORTH: 'B' }], 'B A A A A A B'],
    [[{ ORTH: 'B', OP: '*' }, { ORTH: 'A', OP: '*' }, { ORTH: 'B' }], 'B B A A A A A B'],
  ])('greedy="LONGEST" on "(ABBAAAAAB)." keeps the longest match of %j', (pattern, longest) => {
    const text = [...'(ABBAAAAAB).'].join(' ');
    const spans = found(text, pattern);
    expect(spans).toContain(longest);
    expect(spans.every((s) => s.length <= longest.length)).toBe(true);
  });

  it('lets a wildcard swallow the repeated word (spaCy issue 850)', () => {
    expect(found('bob and and frank', [{ LOWER: 'bob' }, { OP: '*' }, { LOWER: 'frank' }])).toEqual([
      'bob and and frank',
    ]);
  });

  it('reads OP "!" as a token that must not match (test_matcher_match_zero)', () => {
    const pattern = [{ ORTH: '"' }, { OP: '!', IS_PUNCT: true }, { OP: '!', IS_PUNCT: true }, { ORTH: '"' }];
    expect(allMatches('He said , " some words " ...', pattern)).toHaveLength(1);
    expect(allMatches('He said , " some three words " ...', pattern)).toHaveLength(0);
  });

  it('tests LIKE_NUM, IS_TITLE, IS_UPPER and SHAPE as spaCy computes them', () => {
    expect(
      found('£84 million and £5', [{ ORTH: '£' }, { LIKE_NUM: true }, { LIKE_NUM: true, OP: '?' }], 'money'),
    ).toEqual(['£84 million', '£5']);
    expect(found('Priti Patel met the NCA', [{ IS_TITLE: true, OP: '+' }])).toEqual(['Priti Patel']);
    expect(found('Priti Patel met the NCA', [{ IS_UPPER: true }])).toEqual(['NCA']);
    expect(found('in 2024 and 24', [{ SHAPE: 'dddd' }])).toEqual(['2024']);
  });

  it('matches a phrase pattern token by token on the exact text', () => {
    expect(found('The Home Office and the home office', 'Home Office')).toEqual(['Home Office']);
  });
});
