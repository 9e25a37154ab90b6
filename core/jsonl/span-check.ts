// One span of an input record -> a SpanDraft with UTF-16 offsets, or the
// reason it cannot be one. Shared by every record shape the JSONL reader
// knows (core/jsonl/record-shapes.ts), so a span is checked one way only.
//
// Offsets arrive in the unit the caller chose: code points (Python str
// indices, the default and what every file this app writes uses) or UTF-16
// units (doccano's web UI, INCEpTION, brat's web client). A quote, when the
// record carries one, must equal the text the offsets select.
import type { OffsetConverter } from '../codepoints';
import { LIMITS, overLimit, stringOverLimit, withinLimit } from '../limits';
import type { SpanDraft } from '../model';

/** How the offsets of an input file count: Unicode code points, or UTF-16 code units. */
export const OFFSET_UNITS = ['codepoints', 'utf16'] as const;
export type OffsetUnit = (typeof OFFSET_UNITS)[number];
export const isOffsetUnit = (value: unknown): value is OffsetUnit =>
  (OFFSET_UNITS as readonly unknown[]).includes(value);

export type Json = Record<string, unknown>;

/** A span as some record shape gives it, before any check. */
export interface RawSpan {
  start: unknown;
  end: unknown;
  label: unknown;
  text?: unknown;
  note?: unknown;
  annotator?: unknown;
}

export interface SpanContext {
  text: string;
  conv: OffsetConverter;
  unit: OffsetUnit;
  errors: string[];
  warnings: string[];
  /** Spans read without a quote: their offsets cannot be checked against the text. */
  unquoted: number;
}

export function kindOf(value: unknown): string {
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

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lengthIn(ctx: SpanContext): number {
  return ctx.unit === 'utf16' ? ctx.text.length : ctx.conv.codePointLength;
}

function offsetProblem(ctx: SpanContext, span: RawSpan): string | undefined {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    return `offsets must be integers (start ${describe(start)}, end ${describe(end)})`;
  }
  const [s, e] = [start as number, end as number];
  const unit = ctx.unit === 'utf16' ? 'UTF-16 units' : 'code points';
  if (s < 0) return `start ${s} is negative`;
  if (e > lengthIn(ctx)) return `end ${e} is past the end of the text (${lengthIn(ctx)} ${unit})`;
  if (s > e) return `start ${s} is after end ${e}`;
  if (s === e) return `span ${s}-${e} is empty`;
  if (ctx.unit === 'utf16' && (!ctx.conv.isBoundary(s) || !ctx.conv.isBoundary(e)))
    return `span ${s}-${e} splits a character in two (an emoji or other character outside the BMP)`;
  return undefined;
}

/** The offsets read in the other unit: when that matches the quote, the file's unit is probably the other one. */
function otherUnitHint(ctx: SpanContext, span: RawSpan): string {
  const [s, e] = [span.start as number, span.end as number];
  if (typeof span.text !== 'string' || !Number.isInteger(s) || !Number.isInteger(e) || s < 0 || s >= e) return '';
  if (ctx.unit === 'codepoints') {
    const fits = e <= ctx.text.length && ctx.text.slice(s, e) === span.text;
    return fits ? ' (the offsets look like UTF-16 units; read this file with offsets in UTF-16)' : '';
  }
  const fits = e <= ctx.conv.codePointLength && ctx.text.slice(ctx.conv.toUtf16(s), ctx.conv.toUtf16(e)) === span.text;
  return fits ? ' (the offsets look like code points; read this file with offsets in code points)' : '';
}

/** A span's annotator: a name, or a number (doccano's user id) read as one; anything else is said and ignored. */
function annotatorOf(ctx: SpanContext, span: RawSpan): string | undefined {
  const value = span.annotator;
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' && withinLimit(value, LIMITS.label)) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  ctx.warnings.push(
    `span ${span.start}-${span.end}: annotator ignored (${typeof value === 'string' ? stringOverLimit('it', value, LIMITS.label) : `got ${kindOf(value)}`})`,
  );
  return undefined;
}

export function checkSpan(ctx: SpanContext, span: RawSpan): SpanDraft | string {
  if (typeof span.label !== 'string' || span.label === '') return 'span has no label';
  if (!withinLimit(span.label, LIMITS.label)) return stringOverLimit('label', span.label, LIMITS.label);
  if (typeof span.note === 'string' && !withinLimit(span.note, LIMITS.note))
    return stringOverLimit('note', span.note, LIMITS.note);
  const offsets = offsetProblem(ctx, span);
  if (offsets) return offsets + otherUnitHint(ctx, span);
  const utf16 = ctx.unit === 'utf16';
  const start = utf16 ? (span.start as number) : ctx.conv.toUtf16(span.start as number);
  const end = utf16 ? (span.end as number) : ctx.conv.toUtf16(span.end as number);
  const slice = ctx.text.slice(start, end);
  if (span.text !== undefined && span.text !== slice) {
    return `span text ${describe(span.text)} does not match the text at ${span.start}-${span.end}, ${describe(slice)}${otherUnitHint(ctx, span)}`;
  }
  if (span.text === undefined) ctx.unquoted++;
  const draft: SpanDraft = { start, end, label: span.label };
  if (typeof span.note === 'string' && span.note !== '') draft.note = span.note;
  else if (span.note !== undefined && typeof span.note !== 'string')
    ctx.warnings.push(`span ${span.start}-${span.end}: note ignored (not a string)`);
  const annotator = annotatorOf(ctx, span);
  if (annotator !== undefined) draft.annotator = annotator;
  return draft;
}

/**
 * The good spans of `raws`, and for each raw span the index of its draft in
 * `spans` (undefined when it was dropped), so relations can follow their ends.
 */
export function collectSpans(
  ctx: SpanContext,
  raws: unknown[],
  toRaw: (raw: unknown) => RawSpan | string,
): { spans: SpanDraft[]; kept: Array<number | undefined> } {
  const spans: SpanDraft[] = [];
  const kept: Array<number | undefined> = [];
  if (raws.length > LIMITS.spans)
    ctx.errors.push(
      `spans after the first ${LIMITS.spans.toLocaleString('en-US')} dropped: ${overLimit('the span list', raws.length, LIMITS.spans, 'spans')}`,
    );
  raws.slice(0, LIMITS.spans).forEach((raw, i) => {
    const shaped = toRaw(raw);
    const checked = typeof shaped === 'string' ? shaped : checkSpan(ctx, shaped);
    if (typeof checked === 'string') {
      ctx.errors.push(`span ${i + 1} dropped: ${checked}`);
      kept.push(undefined);
    } else {
      kept.push(spans.length);
      spans.push(checked);
    }
  });
  return { spans, kept };
}
