// The first-token index only narrows where patterns are tried: every pattern
// file must give the same matches as trying each pattern at every token.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PATTERNS } from '../../../core/suggest/default-patterns';
import { compilePatterns, suggestPatterns } from '../../../core/suggest/matcher';
import { toPattern, type Pattern } from '../../../core/suggest/pattern-file';
import { buildFirstTokenIndex, candidateStarts, firstTokenKeys } from '../../../core/suggest/pattern-index';
import { tokenize } from '../../../core/suggest/tokenizer';

/** The same patterns with no index: every one tried at every token. */
const everywhere = (patterns: readonly Pattern[]) => ({
  ...compilePatterns(patterns),
  firstTokens: buildFirstTokenIndex([]),
});

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const WORDS = [
  'Home',
  'home',
  'HOME',
  'Secretary',
  'secretary',
  'Priti',
  'Patel',
  'UK',
  'uk',
  '£',
  '84',
  'million',
  'pounds',
  'pledged',
  'to',
  'cut',
  ',',
  '.',
  'Prime',
  'Minister',
  'United',
  'Kingdom',
  'G7',
  'the',
  'İstanbul',
  'ß',
];

describe('first-token index', () => {
  it('keys a required first token on its exact text or lowercase, and leaves open ones unkeyed', () => {
    const specs = (pattern: unknown[]) => toPattern({ label: 'X', pattern }).pattern as never;
    expect(firstTokenKeys(specs([{ ORTH: 'UK' }]))).toEqual({ attr: 'ORTH', values: ['UK'] });
    expect(firstTokenKeys(specs([{ TEXT: { IN: ['UK', 'US'] } }]))).toEqual({ attr: 'ORTH', values: ['UK', 'US'] });
    expect(firstTokenKeys(specs([{ NORM: 'home' }, { LOWER: 'office' }]))).toEqual({ attr: 'LOWER', values: ['home'] });
    expect(firstTokenKeys(specs([{ LOWER: 'home', OP: '?' }, { LOWER: 'office' }]))).toBeUndefined();
    expect(firstTokenKeys(specs([{ ORTH: { REGEX: '^G\\d$' } }]))).toBeUndefined();
    expect(firstTokenKeys(specs([{ LIKE_NUM: true }]))).toBeUndefined();
  });

  it('hands each keyed pattern the indexes of its first token, ascending', () => {
    const compiled = compilePatterns(DEFAULT_PATTERNS);
    const tokens = tokenize('The Home Secretary met the home secretary in the UK. UK!');
    const starts = candidateStarts(compiled.firstTokens, tokens);
    const homePhrase = DEFAULT_PATTERNS.findIndex((p) => p.pattern === 'Home Secretary');
    expect(starts[homePhrase]!.map((i) => tokens[i].text)).toEqual(['Home']);
    const lowerHome = DEFAULT_PATTERNS.findIndex((p) => Array.isArray(p.pattern) && 'LOWER' in p.pattern[0].attrs);
    expect(starts[lowerHome]!.map((i) => tokens[i].text)).toEqual(['Home', 'home']);
    const regex = DEFAULT_PATTERNS.findIndex(
      (p) => Array.isArray(p.pattern) && 'REGEX' in Object(p.pattern[0].attrs.ORTH),
    );
    expect(starts[regex]).toBeUndefined();
  });

  it('finds exactly what trying every pattern everywhere finds (shipped patterns, random texts)', () => {
    const random = seeded(7);
    for (let round = 0; round < 300; round++) {
      const words = Array.from(
        { length: 5 + Math.floor(random() * 40) },
        () => WORDS[Math.floor(random() * WORDS.length)],
      );
      const text = words.join(random() < 0.5 ? ' ' : '  ');
      expect(suggestPatterns(text, compilePatterns(DEFAULT_PATTERNS))).toEqual(
        suggestPatterns(text, everywhere(DEFAULT_PATTERNS)),
      );
    }
  });

  it('finds exactly what trying everywhere finds for patterns with IN, == and several keyed attributes', () => {
    const patterns = [
      {
        label: 'A',
        pattern: [
          { LOWER: { IN: ['home', 'prime'] }, IS_TITLE: true },
          { IS_TITLE: true, OP: '+' },
        ],
      },
      { label: 'B', pattern: [{ ORTH: { '==': 'UK' } }, { IS_PUNCT: true, OP: '?' }] },
      { label: 'B', pattern: [{ ORTH: { IN: ['£', 84] } }, { LIKE_NUM: true, OP: '*' }] },
      { label: 'C', pattern: [{ LOWER: 'pledged' }, { LOWER: 'to' }, { IS_PUNCT: false, OP: '+' }] },
      { label: 'C', pattern: [{ LOWER: 'the', OP: '!' }, { ORTH: 'Patel' }] },
      { label: 'D', pattern: 'Prime Minister' },
    ].map((p) => toPattern(p));
    const random = seeded(11);
    for (let round = 0; round < 300; round++) {
      const text = Array.from(
        { length: 3 + Math.floor(random() * 30) },
        () => WORDS[Math.floor(random() * WORDS.length)],
      ).join(' ');
      expect(suggestPatterns(text, compilePatterns(patterns))).toEqual(suggestPatterns(text, everywhere(patterns)));
    }
  });
});
