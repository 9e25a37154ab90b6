// Finding similar documents among many: locality-sensitive hashing over
// MinHash signatures. A signature is cut into `bands` bands of `rows` values;
// documents sharing any whole band land in the same bucket and become
// candidates, ranked by estimated Jaccard. With 64 hashes in 16 bands of 4,
// pairs near Jaccard 0.5 and above are very likely to meet. When the buckets
// give nothing (fallback 'empty', the default) or fewer than k ('short'), the
// index ranks every stored signature by estimated Jaccard instead, so a weakly
// similar document (a rewrite sharing a quarter of its phrases) is still found.
// bandKeys() is public so the caller can persist buckets (bandKey -> ids).

import { fmix32 } from './hash';
import { estimateJaccard } from './minhash';
import { rank, SignatureStore, type SimilarMatch } from './signature-store';

export type { SimilarMatch } from './signature-store';

export interface SimilarityOptions {
  /** Signature length every added signature must have (default 64). */
  readonly numHashes?: number;
  /** Bands per signature; must divide numHashes (default 16). */
  readonly bands?: number;
  /**
   * When to rank all signatures instead of the bucket candidates: 'empty' when
   * buckets yield no similar document (default), 'short' when fewer than k,
   * 'never' for pure LSH.
   */
  readonly fallback?: 'empty' | 'short' | 'never';
}

export class SimilarityIndex {
  readonly numHashes: number;
  readonly bands: number;
  private readonly fallback: 'empty' | 'short' | 'never';
  // Keyed by the band's first hash: numbers, not 1.6M key strings, at 10^5 documents.
  // A rare clash only adds a candidate, which scoring then ranks away.
  private readonly buckets = new Map<number, string | string[]>();
  private readonly store: SignatureStore;

  constructor(options: SimilarityOptions = {}) {
    this.numHashes = options.numHashes ?? 64;
    this.bands = options.bands ?? 16;
    this.fallback = options.fallback ?? 'empty';
    if (this.numHashes % this.bands !== 0) throw new RangeError(`${this.bands} bands do not divide ${this.numHashes} hashes`);
    this.store = new SignatureStore(this.numHashes);
  }

  get size(): number {
    return this.store.size;
  }

  /** Adds a document, replacing an earlier signature under the same id. */
  add(id: string, sig: Uint32Array): void {
    this.checkLength(sig);
    this.remove(id);
    this.store.put(id, sig);
    for (const key of this.bucketKeys(sig)) this.addToBucket(key, id);
  }

  /** Removes a document; false when it was not there. */
  remove(id: string): boolean {
    const sig = this.store.get(id);
    if (sig === undefined) return false;
    for (const key of this.bucketKeys(sig)) this.dropFromBucket(key, id);
    this.store.delete(id);
    return true;
  }

  /** One key per band, "band.hash1.hash2", stable across runs and machines: for persisting buckets. */
  bandKeys(sig: Uint32Array): string[] {
    const hashes = this.bandHashes(sig);
    return Array.from({ length: this.bands }, (_, band) => `${band}.${hashes[2 * band].toString(36)}.${hashes[2 * band + 1].toString(36)}`);
  }

  /** 30-bit keys: V8 keeps them as small integers, not heap numbers, in a Map of 10^6 entries. */
  private bucketKeys(sig: Uint32Array): number[] {
    const hashes = this.bandHashes(sig);
    return Array.from({ length: this.bands }, (_, band) => hashes[2 * band] & 0x3fffffff);
  }

  /** Two independent 32-bit hashes per band (seeded by the band number), interleaved. */
  private bandHashes(sig: Uint32Array): Uint32Array {
    this.checkLength(sig);
    const rows = this.numHashes / this.bands;
    const out = new Uint32Array(2 * this.bands);
    for (let band = 0; band < this.bands; band++) {
      // Cheap multiplicative steps per row, one full avalanche per band: signature values are already uniform.
      let h1 = band + 1;
      let h2 = band + 0x51ed27;
      for (let r = band * rows; r < (band + 1) * rows; r++) {
        h1 = Math.imul(h1 ^ sig[r], 0x01000193);
        h2 = Math.imul(h2 ^ sig[r], 0x5bd1e995) ^ (h2 >>> 15);
      }
      out[2 * band] = fmix32(h1);
      out[2 * band + 1] = fmix32(h2);
    }
    return out;
  }

  /** The k most similar stored documents, best first, `excludeId` left out. */
  query(sig: Uint32Array, k: number, excludeId?: string): SimilarMatch[] {
    this.checkLength(sig);
    const candidates = this.candidates(sig, excludeId);
    const scored = [...candidates].map((id) => ({ id, score: estimateJaccard(sig, this.store.get(id)!) }));
    const found = rank(scored.filter((m) => m.score > 0), k);
    const scan = this.fallback === 'short' ? found.length < k : this.fallback === 'empty' && found.length === 0;
    return scan ? this.store.topK(sig, k, excludeId) : found;
  }

  private candidates(sig: Uint32Array, excludeId: string | undefined): Set<string> {
    const ids = new Set<string>();
    for (const key of this.bucketKeys(sig)) {
      const held = this.buckets.get(key);
      if (typeof held === 'string') ids.add(held);
      else held?.forEach((id) => ids.add(id));
    }
    if (excludeId !== undefined) ids.delete(excludeId);
    return ids;
  }

  /** Most buckets hold one document: a bare id until a second one arrives. */
  private addToBucket(key: number, id: string): void {
    const held = this.buckets.get(key);
    if (held === undefined) this.buckets.set(key, id);
    else if (typeof held === 'string') this.buckets.set(key, [held, id]);
    else held.push(id);
  }

  private dropFromBucket(key: number, id: string): void {
    const held = this.buckets.get(key);
    if (held === id) this.buckets.delete(key);
    if (!Array.isArray(held)) return;
    const rest = held.filter((x) => x !== id);
    if (rest.length === 0) this.buckets.delete(key);
    else this.buckets.set(key, rest.length === 1 ? rest[0] : rest);
  }

  private checkLength(sig: Uint32Array): void {
    if (sig.length !== this.numHashes) throw new RangeError(`signature has ${sig.length} values, index expects ${this.numHashes}`);
  }
}

