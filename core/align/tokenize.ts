// Words with their offsets and comparison keys, as alignment needs them. What
// a word is and how it compares are decided in core/text/words.ts; this only
// pairs the two. Offsets are UTF-16 indices, so an astral letter counts two
// units, exactly like slice().
import { normalizeKey, wordKeys, wordsOf } from '../text/words';
import type { TextRange, Token } from './types';

/** All words of `text` (or of `range` within it), in order, with keys. A word running past the range end is cut there. */
export function tokenize(text: string, range?: TextRange): Token[] {
  return wordsOf(text, range?.start ?? 0, range?.end ?? text.length).map((w) => ({
    start: w.start,
    end: w.end,
    key: normalizeKey(text.slice(w.start, w.end)),
  }));
}

/** Keys only, for hashing and comparison. */
export const tokenKeys = wordKeys;
