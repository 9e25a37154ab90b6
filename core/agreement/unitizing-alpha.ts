// Krippendorff's unitizing alpha, alpha_u (Krippendorff 1995, "On the
// reliability of unitizing contiguous data", Sociological Methodology
// 25:47-76; Krippendorff 2004, "Content Analysis", 2nd ed., ch. 12.4), for
// each label c separately, as DKPro Agreement's
// KrippendorffAlphaUnitizingAgreement computes it (the values of its tests
// are reproduced in tests/core/agreement/unitizing-alpha.test.ts).
//
// The continuum is [B, B+L) (here: a document's code points). Each of R
// coders cuts it into units of label c and the gaps between them. For two
// coders' overlapping segments g (of one) and h (of the other):
//   both units:       δ² = (start_g - start_h)² + (end_g - end_h)²
//   unit inside gap:  δ² = length(unit)²
//   anything else:    δ² = 0
// Observed:  D_o(c) = 2 / (R(R-1)L²) · Σ over coder pairs Σ over overlapping pairs δ².
// Expected, over all ways the units and gaps could have been placed, with
// N_c units of c (all coders), lengths l, and all coders' gap lengths g:
//   D_e(c) = (2/L) Σ_units [ (N_c - 1)(2l³ - 3l² + l)/3 + l² Σ_{g ≥ l} (g - l + 1) ]
//            / (RL(RL - 1) - Σ_units l(l - 1))
// alpha_u(c) = 1 - D_o(c)/D_e(c), and 0 when D_o = D_e (DKPro's rule, also
// for a study where one unit meets no other). Overall (all labels): the mean
// D_o over labels against the mean D_e over labels, as DKPro does; labels
// are those with at least one unit, and a study with none has no alpha (null).
//
// One coder's overlapping units of one label are merged into their union
// first: the measure assumes a coder's units of a category do not overlap.
import { lowerBound } from '../sorted-search';

/** One coder's unit: [start, end) with a label; `rater` counts from 0. */
export interface Unit {
  readonly start: number;
  readonly end: number;
  readonly rater: number;
  readonly label: string;
}

export interface UnitizingStudy {
  /** Start of the continuum (0 for a document). */
  readonly begin?: number;
  readonly length: number;
  readonly raters: number;
  readonly units: readonly Unit[];
}

export interface LabelAlpha {
  readonly alpha: number;
  readonly observed: number;
  readonly expected: number;
}

export interface UnitizingResult {
  readonly overall: number | null;
  readonly byLabel: Readonly<Record<string, LabelAlpha>>;
}

/**
 * One coder's units of one label as flat [start, end, start, end, ...],
 * sorted and merged where they overlap, relative to the continuum start.
 */
export function mergeUnits(pairs: ReadonlyArray<readonly [number, number]>): number[] {
  const sorted = [...pairs].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const flat: number[] = [];
  for (const [s, e] of sorted) {
    if (s >= e) continue;
    const last = flat.length - 1;
    if (last > 0 && s < flat[last]) flat[last] = Math.max(flat[last], e);
    else flat.push(s, e);
  }
  return flat;
}

/** A coder's continuum as segments [start, end, isUnit] covering [0, length). */
function segments(units: readonly number[], length: number): number[] {
  const segs: number[] = [];
  let pos = 0;
  for (let i = 0; i < units.length; i += 2) {
    if (units[i] > pos) segs.push(pos, units[i], 0);
    segs.push(units[i], units[i + 1], 1);
    pos = units[i + 1];
  }
  if (pos < length) segs.push(pos, length, 0);
  return segs;
}

function delta2(s1: number, e1: number, u1: number, s2: number, e2: number, u2: number): number {
  if (u1 && u2) return (s1 - s2) ** 2 + (e1 - e2) ** 2;
  if (u1 && !u2 && s2 <= s1 && e1 <= e2) return (e1 - s1) ** 2;
  if (!u1 && u2 && s1 <= s2 && e2 <= e1) return (e2 - s2) ** 2;
  return 0;
}

/** Σ δ² over every overlapping pair of segments of two coders (merged units, one label) on [0, length). */
export function observedPairSum(a: readonly number[], b: readonly number[], length: number): number {
  if (a.length === 0 && b.length === 0) return 0;
  const sa = segments(a, length);
  const sb = segments(b, length);
  let sum = 0;
  let i = 0;
  let j = 0;
  // Walk both segmentations together; each step is one overlapping pair.
  while (i < sa.length && j < sb.length) {
    sum += delta2(sa[i], sa[i + 1], sa[i + 2], sb[j], sb[j + 1], sb[j + 2]);
    const endA = sa[i + 1];
    const endB = sb[j + 1];
    if (endA <= endB) i += 3;
    if (endB <= endA) j += 3;
  }
  return sum;
}

