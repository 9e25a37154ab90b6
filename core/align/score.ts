// Exact scoring of candidate passage pairs by token LCS, and the merges that
// let one sentence match two adjacent ones on the other side (a rewrite that
// joins or splits sentences, or folds "X said:" into the quote).

import { diceScore, lcsLengthRange } from './lcs';
import type { Sentence } from './types';

/** A scored passage pair: inclusive sentence index ranges on each side. */
export interface ScoredPair {
  readonly a0: number;
  readonly a1: number;
  readonly b0: number;
  readonly b1: number;
  /** Dice over the token LCS, 0..1. */
  readonly score: number;
  /** LCS length: matched words. */
  readonly common: number;
  /** Both sides have identical key sequences. */
  readonly same: boolean;
}

/**
 * One of the two texts compared, interned: its sentences and its words as ids
 * (keys interned in a dictionary shared by both texts, so equal ids = equal
 * keys and the LCS compares integers, not strings).
 */
export interface InternedText {
  readonly ids: Int32Array;
  readonly sentences: readonly Sentence[];
}

/** Scores a pair of inclusive sentence ranges: (a0, a1, b0, b1). */
export type Scorer = (a0: number, a1: number, b0: number, b1: number) => ScoredPair;

export function scoreRanges(
  a: InternedText,
  b: InternedText,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
): ScoredPair {
  const [ta0, ta1] = [a.sentences[a0].firstToken, a.sentences[a1].endToken];
  const [tb0, tb1] = [b.sentences[b0].firstToken, b.sentences[b1].endToken];
  const common = lcsLengthRange(a.ids, ta0, ta1, b.ids, tb0, tb1);
  const [lengthA, lengthB] = [ta1 - ta0, tb1 - tb0];
  const same = common === lengthA && common === lengthB;
  return { a0, a1, b0, b1, score: diceScore(common, lengthA, lengthB), common, same };
}

/** scoreRanges with memory: neighbouring candidates propose the same merges. */
export function memoScorer(a: InternedText, b: InternedText): Scorer {
  const memo = new Map<number, ScoredPair>();
  const width = b.sentences.length;
  return (a0, a1, b0, b1) => {
    // Ranges span one or two sentences, so (start, extra) per side identifies the pair.
    const key = ((a0 * 2 + (a1 - a0)) * width + b0) * 2 + (b1 - b0);
    let p = memo.get(key);
    if (p === undefined) memo.set(key, (p = scoreRanges(a, b, a0, a1, b0, b1)));
    return p;
  };
}

/** The single pair (i, j) and every two-sentence merge around it that beats it by `gain`. */
export function scoreWithMerges(
  a: InternedText,
  b: InternedText,
  i: number,
  j: number,
  gain: number,
  score: Scorer,
): ScoredPair[] {
  const single = score(i, i, j, j);
  const merges = [
    j > 0 ? score(i, i, j - 1, j) : null,
    j + 1 < b.sentences.length ? score(i, i, j, j + 1) : null,
    i > 0 ? score(i - 1, i, j, j) : null,
    i + 1 < a.sentences.length ? score(i, i + 1, j, j) : null,
  ];
  const better = merges.filter((m): m is ScoredPair => m !== null && m.score >= single.score + gain);
  return [single, ...better];
}

/** Weight of a pair in the reading-order chain: matched words, discounted by rewording. */
export function pairWeight(p: ScoredPair): number {
  return p.common * p.score;
}
