// Words of a text as search terms: the word boundaries and comparison key of
// core/text/words.ts, so "co-operation", "co‐operation" (U+2010) and
// "co\u00ADoperation" (soft hyphen) are all found by "cooperation", and
// "Élysée" by "elysee". Pure: shared by the renderer's index writer, its query
// side, the match highlighter and the tests.
import { normalizeKey, wordKeys, wordsOf, type WordRange } from '../text/words';

/**
 * Changes whenever `termsOf` would give other terms for the same text, so
 * stored search indexes know to rebuild. 2: words from Intl.Segmenter, any
 * single hyphen joins (was: regex words, U+2010 and U+00AD split them).
 */
export const TERMS_VERSION = 2;

/** Terms longer than this are cut: a 10 KB "word" (a hash, base64) must not bloat the index. */
export const MAX_TERM_LENGTH = 32;

/** Words shorter than this are not indexed: they match almost every document anyway. */
export const MIN_TERM_LENGTH = 2;

function keyOf(text: string, word: WordRange): string {
  return normalizeKey(text.slice(word.start, word.end)).slice(0, MAX_TERM_LENGTH);
}

/** The distinct terms of `text`, in first-seen order. */
export function termsOf(text: string): string[] {
  return termsOfKeys(wordKeys(text));
}

/** The same from the text's word keys (core/text/words.ts `wordKeys`), when a signature needs them too. */
export function termsOfKeys(keys: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const key of keys) {
    const term = key.slice(0, MAX_TERM_LENGTH);
    if (term.length >= MIN_TERM_LENGTH) seen.add(term);
  }
  return [...seen];
}

/** One word of a query: matched as a whole word, or as the start of one. */
export interface QueryTerm {
  readonly key: string;
  readonly prefix: boolean;
}

/**
 * A search box's words as terms. Whole words by default, so "Cooper" does
 * not find "cooperation"; a word ending in `*` ("coop*"), or every word when
 * `prefix` is set, matches the words it starts.
 */
export function queryTerms(query: string, options: { prefix?: boolean } = {}): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const word of wordsOf(query)) {
    const key = keyOf(query, word);
    if (key.length > 0) terms.push({ key, prefix: options.prefix === true || query[word.end] === '*' });
  }
  return terms;
}

/** Whether a word whose key is `key` matches `term`. */
export function termMatches(term: QueryTerm, key: string): boolean {
  return term.prefix ? key.startsWith(term.key) : key === term.key;
}

/** Where any of `terms` occurs in `text`: the words a search would match, for highlighting. */
export function termMatchesIn(text: string, terms: readonly QueryTerm[]): WordRange[] {
  if (terms.length === 0) return [];
  return wordsOf(text).filter((word) => {
    const key = keyOf(text, word);
    return terms.some((term) => termMatches(term, key));
  });
}
