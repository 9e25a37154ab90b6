// Deterministic 32-bit hashing, the same in every process and every run, so
// signatures and LSH band keys can be persisted and compared later.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units, optionally seeded. */
export function fnv1a32(s: string, seed = FNV_OFFSET): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: spreads every input bit over the whole word. */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Order-sensitive combination of two hashes (boost::hash_combine style). */
export function combineHash(h: number, v: number): number {
  return fmix32((h ^ (v + 0x9e3779b9 + (h << 6) + (h >>> 2))) >>> 0);
}
