// The neutral document every format reader gives and every writer takes:
// text, spans, relations, suggestions, categories, span notes and meta,
// offsets in UTF-16 units as the app stores them. An IncomingDocument is one
// (it has every field), so what the app reads can be written straight out.
// Readers never need Node: file bytes are decoded before, ids and hashes made
// after (main/services/format-file.ts).
import { makeOffsetConverter, OffsetError } from '../codepoints';
import type { DocStatus, InputProblem, RelationDraft, SpanDraft, SuggestionDraft } from '../model';

export interface FormatDocument {
  id?: string;
  name?: string;
  text: string;
  spans?: SpanDraft[];
  /** Ends are indexes into `spans`. */
  relations?: RelationDraft[];
  suggestions?: SuggestionDraft[];
  categories?: string[];
  status?: DocStatus;
  /** Anything else the source said about the document that a writer may pass on. */
  meta?: Record<string, unknown>;
  /** Where in its file the document began (1-based line), for messages. */
  line?: number;
}

/** A problem of a file being read; the caller knows which file. */
export type FormatProblem = Omit<InputProblem, 'file'>;

export interface FormatRead {
  documents: FormatDocument[];
  problems: FormatProblem[];
}

export const error = (message: string, line?: number): FormatProblem =>
  line === undefined ? { message, severity: 'error' } : { line, message, severity: 'error' };
export const warning = (message: string, line?: number): FormatProblem =>
  line === undefined ? { message, severity: 'warning' } : { line, message, severity: 'warning' };

/** A writer cannot write a document faithfully: the message names the document and the span. */
export class FormatWriteError extends Error {
  override name = 'FormatWriteError';
}

/** A span as files carry it: code point offsets and the quoted text. */
export interface QuotedSpan {
  start: number;
  end: number;
  label: string;
  text: string;
  note?: string;
  annotator?: string;
  /** Index in the document's `spans`, so relations can find it. */
  index: number;
}

export function docName(doc: FormatDocument, i: number): string {
  return doc.name ?? doc.id ?? `document ${i + 1}`;
}

/**
 * The document's spans in code points with their quotes, in reading order.
 * Throws FormatWriteError for a span out of range or splitting a character:
 * a wrong offset in an export is silent loss downstream, a refusal is not.
 */
export function quotedSpans(doc: FormatDocument, i = 0, spans = doc.spans ?? []): QuotedSpan[] {
  const conv = makeOffsetConverter(doc.text);
  const out = spans.map((s, index): QuotedSpan => {
    try {
      if (s.start > s.end) throw new OffsetError('start is after end');
      const span: QuotedSpan = {
        start: conv.toCodePoint(s.start),
        end: conv.toCodePoint(s.end),
        label: s.label,
        text: doc.text.slice(s.start, s.end),
        index,
      };
      if (s.note) span.note = s.note;
      if (s.annotator) span.annotator = s.annotator;
      return span;
    } catch (e) {
      if (!(e instanceof OffsetError)) throw e;
      throw new FormatWriteError(`${docName(doc, i)}, span ${s.start}-${s.end} "${s.label}": ${e.message}`);
    }
  });
  return out.sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

/** Valid relations only: both ends name a span of the document. */
export function relationsOf(doc: FormatDocument): RelationDraft[] {
  const n = doc.spans?.length ?? 0;
  return (doc.relations ?? []).filter((r) => r.head >= 0 && r.head < n && r.child >= 0 && r.child < n);
}