/** The gaps (lengths) of one coder's merged units on [0, length). */
export function gapLengths(units: readonly number[], length: number, into: number[] = []): number[] {
  let pos = 0;
  for (let i = 0; i < units.length; i += 2) {
    if (units[i] > pos) into.push(units[i] - pos);
    pos = units[i + 1];
  }
  if (pos < length) into.push(length - pos);
  return into;
}

/** Σ over gaps g ≥ l of (g - l + 1), for each unit length l, summed with the rest of D_e's numerator. */
function numerator(unitLengths: readonly number[], fits: (l: number) => number): { sum: number; squared: number } {
  const n = unitLengths.length;
  let sum = 0;
  let squared = 0;
  for (const l of unitLengths) {
    squared += l * (l - 1);
    sum += ((n - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * fits(l);
  }
  return { sum, squared };
}

/** D_e(c) from all coders' unit lengths and gap lengths of c. */
export function expectedDisagreement(
  unitLengths: readonly number[],
  gaps: readonly number[],
  raters: number,
  length: number,
): number {
  let parts: { sum: number; squared: number };
  if (gaps.length * unitLengths.length <= 256) {
    // A document's few units and gaps: a direct double loop allocates nothing.
    parts = numerator(unitLengths, (l) => {
      let fits = 0;
      for (const g of gaps) if (g >= l) fits += g - l + 1;
      return fits;
    });
  } else {
    // A corpus: sorted gaps and suffix sums make each unit one binary search.
    const sorted = Float64Array.from(gaps).sort();
    const suffix = new Float64Array(sorted.length + 1);
    for (let k = sorted.length - 1; k >= 0; k--) suffix[k] = suffix[k + 1] + sorted[k];
    parts = numerator(unitLengths, (l) => {
      const from = lowerBound(sorted, l);
      return suffix[from] - (l - 1) * (sorted.length - from);
    });
  }
  const rl = raters * length;
  return ((2 / length) * parts.sum) / (rl * (rl - 1) - parts.squared);
}

/** alpha from D_o and D_e; 0 when they are equal, as DKPro defines it. */
export function alphaOf(observed: number, expected: number): number {
  return observed === expected ? 0 : 1 - observed / expected;
}

/** Per-label D_o and D_e -> per-label alpha and the overall alpha (means of D_o and D_e). */
export function combineLabels(parts: ReadonlyMap<string, { observed: number; expected: number }>): UnitizingResult {
  const byLabel: Record<string, LabelAlpha> = {};
  let observed = 0;
  let expected = 0;
  for (const [label, part] of [...parts].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    byLabel[label] = { alpha: alphaOf(part.observed, part.expected), observed: part.observed, expected: part.expected };
    observed += part.observed;
    expected += part.expected;
  }
  if (parts.size === 0) return { overall: null, byLabel };
  return { overall: alphaOf(observed / parts.size, expected / parts.size), byLabel };
}

/** Each label's merged units per coder, relative to the continuum start. */
export function unitsByLabel(study: UnitizingStudy): Map<string, number[][]> {
  const begin = study.begin ?? 0;
  const raw = new Map<string, Array<Array<[number, number]>>>();
  for (const u of study.units) {
    let perRater = raw.get(u.label);
    if (!perRater) raw.set(u.label, (perRater = Array.from({ length: study.raters }, () => [])));
    perRater[u.rater].push([u.start - begin, u.end - begin]);
  }
  return new Map([...raw].map(([label, perRater]) => [label, perRater.map(mergeUnits)]));
}

/** D_o(c) and D_e(c) of one label from each coder's merged units. */
export function labelDisagreements(
  perRater: readonly number[][],
  length: number,
): { observed: number; expected: number } {
  const raters = perRater.length;
  let sum = 0;
  for (let r = 0; r < raters; r++)
    for (let q = r + 1; q < raters; q++) sum += observedPairSum(perRater[r], perRater[q], length);
  const lengths: number[] = [];
  const gaps: number[] = [];
  for (const units of perRater) {
    for (let i = 0; i < units.length; i += 2) lengths.push(units[i + 1] - units[i]);
    gapLengths(units, length, gaps);
  }
  const observed = (2 * sum) / (raters * (raters - 1) * length * length);
  return { observed, expected: expectedDisagreement(lengths, gaps, raters, length) };
}

/** alpha_u per label and overall for one continuum. */
export function unitizingAlpha(study: UnitizingStudy): UnitizingResult {
  const parts = new Map<string, { observed: number; expected: number }>();
  if (study.length > 0 && study.raters >= 2) {
    for (const [label, perRater] of unitsByLabel(study)) parts.set(label, labelDisagreements(perRater, study.length));
  }
  return combineLabels(parts);
}
