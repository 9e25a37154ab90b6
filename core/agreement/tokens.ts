// Tokens for the token-level kappas, and each annotator's category per token.
//
// Tokenizer (documented in docs/agreement.md): a token is a run of letters,
// marks, digits and connector punctuation, except that each Han, Hiragana
// or Katakana character is a token of its own (those scripts put no spaces
// between words); every other non-space code point is a token of its own;
// whitespace is no token. It is a fixed rule, not a language model, so the
// app and the command line always cut the same tokens from the same text.
// Offsets are code points.
//
// A token's category for one annotator is the set of labels whose spans
// share at least one code point with it, written as the labels joined by
// "|" in sorted order, or "O" when none does. So overlapping spans of
// different labels on one token make a combined category ("actor|country")
// for the overall kappa, and the per-label kappas see each label on its own
// (the token has the label or not).
import { makeOffsetConverter } from '../codepoints';
import type { LabeledSpan } from './spans';

/** Token boundaries in code points: token i is [starts[i], ends[i]). */
export interface Tokens {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

export const OUTSIDE = 'O';

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
// The v flag (set difference) keeps CJK characters out of word runs.
const TOKEN = new RegExp(`[${CJK}]|[[\\p{L}\\p{M}\\p{N}\\p{Pc}]--[${CJK}]]+|\\S`, 'gv');

export function tokenize(text: string): Tokens {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const match of text.matchAll(TOKEN)) {
    starts.push(match.index);
    ends.push(match.index + match[0].length);
  }
  const conv = makeOffsetConverter(text);
  if (conv.codePointLength !== text.length) {
    for (let i = 0; i < starts.length; i++) (starts[i] = conv.toCodePoint(starts[i])), (ends[i] = conv.toCodePoint(ends[i]));
  }
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** Index of the first token whose end is past `offset`. */
function firstEndingAfter(tokens: Tokens, offset: number): number {
  let lo = 0;
  let hi = tokens.ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.ends[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** For each token, the labels (sorted, distinct) of `spans` that share a code point with it; undefined for none. */
export function tokenLabels(tokens: Tokens, spans: readonly LabeledSpan[]): Array<string[] | undefined> {
  const labels: Array<string[] | undefined> = new Array<string[] | undefined>(tokens.starts.length).fill(undefined);
  for (const span of spans) {
    for (let i = firstEndingAfter(tokens, span.start); i < tokens.starts.length && tokens.starts[i] < span.end; i++) {
      const list = labels[i];
      if (!list) labels[i] = [span.label];
      else if (!list.includes(span.label)) list.push(span.label);
    }
  }
  for (const list of labels) if (list && list.length > 1) list.sort();
  return labels;
}

/** The nominal category of a token from its labels: "O", one label, or sorted labels joined by "|". */
export function categoryOf(labels: readonly string[] | undefined): string {
  if (!labels) return OUTSIDE;
  return labels.length === 1 ? labels[0] : labels.join('|');
}
