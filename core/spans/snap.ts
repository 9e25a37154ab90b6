// Turning a raw selection into span offsets: trim surrounding whitespace and,
// in word mode, widen each end to the word it falls in. Offsets are UTF-16;
// a widened end never lands inside a surrogate pair or before a combining mark.

export type SnapMode = 'word' | 'exact';

export interface Range {
  start: number;
  end: number;
}

// Letters, digits and marks make words; an apostrophe or hyphen joins two word parts.
const WORD = /[\p{L}\p{N}\p{M}]/u;
const JOINER = /['’\-‐]/u;

function charBefore(text: string, i: number): string {
  const code = text.charCodeAt(i - 1);
  return code >= 0xdc00 && code <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text.slice(i - 1, i);
}

function charAt(text: string, i: number): string {
  return String.fromCodePoint(text.codePointAt(i) ?? 0).slice(0, text.length - i);
}

function isWordAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  if (WORD.test(charAt(text, i))) return true;
  return JOINER.test(text[i]) && i > 0 && WORD.test(charBefore(text, i)) && WORD.test(charAt(text, i + 1));
}

function isWordBefore(text: string, i: number): boolean {
  return i > 0 && isWordAt(text, i - charBefore(text, i).length);
}

export function trimRange(text: string, range: Range): Range {
  let { start, end } = range;
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return { start, end };
}

/** Widens start back and end forward to word boundaries (only when inside a word). */
export function widenToWords(text: string, range: Range): Range {
  let { start, end } = range;
  while (start > 0 && isWordAt(text, start) && isWordBefore(text, start)) start -= charBefore(text, start).length;
  while (end < text.length && isWordBefore(text, end) && isWordAt(text, end)) end += charAt(text, end).length;
  return { start, end };
}

/** Keeps a range off the inside of a surrogate pair. */
export function alignToCodePoints(text: string, range: Range): Range {
  const low = (i: number) => i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]) && /[\uD800-\uDBFF]/.test(text[i - 1]);
  return { start: low(range.start) ? range.start - 1 : range.start, end: low(range.end) ? range.end + 1 : range.end };
}

/** The span a selection makes, or null when it holds nothing but whitespace. */
export function snapSelection(text: string, range: Range, mode: SnapMode): Range | null {
  const ordered = { start: Math.min(range.start, range.end), end: Math.max(range.start, range.end) };
  const trimmed = trimRange(text, alignToCodePoints(text, ordered));
  if (trimmed.start >= trimmed.end) return null;
  return mode === 'word' ? widenToWords(text, trimmed) : trimmed;
}
