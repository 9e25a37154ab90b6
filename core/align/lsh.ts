// Finding similar documents among many: locality-sensitive hashing over
// MinHash signatures. A signature is cut into `bands` bands of `rows` values;
// documents sharing any whole band land in the same bucket and become
// candidates, ranked by estimated Jaccard. With 64 hashes in 16 bands of 4,
// pairs near Jaccard 0.5 and above are very likely to meet. When buckets give
// fewer than k candidates the index scores every stored signature instead, so
// a weakly similar document is still ranked rather than missed. bandKeys() is
// public so the caller can persist buckets (bandKey -> ids) in IndexedDB.

import { combineHash, fmix32 } from './hash';
import { EMPTY_SLOT, estimateJaccard } from './minhash';

export interface SimilarityOptions {
  /** Signature length every added signature must have (default 64). */
  readonly numHashes?: number;
  /** Bands per signature; must divide numHashes (default 16). */
  readonly bands?: number;
  /** Score all signatures when buckets yield fewer than k (default true). */
  readonly fallback?: boolean;
}

export interface SimilarMatch {
  readonly id: string;
  readonly score: number;
}

export class SimilarityIndex {
  readonly numHashes: number;
  readonly bands: number;
  private readonly fallback: boolean;
  private readonly buckets = new Map<string, string[]>();
  private readonly store: SignatureStore;

  constructor(options: SimilarityOptions = {}) {
    this.numHashes = options.numHashes ?? 64;
    this.bands = options.bands ?? 16;
    this.fallback = options.fallback ?? true;
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
    for (const key of this.bandKeys(sig)) {
      const ids = this.buckets.get(key);
      if (ids === undefined) this.buckets.set(key, [id]);
      else ids.push(id);
    }
  }

  /** Removes a document; false when it was not there. */
  remove(id: string): boolean {
    const sig = this.store.get(id);
    if (sig === undefined) return false;
    for (const key of this.bandKeys(sig)) this.dropFromBucket(key, id);
    this.store.delete(id);
    return true;
  }

  /** One key per band: "band.hash", stable across runs and machines. */
  bandKeys(sig: Uint32Array): string[] {
    this.checkLength(sig);
    const rows = this.numHashes / this.bands;
    const keys: string[] = [];
    for (let band = 0; band < this.bands; band++) {
      // Two independent 32-bit hashes make accidental bucket sharing negligible at 10^5 documents.
      let h1 = fmix32(band + 1);
      let h2 = fmix32(band + 0x51ed27);
      for (let r = band * rows; r < (band + 1) * rows; r++) {
        h1 = combineHash(h1, sig[r]);
        h2 = combineHash(h2, sig[r] ^ 0x5bd1e995);
      }
      keys.push(`${band}.${h1.toString(36)}.${h2.toString(36)}`);
    }
    return keys;
  }

  /** The k most similar stored documents, best first, `excludeId` left out. */
  query(sig: Uint32Array, k: number, excludeId?: string): SimilarMatch[] {
    this.checkLength(sig);
    const candidates = this.candidates(sig, excludeId);
    const scored = [...candidates].map((id) => ({ id, score: estimateJaccard(sig, this.store.get(id)!) }));
    const found = rank(scored.filter((m) => m.score > 0), k);
    if (found.length >= k || !this.fallback) return found;
    return this.store.topK(sig, k, excludeId);
  }

  private candidates(sig: Uint32Array, excludeId: string | undefined): Set<string> {
    const ids = new Set<string>();
    for (const key of this.bandKeys(sig)) for (const id of this.buckets.get(key) ?? []) ids.add(id);
    if (excludeId !== undefined) ids.delete(excludeId);
    return ids;
  }

  private dropFromBucket(key: string, id: string): void {
    const ids = this.buckets.get(key);
    if (ids === undefined) return;
    const at = ids.indexOf(id);
    if (at >= 0) ids.splice(at, 1);
    if (ids.length === 0) this.buckets.delete(key);
  }

  private checkLength(sig: Uint32Array): void {
    if (sig.length !== this.numHashes) throw new RangeError(`signature has ${sig.length} values, index expects ${this.numHashes}`);
  }
}

/** Best first, ties by id so results never depend on insertion order. */
function rank(matches: SimilarMatch[], k: number): SimilarMatch[] {
  return matches.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)).slice(0, k);
}

/**
 * All signatures in one flat Uint32Array, so a full scan walks contiguous
 * memory. Removal moves the last slot into the hole.
 */
class SignatureStore {
  private pool: Uint32Array;
  private readonly ids: string[] = [];
  private readonly slots = new Map<string, number>();

  constructor(private readonly width: number) {
    this.pool = new Uint32Array(width * 1024);
  }

  get size(): number {
    return this.ids.length;
  }

  get(id: string): Uint32Array | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : this.pool.subarray(slot * this.width, (slot + 1) * this.width);
  }

  put(id: string, sig: Uint32Array): void {
    const slot = this.ids.length;
    if ((slot + 1) * this.width > this.pool.length) this.grow();
    this.pool.set(sig, slot * this.width);
    this.ids.push(id);
    this.slots.set(id, slot);
  }

  delete(id: string): void {
    const slot = this.slots.get(id);
    if (slot === undefined) return;
    const last = this.ids.length - 1;
    this.pool.copyWithin(slot * this.width, last * this.width, (last + 1) * this.width);
    this.ids[slot] = this.ids[last];
    this.slots.set(this.ids[slot], slot);
    this.ids.pop();
    this.slots.delete(id);
  }

  /** Exhaustive ranking by estimated Jaccard (non-zero scores only). */
  topK(sig: Uint32Array, k: number, excludeId?: string): SimilarMatch[] {
    const best: SimilarMatch[] = [];
    for (let slot = 0; slot < this.ids.length; slot++) {
      const score = this.scoreSlot(sig, slot);
      if (score === 0 || this.ids[slot] === excludeId) continue;
      if (best.length < k || score >= best[best.length - 1].score) insertRanked(best, { id: this.ids[slot], score }, k);
    }
    return best;
  }

  private scoreSlot(sig: Uint32Array, slot: number): number {
    const base = slot * this.width;
    let equal = 0;
    for (let i = 0; i < this.width; i++) if (this.pool[base + i] === sig[i] && sig[i] !== EMPTY_SLOT) equal++;
    return equal / this.width;
  }

  private grow(): void {
    const bigger = new Uint32Array(this.pool.length * 2);
    bigger.set(this.pool);
    this.pool = bigger;
  }
}

/** Insert keeping `list` ranked (rank sorts in place) and at most k long. */
function insertRanked(list: SimilarMatch[], m: SimilarMatch, k: number): void {
  list.push(m);
  rank(list, k);
  if (list.length > k) list.length = k;
}
