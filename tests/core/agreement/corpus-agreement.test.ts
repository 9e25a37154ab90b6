import { describe, expect, it } from 'vitest';
import { measureAgreement } from '../../../core/agreement/corpus-agreement';
import { DocumentPairing } from '../../../core/agreement/pairing';
import type { LabeledSpan } from '../../../core/agreement/spans';
import { unitizingAlpha } from '../../../core/agreement/unitizing-alpha';

const s = (start: number, end: number, label: string): LabeledSpan => ({ start, end, label });

// "Norway pledged money to Kenya" — tokens: Norway(0-6) pledged(7-14) money(15-20) to(21-23) Kenya(24-29).
const TEXT = 'Norway pledged money to Kenya';

function corpus(layers: Record<string, Array<{ key: string; text: string; spans: LabeledSpan[] }>>) {
  const pairing = new DocumentPairing();
  for (const [annotator, docs] of Object.entries(layers))
    for (const d of docs) pairing.add(annotator, { key: d.key, name: d.key, text: d.text, spans: d.spans });
  return measureAgreement(pairing.input());
}

describe('measureAgreement, worked by hand', () => {
  const report = corpus({
    ann: [{ key: 'd1', text: TEXT, spans: [s(0, 6, 'country'), s(24, 29, 'country'), s(15, 20, 'money')] }],
    bob: [{ key: 'd1', text: TEXT, spans: [s(0, 6, 'actor'), s(24, 29, 'country'), s(15, 23, 'money')] }],
  });
  const pair = report.pairs[0];

  it('exact F1: one of three each -> 1/3; per label country 2·1/(2+1), money 0, actor 0', () => {
    expect(pair.annotators).toEqual(['ann', 'bob']);
    expect(pair.exactF1.overall).toBeCloseTo(1 / 3, 12);
    expect(pair.exactF1.byLabel).toEqual({ actor: 0, country: 2 / 3, money: 0 });
  });

  it('overlap F1: money 15-20 and 15-23 overlap -> 2/3', () => {
    expect(pair.overlapF1.overall).toBeCloseTo(2 / 3, 12);
    expect(pair.overlapF1.byLabel.money).toBe(1);
  });

  it("Cohen's kappa over 5 tokens: ann = country O money O country, bob = actor O money money country", () => {
    // P_o = 3/5; margins ann {country 2, O 2, money 1}, bob {actor 1, O 1, money 2, country 1}
    // P_e = (2·1 + 2·1 + 1·2) / 25 = 6/25; kappa = (0.6 - 0.24) / 0.76.
    expect(pair.tokens).toBe(5);
    expect(pair.cohenKappa.overall).toBeCloseTo(0.36 / 0.76, 12);
    // money as yes/no: ann yes on token 3, bob yes on 3 and 4: P_o 4/5, P_e 0.2·0.4 + 0.8·0.6 = 0.56.
    expect(pair.cohenKappa.byLabel.money).toBeCloseTo((0.8 - 0.56) / 0.44, 12);
  });

  it('alpha_u of the pair is alpha_u of the two-coder study of the document', () => {
    const study = unitizingAlpha({
      length: 29,
      raters: 2,
      units: [
        { start: 0, end: 6, rater: 0, label: 'country' },
        { start: 24, end: 29, rater: 0, label: 'country' },
        { start: 15, end: 20, rater: 0, label: 'money' },
        { start: 0, end: 6, rater: 1, label: 'actor' },
        { start: 24, end: 29, rater: 1, label: 'country' },
        { start: 15, end: 23, rater: 1, label: 'money' },
      ],
    });
    expect(pair.alphaU.overall).toBe(study.overall);
    expect(pair.alphaU.byLabel.money).toBe(study.byLabel.money.alpha);
  });

  it('the document row has the same figures and counts the spans an adjudicator must decide', () => {
    const doc = report.documents[0];
    expect(doc.pairs[0]).toEqual(pair);
    // Distinct spans: country 0-6, actor 0-6, country 24-29, money 15-20, money 15-23 -> 5, of which 4 not in both.
    expect(doc.spans).toBe(5);
    expect(doc.disagreements).toBe(4);
    expect(doc.lowestExactF1).toBeCloseTo(1 / 3, 12);
    expect(JSON.parse(JSON.stringify(doc)).pairs[0].exactF1.overall).toBeCloseTo(1 / 3, 12);
  });
});

