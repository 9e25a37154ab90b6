// Words with their offsets. A word is a run of letters and digits
// (\p{L}\p{N}, with combining marks) that may be joined by a hyphen or an
// apostrophe, so "co-operation" and "I’ve" stay one word each. The regex works
// on UTF-16 indices, so astral letters count two units, exactly like slice().

import type { TextRange, Token } from './types';

// Comparison keys. Two documents quote the same words with different quote
// marks, accents, hyphenation and case; the key erases exactly those
// differences and nothing else, and only the key: texts stay untouched.

const COMBINING_MARKS = /\p{M}/gu;
// Hyphens, dashes used as hyphens, apostrophes and quote marks that can sit
// inside a word ("co-operation", "I’ve", "UK's").
const INNER_JOINERS = /[\u002D\u2010\u2011\u00AD'\u2018\u2019\u02BC\u0060\u00B4]/gu;

const PLAIN_ASCII = /^[A-Za-z0-9]*$/;

/** The key a word compares by: "Co-operation" and "cooperation" give the same. */
export function normalizeKey(word: string): string {
  // Most words are plain ASCII; NFKD on each of them dominated tokenising 100k documents.
  if (PLAIN_ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFKD').replace(COMBINING_MARKS, '').replace(INNER_JOINERS, '').toLowerCase();
}

const WORD =
  /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[\u002D\u2010\u2011\u00AD'\u2019][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;

/** All words of `text` (or of `range` within it), in order, with keys. */
export function tokenize(text: string, range?: TextRange): Token[] {
  const start = range?.start ?? 0;
  const end = range?.end ?? text.length;
  const re = new RegExp(WORD.source, WORD.flags);
  re.lastIndex = start;
  const tokens: Token[] = [];
  for (let m = re.exec(text); m !== null && m.index < end; m = re.exec(text)) {
    // A word running past the range end is cut there: the range decides.
    const tokenEnd = Math.min(m.index + m[0].length, end);
    tokens.push({ start: m.index, end: tokenEnd, key: normalizeKey(text.slice(m.index, tokenEnd)) });
  }
  return tokens;
}

/** Keys only, for hashing and comparison. */
export function tokenKeys(text: string): string[] {
  return tokenize(text).map((t) => t.key);
}
