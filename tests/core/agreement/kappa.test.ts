// Cohen's and Fleiss' kappa against DKPro Agreement's published test values
// (github.com/dkpro/dkpro-statistics, dkpro-statistics-agreement/src/test/java/
//  org/dkpro/statistics/agreement/), and against cases worked by hand.
import { describe, expect, it } from 'vitest';
import { BinaryCohenCounts, binaryFleissKappa, CohenCounts, FleissCounts } from '../../../core/agreement/kappa';

/** JUnit's assertEquals(expected, actual, delta), DKPro's own tolerance. */
const near = (actual: number | null, wanted: number, delta: number) =>
  expect(Math.abs((actual ?? NaN) - wanted)).toBeLessThanOrEqual(delta);

function cohen(cells: Array<[number, string, string]>): CohenCounts {
  const counts = new CohenCounts();
  for (const [times, a, b] of cells) counts.addItem(a, b, times);
  return counts;
}

/** Digitised study: one item per code point, coder 0 then coder 1. */
function digitised(a: string, b: string): CohenCounts {
  const counts = new CohenCounts();
  for (let i = 0; i < a.length; i++) counts.addItem(a[i], b[i]);
  return counts;
}

describe("Cohen's kappa: DKPro Agreement", () => {
  it('Cohen1960Test.testExample2 (Cohen 1960: p. 45): P_o 0.70, P_e 0.41, kappa 0.492', () => {
    const k = cohen([
      [88, '1', '1'],
      [14, '1', '2'],
      [18, '1', '3'],
      [10, '2', '1'],
      [40, '2', '2'],
      [10, '2', '3'],
      [2, '3', '1'],
      [6, '3', '2'],
      [12, '3', '3'],
    ]);
    near(k.observed(), 0.7, 0.01);
    near(k.expected(), 0.41, 0.01);
    near(k.kappa(), 0.492, 0.001);
  });

  it('Cohen1960Test.testExample1 (Cohen 1960: p. 37): P_o 0.29, P_e 0.35', () => {
    const k = cohen([
      [25, '1', '1'],
      [12, '1', '2'],
      [3, '1', '3'],
      [13, '2', '1'],
      [2, '2', '2'],
      [15, '2', '3'],
      [12, '3', '1'],
      [16, '3', '2'],
      [2, '3', '3'],
    ]);
    near(k.observed(), 0.29, 0.01);
    near(k.expected(), 0.35, 0.01);
  });

  it('Krippendorff1995Test.testDigitizedAgreement: the 1995 example per code point, kappa 0.385, 0.385, 0.314, none', () => {
    near(digitised('001111111100001111110000', '000011110000000110000000').kappa(), 0.385, 0.001);
    near(digitised('111111111111111111000000', '111111111100000000000000').kappa(), 0.385, 0.001);
    near(digitised('001111110011001111001100', '110011110011110011001100').kappa(), 0.314, 0.001);
    // D: both coders code every item 1, so P_e = 1: DKPro throws InsufficientDataException, we give null.
    expect(digitised('1'.repeat(24), '1'.repeat(24)).kappa()).toBeNull();
  });
});

// Fleiss1971Test.createExample(): Fleiss (1971: 379), 30 patients, 6 psychiatrists, 5 diagnoses.
const FLEISS_1971 = [
  '444444',
  '222555',
  '233335',
  '555555',
  '222444',
  '113333',
  '333355',
  '113334',
  '114444',
  '555555',
  '144444',
  '124444',
  '222333',
  '144444',
  '224445',
  '333335',
  '111455',
  '111112',
  '224444',
  '133555',
  '555555',
  '244444',
  '224555',
  '114444',
  '144445',
  '222224',
  '111155',
  '224444',
  '133333',
  '555555',
];

describe("Fleiss' kappa: DKPro Agreement Fleiss1971Test", () => {
  const study = new FleissCounts(6);
  for (const item of FLEISS_1971) study.addItem([...item]);

  it('testAgreement: 30 items, P̄ 0.5556, P̄_e 0.2201, kappa 0.430', () => {
    expect(study.items).toBe(30);
    near(study.observed(), 0.5556, 0.001);
    near(study.expected(), 0.2201, 0.001);
    near(study.kappa(), 0.43, 0.001);
  });

  it('testCategoryAgreement: kappa_j 0.248, 0.248, 0.517, 0.470, 0.565', () => {
    near(study.categoryKappa('1'), 0.248, 0.005);
    near(study.categoryKappa('2'), 0.248, 0.005);
    near(study.categoryKappa('3'), 0.517, 0.005);
    near(study.categoryKappa('4'), 0.47, 0.005);
    near(study.categoryKappa('5'), 0.565, 0.005);
  });

  it('documents add up: the study split in two and merged gives the same kappa', () => {
    const first = new FleissCounts(6);
    const second = new FleissCounts(6);
    FLEISS_1971.forEach((item, i) => (i < 11 ? first : second).addItem([...item]));
    first.addAll(second);
    expect(first.kappa()).toBeCloseTo(study.kappa()!, 12);
  });
});

describe('kappa: worked by hand', () => {
  it('Cohen: 10 tokens, A = OOXXOOOOXO, B = OOXOOOOOXX: P_o 0.8, P_e 0.58, kappa 0.2/0.42', () => {
    const k = digitised('OOXXOOOOXO', 'OOXOOOOOXX');
    // A: 3 X, 7 O; B: 3 X, 7 O -> P_e = 0.3·0.3 + 0.7·0.7 = 0.58.
    expect(k.observed()).toBeCloseTo(0.8, 12);
    expect(k.expected()).toBeCloseTo(0.58, 12);
    expect(k.kappa()).toBeCloseTo(0.22 / 0.42, 12);
  });

  it('binary Cohen per label equals Cohen over yes/no', () => {
    const binary = new BinaryCohenCounts();
    Object.assign(binary, { both: 2, onlyA: 1, onlyB: 1 });
    expect(binary.kappa(10)).toBeCloseTo(digitised('OOXXOOOOXO', 'OOXOOOOOXX').kappa()!, 12);
    expect(new BinaryCohenCounts().kappa(0)).toBeNull();
  });

  it('Fleiss with two coders on the same table: P̄ 0.8, P̄_e from pooled margins 0.58', () => {
    const f = new FleissCounts(2);
    const [a, b] = ['OOXXOOOOXO', 'OOXOOOOOXX'];
    for (let i = 0; i < a.length; i++) f.addItem([a[i], b[i]]);
    expect(f.observed()).toBeCloseTo(0.8, 12);
    expect(f.expected()).toBeCloseTo(0.58, 12);
    // yes/no from sums: X counts per item are 0,0,2,1,0,0,0,0,2,1 -> s1 = 6, s2 = 4+1+4+1 = 10.
    expect(binaryFleissKappa(10, 2, { s1: 6, s2: 10 })).toBeCloseTo(f.kappa()!, 12);
  });

  it('a coder count that does not match is refused, not silently averaged', () => {
    expect(() => new FleissCounts(3).addItem(['a', 'b'])).toThrow(RangeError);
  });
});
