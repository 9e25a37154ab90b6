// MinHash signatures of documents over word shingles (default: 3 consecutive
// word keys). Each of the k hash functions is the MurmurHash3 finaliser of
// the shingle hash xor a fixed per-function seed, so signatures are the same
// on every machine and can be stored. The share of equal positions of two
// signatures estimates the Jaccard similarity of the shingle sets.

import { wordKeys } from '../text/words';
import { combineHash, fmix32, fnv1a32 } from './hash';

export interface MinhashOptions {
  /** Signature length (default 64). */
  readonly numHashes?: number;
  /** Words per shingle (default 3). */
  readonly shingle?: number;
}

/** Signature value of a document without any shingle: matches nothing. */
export const EMPTY_SLOT = 0xffffffff;

/**
 * Changes whenever `minhashSignature` would give another signature for the
 * same text, so stored similarity indexes know to rebuild. 2: words from
 * core/text/words.ts (Intl.Segmenter), so "3.5" or "e.g" is one word now.
 */
export const SIGNATURES_VERSION = 2;

export function minhashSignature(text: string, options: MinhashOptions = {}): Uint32Array {
  return minhashOfKeys(wordKeys(text), options);
}

/** The same from the text's word keys (core/text/words.ts `wordKeys`): an import segments each text once for terms and signature. */
export function minhashOfKeys(keys: readonly string[], options: MinhashOptions = {}): Uint32Array {
  const seeds = hashSeeds(options.numHashes ?? 64);
  const sig = new Uint32Array(seeds.length).fill(EMPTY_SLOT);
  for (const h of shingleHashes(keys, options.shingle ?? 3)) {
    for (let i = 0; i < seeds.length; i++) {
      const v = fmix32(h ^ seeds[i]);
      if (v < sig[i]) sig[i] = v;
    }
  }
  return sig;
}

/** Distinct shingle hashes; a text shorter than one shingle is one shingle. */
function shingleHashes(keys: readonly string[], size: number): Set<number> {
  const words = keys.map((k) => fnv1a32(k));
  const width = Math.max(1, Math.min(size, words.length));
  const out = new Set<number>();
  for (let t = 0; t + width <= words.length; t++) {
    let h = words[t];
    for (let k = 1; k < width; k++) h = combineHash(h, words[t + k]);
    out.add(h);
  }
  return out;
}

const seedCache = new Map<number, Uint32Array>();

/** k fixed seeds, derived from their index so they never change. */
function hashSeeds(k: number): Uint32Array {
  let seeds = seedCache.get(k);
  if (seeds === undefined) {
    seeds = Uint32Array.from({ length: k }, (_, i) => fmix32(Math.imul(i + 1, 0x9e3779b1)));
    seedCache.set(k, seeds);
  }
  return seeds;
}

/** Share of positions where both signatures hold the same non-empty value. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new RangeError(`signature lengths differ: ${a.length} vs ${b.length}`);
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i] && a[i] !== EMPTY_SLOT) equal++;
  return a.length === 0 ? 0 : equal / a.length;
}
