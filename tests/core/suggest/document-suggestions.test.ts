// The app's suggestions for one document: rules, occurrences and the tagger,
// less rejected and already tagged; the rule cache; which stored suggestions
// stay open as spans and rejections come and go.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexSpans, overlapping } from '../../../core/spans/span-index';
import { RuleCache, suggestDocument } from '../../../core/suggest/document-suggestions';
import { suggestRules } from '../../../core/suggest/rules';
import { uncovered, uncoveredAfterEdit } from '../../../core/suggest/suggestion-cover';

const text = 'The NCA met Europol in France. Later the NCA pledged £5 million to Italy and the NCA agreed.';
const at = (needle: string, nth = 0) => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  return { start: i, end: i + needle.length };
};
const pick = (list: ReturnType<typeof suggestDocument>) => list.map((c) => [text.slice(c.start, c.end), c.label]);

describe('suggestDocument', () => {
  it('adds other occurrences of a tagged span and leaves out what is tagged or rejected', () => {
    const tagged = { ...at('the NCA', 0), label: 'actor' };
    const before = pick(suggestDocument(text, [], []));
    expect(before).toContainEqual(['France', 'country']);
    const after = suggestDocument(text, [tagged], [{ ...at('France'), label: 'country' }]);
    expect(pick(after)).not.toContainEqual(['France', 'country']);
    const occurrences = after.filter((c) => c.source === 'occurrences').map((c) => c.start);
    expect(occurrences).toEqual([at('the NCA', 1).start]);
    expect(after.some((c) => c.label === 'actor' && c.start < tagged.end && tagged.start < c.end)).toBe(false);
  });

  it('finds the corpus phrases asked for, whole words and case as typed, except where tagged or rejected', () => {
    const phrases = [
      { phrase: 'the NCA', label: 'country' }, // not "The NCA": case as typed
      { phrase: 'later', label: 'commitment' }, // not "Later"
      { phrase: 'Franc', label: 'country' }, // not inside "France"
    ];
    const rejected = [{ ...at('the NCA', 1), label: 'country' }];
    const found = suggestDocument(text, [], rejected, { phrases }).filter((c) => c.source === 'occurrences');
    expect(found.map((c) => [c.start, c.label])).toEqual([[at('the NCA', 0).start, 'country']]);
    const tagged = suggestDocument(text, [{ ...at('the NCA', 0), label: 'country' }], rejected, { phrases });
    expect(tagged.filter((c) => c.source === 'occurrences')).toEqual([]);
  });

  it('a rejected candidate gives way to a shorter one it hid', () => {
    const rules = suggestRules(text);
    const commitment = rules.find((c) => c.label === 'commitment')!;
    expect(commitment).toBeDefined();
    const again = suggestDocument(text, [], [commitment], { rules });
    expect(
      again.some((c) => c.start === commitment.start && c.end === commitment.end && c.label === 'commitment'),
    ).toBe(false);
  });

  it('RuleCache gives the same candidates as the rules, once per text', () => {
    const cache = new RuleCache(undefined, 2);
    const first = cache.rules(text);
    expect(cache.rules(text)).toBe(first);
    expect(first).toEqual(suggestRules(text));
    cache.rules('a');
    cache.rules('b');
    expect(cache.rules(text)).not.toBe(first); // evicted, computed again
  });
});

describe('uncovered', () => {
  const s = (start: number, end: number, label = 'actor') => ({ start, end, label });
  it('drops rejected suggestions and those a same-label span overlaps, even one nested in a long span', () => {
    const suggestions = [s(0, 3), s(5, 8), s(10, 12), s(20, 25), s(30, 31, 'money')];
    const spans = [s(4, 6), s(9, 30), s(11, 11 + 1), s(30, 31)];
    expect(uncovered(suggestions, new Set(['0:3:actor']), spans)).toEqual([s(30, 31, 'money')]);
    expect(uncovered(suggestions, new Set(), [])).toEqual(suggestions);
    expect(uncovered([s(6, 9)], new Set(), [s(4, 6)])).toEqual([s(6, 9)]); // touching is not overlapping
  });
});

describe('uncoveredAfterEdit', () => {
  const tagged = fc.record({
    start: fc.integer({ min: 0, max: 60 }),
    length: fc.integer({ min: 1, max: 12 }),
    label: fc.constantFrom('actor', 'money'),
  });
  let made = 0;
  const toSpan = (t: { start: number; length: number; label: string }) => ({
    id: `s${made++}`,
    start: t.start,
    end: t.start + t.length,
    label: t.label,
  });

  it('gives what a whole filter gives after any edit, and the same array when the edit changed nothing shown', () => {
    fc.assert(
      fc.property(
        fc.array(tagged, { maxLength: 25 }),
        fc.array(tagged, { maxLength: 25 }),
        fc.array(tagged, { maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        (suggested, spanShapes, added, removedAt) => {
          const all = suggested.map(toSpan);
          const rejected = new Set(all.filter((_, i) => i % 5 === 0).map((s) => `${s.start}:${s.end}:${s.label}`));
          const before = spanShapes.map(toSpan);
          const removed = new Set(removedAt.filter((i) => i < before.length).map((i) => before[i]));
          const after = [...before.filter((s) => !removed.has(s)), ...added.map(toSpan)];
          const ranges = [...removed, ...added.map(toSpan)];
          const index = indexSpans(after);
          const shown = uncovered(all, rejected, before);
          const next = uncoveredAfterEdit(shown, all, rejected, (r) => overlapping(index, r), ranges);
          expect(next).toEqual(uncovered(all, rejected, after));
          if (next.length === shown.length && next.every((s, i) => s === shown[i])) expect(next).toBe(shown);
        },
      ),
      { numRuns: 500 },
    );
  });
});
