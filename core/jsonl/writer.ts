// ExportRecord -> one JSONL line, offsets converted to code points so that in
// Python text[start:end] == span["text"] holds for every span.
//
// The writer refuses (throws ExportError) rather than write an offset it
// cannot vouch for: a span out of range, splitting a surrogate pair, or whose
// stored text no longer matches the document. A wrong offset in an export is
// silent data loss downstream; a refused export is visible.
import { makeOffsetConverter, OffsetError, type OffsetConverter } from '../codepoints';
import type { ExportRecord, ExportSpan, JsonlFormat } from './records';

export class ExportError extends Error {
  override name = 'ExportError';
}

interface CpSpan {
  start: number;
  end: number;
  label: string;
  text: string;
  note?: string;
  annotator?: string;
}

/** Spans in a fixed order (start, end, label by code units) so output is deterministic. */
export function sortSpans<T extends { start: number; end: number; label: string }>(spans: readonly T[]): T[] {
  return [...spans].sort(
    (a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
  );
}

function convertSpan(record: ExportRecord, span: ExportSpan, conv: OffsetConverter): CpSpan {
  const where = `document ${record.id} (${record.name}), span ${span.start}-${span.end} "${span.label}"`;
  if (span.start > span.end) throw new ExportError(`${where}: start is after end`);
  if (record.text.slice(span.start, span.end) !== span.text) {
    throw new ExportError(`${where}: stored span text does not match the document text`);
  }
  try {
    const out: CpSpan = {
      start: conv.toCodePoint(span.start),
      end: conv.toCodePoint(span.end),
      label: span.label,
      text: span.text,
    };
    if (span.note) out.note = span.note;
    if (span.annotator !== undefined) out.annotator = span.annotator;
    return out;
  } catch (error) {
    if (error instanceof OffsetError) throw new ExportError(`${where}: ${error.message}`);
    throw error;
  }
}

function isoDate(record: ExportRecord): string {
  const date = new Date(record.updatedAt);
  if (Number.isNaN(date.getTime()))
    throw new ExportError(`document ${record.id}: updatedAt ${record.updatedAt} is not a valid time`);
  return date.toISOString();
}

/** The record's spans in code points, sorted; throws ExportError on a bad span. */
export function codePointSpans(record: ExportRecord): CpSpan[] {
  if (record.spans.length === 0) return [];
  // Without surrogates in the text this converter is the identity (one regex test), still checking every offset.
  const conv = makeOffsetConverter(record.text);
  return sortSpans(record.spans.map((span) => convertSpan(record, span, conv)));
}

function prodigyLine(record: ExportRecord, spans: CpSpan[]): string {
  const meta = {
    name: record.name,
    source: record.source,
    sha256: record.sha256,
    status: record.status,
    updated_at: isoDate(record),
  };
  return JSON.stringify({ id: record.id, text: record.text, spans, meta });
}

function doccanoLine(record: ExportRecord, spans: CpSpan[]): string {
  return JSON.stringify({ id: record.id, text: record.text, label: spans.map((s) => [s.start, s.end, s.label]) });
}

/** One JSONL line (no trailing newline). Throws ExportError for a span it cannot write correctly. */
export function toJsonlLine(record: ExportRecord, format: JsonlFormat): string {
  const spans = codePointSpans(record);
  if (format === 'prodigy') return prodigyLine(record, spans);
  if (format === 'doccano') return doccanoLine(record, spans);
  throw new ExportError(`unknown format ${String(format)}`);
}
