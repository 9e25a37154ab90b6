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
import type { LabeledSpan } from './spans';

/** Token boundaries in code points: token i is [starts[i], ends[i]). */
export interface Tokens {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

export const OUTSIDE = 'O';

// Character classes, read per code point: 0 space, 1 word, 2 a token alone (CJK), 3 other (a token alone).
const SPACE = /\s/u;
const ALONE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WORD = /[\p{L}\p{M}\p{N}\p{Pc}]/u;
const ASCII = new Uint8Array(128).map((_, c) => classify(String.fromCharCode(c)));

function classify(ch: string): number {
  if (SPACE.test(ch)) return 0;
  if (ALONE.test(ch)) return 2;
  return WORD.test(ch) ? 1 : 3;
}

/**
 * One pass over the text by code point (ASCII by table, the rest by Unicode
 * property), counting code points as it goes, so offsets come out in code
 * points without a second conversion. A regex matchAll cut the same tokens
 * at a fifth of the speed, which the 100,000-document bench felt.
 */
export function tokenize(text: string): Tokens {
  // At most one token per code unit: one allocation, trimmed by subarray at the end.
  const starts = new Int32Array(text.length);
  const ends = new Int32Array(text.length);
  let n = 0;
  let wordStart = -1;
  let cp = 0;
  for (let i = 0; i < text.length; cp++) {
    const unit = text.charCodeAt(i);
    let kind: number;
    if (unit < 128) {
      kind = ASCII[unit];
      i++;
    } else {
      const code = text.codePointAt(i)!;
      const width = code > 0xffff ? 2 : 1;
      kind = classify(text.slice(i, i + width));
      i += width;
    }
    if (kind === 1) {
      if (wordStart < 0) wordStart = cp;
      continue;
    }
    if (wordStart >= 0) {
      starts[n] = wordStart;
      ends[n++] = cp;
      wordStart = -1;
    }
    if (kind !== 0) {
      starts[n] = cp;
      ends[n++] = cp + 1;
    }
  }
  if (wordStart >= 0) {
    starts[n] = wordStart;
    ends[n++] = cp;
  }
  return { starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
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
