// Hand-worked cases: every count below was worked out on paper first.
import { describe, expect, it } from 'vitest';
import { evaluate, overlapPairs, score } from '../../../core/suggest/evaluate';

const span = (start: number, end: number, label: string) => ({ start, end, label });

describe('evaluation', () => {
  it('computes precision, recall and F1 from counts', () => {
    expect(score({ tp: 2, fp: 1, fn: 3 })).toEqual({ tp: 2, fp: 1, fn: 3, precision: 2 / 3, recall: 2 / 5, f1: 0.5 });
    expect(score({ tp: 0, fp: 0, fn: 0 }).f1).toBe(0);
  });

  it('scores actor, country and money by exact match only', () => {
    const gold = [{ text: 'T', spans: [span(0, 5, 'actor'), span(10, 12, 'country'), span(20, 31, 'money')] }];
    // actor off by one (fp + fn), country exact (tp), money exact (tp), an extra country (fp).
    const predicted = [
      {
        text: 'T',
        spans: [span(0, 4, 'actor'), span(10, 12, 'country'), span(40, 42, 'country'), span(20, 31, 'money')],
      },
    ];
    const e = evaluate(predicted, gold);
    expect(e.labels.actor).toMatchObject({ tp: 0, fp: 1, fn: 1, f1: 0 });
    expect(e.labels.country).toMatchObject({ tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 });
    expect(e.labels.money).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
    // overall: tp 2, fp 2, fn 1 -> p 0.5, r 2/3, f1 4/7
    expect(e.overall.f1).toBeCloseTo(4 / 7, 10);
  });

  it('scores commitment by one-to-one overlap of at least one code point', () => {
    // Gold a=[0,10) b=[20,30). p1=[5,25) touches both, p2=[9,12) touches only a,
    // p3=[30,35) touches nothing (end is exclusive). Best pairing: p2-a, p1-b -> 2 tp, 1 fp, 0 fn.
    const gold = [{ text: 'T', spans: [span(0, 10, 'commitment'), span(20, 30, 'commitment')] }];
    const predicted = [
      { text: 'T', spans: [span(5, 25, 'commitment'), span(9, 12, 'commitment'), span(30, 35, 'commitment')] },
    ];
    expect(evaluate(predicted, gold).labels.commitment).toMatchObject({ tp: 2, fp: 1, fn: 0 });
    // One long prediction over two gold spans pairs once: 1 tp, 1 fn.
    expect(overlapPairs([span(0, 30, 'commitment')], gold[0].spans)).toBe(1);
  });

  it('does not pair spans of different labels', () => {
    const gold = [{ text: 'T', spans: [span(0, 10, 'commitment')] }];
    const predicted = [{ text: 'T', spans: [span(0, 10, 'actor')] }];
    const e = evaluate(predicted, gold);
    expect(e.labels.commitment).toMatchObject({ tp: 0, fn: 1 });
    expect(e.labels.actor).toMatchObject({ tp: 0, fp: 1 });
  });

  it('pairs documents by text, not by order, and counts unmatched gold as missed', () => {
    const gold = [
      { text: 'first', spans: [span(0, 5, 'actor')] },
      { text: 'second', spans: [span(0, 6, 'actor')] },
      { text: 'third', spans: [span(0, 5, 'actor')] },
    ];
    const predicted = [
      { text: 'second', spans: [span(0, 6, 'actor')] },
      { text: 'first', spans: [span(0, 5, 'actor')] },
      { text: 'not in gold', spans: [span(0, 3, 'actor')] },
    ];
    const e = evaluate(predicted, gold);
    expect(e.labels.actor).toMatchObject({ tp: 2, fp: 0, fn: 1 });
    expect(e.unmatchedGold).toBe(1);
  });
});
