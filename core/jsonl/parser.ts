// One JSONL line -> an ImportedRecord with UTF-16 offsets, or a clear error.
//
// Shapes recognised, per line (a file may mix them): {"text", "id"?, "meta"?}
// plus the annotation parts of Prodigy, spaCy and doccano (every version)
// that core/jsonl/record-shapes.ts reads: spans, relations, categories,
// rejected suggestions. Input offsets are code points (Python str indices)
// unless the caller says the file counts UTF-16 units (options.offsets).
//
// Policy: a line whose record is unusable (bad JSON, not an object, no string
// "text") fails as a whole. A bad span inside an otherwise good record is
// dropped and reported in `errors`; the record and its good spans still load,
// so nothing good is lost. An empty span (start == end) marks nothing and is
// dropped as an error too. Blank lines give {ok:false, blank:true}: callers
// skip them silently.
//
// Limits (core/limits.ts) are enforced here, where data comes in, so nothing
// accepted can later break an export or a backup: a text past the limit fails
// its line; a label or note past it drops its span; an id, meta.name or
// meta.source past it is ignored (the record loads under a made-up one).
// Messages never print a whole input value: a value nested 100,000 levels deep
// is described, not stringified (which would overflow the stack).
import { makeOffsetConverter } from '../codepoints';
import { LIMITS, stringOverLimit, textOverLimit, textWithinLimit, withinLimit } from '../limits';
import { DOC_STATUSES, type DocStatus } from '../model';
import { hasUnquotedAstral, readRecordParts } from './record-shapes';
import type { ImportedRecord } from './records';
import { describe, isObject, kindOf, type OffsetUnit, type SpanContext } from './span-check';

export { describe } from './span-check';

export interface LineOk {
  ok: true;
  line: number;
  record: ImportedRecord;
  /** Bad spans that were dropped: errors, although the record loaded. */
  errors: string[];
  /** Things ignored without losing data (unknown status, odd id, ...). */
  warnings: string[];
  /** Spans without a quote over a text with astral characters: the offset unit decides what they select. */
  unquotedAstral?: boolean;
}

export interface LineFailed {
  ok: false;
  line: number;
  message: string;
  /** True for an empty or whitespace-only line, which is not a problem. */
  blank?: boolean;
}

export type ParsedLine = LineOk | LineFailed;

export interface ParseOptions {
  /** How the file's offsets count; code points unless the user says otherwise. */
  offsets?: OffsetUnit;
}

type Context = SpanContext;

export function isBlankLine(line: string): boolean {
  return line.trim() === '';
}

function readId(ctx: Context, id: unknown): string | undefined {
  if (typeof id === 'string' && !withinLimit(id, LIMITS.id))
    return void ctx.warnings.push(`"id" ignored: ${stringOverLimit('it', id, LIMITS.id)}; an id is made from the text`);
  if (typeof id === 'string' && id !== '') return id;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  if (id !== undefined) ctx.warnings.push(`"id" ignored (got ${kindOf(id)}); an id is made from the text`);
  return undefined;
}

function readStatus(ctx: Context, status: unknown): DocStatus | undefined {
  if (status === undefined) return undefined;
  if ((DOC_STATUSES as readonly unknown[]).includes(status)) return status as DocStatus;
  ctx.warnings.push(`meta.status ${describe(status)} ignored (expected ${DOC_STATUSES.join(', ')})`);
  return undefined;
}

function readMeta(ctx: Context, record: ImportedRecord, meta: unknown): void {
  if (meta === undefined) return;
  if (!isObject(meta)) return void ctx.warnings.push(`"meta" ignored (got ${kindOf(meta)})`);
  const name = limited(ctx, 'meta.name', meta.name, LIMITS.name, 'the file name and line are used');
  if (name) record.name = name;
  const source = limited(ctx, 'meta.source', meta.source, LIMITS.source, 'the file and line are used');
  if (source !== undefined) record.source = source;
  const updated = typeof meta.updated_at === 'string' ? Date.parse(meta.updated_at) : NaN;
  if (!Number.isNaN(updated)) record.updatedAt = updated;
  const status = readStatus(ctx, meta.status);
  if (status) record.status = status;
}

/** A string field within its limit; past it, a warning saying what is used instead. */
function limited(ctx: Context, field: string, value: unknown, limit: number, instead: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (withinLimit(value, limit)) return value;
  ctx.warnings.push(`${field} ignored: ${stringOverLimit('it', value, limit)}; ${instead}`);
  return undefined;
}

function parseJson(line: string, lineNo: number): { value: unknown } | LineFailed {
  try {
    return { value: JSON.parse(line) };
  } catch (error) {
    return { ok: false, line: lineNo, message: `malformed JSON: ${(error as Error).message}` };
  }
}

export function parseJsonlLine(line: string, lineNo: number, options: ParseOptions = {}): ParsedLine {
  if (isBlankLine(line)) return { ok: false, line: lineNo, message: 'blank line', blank: true };
  const parsed = parseJson(line, lineNo);
  if ('ok' in parsed) return parsed;
  return parseJsonRecord(parsed.value, lineNo, options);
}

/** One record already parsed from JSON (a JSONL line, or an element of a JSON array). */
export function parseJsonRecord(obj: unknown, lineNo: number, options: ParseOptions = {}): ParsedLine {
  if (!isObject(obj)) return { ok: false, line: lineNo, message: `not a JSON object (got ${kindOf(obj)})` };
  if (obj.text === undefined) return { ok: false, line: lineNo, message: 'missing "text"' };
  if (typeof obj.text !== 'string')
    return { ok: false, line: lineNo, message: `"text" is not a string (got ${kindOf(obj.text)})` };
  if (!textWithinLimit(obj.text)) return { ok: false, line: lineNo, message: textOverLimit('"text"', obj.text) };
  const ctx: Context = {
    text: obj.text,
    conv: makeOffsetConverter(obj.text),
    unit: options.offsets ?? 'codepoints',
    errors: [],
    warnings: [],
    unquoted: 0,
  };
  const { answer: _answer, ...parts } = readRecordParts(ctx, obj); // the answer is applied and said in warnings
  const record: ImportedRecord = { text: obj.text, ...parts };
  const id = readId(ctx, obj.id);
  if (id !== undefined) record.id = id;
  readMeta(ctx, record, obj.meta);
  const ok: LineOk = { ok: true, line: lineNo, record, errors: ctx.errors, warnings: ctx.warnings };
  if (hasUnquotedAstral(ctx)) ok.unquotedAstral = true;
  return ok;
}
