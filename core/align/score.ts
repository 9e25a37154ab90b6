// Exact scoring of candidate passage pairs by token LCS, and the merges that
// let one sentence match two adjacent ones on the other side (a rewrite that
// joins or splits sentences, or folds "X said:" into the quote).

import { diceScore, lcsLength } from './lcs';
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

/** One side of the comparison: its keys and sentences. */
export interface Side {
  readonly keys: readonly string[];
  readonly sentences: readonly Sentence[];
}

function keysOf(side: Side, s0: number, s1: number): readonly string[] {
  return side.keys.slice(side.sentences[s0].firstToken, side.sentences[s1].endToken);
}

export function scoreRanges(a: Side, b: Side, a0: number, a1: number, b0: number, b1: number): ScoredPair {
  const ka = keysOf(a, a0, a1);
  const kb = keysOf(b, b0, b1);
  const common = lcsLength(ka, kb);
  const same = common === ka.length && common === kb.length;
  return { a0, a1, b0, b1, score: diceScore(common, ka.length, kb.length), common, same };
}

/** The single pair (i, j) and every two-sentence merge around it that beats it by `gain`. */
export function scoreWithMerges(a: Side, b: Side, i: number, j: number, gain: number): ScoredPair[] {
  const single = scoreRanges(a, b, i, i, j, j);
  const merges = [
    j > 0 ? scoreRanges(a, b, i, i, j - 1, j) : null,
    j + 1 < b.sentences.length ? scoreRanges(a, b, i, i, j, j + 1) : null,
    i > 0 ? scoreRanges(a, b, i - 1, i, j, j) : null,
    i + 1 < a.sentences.length ? scoreRanges(a, b, i, i + 1, j, j) : null,
  ];
  const better = merges.filter((m): m is ScoredPair => m !== null && m.score >= single.score + gain);
  return [single, ...better];
}

/** Weight of a pair in the reading-order chain: matched words, discounted by rewording. */
export function pairWeight(p: ScoredPair): number {
  return p.common * p.score;
}
