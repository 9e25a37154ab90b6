import { describe, expect, it } from 'vitest';
import { categoryOf, tokenize, tokenLabels } from '../../../core/agreement/tokens';

const cut = (text: string) => {
  const t = tokenize(text);
  const points = [...text];
  return Array.from(t.starts, (s, i) => points.slice(s, t.ends[i]).join(''));
};

describe('tokens', () => {
  it('words, numbers and punctuation; whitespace is no token', () => {
    expect(cut('Norway pledged $1.5bn, today.')).toEqual([
      'Norway',
      'pledged',
      '$',
      '1',
      '.',
      '5bn',
      ',',
      'today',
      '.',
    ]);
  });

  it('offsets are code points: an astral emoji before a word counts as one', () => {
    const t = tokenize('😀 Oslo');
    expect(Array.from(t.starts)).toEqual([0, 2]);
    expect(Array.from(t.ends)).toEqual([1, 6]);
  });

  it('each Han / kana character is a token; combining marks stay in their word', () => {
    expect(cut('日本は2030年')).toEqual(['日', '本', 'は', '2030', '年']);
    expect(cut('Cafe\u0301 ok')).toEqual(['Cafe\u0301', 'ok']);
  });

  it('a token gets every label whose span shares a code point with it, sorted', () => {
    const tokens = tokenize('New York City');
    const labels = tokenLabels(tokens, [
      { start: 0, end: 8, label: 'country' },
      { start: 4, end: 13, label: 'actor' },
    ]);
    expect(labels.map(categoryOf)).toEqual(['country', 'actor|country', 'actor']);
    // A span ending inside a word still marks that word.
    expect(tokenLabels(tokens, [{ start: 5, end: 6, label: 'x' }]).map(categoryOf)).toEqual(['O', 'x', 'O']);
  });
});
