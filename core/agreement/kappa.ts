// Chance-corrected agreement on nominal categories, kept as counts so a
// corpus figure is the sum of its documents' counts (tokens are pooled, not
// document figures averaged).
//
// Cohen's kappa, two coders (Cohen 1960, "A coefficient of agreement for
// nominal scales", Educ. Psychol. Meas. 20(1):37-46):
//   kappa = (P_o - P_e) / (1 - P_e),  P_o = agreeing items / N,
//   P_e = sum over categories k of (n_A(k)/N)·(n_B(k)/N).
// Fleiss' kappa, m coders per item (Fleiss 1971, "Measuring nominal scale
// agreement among many raters", Psychol. Bull. 76(5):378-382):
//   P_i = (sum_j n_ij² - m) / (m(m-1)),  P̄ = mean P_i,
//   p_j = sum_i n_ij / (N m),  P̄_e = sum_j p_j²,  kappa = (P̄ - P̄_e) / (1 - P̄_e);
//   for one category j: kappa_j = 1 - sum_i n_ij(m - n_ij) / (N m (m-1) p_j (1 - p_j)).
// Both are undefined (null) when P_e = 1: every coder used one category for
// every item, so chance explains all agreement (DKPro Agreement throws
// InsufficientDataException there).

const add = (map: Map<string, number>, key: string, by: number) => map.set(key, (map.get(key) ?? 0) + by);

/** Cohen's kappa from a contingency table held as marginals and the diagonal. */
export class CohenCounts {
  items = 0;
  agreeing = 0;
  readonly marginA = new Map<string, number>();
  readonly marginB = new Map<string, number>();

  addItem(a: string, b: string, times = 1): void {
    this.items += times;
    if (a === b) this.agreeing += times;
    add(this.marginA, a, times);
    add(this.marginB, b, times);
  }

  addAll(other: CohenCounts): void {
    this.items += other.items;
    this.agreeing += other.agreeing;
    for (const [k, n] of other.marginA) add(this.marginA, k, n);
    for (const [k, n] of other.marginB) add(this.marginB, k, n);
  }

  observed(): number {
    return this.agreeing / this.items;
  }

  expected(): number {
    let sum = 0;
    for (const [k, n] of this.marginA) sum += n * (this.marginB.get(k) ?? 0);
    return sum / (this.items * this.items);
  }

  kappa(): number | null {
    if (this.items === 0) return null;
    const pe = this.expected();
    return pe >= 1 ? null : (this.observed() - pe) / (1 - pe);
  }
}

/** Cohen's kappa of one label as a yes/no category: counts of tokens both, only A, only B have it. */
export class BinaryCohenCounts {
  both = 0;
  onlyA = 0;
  onlyB = 0;

  addAll(other: BinaryCohenCounts): void {
    this.both += other.both;
    this.onlyA += other.onlyA;
    this.onlyB += other.onlyB;
  }

  /** Kappa over `items` tokens (the tokens no one gave the label are the rest). */
  kappa(items: number): number | null {
    if (items === 0) return null;
    const pa = (this.both + this.onlyA) / items;
    const pb = (this.both + this.onlyB) / items;
    const po = (items - this.onlyA - this.onlyB) / items;
    const pe = pa * pb + (1 - pa) * (1 - pb);
    return pe >= 1 ? null : (po - pe) / (1 - pe);
  }
}

/** Per category j: sum_i n_ij and sum_i n_ij², all Fleiss' kappa needs besides N and m. */
interface CategorySums {
  s1: number;
  s2: number;
}

/** Fleiss' kappa from per-category sums over items, each item coded by the same m coders. */
export class FleissCounts {
  items = 0;
  readonly categories = new Map<string, CategorySums>();

  constructor(readonly raters: number) {}

  private sums(category: string): CategorySums {
    let s = this.categories.get(category);
    if (!s) this.categories.set(category, (s = { s1: 0, s2: 0 }));
    return s;
  }

  /** One item: the category each of the m coders gave it. */
  addItem(codes: readonly string[]): void {
    if (codes.length !== this.raters) throw new RangeError(`item has ${codes.length} codes, expected ${this.raters}`);
    this.items++;
    const counts = new Map<string, number>();
    for (const c of codes) add(counts, c, 1);
    for (const [c, n] of counts) this.addCategory(c, n, n * n);
  }

  /** Adds raw sums (used for yes/no per-label counts and for merging documents). */
  addCategory(category: string, s1: number, s2: number): void {
    const s = this.sums(category);
    s.s1 += s1;
    s.s2 += s2;
  }

  addAll(other: FleissCounts): void {
    this.items += other.items;
    for (const [c, s] of other.categories) this.addCategory(c, s.s1, s.s2);
  }

  private get total(): number {
    return this.items * this.raters;
  }

  observed(): number {
    const m = this.raters;
    let s2 = 0;
    for (const s of this.categories.values()) s2 += s.s2;
    return (s2 - this.items * m) / (this.items * m * (m - 1));
  }

  expected(): number {
    let pe = 0;
    for (const s of this.categories.values()) pe += (s.s1 / this.total) ** 2;
    return pe;
  }

  kappa(): number | null {
    if (this.items === 0 || this.raters < 2) return null;
    const pe = this.expected();
    return pe >= 1 ? null : (this.observed() - pe) / (1 - pe);
  }

  /** Fleiss' category-specific kappa_j; null when no coder or every coder used j everywhere. */
  categoryKappa(category: string): number | null {
    const s = this.categories.get(category);
    const m = this.raters;
    if (!s || this.items === 0 || m < 2) return null;
    const p = s.s1 / this.total;
    if (p <= 0 || p >= 1) return null;
    return 1 - (m * s.s1 - s.s2) / (this.items * m * (m - 1) * p * (1 - p));
  }
}

/**
 * Fleiss' kappa of one label as yes/no over `items` tokens coded by m coders,
 * from yes-sums (sum_i y_i, sum_i y_i²); the no-sums follow, as n_i,no = m - y_i.
 */
export function binaryFleissKappa(items: number, raters: number, yes: { s1: number; s2: number }): number | null {
  const counts = new FleissCounts(raters);
  counts.items = items;
  counts.addCategory('yes', yes.s1, yes.s2);
  const m = raters;
  counts.addCategory('no', items * m - yes.s1, items * m * m - 2 * m * yes.s1 + yes.s2);
  return counts.kappa();
}
