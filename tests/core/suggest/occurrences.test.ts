import { describe, expect, it } from 'vitest';
import { suggestOccurrences, suggestPhrase } from '../../../core/suggest/occurrences';

describe('all occurrences', () => {
  it('suggests the other whole-word, same-case occurrences of a tagged span', () => {
    const text = 'Patel spoke. patel, Patels and Patel-like; then Patel again.';
    const tagged = [{ start: 0, end: 5, label: 'actor' }];
    const found = suggestOccurrences(text, tagged).map((c) => [c.start, text.slice(c.start, c.end), c.source]);
    expect(found).toEqual([
      [31, 'Patel', 'occurrences'], // a hyphen ends a word: "Patel-like" holds the name
      [48, 'Patel', 'occurrences'],
    ]);
  });

  it('matches across a line break where the phrase has a space', () => {
    const text = 'Border Security Command. Then the Border Security\nCommand again.';
    expect(suggestPhrase(text, 'Border Security Command', 'actor').map((c) => text.slice(c.start, c.end))).toEqual([
      'Border Security Command',
      'Border Security\nCommand',
    ]);
  });

  it('leaves out places already tagged with that label, but not with another', () => {
    const text = 'UK and UK Government and UK';
    const tagged = [
      { start: 0, end: 2, label: 'country' },
      { start: 7, end: 9, label: 'country' },
      { start: 7, end: 20, label: 'actor' },
    ];
    expect(suggestOccurrences(text, tagged).map((c) => `${c.label}@${c.start}`)).toEqual(['country@25']);
  });
});