describe('measureAgreement over a corpus', () => {
  it('pairs documents by text key; a document only one annotator has is listed as unpaired', () => {
    const report = corpus({
      a: [
        { key: 'k1', text: 'x y', spans: [s(0, 1, 'L')] },
        { key: 'k2', text: 'only a', spans: [] },
      ],
      b: [{ key: 'k1', text: 'x y', spans: [s(0, 1, 'L')] }],
    });
    expect(report.pairs[0].documents).toBe(1);
    expect(report.pairs[0].exactF1.overall).toBe(1);
    expect(report.unpaired).toEqual([{ key: 'k2', name: 'k2', annotator: 'a' }]);
  });

  it('documents come most disagreements first, then lowest F1, then input order', () => {
    const doc = (key: string, a: LabeledSpan[], b: LabeledSpan[]) => ({
      key,
      a: { key, text: 'abcdefghij', spans: a },
      b: { key, text: 'abcdefghij', spans: b },
    });
    const docs = [
      doc('calm', [s(0, 2, 'L')], [s(0, 2, 'L')]),
      doc('two', [s(0, 2, 'L'), s(4, 5, 'L')], [s(0, 2, 'M')]),
      doc('one-low', [s(0, 1, 'L')], []),
      doc('one-high', [s(0, 1, 'L'), s(3, 4, 'L'), s(6, 7, 'L')], [s(0, 1, 'L'), s(3, 4, 'L')]),
    ];
    const report = corpus({ a: docs.map((d) => d.a), b: docs.map((d) => d.b) });
    expect(report.documents.map((d) => [d.name, d.disagreements])).toEqual([
      ['two', 3],
      ['one-low', 1],
      ['one-high', 1],
      ['calm', 0],
    ]);
  });

  it('corpus F1 and kappa pool the documents (micro), not average them', () => {
    const report = corpus({
      a: [
        { key: 'k1', text: 'a b', spans: [s(0, 1, 'L')] },
        { key: 'k2', text: 'c d e f', spans: [s(0, 1, 'L'), s(2, 3, 'L'), s(4, 5, 'L')] },
      ],
      b: [
        { key: 'k1', text: 'a b', spans: [] },
        { key: 'k2', text: 'c d e f', spans: [s(0, 1, 'L'), s(2, 3, 'L'), s(4, 5, 'L')] },
      ],
    });
    // matched 3, spans 4 + 3 -> 6/7 (the mean of the documents' 0 and 1 would be 0.5).
    expect(report.pairs[0].exactF1.overall).toBeCloseTo(6 / 7, 12);
  });

  it("three annotators: three pairs plus the group's Fleiss kappa and alpha_u", () => {
    const text = 'a b c d';
    const report = corpus({
      a: [{ key: 'k', text, spans: [s(0, 1, 'L'), s(2, 3, 'L')] }],
      b: [{ key: 'k', text, spans: [s(0, 1, 'L')] }],
      c: [{ key: 'k', text, spans: [s(0, 1, 'L'), s(4, 5, 'L')] }],
    });
    expect(report.pairs.map((p) => p.annotators.join('-'))).toEqual(['a-b', 'a-c', 'b-c']);
    // Tokens a b c d; coders give L: (3, 1, 1, 0) of 3. n_L = 5, n_O = 7 of 12.
    // P_i: token a all L -> 1; b: one L two O -> 1/3; c -> 1/3; d all O -> 1. P̄ = 2/3.
    // P_e = (5/12)² + (7/12)² = 74/144. kappa = (2/3 - 74/144) / (1 - 74/144) = 22/70.
    expect(report.group?.fleissKappa.overall).toBeCloseTo(22 / 70, 12);
    expect(report.group?.fleissKappa.byLabel.L).toBeCloseTo(22 / 70, 12);
    expect(report.group?.alphaU.overall).toBe(
      unitizingAlpha({
        length: 7,
        raters: 3,
        units: [
          { start: 0, end: 1, rater: 0, label: 'L' },
          { start: 2, end: 3, rater: 0, label: 'L' },
          { start: 0, end: 1, rater: 1, label: 'L' },
          { start: 0, end: 1, rater: 2, label: 'L' },
          { start: 4, end: 5, rater: 2, label: 'L' },
        ],
      }).overall,
    );
    expect(report.documents[0].group?.fleissKappa.overall).toBe(report.group?.fleissKappa.overall);
  });

  it('a span outside its text is refused with the document named', () => {
    expect(() =>
      corpus({ a: [{ key: 'k', text: 'ab', spans: [s(0, 3, 'L')] }], b: [{ key: 'k', text: 'ab', spans: [] }] }),
    ).toThrow(/document k: span 0-3 "L"/);
  });
});
