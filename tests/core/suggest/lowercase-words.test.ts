// The per-word test must answer as the whole-text scan it replaced: the set of
// maximal lowercase runs with no letter on either side.
import { describe, expect, it } from 'vitest';
import { lowercaseWordsOf } from '../../../core/suggest/lowercase-words';

const reference = (text: string) => new Set(text.match(/(?<![\p{L}])\p{Ll}+(?![\p{L}])/gu) ?? []);

describe('lowercaseWordsOf', () => {
  it('finds a word only where it stands alone in lowercase', () => {
    const has = lowercaseWordsOf('The patel said: Banana, analysis; home-office.');
    expect(has('patel')).toBe(true);
    expect(has('home')).toBe(true);
    expect(has('office')).toBe(true);
    expect(has('ana')).toBe(false); // only inside "Banana" and "analysis"
    expect(has('the')).toBe(false); // only capitalised
    expect(has('o’brien')).toBe(false); // not all lowercase letters, so never one run
  });

  it('reads astral letters beside a word as letters (no word boundary there)', () => {
    const has = lowercaseWordsOf('𝐀patel 𐐨home x𝟏');
    expect(has('patel')).toBe(false); // MATHEMATICAL BOLD CAPITAL A is a letter
    expect(has('home')).toBe(false); // DESERET SMALL LETTER LONG I (U+10428) is a lowercase letter: the run is longer
    expect(has('x')).toBe(true); // MATHEMATICAL BOLD DIGIT ONE is no letter
  });

  it('agrees with the whole-text scan on random texts', () => {
    let seed = 5;
    const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const pieces = ['a', 'b', 'ab', 'Ab', 'B', ' ', '-', '’', '1', 'é', 'É', '𐐨', '𝐀', 'ß', 'ǅ', '\u0301', '\n'];
    for (let round = 0; round < 500; round++) {
      const text = Array.from(
        { length: Math.floor(random() * 25) },
        () => pieces[Math.floor(random() * pieces.length)],
      ).join('');
      const has = lowercaseWordsOf(text);
      const expected = reference(text);
      for (const word of ['a', 'b', 'ab', 'ba', 'aa', 'é', 'ß', '𐐨', 'a𐐨', 'bé', 'ab\u0301'])
        expect(has(word)).toBe(expected.has(word));
    }
  });
});
