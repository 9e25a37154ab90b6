// Property tests: random unicode texts with random valid spans survive
// write -> parse unchanged, and no input makes the parser throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeOffsetConverter } from '../../../core/codepoints';
import { parseJsonlLine, toJsonlLine, validateJsonl, type ExportRecord, type JsonlFormat } from '../../../core/jsonl';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS } from '../../support/fuzz-runs';
import { anyText } from '../arbitraries';
import { codePointSliceOk } from './samples';

/** The project's one fuzz setting (tests/support/fuzz-runs.ts): 5,000 in `npm test`, 1,000,000 in `npm run fuzz`. */
const RUNS = { numRuns: FUZZ_RUNS };

/** A text of graphemes, and spans cut at grapheme boundaries (always valid UTF-16 boundaries). */
const textWithSpans = fc
  .array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), { maxLength: 30 })
  .chain((pieces) => {
    const bounds = [0];
    for (const piece of pieces) bounds.push(bounds[bounds.length - 1] + piece.length);
    const span = fc
      .tuple(
        fc.nat(pieces.length),
        fc.nat(pieces.length),
        fc.constantFrom('A', 'B', 'label 😀'),
        fc.option(fc.string({ unit: 'grapheme', maxLength: 5 })),
      )
      .filter(([a, b]) => a !== b)
      .map(([a, b, label, note]) => ({
        start: bounds[Math.min(a, b)],
        end: bounds[Math.max(a, b)],
        label,
        note: note ?? undefined,
      }));
    return fc.tuple(
      fc.constant(pieces.join('')),
      pieces.length > 0 ? fc.array(span, { maxLength: 6 }) : fc.constant([]),
    );
  });

function record(
  text: string,
  spans: ReadonlyArray<{ start: number; end: number; label: string; note?: string }>,
): ExportRecord {
  const full = spans.map((s) => ({ ...s, text: text.slice(s.start, s.end) }));
  return { id: 'p', name: 'p', text, sha256: '', source: 's', status: 'todo', updatedAt: 0, spans: full };
}

const key = (s: { start: number; end: number; label: string }) => `${s.start}:${s.end}:${s.label}`;

describe('write -> parse', () => {
  it.each(['prodigy', 'doccano'] as JsonlFormat[])(
    'gives back the text and spans (%s)',
    (format) => {
      fc.assert(
        fc.property(textWithSpans, ([text, spans]) => {
          const line = toJsonlLine(record(text, spans), format);
          const out = JSON.parse(line);
          for (const span of out.spans ?? []) expect(codePointSliceOk(out.text, span)).toBe(true);
          const parsed = parseJsonlLine(line, 1);
          if (!parsed.ok) throw new Error(parsed.message);
          expect(parsed.errors).toEqual([]);
          expect(parsed.record.text).toBe(text);
          expect(parsed.record.spans.map(key).sort()).toEqual(spans.map(key).sort());
          if (format === 'prodigy') {
            const notes = (list: ReadonlyArray<{ note?: string }>) => list.map((s) => s.note || '').sort();
            expect(notes(parsed.record.spans)).toEqual(notes(spans));
          }
        }),
        RUNS,
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

describe('write -> parse with lone surrogates and raw code units', () => {
  it(
    'keeps text and spans cut at any code point boundary',
    () => {
      const arb = anyText().chain((text) => {
        const n = [...text].length;
        const cut = fc.tuple(fc.nat(n), fc.nat(n)).filter(([a, b]) => a !== b);
        return fc.tuple(fc.constant(text), n > 0 ? fc.array(cut, { maxLength: 5 }) : fc.constant([]));
      });
      fc.assert(
        fc.property(arb, ([text, cuts]) => {
          const conv = makeOffsetConverter(text);
          const spans = cuts.map(([a, b]) => ({
            start: conv.toUtf16(Math.min(a, b)),
            end: conv.toUtf16(Math.max(a, b)),
            label: 'L',
          }));
          const parsed = parseJsonlLine(toJsonlLine(record(text, spans), 'prodigy'), 1);
          if (!parsed.ok) throw new Error(parsed.message);
          expect(parsed.errors).toEqual([]);
          expect(parsed.record.text).toBe(text);
          expect(parsed.record.spans.map(key).sort()).toEqual(spans.map(key).sort());
        }),
        RUNS,
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

describe('the parser never throws', () => {
  it(
    'on random strings',
    () => {
      fc.assert(
        fc.property(anyText(), (line) => void expect(typeof parseJsonlLine(line, 1).ok).toBe('boolean')),
        RUNS,
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'on random JSON values and span-like objects',
    () => {
      const spanLike = fc.record(
        { start: fc.jsonValue(), end: fc.jsonValue(), label: fc.jsonValue(), text: fc.jsonValue() },
        { requiredKeys: [] },
      );
      const lineLike = fc.record(
        {
          text: fc.oneof(anyText(), fc.jsonValue()),
          spans: fc.oneof(fc.array(spanLike), fc.jsonValue()),
          label: fc.jsonValue(),
          id: fc.jsonValue(),
          meta: fc.jsonValue(),
        },
        { requiredKeys: [] },
      );
      fc.assert(
        fc.property(fc.oneof(fc.jsonValue(), lineLike), (value) => {
          const line = JSON.stringify(value) ?? 'undefined';
          expect(typeof parseJsonlLine(line, 1).ok).toBe('boolean');
          expect(Array.isArray(validateJsonl([line]))).toBe(true);
        }),
        RUNS,
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
