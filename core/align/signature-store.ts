// Signatures kept for scoring: all in one flat Uint32Array, so a full scan
// over 100,000 documents walks contiguous memory. Removal moves the last slot
// into the hole, so slots are not stable ids.

import { EMPTY_SLOT } from './minhash';

export interface SimilarMatch {
  readonly id: string;
  readonly score: number;
}

/** Best first, ties by id so results never depend on insertion order. */
export function rank(matches: SimilarMatch[], k: number): SimilarMatch[] {
  return matches.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)).slice(0, k);
}


export class SignatureStore {
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
    // Locals, not this.*, in the hottest loop of a 100k-document scan.
    const pool = this.pool;
    const width = this.width;
    const base = slot * width;
    let equal = 0;
    for (let i = 0; i < width; i++) if (pool[base + i] === sig[i] && sig[i] !== EMPTY_SLOT) equal++;
    return equal / width;
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
