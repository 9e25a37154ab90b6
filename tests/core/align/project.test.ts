import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignDocuments, projectSpan, projectSpans, tokenize } from '../../../core/align';
import { rangeOf, seed } from './seeds';

const t002 = seed('002');
const t004 = seed('004');
const t000 = seed('000');
const t001 = seed('001');

describe('projectSpan between the seed versions 004 (A) and 002 (B)', () => {
  const alignment = alignDocuments(t004, t002);

  it('projects "Yvette Cooper" of the quoted line onto the same words in 002', () => {
    // 004 names her three times; only the occurrence that introduces the shared quote is aligned.
    const span = rangeOf(t004, 'Yvette Cooper', 1);
    expect(t004.slice(span.start - 16, span.end)).toBe('Home Secretary, Yvette Cooper');
    const r = projectSpan(t004, t002, alignment, span, 'a->b');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(t002.slice(r.start, r.end)).toBe('Yvette Cooper');
    expect(r.start).toBe(rangeOf(t002, 'Yvette Cooper').start);
  });

  it('projects "G7" inside the quote onto the G7 of the same sentence in 002', () => {
    const span = rangeOf(t004, 'G7', 5);
    expect(t004.slice(span.start - 21, span.end)).toBe('Today’s newly agreed G7');
    const r = projectSpan(t004, t002, alignment, span, 'a->b');
    expect(r.ok && t002.slice(r.start, r.end)).toBe('G7');
    expect(r.ok && t002.slice(r.start - 21, r.end + 12)).toBe('Today’s newly agreed G7 action plan');
  });

  it('goes back from 002 to 004 too', () => {
    const span = rangeOf(t002, 'Yvette Cooper');
    const r = projectSpan(t004, t002, alignment, span, 'b->a');
    expect(r.ok && r.start).toBe(rangeOf(t004, 'Yvette Cooper', 1).start);
    expect(r.ok && t004.slice(r.start, r.end)).toBe('Yvette Cooper');
  });

  it('refuses a span in a passage only 004 has', () => {
    const span = rangeOf(t004, 'Yvette Cooper', 0); // "At a three-day meeting in Italy, Yvette Cooper and her G7 counterparts"
    expect(alignment.onlyA.some((r) => r.start <= span.start && span.end <= r.end)).toBe(true);
    const r = projectSpan(t004, t002, alignment, span, 'a->b');
    expect(r).toEqual({ ok: false, reason: 'span is not inside an aligned passage' });
  });

  it('refuses aligned words without a counterpart ("The UK’s" is not in 002’s line)', () => {
    const r = projectSpan(t004, t002, alignment, rangeOf(t004, 'The UK’s'), 'a->b');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/counterpart/);
  });

  it('snaps a partial word and spare spaces to whole words', () => {
    const full = rangeOf(t004, 'Criminal smuggling gangs');
    const r = projectSpan(t004, t002, alignment, { start: full.start + 3, end: full.end - 2 }, 'a->b');
    expect(r.ok && t002.slice(r.start, r.end)).toBe('Criminal smuggling gangs');
  });

  it('projects many spans, separating the unmatched', () => {
    const spans = [
      { ...rangeOf(t004, 'Yvette Cooper', 1), label: 'actor' },
      { ...rangeOf(t004, 'G7', 5), label: 'country' },
      { ...rangeOf(t004, 'Yvette Cooper', 0), label: 'actor' },
    ];
    const { projected, unmatched } = projectSpans(t004, t002, alignment, spans, 'a->b');
    expect(projected.map((p) => [p.source.label, t002.slice(p.start, p.end)])).toEqual([
      ['actor', 'Yvette Cooper'],
      ['country', 'G7'],
    ]);
    expect(unmatched.map((u) => u.source)).toEqual([spans[2]]);
  });
});

describe('projectSpan across rewording in 000 -> 001', () => {
  const alignment = alignDocuments(t000, t001);

  it('maps "cooperation" onto "co-operation" and a phrase across changed punctuation', () => {
    const r = projectSpan(t000, t001, alignment, rangeOf(t000, 'cooperation'), 'a->b');
    expect(r.ok && t001.slice(r.start, r.end)).toBe('co-operation');
    const phrase = rangeOf(t000, 'unsafe conditions often in the back');
    const p = projectSpan(t000, t001, alignment, phrase, 'a->b');
    expect(p.ok && t001.slice(p.start, p.end)).toBe('unsafe conditions, often in the back');
  });

  it('maps "I\'ve" onto the curly-apostrophe "I’ve"', () => {
    const r = projectSpan(t000, t001, alignment, rangeOf(t000, "I've"), 'a->b');
    expect(r.ok && t001.slice(r.start, r.end)).toBe('I’ve');
  });
});

describe('offsets survive astral characters and CRLF', () => {
  const a = 'Intro 😀 line.\r\nThe 𝐀cme co-operation deal was signed in 𠀀city today.\r\nOnly here.';
  const b = 'Other stuff first 😀😀.\r\n\r\n“The 𝐀cme cooperation deal was signed in 𠀀city today,” they said.\r\n';

  it('aligns and slices the exact passages', () => {
    const alignment = alignDocuments(a, b);
    expect(alignment.pairs).toHaveLength(1);
    const [pair] = alignment.pairs;
    expect(a.slice(pair.a.start, pair.a.end)).toBe('The 𝐀cme co-operation deal was signed in 𠀀city today.');
    expect(b.slice(pair.b.start, pair.b.end)).toBe(
      '“The 𝐀cme cooperation deal was signed in 𠀀city today,” they said.',
    );
    expect(alignment.onlyA.map((r) => a.slice(r.start, r.end))).toEqual(['Intro 😀 line.', 'Only here.']);
  });

  it('projects astral words exactly', () => {
    const alignment = alignDocuments(a, b);
    for (const word of ['𝐀cme', '𠀀city', 'co-operation']) {
      const r = projectSpan(a, b, alignment, rangeOf(a, word), 'a->b');
      expect(r.ok && b.slice(r.start, r.end)).toBe(word.replace('-', ''));
    }
  });
});

describe('properties', () => {
  const sentence = fc
    .array(fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'co-op', 'Zeta', '𝐀x', 'eta', 'theta'), {
      minLength: 4,
      maxLength: 12,
    })
    .map((ws) => `${ws.join(' ')}.`);
  const doc = fc.array(sentence, { minLength: 1, maxLength: 8 }).map((ss) => ss.join('\r\n'));

  it('a document aligned with itself projects every word onto itself', () => {
    fc.assert(
      fc.property(doc, (text) => {
        const alignment = alignDocuments(text, text);
        for (const t of tokenize(text)) {
          const r = projectSpan(text, text, alignment, t, 'a->b');
          if (r.ok) expect(text.slice(r.start, r.end)).toBe(text.slice(t.start, t.end));
        }
      }),
      { numRuns: 50 },
    );
  });

  it('pair ranges always lie inside both texts and never overlap', () => {
    fc.assert(
      fc.property(doc, doc, (a, b) => {
        const { pairs, onlyA } = alignDocuments(a, b);
        const used = [...pairs.map((p) => p.a), ...onlyA].sort((x, y) => x.start - y.start);
        used.slice(1).forEach((r, i) => expect(r.start).toBeGreaterThanOrEqual(used[i].end));
        for (const p of pairs) expect(p.b.end).toBeLessThanOrEqual(b.length);
      }),
      { numRuns: 100 },
    );
  });
});
