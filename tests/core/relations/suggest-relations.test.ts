// Relation suggestions by rule over spans already in a document, with the
// sentences core/suggest/sentences.ts finds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RELATION_LABELS } from '../../../core/relations/labels';
import {
  ruleSentences,
  ruleSentencesAfterStep,
  suggestionsFrom,
  suggestRelations,
  type RelationSpan,
} from '../../../core/relations/suggest-relations';
import { sentenceRanges } from '../../../core/suggest/sentences';

/** Spans by quoted text (the first occurrence at or after `from`); ids are the quotes. */
function spansIn(text: string, marks: Array<[string, string, number?]>): RelationSpan[] {
  return marks.map(([quote, label, from]) => {
    const start = text.indexOf(quote, from ?? 0);
    if (start < 0) throw new Error(`not in text: ${quote}`);
    return { id: quote, start, end: start + quote.length, label };
  });
}

const triples = (text: string, spans: RelationSpan[], existing = []) =>
  suggestRelations(spans, sentenceRanges(text), DEFAULT_RELATION_LABELS, existing).map(
    (r) => `${r.head} -${r.label}-> ${r.child}`,
  );

describe('suggestRelations', () => {
  const text =
    'Home Secretary Priti Patel committed a further £84 million to projects in France. Officials met in Rome.';
  const spans = spansIn(text, [
    ['Home Secretary Priti Patel', 'actor'],
    ['committed a further £84 million to projects in France', 'commitment'],
    ['£84 million', 'money'],
    ['France', 'country'],
    ['Officials', 'actor'],
    ['Rome', 'country'],
  ]);

  it('joins the subject to its commitment, and the commitment to the money and country inside it', () => {
    expect(triples(text, spans)).toEqual([
      'Home Secretary Priti Patel -commits-> committed a further £84 million to projects in France',
      'committed a further £84 million to projects in France -funds-> £84 million',
      'committed a further £84 million to projects in France -involves-> France',
    ]);
  });

  it('never suggests a relation already made, nor one across sentences', () => {
    const made = [{ head: 'Home Secretary Priti Patel', label: 'commits', child: spans[1].id }];
    const out = triples(text, spans, made as never);
    expect(out).not.toContain(`Home Secretary Priti Patel -commits-> ${spans[1].id}`);
    expect(out.some((t) => t.includes('Rome') || t.startsWith('Officials'))).toBe(false);
  });

  it('takes the subject, not an actor inside a commitment, and shares it across joined commitments', () => {
    const t = 'The UK agreed a plan with France’s Interior Minister and pledged £5m to Interpol.';
    const s = spansIn(t, [
      ['The UK', 'actor'],
      ['agreed a plan with France’s Interior Minister', 'commitment'],
      ['France’s Interior Minister', 'actor'],
      ['pledged £5m to Interpol', 'commitment'],
      ['£5m', 'money'],
    ]);
    expect(triples(t, s)).toEqual([
      'The UK -commits-> agreed a plan with France’s Interior Minister',
      'The UK -commits-> pledged £5m to Interpol',
      'pledged £5m to Interpol -funds-> £5m',
    ]);
  });

  it('links a country outside the commitment only when its sentence has that one commitment', () => {
    const one = 'Italy and Spain agreed to share data.';
    expect(
      triples(
        one,
        spansIn(one, [
          ['Italy', 'country'],
          ['Spain', 'country'],
          ['agreed to share data', 'commitment'],
        ]),
      ),
    ).toEqual(['agreed to share data -involves-> Italy', 'agreed to share data -involves-> Spain']);
    const two = 'Italy agreed to share data and pledged to act.';
    const s = spansIn(two, [
      ['Italy', 'country'],
      ['agreed to share data', 'commitment'],
      ['pledged to act', 'commitment'],
    ]);
    expect(triples(two, s)).toEqual([]);
  });

  it('suggests nothing for a label the project lacks or whose rule refuses the pair', () => {
    const noCommits = DEFAULT_RELATION_LABELS.filter((l) => l.name !== 'commits');
    const out = suggestRelations(spans, sentenceRanges(text), noCommits).map((r) => r.label);
    expect(out).toEqual(['funds', 'involves']);
    const strict = DEFAULT_RELATION_LABELS.map((l) => (l.name === 'funds' ? { ...l, heads: ['actor'] } : l));
    expect(suggestRelations(spans, sentenceRanges(text), strict).map((r) => r.label)).not.toContain('funds');
  });

  it('keeps offsets in UTF-16 with astral text before the spans', () => {
    const t = '𠀀😀 Ministers pledged £2bn for Kenya.';
    const s = spansIn(t, [
      ['Ministers', 'actor'],
      ['pledged £2bn for Kenya', 'commitment'],
      ['£2bn', 'money'],
      ['Kenya', 'country'],
    ]);
    expect(triples(t, s)).toHaveLength(3);
  });
});

