// alpha_u against DKPro Agreement's published test values
// (github.com/dkpro/dkpro-statistics, dkpro-statistics-agreement/src/test/java/
//  org/dkpro/statistics/agreement/unitizing/), and against cases worked by hand.
import { describe, expect, it } from 'vitest';
import {
  labelDisagreements,
  mergeUnits,
  observedPairSum,
  unitizingAlpha,
  type Unit,
  type UnitizingStudy,
} from '../../../core/agreement/unitizing-alpha';

/** JUnit's assertEquals(expected, actual, delta): |actual - expected| <= delta, DKPro's own tolerance. */
const near = (actual: number | null, wanted: number, delta: number) =>
  expect(Math.abs((actual ?? NaN) - wanted)).toBeLessThanOrEqual(delta);

/** DKPro's addUnit(offset, length, rater, category) as one of our units. */
const unit = (offset: number, length: number, rater: number, label: string): Unit => ({
  start: offset,
  end: offset + length,
  rater,
  label,
});

const observed = (study: UnitizingStudy, label: string) => unitizingAlpha(study).byLabel[label].observed;
const expected = (study: UnitizingStudy, label: string) => unitizingAlpha(study).byLabel[label].expected;
const alpha = (study: UnitizingStudy, label: string) => unitizingAlpha(study).byLabel[label].alpha;

// Krippendorff2004Test.createExample(): Krippendorff (2004: p. 254), continuum [150, 450).
const k2004: UnitizingStudy = {
  begin: 150,
  length: 300,
  raters: 2,
  units: [
    unit(225, 70, 0, 'c'),
    unit(370, 30, 0, 'c'),
    unit(220, 80, 1, 'c'),
    unit(355, 20, 1, 'c'),
    unit(400, 20, 1, 'c'),
    unit(180, 60, 0, 'k'),
    unit(300, 50, 0, 'k'),
    unit(180, 60, 1, 'k'),
    unit(300, 50, 1, 'k'),
  ],
};

/** Krippendorff1995Test.createExample(stretch): Krippendorff (1995: p. 57), four pairs of coders A-D. */
function k1995(stretch: number): UnitizingStudy {
  const s = (n: number) => Math.trunc(n * stretch);
  const u = (offset: number, length: number, rater: number, label: string) => unit(s(offset), s(length), rater, label);
  return {
    length: s(24),
    raters: 2,
    units: [
      u(2, 8, 0, 'A'),
      u(14, 6, 0, 'A'),
      u(4, 4, 1, 'A'),
      u(15, 2, 1, 'A'),
      u(0, 18, 0, 'B'),
      u(0, 2, 1, 'B'),
      u(2, 1, 1, 'B'),
      u(3, 1, 1, 'B'),
      u(4, 1, 1, 'B'),
      u(5, 1, 1, 'B'),
      u(6, 3, 1, 'B'),
      u(9, 1, 1, 'B'),
      u(2, 6, 0, 'C'),
      u(10, 2, 0, 'C'),
      u(14, 4, 0, 'C'),
      u(20, 2, 0, 'C'),
      u(0, 2, 1, 'C'),
      u(4, 4, 1, 'C'),
      u(10, 4, 1, 'C'),
      u(16, 2, 1, 'C'),
      u(20, 2, 1, 'C'),
      u(0, 2, 0, 'D'),
      u(2, 8, 0, 'D'),
      u(10, 4, 0, 'D'),
      u(14, 6, 0, 'D'),
      u(20, 4, 0, 'D'),
      u(0, 4, 1, 'D'),
      u(4, 4, 1, 'D'),
      u(8, 7, 1, 'D'),
      u(15, 2, 1, 'D'),
      u(17, 7, 1, 'D'),
    ],
  };
}

describe('alpha_u: DKPro Agreement Krippendorff2004Test', () => {
  it('testAgreement: overall alpha_u 0.8591', () => {
    near(unitizingAlpha(k2004).overall, 0.8591, 0.0005);
  });

  it('testCategoryAgreement: c 0.0144 / 0.0532 / 0.7286, k 0 / 0.0490 / 1', () => {
    near(observed(k2004, 'c'), 0.0144, 0.0001);
    near(expected(k2004, 'c'), 0.0532, 0.0001);
    near(alpha(k2004, 'c'), 0.7286, 0.0001);
    expect(observed(k2004, 'k')).toBe(0);
    near(expected(k2004, 'k'), 0.049, 0.0001);
    expect(alpha(k2004, 'k')).toBe(1);
  });

  it('testDistanceMetric2: the delta² of the 2004 worked example (50, 850, 400)', () => {
    // 225+70 vs 220+80 (both c): 5² + 5²; 370+30 vs 355+20: 15² + 25²; gap 400+50 vs c 400+20: 20².
    expect(observedPairSum([225, 295], [220, 300], 1000)).toBe(50);
    expect(observedPairSum([370, 400], [355, 375], 1000)).toBe(850);
    expect(observedPairSum([], [400, 420], 450)).toBe(400);
  });
});

