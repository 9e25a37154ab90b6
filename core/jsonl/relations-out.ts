// Relations on the way out, in code points like everything in a JSONL file.
// Prodigy/spaCy (`rel.manual`): `head` and `child` are token indexes, the
// index of the last token of each span (spaCy's rel_component reads them as
// `span["token_end"]`), so the record carries `tokens` and each span its
// `token_start`/`token_end`; `head_span`/`child_span` repeat the spans.
// Tokens come from the spaCy-like tokenizer the suggesters use
// (core/suggest/tokenizer.ts), so patterns and relations agree on tokens.
// doccano (relation mode): `entities` with ids and `relations` with
// `from_id`/`to_id`/`type`.
import type { OffsetConverter } from '../codepoints';
import { tokenize } from '../suggest/tokenizer';
import type { ExportRelation } from './records';

/** A span in code points, as the writer holds it. */
export interface CpSpanLike {
  start: number;
  end: number;
  label: string;
}

export interface ProdigyToken {
  text: string;
  start: number;
  end: number;
  id: number;
  ws: boolean;
}

/** The record's tokens in code points; `ws` is the single space a token keeps after it (spaCy's whitespace_). */
export function prodigyTokens(text: string, conv: OffsetConverter): ProdigyToken[] {
  return tokenize(text).map((t, id) => ({
    text: t.text,
    start: conv.toCodePoint(t.start),
    end: conv.toCodePoint(t.end),
    id,
    ws: !t.space && text[t.end] === ' ',
  }));
}

/** First token ending after `start`, and last token starting before `end` (a span cutting a token takes all of it). */
export function tokenRange(
  tokens: readonly ProdigyToken[],
  span: CpSpanLike,
): { token_start: number; token_end: number } {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  let last = lo;
  while (last + 1 < tokens.length && tokens[last + 1].start < span.end) last++;
  return { token_start: Math.min(lo, tokens.length - 1), token_end: Math.min(last, tokens.length - 1) };
}

export type TokenSpan = CpSpanLike & { token_start: number; token_end: number };

/** Prodigy relations over spans that already carry their token range. */
export function prodigyRelations(spans: readonly TokenSpan[], relations: readonly ExportRelation[]): object[] {
  const shape = (s: TokenSpan) => ({
    start: s.start,
    end: s.end,
    token_start: s.token_start,
    token_end: s.token_end,
    label: s.label,
  });
  return relations.map((r) => ({
    head: spans[r.head].token_end,
    child: spans[r.child].token_end,
    head_span: shape(spans[r.head]),
    child_span: shape(spans[r.child]),
    label: r.label,
  }));
}

/** doccano relation mode: entities numbered by their place in `spans`, relations numbered in order. */
export function doccanoRelationFields(spans: readonly CpSpanLike[], relations: readonly ExportRelation[]): object {
  return {
    entities: spans.map((s, id) => ({ id, start_offset: s.start, end_offset: s.end, label: s.label })),
    relations: relations.map((r, id) => ({ id, from_id: r.head, to_id: r.child, type: r.label })),
  };
}
