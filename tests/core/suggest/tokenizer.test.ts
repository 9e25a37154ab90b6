import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../core/suggest/tokenizer';

const texts = (s: string) => tokenize(s).map((t) => t.text);

describe('spaCy-like tokenizer', () => {
  it('splits currency symbols and units off numbers as spaCy does', () => {
    expect(texts('£84 million')).toEqual(['£', '84', 'million']);
    expect(texts('$3bn, USD 10m.')).toEqual(['$', '3bn', ',', 'USD', '10', 'm', '.']);
    // A unit after a digit splits off a chunk with no punctuation too, as spaCy's suffix rule does.
    expect(texts('10m and 5km, 5µm, B52 ok')).toEqual(['10', 'm', 'and', '5', 'km', ',', '5', 'µm', ',', 'B52', 'ok']);
    expect(texts('up 5%')).toEqual(['up', '5', '%']);
  });

  it('splits punctuation, quotes, possessives and contractions', () => {
    expect(texts('Hello, world!')).toEqual(['Hello', ',', 'world', '!']);
    expect(texts('the UK’s “source” (NCA).')).toEqual(['the', 'UK', '’s', '“', 'source', '”', '(', 'NCA', ')', '.']);
    expect(texts("don't I've can't")).toEqual(['do', "n't", 'I', "'ve", 'ca', "n't"]);
  });

  it('splits hyphens between letters but keeps numbers with separators whole', () => {
    expect(texts('co-operation 24,000 1.2 2024-10-21')).toEqual([
      'co',
      '-',
      'operation',
      '24,000',
      '1.2',
      '2024',
      '-',
      '10',
      '-',
      '21',
    ]);
  });

  it('keeps abbreviations and initialisms whole', () => {
    expect(texts('Acme Ltd. and the U.S. today.')).toEqual(['Acme', 'Ltd.', 'and', 'the', 'U.S.', 'today', '.']);
  });

  it('makes newlines and extra spaces tokens of their own, as spaCy does', () => {
    const tokens = tokenize('a  b\nc \nd');
    expect(tokens.map((t) => [t.text, t.space])).toEqual([
      ['a', false],
      [' ', true],
      ['b', false],
      ['\n', true],
      ['c', false],
      ['\n', true],
      ['d', false],
    ]);
  });

  it('gives UTF-16 offsets that slice back to each token, also around emoji', () => {
    const text = 'Patel 👋 said: “£5”\r\nok';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});
