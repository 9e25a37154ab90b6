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
