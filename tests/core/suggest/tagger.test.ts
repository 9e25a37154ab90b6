import { describe, expect, it } from 'vitest';
import { Perceptron } from '../../../core/suggest/perceptron';
import { predictTagger, readModel, trainTagger, type TrainingDoc } from '../../../core/suggest/tagger';

// Researchers tag "Frontline Partners" (an organisation no rule knows) as an
// actor; the tagger must learn it from four documents and find it in a fifth.
const sentence = (who: string, what: string) => `Yesterday ${who} said that ${what} would matter.`;
function doc(who: string, what: string, label = 'actor'): TrainingDoc {
  const text = sentence(who, what);
  const start = text.indexOf(who);
  return { text, spans: [{ start, end: start + who.length, label }] };
}

describe('averaged perceptron', () => {
  it('learns a separable rule and survives a JSON round trip', () => {
    const p = new Perceptron(['no', 'yes']);
    const data = [
      [['a'], 1],
      [['b'], 0],
      [['a', 'c'], 1],
      [['b', 'c'], 0],
    ] as const;
    for (let epoch = 0; epoch < 5; epoch++) {
      for (const [names, truth] of data) {
        const ids = names.map((n) => p.featureId(n, true));
        p.update(ids, truth, p.predict(ids));
      }
    }
    p.average();
    const copy = Perceptron.fromJSON(JSON.parse(JSON.stringify(p.toJSON())));
    expect(copy.predict([copy.featureId('a', false)])).toBe(1);
    expect(copy.predict([copy.featureId('b', false)])).toBe(0);
  });
});

describe('sequence tagger', () => {
  const training = [
    doc('Frontline Partners', 'the budget'),
    doc('Frontline Partners', 'the plan'),
    doc('Frontline Partners', 'the border'),
    doc('Frontline Partners', 'the summit'),
    { text: 'Yesterday the weather was fine and the partners said nothing.', spans: [] },
  ];

  it('finds in an unseen document what the annotator taught it', () => {
    const model = readModel(JSON.parse(JSON.stringify(trainTagger(training))));
    const text = sentence('Frontline Partners', 'the harbour');
    const found = predictTagger(model, text).map((c) => [text.slice(c.start, c.end), c.label, c.source]);
    expect(found).toEqual([['Frontline Partners', 'actor', 'model']]);
  });

  it('treats a rejected suggestion as a negative example', () => {
    const text = 'Yesterday Frontline Partners said that the plan would matter.';
    const at = text.indexOf('Frontline Partners');
    const rejected = [{ start: at, end: at + 'Frontline Partners'.length, label: 'actor' }];
    const model = trainTagger([...training.slice(4), { text, spans: [], rejected }, { text, spans: [], rejected }], {
      labels: ['actor'],
    });
    expect(predictTagger(model, text)).toEqual([]);
  });

  it('refuses a file that is not a tagger model', () => {
    expect(() => readModel({ format: 'other' })).toThrow(/not a seed-workbench-tagger model/);
    expect(() =>
      readModel({
        format: 'seed-workbench-tagger',
        version: 1,
        labels: { actor: { classes: ['O'], features: ['a'], weights: [] } },
      }),
    ).toThrow(/do not match/);
  });
});
