import { describe, expect, it } from 'vitest';
import { alignDocuments, type Alignment, type TextRange } from '../../../core/align';
import { seed } from './seeds';

const t000 = seed('000');
const t001 = seed('001');
const t002 = seed('002');
const t004 = seed('004');

const cut = (text: string, r: TextRange) => text.slice(r.start, r.end);

/** The pair whose A side contains `needleA`; fails the test when there is none. */
function pairHolding(alignment: Alignment, a: string, needleA: string) {
  const at = a.indexOf(needleA);
  expect(at, `"${needleA}" in A`).toBeGreaterThanOrEqual(0);
  const pair = alignment.pairs.find((p) => p.a.start <= at && at + needleA.length <= p.a.end);
  expect(pair, `pair holding "${needleA}"`).toBeDefined();
  return pair!;
}

describe('alignDocuments on 000 (government release) vs 001 (trade paper)', () => {
  const alignment = alignDocuments(t000, t001);

  it('pairs the Patel quote sentences with their rewrites', () => {
    const cases: Array<[string, string]> = [
      [
        "I've held extensive discussions today with my G6 counterparts",
        '“I’ve held extensive discussions with my G6 counterparts on the key challenges which affect us all,” explained Patel.',
      ],
      ['Serious organised criminals cause death and despair', '“Serious organised criminals cause death and despair'],
      ['It is vital that the international community', 'It’s vital that the international community'],
      ['Working with our allies and partners we can', 'Patel added: “Working with our allies and partners, we can'],
    ];
    for (const [inA, inB] of cases) {
      const pair = pairHolding(alignment, t000, inA);
      expect(cut(t001, pair.b)).toContain(inB);
      expect(pair.score).toBeGreaterThan(0.8);
    }
  });

  it('gives the exact quote sentence its exact counterpart', () => {
    const pair = pairHolding(alignment, t000, "I've held extensive discussions today");
    expect(cut(t000, pair.a)).toBe(
      "I've held extensive discussions today with my G6 counterparts on the key challenges which affect us all.",
    );
    expect(cut(t001, pair.b)).toBe(
      '“I’ve held extensive discussions with my G6 counterparts on the key challenges which affect us all,” explained Patel.',
    );
    expect(pair.kind).toBe('similar');
  });

  it('matches "cooperation" with "co-operation" word for word', () => {
    const pair = pairHolding(alignment, t000, 'Priti Patel led a discussion');
    expect(cut(t001, pair.b)).toContain('increasing co-operation to tackle');
    expect(pair.score).toBeGreaterThan(0.9);
  });

  it('aligns the paraphrased facts too, and marks a verbatim quote as same', () => {
    expect(cut(t001, pairHolding(alignment, t000, 'Italy will be hosting').b)).toBe(
      'Italy will be hosting the G6 meeting in 2022.',
    );
    expect(pairHolding(alignment, t000, 'Serious organised criminals').kind).toBe('same');
  });

  it('reports what only one version has', () => {
    const onlyA = alignment.onlyA.map((r) => cut(t000, r));
    const onlyB = alignment.onlyB.map((r) => cut(t001, r));
    expect(onlyA).toEqual([
      '## Priti Patel leads G6 on security threats and illegal migration',
      'Home Secretary Priti Patel said:',
    ]);
    expect(onlyB).toEqual(['Brian Sims', 'Brian Sims', 'Improvement in understanding']);
  });

  it('keeps pairs sorted, disjoint and inside the texts', () => {
    expectWellFormed(alignment, t000, t001);
  });
});

describe('alignDocuments on 002 (government release) vs 004 (newspaper)', () => {
  const alignment = alignDocuments(t002, t004);

  it('pairs every sentence of the Cooper quote', () => {
    const quote = [
      'Criminal smuggling gangs who organise small boat crossings',
      'Our new government is rapidly accelerating cooperation',
      'Today’s newly agreed G7 action plan',
      'New international joint investigative teams',
      'The plan will help to increase both voluntary',
      'It aims to offer migrants more choices',
    ];
    for (const words of quote) expect(cut(t004, pairHolding(alignment, t002, words).b)).toContain(words);
    expect(alignment.pairs).toHaveLength(quote.length);
  });

  it('merges the "Home Secretary Yvette Cooper recently said:" line into the quote it introduces', () => {
    const pair = pairHolding(alignment, t002, 'Home Secretary Yvette Cooper recently said:');
    expect(cut(t002, pair.a)).toMatch(
      /^Home Secretary Yvette Cooper recently said:\n\nCriminal smuggling gangs .* put lives at risk\.$/,
    );
    expect(cut(t004, pair.b)).toBe(
      'The UK’s Home Secretary, Yvette Cooper, said: “Criminal smuggling gangs who organise small boat crossings undermine our border security and put lives at risk.',
    );
  });

  it('prefers the verbatim repeat of a quote sentence and leaves the other to onlyB', () => {
    const pair = pairHolding(alignment, t002, 'The plan will help');
    expect(cut(t004, pair.b)).toBe(
      '“The plan will help to increase both voluntary and enforced returns of migrants to countries of origin.',
    );
    expect(pair.kind).toBe('same');
    const onlyB = alignment.onlyB.map((r) => cut(t004, r));
    expect(onlyB).toContain(
      'Yvette Cooper said: “The plan will help to increase both voluntary and enforced returns of migrants to countries of origin”',
    );
    expect(onlyB).toContain('PA');
  });

  it('leaves the release’s own material in onlyA', () => {
    const onlyA = alignment.onlyA.map((r) => cut(t002, r));
    expect(onlyA).toContain('Other measures announced in the plan include:');
    expect(onlyA.some((s) => s.startsWith('In July, the government committed a further £84 million'))).toBe(true);
    expectWellFormed(alignment, t002, t004);
  });
});

function expectWellFormed(alignment: Alignment, a: string, b: string): void {
  const starts = alignment.pairs.map((p) => p.a.start);
  expect(starts).toEqual([...starts].sort((x, y) => x - y));
  alignment.pairs.forEach((p, i) => {
    expect(p.id).toBe(i);
    expect(p.a.end).toBeLessThanOrEqual(a.length);
    expect(p.b.end).toBeLessThanOrEqual(b.length);
    expect(p.score).toBeGreaterThan(0);
    expect(p.score).toBeLessThanOrEqual(1);
  });
  for (const side of ['a', 'b'] as const) {
    const ranges = alignment.pairs.map((p) => p[side]).sort((x, y) => x.start - y.start);
    ranges.slice(1).forEach((r, i) => expect(r.start).toBeGreaterThanOrEqual(ranges[i].end));
  }
}
