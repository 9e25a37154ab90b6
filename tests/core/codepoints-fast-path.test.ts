// The no-surrogate fast path of makeOffsetConverter (and of the export writer
// built on it) must be indistinguishable from the general converter: same
// answers, same errors, on any text, astral, lone surrogates or plain.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codePointLength,
  hasNoSurrogates,
  makeOffsetConverter,
  pairConverter,
  pairStarts,
  type OffsetConverter,
} from '../../core/codepoints';
import type { ExportRecord, ExportSpan } from '../../core/jsonl/records';
import { codePointSpans, ExportError, sortSpans, toJsonlLine } from '../../core/jsonl/writer';
import { anyText } from './arbitraries';

/** Text without surrogates: the fast path's case. */
const plainText = (maxLength = 60) =>
  fc
    .array(
      fc.oneof(
        fc.integer({ min: 0, max: 0x7f }),
        fc.integer({ min: 0, max: 0xd7ff }),
        fc.integer({ min: 0xe000, max: 0xffff }),
      ),
      { maxLength },
    )
    .map((units) => String.fromCharCode(...units));
/** Either kind, so the dispatch itself is tested too. */
const someText = fc.oneof(plainText(), anyText(60));

type Outcome = { value: number | boolean } | { error: string; message: string };
const outcome = (f: () => number | boolean): Outcome => {
  try {
    return { value: f() };
  } catch (e) {
    return { error: (e as Error).name, message: (e as Error).message };
  }
};

/** Every answer of a converter on offsets around and past the text, plus some non-integers. */
function answers(conv: OffsetConverter, length: number) {
  const probes = [-2, -1, 0.5, Number.NaN, length + 0.5, ...Array.from({ length: length + 3 }, (_, i) => i)];
  return {
    utf16Length: conv.utf16Length,
    codePointLength: conv.codePointLength,
    toCodePoint: probes.map((p) => outcome(() => conv.toCodePoint(p))),
    toUtf16: probes.map((p) => outcome(() => conv.toUtf16(p))),
    isBoundary: probes.map((p) => outcome(() => conv.isBoundary(p))),
  };
}

describe('makeOffsetConverter: the no-surrogate fast path', () => {
  it('is taken exactly when the text has no surrogate code unit', () => {
    fc.assert(
      fc.property(someText, (text) => {
        const units = Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
        expect(hasNoSurrogates(text)).toBe(units.every((u) => u < 0xd800 || u > 0xdfff));
      }),
      { numRuns: 500 },
    );
    expect(hasNoSurrogates('plain text, é, 中文')).toBe(true);
    expect(hasNoSurrogates('a😀')).toBe(false);
    expect(hasNoSurrogates('a\udc00')).toBe(false);
  });

  it('answers every offset exactly as the general converter, errors included', () => {
    fc.assert(
      fc.property(someText, (text) => {
        expect(answers(makeOffsetConverter(text), text.length)).toEqual(answers(pairConverter(text), text.length));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same code point length as counting the pairs', () => {
    fc.assert(
      fc.property(someText, (text) => {
        expect(codePointLength(text)).toBe(text.length - pairStarts(text).length);
        expect(codePointLength(text)).toBe(pairConverter(text).codePointLength);
      }),
      { numRuns: 500 },
    );
  });
});

/** What codePointSpans must give, computed with the general converter only. */
function reference(
  record: ExportRecord,
): Array<{ start: number; end: number; label: string; text: string; note?: string }> | 'refused' {
  const conv = pairConverter(record.text);
  try {
    return sortSpans(
      record.spans.map((s) => {
        if (s.start > s.end || record.text.slice(s.start, s.end) !== s.text) throw new ExportError('bad');
        const out: { start: number; end: number; label: string; text: string; note?: string } = {
          start: conv.toCodePoint(s.start),
          end: conv.toCodePoint(s.end),
          label: s.label,
          text: s.text,
        };
        if (s.note) out.note = s.note;
        return out;
      }),
    );
  } catch {
    return 'refused';
  }
}

/** Spans over `text` at arbitrary UTF-16 offsets: some split pairs, some quote the wrong text, some run past the end. */
const recordWithSpans = someText
  .chain((text) =>
    fc.record({
      text: fc.constant(text),
      spans: fc.array(
        fc.record({
          start: fc.nat(text.length + 1),
          len: fc.nat(6),
          label: fc.constantFrom('a', 'b'),
          wrongText: fc.boolean(),
          note: fc.option(fc.constantFrom('n', ''), { nil: undefined }),
        }),
        { maxLength: 6 },
      ),
    }),
  )
  .map(({ text, spans }): ExportRecord => ({
    id: 'd',
    name: 'd.txt',
    text,
    sha256: '0'.repeat(64),
    source: 's',
    status: 'todo',
    updatedAt: 0,
    spans: spans.map((s): ExportSpan => {
      const end = s.start + s.len;
      const span: ExportSpan = {
        start: s.start,
        end,
        label: s.label,
        text: s.wrongText ? `${text.slice(s.start, end)}x` : text.slice(s.start, end),
      };
      if (s.note !== undefined) span.note = s.note;
      return span;
    }),
  }));

describe('export with the fast path', () => {
  it('converts and refuses spans exactly as the general converter would', () => {
    fc.assert(
      fc.property(recordWithSpans, (record) => {
        const expected = reference(record);
        if (expected === 'refused') {
          expect(() => codePointSpans(record)).toThrow(ExportError);
          expect(() => toJsonlLine(record, 'prodigy')).toThrow(ExportError);
        } else {
          expect(codePointSpans(record)).toEqual(expected);
          expect(JSON.parse(toJsonlLine(record, 'prodigy')).spans).toEqual(expected);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
