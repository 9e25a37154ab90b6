// The records that cross the JSONL boundary, as the app hands them over.
// Offsets here are UTF-16 units, as stored; only the writer and the parser
// speak code points, so no other module has to think about them.
//
// ExportRecord is declared once, as a schema: main checks every record an
// export or a backup sends with it, and its type is inferred from it. Its
// limits are core/limits.ts's, the same the import path enforces.
import { LIMITS, TIME_MAX } from '../limits';
import { DOC_STATUSES, type DocStatus, type RelationDraft, type SpanDraft, type SuggestionDraft } from '../model';
import { guard, integer, list, name, text, v, type Infer } from '../shape';

/** The JSONL shapes the app reads and writes, written once. */
export const JSONL_FORMATS = ['prodigy', 'doccano'] as const;
export const JsonlFormatSchema = v.picklist(JSONL_FORMATS);
export type JsonlFormat = Infer<typeof JsonlFormatSchema>;
export const isJsonlFormat = guard(JsonlFormatSchema);

const offset = integer(0, LIMITS.text);

/** A span to export: `text` must equal record.text.slice(start, end). `note` is omitted from the output when empty. */
export const ExportSpanSchema = v.strictObject({
  start: offset,
  end: offset,
  label: name(LIMITS.label),
  text: text(LIMITS.text),
  note: v.optional(text(LIMITS.note)),
  /** Who made the span: written only when the export asks for it (all layers) and by backups. */
  annotator: v.optional(name(LIMITS.label)),
});
export type ExportSpan = Infer<typeof ExportSpanSchema>;

/**
 * A suggestion a backup carries (the app's own field, "suggestions"; exports for training never write it):
 * a suggested span with its source and score, or one a person rejected. `text` is checked as a span's is.
 */
export const ExportSuggestionSchema = v.strictObject({
  start: offset,
  end: offset,
  label: name(LIMITS.label),
  text: text(LIMITS.text),
  source: name(LIMITS.label),
  score: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  rejected: v.optional(v.boolean()),
});
export type ExportSuggestion = Infer<typeof ExportSuggestionSchema>;

/** A relation to export: `head` and `child` index the record's `spans` (as given, before any sorting). */
export const ExportRelationSchema = v.strictObject({
  head: integer(0, LIMITS.spans),
  child: integer(0, LIMITS.spans),
  label: name(LIMITS.label),
});
export type ExportRelation = Infer<typeof ExportRelationSchema>;

/** One document to export, with its spans (UTF-16 offsets); `updatedAt` in ms since the epoch, any valid date. */
export const ExportRecordSchema = v.strictObject({
  id: name(LIMITS.id),
  name: text(LIMITS.name),
  text: text(LIMITS.text),
  sha256: text(LIMITS.sha256),
  source: text(LIMITS.source),
  status: v.picklist(DOC_STATUSES),
  updatedAt: integer(-TIME_MAX, TIME_MAX),
  spans: list(ExportSpanSchema, LIMITS.spans),
  /** Document-level labels; absent or empty: none. */
  categories: v.optional(list(name(LIMITS.label), LIMITS.spans)),
  relations: v.optional(list(ExportRelationSchema, LIMITS.relations)),
  /** Backups only: the document's kept suggestions and its rejected ones. */
  suggestions: v.optional(list(ExportSuggestionSchema, LIMITS.spans)),
});
export type ExportRecord = Infer<typeof ExportRecordSchema>;

/** What one JSONL line yields once parsed: offsets already in UTF-16 units. */
export interface ImportedRecord {
  id?: string;
  name?: string;
  text: string;
  status?: DocStatus;
  /** meta.source of a Prodigy-shaped line, when present. */
  source?: string;
  /** meta.updated_at of a Prodigy-shaped line, when present and valid. */
  updatedAt?: number;
  spans: SpanDraft[];
  /** Relations between `spans` (Prodigy `relations`, doccano `entities` + `relations`); ends index `spans`. */
  relations?: RelationDraft[];
  /** Spans of a Prodigy record answered "reject", remembered as rejected suggestions. */
  suggestions?: SuggestionDraft[];
  /** Document-level labels (Prodigy textcat, spaCy/doccano cats, doccano classification). */
  categories?: string[];
}
