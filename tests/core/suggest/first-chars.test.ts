// The look-ahead only skips positions no match can start at: with it or
// without, a regex finds the same matches; odd first characters are escaped.
import { describe, expect, it } from 'vitest';
import { startsWithOneOf } from '../../../core/suggest/first-chars';

const all = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => `${m.index}:${m[0]}`);

describe('startsWithOneOf', () => {
  it('names each first code point once, escaping what a class would read as syntax', () => {
    expect(startsWithOneOf(['UK', 'USA', 'France'])).toBe('(?=[UF])');
    expect(startsWithOneOf(['-x', ']y', '^z', '\\w', '𝐀B'])).toBe('(?=[\\-\\]\\^\\\\𝐀])');
    expect(startsWithOneOf([])).toBe('(?!)');
  });

  it('leaves the matches of a whole-word regex as they were', () => {
    const words = ['UK', '𝐀lpha', '-dash', 'É'];
    const body = `(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`;
    const text = 'UK xUK 𝐀lpha a-dash -dash É ÉÉ UK';
    const plain = new RegExp(body, 'gu');
    const quick = new RegExp(`${startsWithOneOf(words)}${body}`, 'gu');
    expect(all(quick, text)).toEqual(all(plain, text));
    expect(all(quick, text).length).toBeGreaterThan(3);
  });
});
