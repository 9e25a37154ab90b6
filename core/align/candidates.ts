// Candidate sentence pairs from an inverted index over word bigrams
// ("shingles"), so alignment never scores all n·m sentence pairs. Each
// sentence of A looks up its shingles among B's sentences and keeps the few
// B sentences sharing the most of them. A shingle found in very many B
// sentences (boilerplate, a repeated line) only contributes the postings near
// the diagonal, which keeps a degenerate document from going quadratic.

import { lowerBound } from '../sorted-search';
import { combineHash, fmix32 } from './hash';
import type { Sentence } from './types';

const MAX_POSTINGS = 64;

/** Distinct bigram hashes of each sentence (a one-word sentence: its word). */
export function sentenceShingles(wordIds: Int32Array, sentences: readonly Sentence[]): Uint32Array[] {
  const wordHashes = Array.from(wordIds, (id) => fmix32(id + 1));
  return sentences.map((s) => shinglesOf(wordHashes, s.firstToken, s.endToken));
}

function shinglesOf(wordHashes: readonly number[], first: number, end: number): Uint32Array {
  if (end - first === 1) return Uint32Array.of(wordHashes[first]);
  const set = new Set<number>();
  for (let t = first; t + 1 < end; t++) set.add(combineHash(wordHashes[t], wordHashes[t + 1]));
  return Uint32Array.from(set);
}

/** shingle hash -> ascending indices of the sentences holding it. */
export function buildPostings(shingles: readonly Uint32Array[]): Map<number, number[]> {
  const postings = new Map<number, number[]>();
  shingles.forEach((set, j) => {
    for (const h of set) {
      const list = postings.get(h);
      if (list === undefined) postings.set(h, [j]);
      else list.push(j);
    }
  });
  return postings;
}

/** For each sentence of A, up to `perSentence` B sentence indices, best first. */
export function candidatePairs(
  shinglesA: readonly Uint32Array[],
  postingsB: ReadonlyMap<number, readonly number[]>,
  countB: number,
  perSentence: number,
): number[][] {
  const counts = new Uint32Array(countB);
  return shinglesA.map((set, i) => {
    const expected = Math.round((i * countB) / Math.max(1, shinglesA.length));
    const touched = countShared(set, postingsB, expected, counts);
    // Ties (repeated lines) go to the sentence nearest the diagonal, where a monotone chain wants it.
    const best = touched
      .sort((x, y) => counts[y] - counts[x] || Math.abs(x - expected) - Math.abs(y - expected) || x - y)
      .slice(0, perSentence);
    for (const j of touched) counts[j] = 0;
    return best;
  });
}

/** Adds 1 to counts[j] per shared shingle; returns the j touched. */
function countShared(
  set: Uint32Array,
  postings: ReadonlyMap<number, readonly number[]>,
  expected: number,
  counts: Uint32Array,
): number[] {
  const touched: number[] = [];
  for (const h of set) {
    const list = postings.get(h);
    if (list === undefined) continue;
    for (const j of nearDiagonal(list, expected)) {
      if (counts[j]++ === 0) touched.push(j);
    }
  }
  return touched;
}

/** The whole list, or its MAX_POSTINGS entries closest to `expected`. */
function nearDiagonal(list: readonly number[], expected: number): readonly number[] {
  if (list.length <= MAX_POSTINGS) return list;
  const lo = lowerBound(list, expected);
  const from = Math.max(0, Math.min(lo - MAX_POSTINGS / 2, list.length - MAX_POSTINGS));
  return list.slice(from, from + MAX_POSTINGS);
}
