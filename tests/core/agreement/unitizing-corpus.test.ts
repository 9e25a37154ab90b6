import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeUnits, unitizingAlpha, type Unit } from '../../../core/agreement/unitizing-alpha';
import { documentUnits, UnitizingCounts } from '../../../core/agreement/unitizing-corpus';

interface Doc {
  length: number;
  units: readonly Unit[];
}

/** The corpus figure by accumulation, one document at a time. */
function accumulated(docs: Doc[], raters: number) {
  const counts = new UnitizingCounts(raters);
  for (const doc of docs) {
    const labels = [...new Set(doc.units.map((u) => u.label))];
    const perLabel = new Map(
      labels.map((label) => [
        label,
        Array.from({ length: raters }, (_, r) =>
          mergeUnits(
            doc.units
              .filter((u) => u.label === label && u.rater === r)
              .map((u) => [u.start, u.end] as [number, number]),
          ),
        ),
      ]),
    );
    counts.add(documentUnits(perLabel, doc.length));
  }
  return counts.result();
}

/** The same corpus as one study over the concatenated texts. */
function concatenated(docs: Doc[], raters: number) {
  let offset = 0;
  const units: Unit[] = [];
  for (const doc of docs) {
    for (const u of doc.units) units.push({ ...u, start: u.start + offset, end: u.end + offset });
    offset += doc.length;
  }
  return unitizingAlpha({ length: offset, raters, units });
}

const docArb = (raters: number) =>
  fc.integer({ min: 0, max: 30 }).chain((length) =>
    fc.record({
      length: fc.constant(length),
      units:
        length === 0
          ? fc.constant<Unit[]>([])
          : fc.array(
              fc
                .record({
                  a: fc.integer({ min: 0, max: length - 1 }),
                  b: fc.integer({ min: 1, max: length }),
                  rater: fc.integer({ min: 0, max: raters - 1 }),
                  label: fc.constantFrom('x', 'y'),
                })
                .filter(({ a, b }) => a < b)
                .map(({ a, b, rater, label }) => ({ start: a, end: b, rater, label })),
              { maxLength: 6 },
            ),
    }),
  );

describe('alpha_u of a corpus', () => {
  it('equals alpha_u of the study of the concatenated documents (gaps run across document ends)', () => {
    for (const raters of [2, 3]) {
      fc.assert(
        fc.property(fc.array(docArb(raters), { minLength: 1, maxLength: 5 }), (docs) => {
          const a = accumulated(docs, raters);
          const b = concatenated(docs, raters);
          expect(Object.keys(a.byLabel).sort()).toEqual(Object.keys(b.byLabel).sort());
          if (b.overall === null) expect(a.overall).toBeNull();
          else expect(a.overall).toBeCloseTo(b.overall, 9);
          for (const label of Object.keys(b.byLabel))
            expect(a.byLabel[label].expected).toBeCloseTo(b.byLabel[label].expected, 12);
        }),
        { numRuns: 300 },
      );
    }
  });

  it('a label first used in the third document: its leading gap covers the first two', () => {
    const docs: Doc[] = [
      { length: 5, units: [] },
      { length: 5, units: [{ start: 0, end: 1, rater: 0, label: 'q' }] },
      { length: 4, units: [{ start: 1, end: 3, rater: 1, label: 'q' }] },
    ];
    expect(accumulated(docs, 2)).toEqual(concatenated(docs, 2));
  });
});
