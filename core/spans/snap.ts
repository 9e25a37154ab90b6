// Turning a raw selection into span offsets: trim surrounding whitespace and,
// in word mode, widen each end to the word it falls in (the words of
// core/text/words.ts, the same ones search and alignment see). Offsets are
// UTF-16; a widened end never lands inside a surrogate pair or before a
// combining mark.
import { wordAt } from '../text/words';

export type SnapMode = 'word' | 'exact';

/** Start and end offsets (UTF-16) of a selection in the text; before snapping, start may lie after end. */
export interface OffsetRange {
  start: number;
  end: number;
}

export function trimRange(text: string, range: OffsetRange): OffsetRange {
  let { start, end } = range;
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return { start, end };
}

/** Widens start back and end forward to word boundaries (only when inside a word; see core/text/words.ts). */
export function widenToWords(text: string, range: OffsetRange): OffsetRange {
  let { start, end } = range;
  const first = wordAt(text, start);
  if (first !== undefined && first.start < start) start = first.start;
  const last = end > 0 ? wordAt(text, end - 1) : undefined;
  if (last !== undefined && last.end > end) end = last.end;
  return { start, end };
}

/** Keeps a range off the inside of a surrogate pair. */
export function alignToCodePoints(text: string, range: OffsetRange): OffsetRange {
  const low = (i: number) =>
    i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]) && /[\uD800-\uDBFF]/.test(text[i - 1]);
  return { start: low(range.start) ? range.start - 1 : range.start, end: low(range.end) ? range.end + 1 : range.end };
}

/** The span a selection makes, or null when it holds nothing but whitespace. */
export function snapSelection(text: string, range: OffsetRange, mode: SnapMode): OffsetRange | null {
  const ordered = { start: Math.min(range.start, range.end), end: Math.max(range.start, range.end) };
  const trimmed = trimRange(text, alignToCodePoints(text, ordered));
  if (trimmed.start >= trimmed.end) return null;
  return mode === 'word' ? widenToWords(text, trimmed) : trimmed;
}
