// ExportRecord -> one JSONL line, offsets converted to code points so that in
// Python text[start:end] == span["text"] holds for every span.
//
// The writer refuses (throws ExportError) rather than write an offset it
// cannot vouch for: a span out of range, splitting a surrogate pair, or whose
// stored text no longer matches the document. A wrong offset in an export is
// silent data loss downstream; a refused export is visible.
import { makeOffsetConverter, OffsetError, type OffsetConverter } from '../codepoints';
import type { ExportRecord, ExportRelation, ExportSpan, ExportSuggestion, JsonlFormat } from './records';
import { doccanoRelationFields, prodigyRelations, prodigyTokens, tokenRange } from './relations-out';

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

/**
 * A backup's suggestions in code points (kept ones and rejected ones; exports never carry them), checked
 * as spans are: the quote must still match the text and no offset may split a character.
 */
export function codePointSuggestions(record: ExportRecord): ExportSuggestion[] {
  const list = record.suggestions ?? [];
  if (list.length === 0) return [];
  const conv = makeOffsetConverter(record.text);
  return sortSpans(
    list.map((s) => {
      const where = `document ${record.id} (${record.name}), suggestion ${s.start}-${s.end} "${s.label}"`;
      if (s.start > s.end) throw new ExportError(`${where}: start is after end`);
      if (record.text.slice(s.start, s.end) !== s.text)
        throw new ExportError(`${where}: stored text does not match the document text`);
      try {
        return { ...s, start: conv.toCodePoint(s.start), end: conv.toCodePoint(s.end) };
      } catch (error) {
        if (error instanceof OffsetError) throw new ExportError(`${where}: ${error.message}`);
        throw error;
      }
    }),
  );
}

/**
 * The record's relations with their ends moved to the sorted spans' indexes;
 * a relation whose end is out of range is refused like a bad span.
 */
export function sortedRelations(record: ExportRecord): ExportRelation[] {
  const relations = record.relations ?? [];
  if (relations.length === 0) return [];
  const order = record.spans.map((_, i) => i);
  order.sort((a, b) => {
    const [x, y] = [record.spans[a], record.spans[b]];
    return x.start - y.start || x.end - y.end || (x.label < y.label ? -1 : x.label > y.label ? 1 : 0);
  });
  const at = new Array<number>(order.length);
  order.forEach((from, to) => (at[from] = to));
  return relations.map((r) => {
    if (at[r.head] === undefined || at[r.child] === undefined)
      throw new ExportError(
        `document ${record.id} (${record.name}): relation "${r.label}" names a span that is not in the record`,
      );
    return { head: at[r.head], child: at[r.child], label: r.label };
  });
}

function prodigyLine(record: ExportRecord, spans: CpSpan[]): string {
  const meta = {
    name: record.name,
    source: record.source,
    sha256: record.sha256,
    status: record.status,
    updated_at: isoDate(record),
  };
  // Categories in spaCy's shape (`cats`, 1.0 each), which spaCy's training data and this reader both take.
  const cats = record.categories?.length ? { cats: Object.fromEntries(record.categories.map((c) => [c, 1.0])) } : {};
  const relations = sortedRelations(record);
  const suggested = codePointSuggestions(record);
  const suggestions = suggested.length > 0 ? { suggestions: suggested } : {};
  if (relations.length === 0)
    return JSON.stringify({ id: record.id, text: record.text, spans, ...cats, ...suggestions, meta });
  // With relations the record carries its tokens, and each span its token range: relation ends are token indexes.
  const tokens = prodigyTokens(record.text, makeOffsetConverter(record.text));
  const tokenSpans = spans.map((s) => ({ ...s, ...tokenRange(tokens, s) }));
  return JSON.stringify({
    id: record.id,
    text: record.text,
    tokens,
    spans: tokenSpans,
    relations: prodigyRelations(tokenSpans, relations),
    ...cats,
    ...suggestions,
    meta,
  });
}

/** doccano's web UI counts UTF-16 units: written so, its spans sit right after an emoji (doccano #2290). */
function doccanoLine(record: ExportRecord, cpSpans: CpSpan[], unit: 'codepoints' | 'utf16'): string {
  const conv = unit === 'utf16' ? makeOffsetConverter(record.text) : undefined;
  const spans = conv ? cpSpans.map((s) => ({ ...s, start: conv.toUtf16(s.start), end: conv.toUtf16(s.end) })) : cpSpans;
  const line = { id: record.id, text: record.text, label: spans.map((s) => [s.start, s.end, s.label]) };
  // doccano's intent-detection column for document labels (its sequence-labelling importer ignores it).
  const cats = record.categories?.length ? { cats: record.categories } : {};
  // doccano's relation-extraction import reads spans from `entities` only, and refuses a file where one line
  // lacks the column (doccano backend/data_import/datasets.py), so every line carries `entities` and
  // `relations` (empty when there are none); `label` stays for sequence-labelling projects.
  return JSON.stringify({ ...line, ...doccanoRelationFields(spans, sortedRelations(record)), ...cats });
}

export interface LineOptions {
  /** doccano only: write offsets as UTF-16 units, as doccano's web UI counts them (default: code points). */
  doccanoOffsets?: 'codepoints' | 'utf16';
}

/** One JSONL line (no trailing newline). Throws ExportError for a span it cannot write correctly. */
export function toJsonlLine(record: ExportRecord, format: JsonlFormat, options: LineOptions = {}): string {
  const spans = codePointSpans(record);
  if (format === 'prodigy') return prodigyLine(record, spans);
  if (format === 'doccano') return doccanoLine(record, spans, options.doccanoOffsets ?? 'codepoints');
  throw new ExportError(`unknown format ${String(format)}`);
}
