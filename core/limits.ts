// The one set of size limits for what the app holds. The import path refuses
// (with a message naming file, line, field and limit) anything past them, and
// the export/backup schemas (core/jsonl/records.ts) check the same numbers, so
// a record that was accepted on the way in can never break an export or a
// backup on the way out. Lengths are JavaScript string lengths (UTF-16 units),
// which is what the stored values and the bridge carry.

export const LIMITS = {
  /** Document id (a JSONL record's own "id"). */
  id: 1024,
  /** Document name (file name or meta.name). */
  name: 4096,
  /** Where a document came from (a path, `path:line`, or meta.source). */
  source: 8192,
  /** sha256 as hex is 64; room for another digest. */
  sha256: 128,
  /** A document's text: 32 MiB of UTF-16 units. */
  text: 32 * 1024 * 1024,
  /** Spans one document may carry. */
  spans: 200_000,
  /** Relations one document may carry. */
  relations: 200_000,
  label: 200,
  note: 100_000,
} as const;

/** Milliseconds either side of the epoch a JavaScript Date can hold: any valid date is accepted. */
export const TIME_MAX = 8.64e15;

export type LimitedField = keyof typeof LIMITS;

/** "name is 5,000 characters; the limit is 4,096": the message every refusal uses. */
export function overLimit(field: string, length: number, limit: number, unit = 'characters'): string {
  return `${field} is ${length.toLocaleString('en-US')} ${unit}; the limit is ${limit.toLocaleString('en-US')}`;
}
