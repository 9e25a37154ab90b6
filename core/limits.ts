// The one set of size limits for what the app holds. The import path refuses
// (with a message naming file, line, field and limit) anything past them, and
// the export/backup schemas (core/jsonl/records.ts) check the same numbers, so
// a record that was accepted on the way in can never break an export or a
// backup on the way out. A string's length is counted in code points, as a
// user (and Python's len()) counts characters: an emoji is one, whatever
// UTF-16 stores. The one exception is a document's text, bounded by the memory
// it takes (UTF-16 units, two bytes each) and said in megabytes.
import { codePointLength } from './codepoints';

export const LIMITS = {
  /** Document id (a JSONL record's own "id"). */
  id: 1024,
  /** Document name (file name or meta.name). */
  name: 4096,
  /** Where a document came from (a path, `path:line`, or meta.source). */
  source: 8192,
  /** sha256 as hex is 64; room for another digest. */
  sha256: 128,
  /** A document's text: 32 Mi UTF-16 units (64 MiB as stored). */
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

/** "name is 5,000 characters; the limit is 4,096": the message every refusal of a count uses. */
export function overLimit(field: string, length: number, limit: number, unit = 'characters'): string {
  return `${field} is ${length.toLocaleString('en-US')} ${unit}; the limit is ${limit.toLocaleString('en-US')}`;
}

/** Whether `value` has at most `limit` code points (quick when its UTF-16 length is within already). */
export function withinLimit(value: string, limit: number): boolean {
  return value.length <= limit || codePointLength(value) <= limit;
}

/** overLimit for a string, its length in code points. */
export function stringOverLimit(field: string, value: string, limit: number): string {
  return overLimit(field, codePointLength(value), limit);
}

/** Whether a document's text fits the app (LIMITS.text, in UTF-16 units: what it takes in memory). */
export const textWithinLimit = (text: string): boolean => text.length <= LIMITS.text;

const megabytes = (units: number, digits: number) =>
  `${((units * 2) / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: digits })} MB`;

/**
 * "the text takes 70.2 MB as stored; the limit is 64 MB": a text's size, not a count of its characters
 * (as many decimals as it takes to tell the two apart).
 */
export function textOverLimit(field: string, text: string): string {
  let digits = 1;
  while (digits < 9 && megabytes(text.length, digits) === megabytes(LIMITS.text, digits)) digits++;
  return `${field} takes ${megabytes(text.length, digits)} as stored; the limit is ${megabytes(LIMITS.text, 1)}`;
}
