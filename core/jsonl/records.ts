// The records that cross the JSONL boundary, as the app hands them over.
// Offsets here are UTF-16 units, as stored; only the writer and the parser
// speak code points, so no other module has to think about them.
import type { DocStatus, SpanDraft } from '../model';

export type JsonlFormat = 'prodigy' | 'doccano';
export const JSONL_FORMATS: readonly JsonlFormat[] = ['prodigy', 'doccano'];

export function isJsonlFormat(value: unknown): value is JsonlFormat {
  return value === 'prodigy' || value === 'doccano';
}

/** A span to export: `text` must equal record.text.slice(start, end). */
export interface ExportSpan {
  start: number;
  end: number;
  label: string;
  text: string;
  /** Omitted from the output when undefined or empty. */
  note?: string;
}

/** One document to export, with its spans (UTF-16 offsets). */
export interface ExportRecord {
  id: string;
  name: string;
  text: string;
  sha256: string;
  source: string;
  status: DocStatus;
  /** Milliseconds since the epoch; written as ISO 8601. */
  updatedAt: number;
  spans: ExportSpan[];
}

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
}
