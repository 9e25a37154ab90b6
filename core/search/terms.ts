// Words of a text as search terms: lower-cased, accents and inner joiners
// dropped (the same comparison key core/align uses), so "Co-operation" found
// by "cooperation" and "Élysée" by "elysee". Pure: shared by the renderer's
// index writer, its query side and the tests.
import { normalizeKey } from '../align/tokenize';

/** Letters and digits, with inner hyphens/apostrophes kept inside the word. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[-'\u2019][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;

/** Terms longer than this are cut: a 10 KB "word" (a hash, base64) must not bloat the index. */
export const MAX_TERM_LENGTH = 32;

/** Words shorter than this are not indexed: they match almost every document anyway. */
export const MIN_TERM_LENGTH = 2;

function keyOf(word: string): string {
  return normalizeKey(word).slice(0, MAX_TERM_LENGTH);
}

/** The distinct terms of `text`, in first-seen order. */
export function termsOf(text: string): string[] {
  const seen = new Set<string>();
  for (const match of text.matchAll(WORD)) {
    const key = keyOf(match[0]);
    if (key.length >= MIN_TERM_LENGTH) seen.add(key);
  }
  return [...seen];
}

/**
 * A search box's words as terms. The last one is a prefix while the user
 * is still typing it (no trailing space), so "secur" finds "security".
 */
export function queryTerms(query: string): { whole: string[]; prefix?: string } {
  const words = [...query.matchAll(WORD)].map((m) => keyOf(m[0])).filter((k) => k.length > 0);
  if (words.length === 0) return { whole: [] };
  const typing = !/\s$/.test(query);
  return typing ? { whole: words.slice(0, -1), prefix: words[words.length - 1] } : { whole: words };
}