describe('alpha_u: DKPro Agreement Krippendorff1995Test', () => {
  it('testAgreement: observed A 0.03125, B 2.26736, C 0.02777, D 0.38715', () => {
    const study = k1995(1);
    near(observed(study, 'A'), 0.03125, 0.00001);
    near(observed(study, 'B'), 2.26736, 0.00001);
    near(observed(study, 'C'), 0.02777, 0.00001);
    near(observed(study, 'D'), 0.38715, 0.00001);
  });

  it('testAgreement (stretch 50000): expected A 0.06990, B 1.17731, C 0.08642, D 0.41445; alpha 0.553, -0.926, 0.679, 0.066', () => {
    const study = k1995(1_200_000 / 24);
    // DKPro's tolerances here are 0.005 and 0.02 (the 1995 paper's own figures are rounded).
    for (const [label, de, a] of [
      ['A', 0.0699, 0.553],
      ['B', 1.17731, -0.926],
      ['C', 0.08642, 0.679],
      ['D', 0.41445, 0.066],
    ] as const) {
      expect(Math.abs(expected(study, label) - de)).toBeLessThan(0.005);
      expect(Math.abs(alpha(study, label) - a)).toBeLessThan(0.02);
    }
  });

  it('testVaryingLengths: expected C grows with the stretch (0.05494 at 1/2)', () => {
    near(expected(k1995(12 / 24), 'C'), 0.05494, 0.00001);
    expect(Math.abs(alpha(k1995(12 / 24), 'C') - 0.494)).toBeLessThan(0.02);
    expect(Math.abs(expected(k1995(120 / 24), 'C') - 0.08234)).toBeLessThan(0.005);
    expect(Math.abs(alpha(k1995(1200 / 24), 'C') - 0.677)).toBeLessThan(0.02);
  });
});

describe('alpha_u: DKPro Agreement UnitizingAgreementTest', () => {
  // r0: -11111111-   r1: --1-1-1---
  const example: UnitizingStudy = {
    length: 10,
    raters: 2,
    units: [unit(1, 8, 0, 'A'), unit(2, 1, 1, 'A'), unit(4, 1, 1, 'A'), unit(6, 1, 1, 'A')],
  };

  it('testAgreement: A 0.9100 / 0.5351 / -0.7003', () => {
    near(observed(example, 'A'), 0.91, 0.0001);
    near(expected(example, 'A'), 0.5351, 0.0001);
    near(alpha(example, 'A'), -0.7003, 0.0001);
  });

  it('testSingleAnnotationUnit: one unit of three coders gives 0', () => {
    expect(unitizingAlpha({ length: 20, raters: 3, units: [unit(0, 1, 0, 'X')] }).overall).toBe(0);
  });

  it('testEmptyAnnotationSet: no units, no alpha', () => {
    expect(unitizingAlpha({ length: 20, raters: 3, units: [] }).overall).toBeNull();
  });

  it('testDistanceMetric: unit 1+8 against A units 2+1 (37), 4+1 (25), 6+1 (29)', () => {
    expect(observedPairSum([1, 9], [2, 3, 4, 5, 6, 7], 10)).toBe(37 + 25 + 29);
  });
});

describe('alpha_u: worked by hand', () => {
  it('identical layers agree perfectly', () => {
    const units = [unit(0, 3, 0, 'x'), unit(5, 2, 0, 'y'), unit(0, 3, 1, 'x'), unit(5, 2, 1, 'y')];
    expect(unitizingAlpha({ length: 10, raters: 2, units }).overall).toBe(1);
  });

  it('a unit one coder made and the other did not: D_o = 2·3²/(2·1·10²) = 0.09', () => {
    // Coder 0: unit [2,5); coder 1: nothing. Only pair with δ² ≠ 0: unit [2,5) inside coder 1's gap [0,10), 3² = 9.
    const { observed: dO, expected: dE } = labelDisagreements([[2, 5], []], 10);
    expect(dO).toBeCloseTo(0.09, 12);
    // D_e: N=1, l=3: (N-1)(...) = 0; gaps ≥ 3: coder 0's 2 and 5 -> only 5 (5-3+1=3), coder 1's 10 (8): l²·11 = 99.
    // (2/10)·99 / (20·19 - 3·2) = 19.8 / 374.
    expect(dE).toBeCloseTo(19.8 / 374, 12);
  });

  it("a coder's overlapping units of one label count as their union", () => {
    expect(
      mergeUnits([
        [4, 8],
        [0, 5],
        [10, 12],
        [8, 9],
      ]),
    ).toEqual([0, 8, 8, 9, 10, 12]);
    const merged = unitizingAlpha({
      length: 12,
      raters: 2,
      units: [unit(0, 5, 0, 'x'), unit(3, 3, 0, 'x'), unit(0, 6, 1, 'x')],
    });
    expect(merged.byLabel.x.alpha).toBe(1);
  });
});
