// Which passages two documents share. Pipeline: sentences and word keys for
// both texts; candidate sentence pairs from a shingle index (both ways round,
// so neither side's top-k cut hides a pair); exact LCS scoring with
// two-sentence merges; the heaviest reading-order chain; then strong leftover
// pairs that break the order (a moved paragraph) fill unused sentences.

import { buildPostings, candidatePairs, sentenceShingles } from './candidates';
import { heaviestChain } from './chain';
import { memoScorer, pairWeight, scoreWithMerges, type InternedText, type ScoredPair } from './score';
import { segmentText } from './segment';
import type { AlignedPair, AlignOptions, Alignment, Sentence, TextRange } from './types';

const DEFAULTS: Required<AlignOptions> = {
  minScore: 0.5,
  reorderMinScore: 0.7,
  mergeGain: 0.05,
  candidatesPerSentence: 6,
};

export function alignDocuments(a: string, b: string, options: AlignOptions = {}): Alignment {
  const opts = { ...DEFAULTS, ...options };
  const dictionary = new Map<string, number>();
  const sideA = toInternedText(a, dictionary);
  const sideB = toInternedText(b, dictionary);
  const scored = scoreCandidates(sideA, sideB, opts);
  const chosen = choosePairs(scored, sideA.sentences.length, sideB.sentences.length, opts.reorderMinScore);
  return buildAlignment(chosen, sideA.sentences, sideB.sentences);
}

/** Words as ids from a dictionary shared by both texts. */
function toInternedText(text: string, dictionary: Map<string, number>): InternedText {
  const { tokens, sentences } = segmentText(text);
  const ids = Int32Array.from(tokens, (t) => {
    let id = dictionary.get(t.key);
    if (id === undefined) dictionary.set(t.key, (id = dictionary.size));
    return id;
  });
  return { ids, sentences };
}

/** Every candidate pair (and merge) worth keeping, without duplicates. */
function scoreCandidates(a: InternedText, b: InternedText, opts: Required<AlignOptions>): ScoredPair[] {
  const kept = new Set<ScoredPair>();
  const scorer = memoScorer(a, b);
  for (const [i, j] of candidateIndexPairs(a, b, opts.candidatesPerSentence)) {
    for (const p of scoreWithMerges(a, b, i, j, opts.mergeGain, scorer)) if (p.score >= opts.minScore) kept.add(p);
  }
  return [...kept];
}

/** Distinct (i, j) sentence index pairs proposed from either side. */
function candidateIndexPairs(a: InternedText, b: InternedText, perSentence: number): Array<[number, number]> {
  const shA = sentenceShingles(a.ids, a.sentences);
  const shB = sentenceShingles(b.ids, b.sentences);
  const fromA = candidatePairs(shA, buildPostings(shB), shB.length, perSentence);
  const fromB = candidatePairs(shB, buildPostings(shA), shA.length, perSentence);
  const pairs = new Set<number>();
  fromA.forEach((js, i) => js.forEach((j) => pairs.add(i * shB.length + j)));
  fromB.forEach((is, j) => is.forEach((i) => pairs.add(i * shB.length + j)));
  return [...pairs].map((k) => [Math.floor(k / shB.length), k % shB.length]);
}

/** The reading-order chain plus strong out-of-order pairs on unused sentences. */
function choosePairs(scored: readonly ScoredPair[], sizeA: number, sizeB: number, reorderMin: number): ScoredPair[] {
  const items = scored.map((p) => ({ ...p, weight: pairWeight(p) }));
  const chosen = heaviestChain(items, sizeB).map((k) => scored[k]);
  const usedA = new Uint8Array(sizeA);
  const usedB = new Uint8Array(sizeB);
  chosen.forEach((p) => mark(p, usedA, usedB));
  const inChain = new Set(chosen);
  const rest = scored.filter((p) => p.score >= reorderMin && !inChain.has(p));
  for (const p of rest.sort((x, y) => pairWeight(y) - pairWeight(x))) {
    if (isFree(p, usedA, usedB)) {
      chosen.push(p);
      mark(p, usedA, usedB);
    }
  }
  return chosen;
}

function mark(p: ScoredPair, usedA: Uint8Array, usedB: Uint8Array): void {
  usedA.fill(1, p.a0, p.a1 + 1);
  usedB.fill(1, p.b0, p.b1 + 1);
}

function isFree(p: ScoredPair, usedA: Uint8Array, usedB: Uint8Array): boolean {
  for (let i = p.a0; i <= p.a1; i++) if (usedA[i] !== 0) return false;
  for (let j = p.b0; j <= p.b1; j++) if (usedB[j] !== 0) return false;
  return true;
}

function buildAlignment(chosen: readonly ScoredPair[], sa: readonly Sentence[], sb: readonly Sentence[]): Alignment {
  const sorted = [...chosen].sort((x, y) => x.a0 - y.a0);
  const pairs: AlignedPair[] = sorted.map((p, id) => ({
    id,
    a: { start: sa[p.a0].start, end: sa[p.a1].end },
    b: { start: sb[p.b0].start, end: sb[p.b1].end },
    score: p.score,
    kind: p.same ? 'same' : 'similar',
  }));
  return {
    pairs,
    onlyA: unmatched(
      sa,
      sorted.map((p) => [p.a0, p.a1]),
    ),
    onlyB: unmatched(
      sb,
      sorted.map((p) => [p.b0, p.b1]),
    ),
  };
}

function unmatched(sentences: readonly Sentence[], used: ReadonlyArray<readonly number[]>): TextRange[] {
  const taken = new Uint8Array(sentences.length);
  for (const [s0, s1] of used) taken.fill(1, s0, s1 + 1);
  return sentences.filter((_, k) => taken[k] === 0).map((s) => ({ start: s.start, end: s.end }));
}
