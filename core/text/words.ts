// What a word is, once for the whole app: alignment tokens, search terms,
// search highlights and word snapping all ask this module. Boundaries come
// from the platform's Unicode word segmentation (Intl.Segmenter, UAX #29 with
// dictionaries for Chinese, Japanese and Thai), which already keeps "I’ve",
// "UK's", "3.5" and a soft-hyphenated "co\u00ADoperation" whole. On top of it,
// one rule of our own: a single hyphen between two words joins them
// ("co-operation", "co‐operation" with U+2010), because the papers spell the
// same word both ways and the key below must then be the same.
// Offsets are UTF-16 code units (JS string indices) into the untouched text.

/** A half-open range [start, end) of a text, in UTF-16 code units. */
export interface WordRange {
  readonly start: number;
  readonly end: number;
}

// A fixed locale, not the user's ('und' resolves to the user's default):
// search indexes and signatures must come out the same on every machine.
const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

/** Hyphens that join two words into one: hyphen-minus, U+2010 hyphen, U+2011 non-breaking hyphen. */
const HYPHEN = /^[\u002D\u2010\u2011]$/u;
const STARTS_WORD = /[\p{L}\p{N}]/u;

/** Every word of `text[from, to)`, in order; a word crossing `to` is cut there. */
export function wordsOf(text: string, from = 0, to = text.length): WordRange[] {
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  const words: WordRange[] = [];
  let pendingHyphen = -1; // end of the last word when only one hyphen has followed it
  for (const seg of wordSegmenter.segment(part)) {
    const start = from + seg.index;
    const end = start + seg.segment.length;
    if (!seg.isWordLike) {
      const last = words.at(-1);
      pendingHyphen = last !== undefined && last.end === start && HYPHEN.test(seg.segment) ? start : -1;
      continue;
    }
    const first = firstLetter(seg.segment);
    if (first < 0) {
      pendingHyphen = -1;
      continue;
    }
    if (pendingHyphen >= 0 && first === 0) words[words.length - 1] = { start: words[words.length - 1].start, end };
    else words.push({ start: start + first, end });
    pendingHyphen = -1;
  }
  return words;
}

/** Index of the first letter or digit: a word-like segment may open with a connector ("_id"). */
function firstLetter(segment: string): number {
  const code = segment.charCodeAt(0);
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)) return 0;
  const match = STARTS_WORD.exec(segment);
  return match === null ? -1 : match.index;
}

/** The comparison key of every word of `text`, in order: one pass that search terms and signatures share. */
export function wordKeys(text: string): string[] {
  return wordsOf(text).map((w) => normalizeKey(text.slice(w.start, w.end)));
}

/** How far around an offset to look for its word: no real word is longer. */
const WORD_REACH = 256;
const SPACE = /\s/u;

/** The word holding the code unit at `offset`, or undefined when it sits outside every word. */
export function wordAt(text: string, offset: number): WordRange | undefined {
  if (offset < 0 || offset >= text.length || SPACE.test(text[offset])) return undefined;
  // Words never hold white space, so the run of non-space around `offset` is enough context.
  let from = offset;
  while (from > 0 && offset - from < WORD_REACH && !SPACE.test(text[from - 1])) from--;
  let to = offset + 1;
  while (to < text.length && to - offset < WORD_REACH && !SPACE.test(text[to])) to++;
  return wordsOf(text, from, to).find((w) => w.start <= offset && offset < w.end);
}

// Comparison keys. Two documents quote the same words with different quote
// marks, accents, hyphenation and case; the key erases exactly those
// differences and nothing else, and only the key: texts stay untouched.

const COMBINING_MARKS = /\p{M}/gu;
// Hyphens, the soft hyphen, apostrophes and quote marks that can sit inside a
// word ("co-operation", "I’ve", "UK's").
const INNER_JOINERS = /[\u002D\u2010\u2011\u00AD'\u2018\u2019\u02BC\u0060\u00B4]/gu;

const PLAIN_ASCII = /^[A-Za-z0-9]*$/;

/** The key a word compares by: "Co-operation", "co‐operation" and "cooperation" give the same. */
export function normalizeKey(word: string): string {
  // Most words are plain ASCII; NFKD on each of them dominated tokenising 100k documents.
  if (PLAIN_ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFKD').replace(COMBINING_MARKS, '').replace(INNER_JOINERS, '').toLowerCase();
}
