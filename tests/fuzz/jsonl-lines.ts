// Arbitraries for fuzzing the JSONL path: records that must load exactly
// (random texts with lone surrogates and astral characters, spans cut at any
// code point, written by our own writer in either format), lines that must be
// refused (each kind of unusable line), and whole files mixing both with
// LF/CRLF endings and an optional BOM. A generated file knows which of its
// lines are good, so a property can check "good kept, bad reported by line".
import fc from 'fast-check';
import { makeOffsetConverter } from '../../core/codepoints';
import { toJsonlLine, type ExportRecord, type JsonlFormat } from '../../core/jsonl';
import { anyText } from '../core/arbitraries';

export interface GoodRecord {
  kind: 'good';
  text: string;
  /** UTF-16 offsets, as the app stores them. */
  spans: Array<{ start: number; end: number; label: string }>;
  line: string;
}

export interface BadLine {
  kind: 'bad';
  line: string;
}

export type Entry = GoodRecord | BadLine;

const LABELS = ['actor', 'country', 'money', 'label 😀', 'ü'];

/** A text and spans cut at code point boundaries (offsets in UTF-16 units). */
export const textWithSpans = anyText(40)
  .chain((text) => {
    const n = [...text].length;
    const cut = fc.tuple(fc.nat(n), fc.nat(n), fc.constantFrom(...LABELS)).filter(([a, b]) => a !== b);
    return fc.tuple(fc.constant(text), n > 0 ? fc.array(cut, { maxLength: 5 }) : fc.constant([]));
  })
  .map(([text, cuts]) => {
    const conv = makeOffsetConverter(text);
    const spans = cuts.map(([a, b, label]) => ({
      start: conv.toUtf16(Math.min(a, b)),
      end: conv.toUtf16(Math.max(a, b)),
      label,
    }));
    return { text, spans };
  });

function exportRecord(text: string, spans: GoodRecord['spans']): ExportRecord {
  return {
    id: 'fuzz',
    name: 'fuzz',
    text,
    sha256: '',
    source: 'fuzz',
    status: 'todo',
    updatedAt: 0,
    spans: spans.map((s) => ({ ...s, text: text.slice(s.start, s.end) })),
  };
}

export const goodRecord: fc.Arbitrary<GoodRecord> = fc
  .tuple(textWithSpans, fc.constantFrom<JsonlFormat>('prodigy', 'doccano'))
  .map(([{ text, spans }, format]) => ({
    kind: 'good',
    text,
    spans,
    line: toJsonlLine(exportRecord(text, spans), format),
  }));

/** Random text on one line: no '\n' or '\r' (those would make more lines). */
const oneLineText = anyText(30).map((s) => s.replace(/[\r\n]/g, ' '));

/** Every kind of line that must fail as a whole, never blank (a blank line is skipped, not a problem). */
export const badLine: fc.Arbitrary<BadLine> = fc
  .oneof(
    oneLineText.map((s) => `\u0001${s}`), // not JSON at all
    goodRecord.map((g) => g.line.slice(0, -1)), // a good line cut short: unterminated object
    fc
      .jsonValue({ maxDepth: 3 })
      .filter((v) => typeof v !== 'object' || v === null || Array.isArray(v))
      .map((v) => JSON.stringify(v)), // not an object
    fc
      .dictionary(
        fc.string({ maxLength: 6 }).filter((k) => k !== 'text'),
        fc.jsonValue({ maxDepth: 2 }),
        { maxKeys: 4 },
      )
      .map((o) => JSON.stringify(o)), // no "text"
    fc
      .jsonValue({ maxDepth: 2 })
      .filter((v) => typeof v !== 'string')
      .map((v) => JSON.stringify({ text: v })), // "text" not a string
  )
  .map((line) => ({ kind: 'bad' as const, line }));

export const entry: fc.Arbitrary<Entry> = fc.oneof(goodRecord, badLine);

export interface JsonlFile {
  entries: Entry[];
  /** The file's text: entries joined by LF or CRLF, maybe a BOM, maybe a final newline. */
  text: string;
}

export const jsonlFile: fc.Arbitrary<JsonlFile> = fc
  .record({
    entries: fc.array(entry, { maxLength: 8 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map(({ entries, crlf, bom, finalNewline }) => {
    const eol = crlf ? '\r\n' : '\n';
    const body = entries.map((e) => e.line).join(eol) + (finalNewline && entries.length > 0 ? eol : '');
    return { entries, text: (bom ? '\uFEFF' : '') + body };
  });

/** 1-based line numbers of the bad entries. */
export const badLineNumbers = (file: JsonlFile): number[] =>
  file.entries.flatMap((e, i) => (e.kind === 'bad' ? [i + 1] : []));

export const goodRecords = (file: JsonlFile): GoodRecord[] =>
  file.entries.filter((e): e is GoodRecord => e.kind === 'good');

export const spanKey = (s: { start: number; end: number; label: string }): string => `${s.start}:${s.end}:${s.label}`;

export const sameSpans = (
  a: ReadonlyArray<{ start: number; end: number; label: string }>,
  b: ReadonlyArray<{ start: number; end: number; label: string }>,
): boolean => JSON.stringify(a.map(spanKey).sort()) === JSON.stringify(b.map(spanKey).sort());