describe('ruleSentences', () => {
  const text = 'The Minister pledged £5 million for Italy. The Secretary promised aid to Spain.';
  const spans = spansIn(text, [
    ['The Minister', 'actor'],
    ['pledged £5 million for Italy', 'commitment'],
    ['£5 million', 'money'],
    ['The Secretary', 'actor'],
    ['promised aid to Spain', 'commitment'],
  ]);

  it('works out again only the sentence whose spans changed, with the same suggestions as from scratch', () => {
    const sentences = sentenceRanges(text);
    const first = ruleSentences(spans, sentences);
    expect(first.size).toBe(2);
    const spain = spansIn(text, [['Spain', 'country']]);
    const after = [...spans, ...spain];
    const second = ruleSentences(after, sentences, first);
    const [one, two] = [...first.keys()].sort((a, b) => a - b);
    expect(second.get(one)).toBe(first.get(one)); // untouched sentence: the same entry
    expect(second.get(two)).not.toBe(first.get(two));
    expect(suggestionsFrom(second, DEFAULT_RELATION_LABELS)).toEqual(
      suggestRelations(after, sentences, DEFAULT_RELATION_LABELS),
    );
    expect(suggestionsFrom(second, DEFAULT_RELATION_LABELS).map((r) => `${r.label}:${r.child}`)).toContain(
      'involves:Spain',
    );
  });

  it('after a step, works out its sentences only, with the same rules as from scratch', () => {
    const sentences = sentenceRanges(text);
    const first = ruleSentences(spans, sentences);
    const [spain] = spansIn(text, [['Spain', 'country']]);
    const moved = { ...spans[1], end: spans[1].end - 6 }; // the first commitment loses "Italy"
    const after = ruleSentencesAfterStep(first, [spans[1]], [spain, moved], sentences);
    const [one, two] = [...first.keys()].sort((a, b) => a - b);
    expect(after.get(one)).not.toBe(first.get(one));
    expect(after.get(two)).not.toBe(first.get(two));
    const expected = ruleSentences([spans[0], moved, ...spans.slice(2), spain], sentences);
    expect(suggestionsFrom(after, DEFAULT_RELATION_LABELS)).toEqual(suggestionsFrom(expected, DEFAULT_RELATION_LABELS));
    // a step that empties a sentence drops it; one elsewhere leaves it the same entry
    const emptied = ruleSentencesAfterStep(first, spans.slice(3), [], sentences);
    expect([...emptied.keys()]).toEqual([one]);
    expect(emptied.get(one)).toBe(first.get(one));
  });

  it('gives the rules of the spans after any steps, as ruleSentences does from scratch', () => {
    const long = 'The Minister pledged £5 million for Italy and Spain. Officials agreed aid. Rome met Paris! Done';
    const labels = ['actor', 'commitment', 'money', 'country'];
    const spanAt = fc
      .tuple(fc.nat(long.length - 1), fc.integer({ min: 1, max: 40 }), fc.constantFrom(...labels))
      .map(([start, length, label]) => ({ start, end: Math.min(long.length, start + length), label }));
    const sentences = sentenceRanges(long);
    fc.assert(
      fc.property(
        fc.array(spanAt, { maxLength: 25 }),
        fc.array(fc.tuple(fc.nat(30), fc.option(spanAt)), { maxLength: 6 }),
        (initial, edits) => {
          let spans = initial.map((x, i) => ({ ...x, id: `s${i}` }));
          let rules = ruleSentences(spans, sentences);
          edits.forEach(([pick, replacement], step) => {
            const target = spans[pick % Math.max(1, spans.length)];
            const removed = target && pick % 3 !== 0 ? [target] : []; // else an add
            const added = replacement ? [{ ...replacement, id: removed[0]?.id ?? `new${step}` }] : [];
            rules = ruleSentencesAfterStep(rules, removed, added, sentences);
            spans = spans.filter((x) => !removed.includes(x)).concat(added);
            const fresh = ruleSentences(spans, sentences);
            expect(suggestionsFrom(rules, DEFAULT_RELATION_LABELS)).toEqual(
              suggestionsFrom(fresh, DEFAULT_RELATION_LABELS),
            );
            expect([...rules.keys()].sort()).toEqual([...fresh.keys()].sort());
          });
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
