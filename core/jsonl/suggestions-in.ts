// A record's "suggestions" (the app's backups write them beside the spans):
// each a span with its source and score, or one a person rejected. Read as a
// span is (offsets in the file's unit, the quote checked); a bad one is named
// with its place in the list and the rest still load.
import { LIMITS, withinLimit } from '../limits';
import type { SuggestionDraft } from '../model';
import { checkSpan, describe, isObject, kindOf, type SpanContext } from './span-check';

/** Where no source is given, or one the app cannot keep, the suggestion is still kept under this name. */
const UNNAMED_SOURCE = 'imported';

export function readSuggestionList(ctx: SpanContext, list: unknown): SuggestionDraft[] {
  if (!Array.isArray(list)) {
    ctx.errors.push(`"suggestions" is not an array (got ${kindOf(list)})`);
    return [];
  }
  if (list.length > LIMITS.spans)
    ctx.errors.push(`suggestions after the first ${LIMITS.spans.toLocaleString('en-US')} dropped`);
  const out: SuggestionDraft[] = [];
  list.slice(0, LIMITS.spans).forEach((raw, i) => {
    if (!isObject(raw)) return ctx.errors.push(`suggestion ${i + 1} dropped: not an object (got ${kindOf(raw)})`);
    const checked = checkSpan(ctx, { start: raw.start, end: raw.end, label: raw.label, text: raw.text });
    if (typeof checked === 'string') return ctx.errors.push(`suggestion ${i + 1} dropped: ${checked}`);
    const named = typeof raw.source === 'string' && raw.source !== '' && withinLimit(raw.source, LIMITS.label);
    if (raw.source !== undefined && !named)
      ctx.warnings.push(`suggestion ${i + 1}: source ${describe(raw.source)} not kept; named "${UNNAMED_SOURCE}"`);
    const draft: SuggestionDraft = { ...checked, source: named ? (raw.source as string) : UNNAMED_SOURCE };
    const score = raw.score;
    if (typeof score === 'number' && score >= 0 && score <= 1) draft.score = score;
    else if (score !== undefined) ctx.warnings.push(`suggestion ${i + 1}: score ${describe(score)} ignored (not 0..1)`);
    if (raw.rejected === true) draft.rejected = true;
    out.push(draft);
  });
  return out;
}
