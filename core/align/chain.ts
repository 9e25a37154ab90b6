// The heaviest chain of passage pairs that keeps both documents in reading
// order (every later pair starts after the earlier one ends on both sides).
// A weighted longest-increasing-subsequence over candidates, with a Fenwick
// tree for prefix maxima: O(C log m) instead of a full n·m DP table.

export interface ChainItem {
  readonly a0: number;
  readonly a1: number;
  readonly b0: number;
  readonly b1: number;
  readonly weight: number;
}

/** Indices into `items` of the heaviest order-preserving chain, by a0. */
export function heaviestChain(items: readonly ChainItem[], sizeB: number): number[] {
  const byStart = items.map((_, k) => k).sort((x, y) => items[x].a0 - items[y].a0);
  const byEnd = [...byStart].sort((x, y) => items[x].a1 - items[y].a1);
  const tree = new FenwickMax(sizeB);
  const best = new Float64Array(items.length);
  const back = new Int32Array(items.length).fill(-1);
  let pending = 0;
  for (const k of byStart) {
    // Make visible only the items that end (in A) before this one starts.
    for (; pending < byEnd.length && items[byEnd[pending]].a1 < items[k].a0; pending++) {
      const done = byEnd[pending];
      tree.update(items[done].b1, best[done], done);
    }
    const [prevWeight, prev] = tree.query(items[k].b0 - 1);
    best[k] = items[k].weight + prevWeight;
    back[k] = prev;
  }
  return traceBack(best, back);
}

function traceBack(best: Float64Array, back: Int32Array): number[] {
  let end = -1;
  for (let k = 0; k < best.length; k++) if (end < 0 || best[k] > best[end]) end = k;
  const chain: number[] = [];
  for (let k = end; k >= 0; k = back[k]) chain.push(k);
  return chain.reverse();
}

/** Prefix maximum (value and the item holding it) over positions 0..n-1. */
class FenwickMax {
  private readonly values: Float64Array;
  private readonly owners: Int32Array;

  constructor(n: number) {
    this.values = new Float64Array(n + 1);
    this.owners = new Int32Array(n + 1).fill(-1);
  }

  update(position: number, value: number, owner: number): void {
    for (let p = position + 1; p < this.values.length; p += p & -p) {
      if (value > this.values[p]) {
        this.values[p] = value;
        this.owners[p] = owner;
      }
    }
  }

  /** Max over positions 0..position; [0, -1] when empty or position < 0. */
  query(position: number): [number, number] {
    let value = 0;
    let owner = -1;
    for (let p = position + 1; p > 0; p -= p & -p) {
      if (this.values[p] > value) {
        value = this.values[p];
        owner = this.owners[p];
      }
    }
    return [value, owner];
  }
}
