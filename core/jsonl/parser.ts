// One JSONL line -> an ImportedRecord with UTF-16 offsets, or a clear error.
//
// Shapes recognised, per line (a file may mix them):
//   Prodigy/spaCy: {"text", "spans": [{"start","end","label","text"?,"note"?}], "id"?, "meta": {"name","status",...}?}
//   doccano:       {"text", "label" | "labels": [[start, end, "LABEL"], ...], "id"?}
//   plain:         {"text"}
// Input offsets are code points (Python str indices).
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
import { makeOffsetConverter, type OffsetConverter } from '../codepoints';
import { LIMITS, overLimit } from '../limits';
import { DOC_STATUSES, type DocStatus, type SpanDraft } from '../model';
import type { ImportedRecord } from './records';

export interface LineOk {
  ok: true;
  line: number;
  record: ImportedRecord;
  /** Bad spans that were dropped: errors, although the record loaded. */
  errors: string[];
  /** Things ignored without losing data (unknown status, odd id, ...). */
  warnings: string[];
}

export interface LineFailed {
  ok: false;
  line: number;
  message: string;
  /** True for an empty or whitespace-only line, which is not a problem. */
  blank?: boolean;
}

export type ParsedLine = LineOk | LineFailed;

type Json = Record<string, unknown>;

interface RawSpan {
  start: unknown;
  end: unknown;
  label: unknown;
  text?: unknown;
  note?: unknown;
  annotator?: unknown;
}

interface Context {
  text: string;
  conv: OffsetConverter;
  errors: string[];
  warnings: string[];
}

export function isBlankLine(line: string): boolean {
  return line.trim() === '';
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

const SHOWN_MAX = 80;

/** A short, safe rendering of any input value for a message: never recursive, never long. */
export function describe(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value !== null && typeof value === 'object') return 'an object';
  const shown =
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null
      ? JSON.stringify(value)
      : String(value);
  return shown.length > SHOWN_MAX ? `${shown.slice(0, SHOWN_MAX)}…` : shown;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function offsetProblem(span: RawSpan, length: number): string | undefined {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    return `offsets must be integers (start ${describe(start)}, end ${describe(end)})`;
  }
  const [s, e] = [start as number, end as number];
  if (s < 0) return `start ${s} is negative`;
  if (e > length) return `end ${e} is past the end of the text (${length} code points)`;
  if (s > e) return `start ${s} is after end ${e}`;
  if (s === e) return `span ${s}-${e} is empty`;
  return undefined;
}

/** When a quote only matches if the offsets are read as UTF-16 units, say so. */
function utf16Hint(ctx: Context, span: RawSpan): string {
  const [s, e] = [span.start as number, span.end as number];
  const fits =
    typeof span.text === 'string' &&
    Number.isInteger(s) &&
    Number.isInteger(e) &&
    s >= 0 &&
    s < e &&
    e <= ctx.text.length;
  return fits && ctx.text.slice(s, e) === span.text
    ? ' (the offsets look like UTF-16 units; JSONL offsets must be code points)'
    : '';
}

function checkSpan(ctx: Context, span: RawSpan): SpanDraft | string {
  if (typeof span.label !== 'string' || span.label === '') return 'span has no label';
  if (span.label.length > LIMITS.label) return overLimit('label', span.label.length, LIMITS.label);
  if (typeof span.note === 'string' && span.note.length > LIMITS.note)
    return overLimit('note', span.note.length, LIMITS.note);
  const offsets = offsetProblem(span, ctx.conv.codePointLength);
  if (offsets) return offsets + utf16Hint(ctx, span);
  const start = ctx.conv.toUtf16(span.start as number);
  const end = ctx.conv.toUtf16(span.end as number);
  const slice = ctx.text.slice(start, end);
  if (span.text !== undefined && span.text !== slice) {
    return `span text ${describe(span.text)} does not match the text at ${span.start}-${span.end}, ${describe(slice)}${utf16Hint(ctx, span)}`;
  }
  const draft: SpanDraft = { start, end, label: span.label };
  const annotator = annotatorName(ctx, `span ${span.start}-${span.end}: "annotator"`, span.annotator);
  if (annotator !== undefined) draft.annotator = annotator;
  if (typeof span.note === 'string' && span.note !== '') draft.note = span.note;
  else if (span.note !== undefined && typeof span.note !== 'string')
    ctx.warnings.push(`span ${span.start}-${span.end}: note ignored (not a string)`);
  return draft;
}

