// Relations on the way in, each turned into a RelationDraft whose ends index
// the record's spans as parsed (UTF-16, bad spans already dropped).
//   Prodigy/spaCy: relations: [{head, child, head_span?, child_span?, label}]:
//     an end is found by its head_span/child_span offsets (code points), else
//     by its token index: the span ending where that token ends (`tokens`).
//   doccano: relations: [{id?, from_id, to_id, type}] over `entities` ids.
// A relation whose end matches no span, or with no label, is dropped with a
// message naming it; the record and its other relations still load.
import type { OffsetConverter } from '../codepoints';
import { LIMITS, stringOverLimit, withinLimit } from '../limits';
import type { RelationDraft, SpanDraft } from '../model';
import { isObject } from './span-check';

export interface RelationContext {
  conv: OffsetConverter;
  spans: readonly SpanDraft[];
  errors: string[];
}

function checkLabel(label: unknown): string | undefined {
  if (typeof label !== 'string' || label === '') return 'it has no label';
  if (!withinLimit(label, LIMITS.label)) return stringOverLimit('its label', label, LIMITS.label);
  return undefined;
}

/** A Prodigy span object's index among the parsed spans, by code point offsets (and label when given). */
function bySpan(ctx: RelationContext, raw: unknown): number | undefined {
  if (!isObject(raw) || !Number.isInteger(raw.start) || !Number.isInteger(raw.end)) return undefined;
  const [s, e] = [raw.start as number, raw.end as number];
  if (s < 0 || e > ctx.conv.codePointLength || s >= e) return undefined;
  const [start, end] = [ctx.conv.toUtf16(s), ctx.conv.toUtf16(e)];
  const label = typeof raw.label === 'string' ? raw.label : undefined;
  const i = ctx.spans.findIndex(
    (x) => x.start === start && x.end === end && (label === undefined || x.label === label),
  );
  return i < 0 ? undefined : i;
}

/** The span that ends where token `index` ends (spaCy's rel_component keys spans by their last token). */
function byToken(ctx: RelationContext, tokens: unknown, index: unknown): number | undefined {
  if (!Array.isArray(tokens) || !Number.isInteger(index)) return undefined;
  const token = tokens.find((t) => isObject(t) && t.id === index) ?? tokens[index as number];
  if (!isObject(token) || !Number.isInteger(token.end)) return undefined;
  const end = token.end as number;
  if (end < 0 || end > ctx.conv.codePointLength) return undefined;
  const at = ctx.conv.toUtf16(end);
  const i = ctx.spans.findIndex((x) => x.end === at);
  // Two spans ending on one token cannot be told apart by the token alone (spaCy's reader assumes they never do).
  if (i < 0 || ctx.spans.findIndex((x, j) => j > i && x.end === at) >= 0) return undefined;
  return i;
}

function limited(ctx: RelationContext, list: unknown[]): unknown[] {
  if (list.length > LIMITS.relations)
    ctx.errors.push(`relations after the first ${LIMITS.relations.toLocaleString('en-US')} dropped`);
  return list.slice(0, LIMITS.relations);
}

export function readProdigyRelations(ctx: RelationContext, list: unknown[], tokens: unknown): RelationDraft[] {
  const out: RelationDraft[] = [];
  limited(ctx, list).forEach((raw, n) => {
    const where = `relation ${n + 1} dropped`;
    if (!isObject(raw)) return void ctx.errors.push(`${where}: not an object`);
    const bad = checkLabel(raw.label);
    if (bad) return void ctx.errors.push(`${where}: ${bad}`);
    const head = bySpan(ctx, raw.head_span) ?? byToken(ctx, tokens, raw.head);
    const child = bySpan(ctx, raw.child_span) ?? byToken(ctx, tokens, raw.child);
    const end = head === undefined ? 'head' : 'child';
    if (head === undefined || child === undefined)
      return void ctx.errors.push(
        `${where}: its ${end} matches no span of the record (or, with no ${end}_span, its token ends more than one span)`,
      );
    out.push({ head, child, label: raw.label as string });
  });
  return out;
}

export function readDoccanoRelations(
  ctx: RelationContext,
  list: unknown[],
  entityIndex: ReadonlyMap<unknown, number>,
): RelationDraft[] {
  const out: RelationDraft[] = [];
  limited(ctx, list).forEach((raw, n) => {
    const where = `relation ${n + 1} dropped`;
    if (!isObject(raw)) return void ctx.errors.push(`${where}: not an object`);
    const bad = checkLabel(raw.type);
    if (bad) return void ctx.errors.push(`${where}: ${bad}`);
    const head = entityIndex.get(raw.from_id);
    const child = entityIndex.get(raw.to_id);
    if (head === undefined || child === undefined) {
      const which = head === undefined ? `from_id ${String(raw.from_id)}` : `to_id ${String(raw.to_id)}`;
      return void ctx.errors.push(`${where}: ${which} names no entity of the record`);
    }
    out.push({ head, child, label: raw.type as string });
  });
  return out;
}