function collectSpans(ctx: Context, raws: unknown[], toRaw: (raw: unknown) => RawSpan | string): SpanDraft[] {
  const spans: SpanDraft[] = [];
  if (raws.length > LIMITS.spans)
    ctx.errors.push(
      `spans after the first ${LIMITS.spans.toLocaleString('en-US')} dropped: ${overLimit('the span list', raws.length, LIMITS.spans, 'spans')}`,
    );
  raws.slice(0, LIMITS.spans).forEach((raw, i) => {
    const shaped = toRaw(raw);
    const checked = typeof shaped === 'string' ? shaped : checkSpan(ctx, shaped);
    if (typeof checked === 'string') ctx.errors.push(`span ${i + 1} dropped: ${checked}`);
    else spans.push(checked);
  });
  return spans;
}

function prodigySpan(raw: unknown): RawSpan | string {
  if (!isObject(raw)) return `not an object (got ${kindOf(raw)})`;
  return { start: raw.start, end: raw.end, label: raw.label, text: raw.text, note: raw.note, annotator: raw.annotator };
}

function doccanoSpan(raw: unknown): RawSpan | string {
  if (!Array.isArray(raw) || raw.length !== 3) return `not a [start, end, "LABEL"] triple (got ${describe(raw)})`;
  return { start: raw[0], end: raw[1], label: raw[2] };
}

function readSpans(ctx: Context, obj: Json): SpanDraft[] {
  if (obj.spans !== undefined) {
    if (!Array.isArray(obj.spans)) return (ctx.errors.push(`"spans" is not an array (got ${kindOf(obj.spans)})`), []);
    if (obj.label !== undefined || obj.labels !== undefined)
      ctx.warnings.push('both "spans" and doccano labels given; labels ignored');
    return collectSpans(ctx, obj.spans, prodigySpan);
  }
  const key = obj.label !== undefined ? 'label' : obj.labels !== undefined ? 'labels' : undefined;
  if (!key) return [];
  const list = obj[key];
  if (!Array.isArray(list)) return (ctx.errors.push(`"${key}" is not an array (got ${kindOf(list)})`), []);
  return collectSpans(ctx, list, doccanoSpan);
}

/** An annotator's name (a span's "annotator", Prodigy's "_annotator_id"): a non-empty string within the label limit. */
function annotatorName(ctx: Context, field: string, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') return void ctx.warnings.push(`${field} ignored (got ${kindOf(value)})`);
  if (value.length > LIMITS.label)
    return void ctx.warnings.push(`${field} ignored: ${overLimit('it', value.length, LIMITS.label)}`);
  return value;
}

/** Prodigy's record-level "_annotator_id" names who made every span that names nobody itself. */
function readRecordAnnotator(ctx: Context, record: ImportedRecord, obj: Json): void {
  const who = annotatorName(ctx, '"_annotator_id"', obj._annotator_id);
  if (who === undefined) return;
  for (const span of record.spans) span.annotator ??= who;
}

function readId(ctx: Context, id: unknown): string | undefined {
  if (typeof id === 'string' && id.length > LIMITS.id)
    return void ctx.warnings.push(
      `"id" ignored: ${overLimit('it', id.length, LIMITS.id)}; an id is made from the text`,
    );
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
  if (value.length <= limit) return value;
  ctx.warnings.push(`${field} ignored: ${overLimit('it', value.length, limit)}; ${instead}`);
  return undefined;
}

function parseJson(line: string, lineNo: number): { value: unknown } | LineFailed {
  try {
    return { value: JSON.parse(line) };
  } catch (error) {
    return { ok: false, line: lineNo, message: `malformed JSON: ${(error as Error).message}` };
  }
}

export function parseJsonlLine(line: string, lineNo: number): ParsedLine {
  if (isBlankLine(line)) return { ok: false, line: lineNo, message: 'blank line', blank: true };
  const parsed = parseJson(line, lineNo);
  if ('ok' in parsed) return parsed;
  const obj = parsed.value;
  if (!isObject(obj)) return { ok: false, line: lineNo, message: `not a JSON object (got ${kindOf(obj)})` };
  if (obj.text === undefined) return { ok: false, line: lineNo, message: 'missing "text"' };
  if (typeof obj.text !== 'string')
    return { ok: false, line: lineNo, message: `"text" is not a string (got ${kindOf(obj.text)})` };
  if (obj.text.length > LIMITS.text)
    return { ok: false, line: lineNo, message: overLimit('"text"', obj.text.length, LIMITS.text) };
  const ctx: Context = { text: obj.text, conv: makeOffsetConverter(obj.text), errors: [], warnings: [] };
  const record: ImportedRecord = { text: obj.text, spans: readSpans(ctx, obj) };
  readRecordAnnotator(ctx, record, obj);
  const id = readId(ctx, obj.id);
  if (id !== undefined) record.id = id;
  readMeta(ctx, record, obj.meta);
  return { ok: true, line: lineNo, record, errors: ctx.errors, warnings: ctx.warnings };
}
