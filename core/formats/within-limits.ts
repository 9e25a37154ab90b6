// Every reader's documents held to core/limits.ts, as the JSONL parser holds
// its records: what is past a limit is left out with a message naming it, so
// nothing accepted here can later break an export or a backup.
import { makeOffsetConverter, type OffsetConverter } from '../codepoints';
import { LIMITS, overLimit, stringOverLimit, withinLimit } from '../limits';
import type { SpanDraft } from '../model';
import { error, warning, type FormatDocument, type FormatProblem } from './document';

function spanProblem(span: SpanDraft, conv?: OffsetConverter): string | undefined {
  if (span.label === '') return 'span has no label';
  if (conv && !(span.start < span.end && conv.isBoundary(span.start) && conv.isBoundary(span.end)))
    return `offsets ${span.start}-${span.end} are not a range of whole characters of the text`;
  if (!withinLimit(span.label, LIMITS.label)) return stringOverLimit('label', span.label, LIMITS.label);
  if (span.note !== undefined && !withinLimit(span.note, LIMITS.note))
    return stringOverLimit('note', span.note, LIMITS.note);
  return undefined;
}

/** The document within the limits (a copy where something was left out) and what was left out. */
export function withinLimits(doc: FormatDocument): { doc: FormatDocument; problems: FormatProblem[] } {
  const problems: FormatProblem[] = [];
  const where = doc.line;
  const spans = doc.spans ?? [];
  const conv = makeOffsetConverter(doc.text);
  const keptIndex: Array<number | undefined> = [];
  const kept: SpanDraft[] = [];
  spans.forEach((span, i) => {
    const problem = i >= LIMITS.spans ? 'past the span limit' : spanProblem(span, conv);
    if (problem) {
      if (i < LIMITS.spans || i === LIMITS.spans) problems.push(error(`span ${i + 1} left out: ${problem}`, where));
      keptIndex.push(undefined);
    } else {
      keptIndex.push(kept.length);
      kept.push(span);
    }
  });
  if (spans.length > LIMITS.spans)
    problems.push(error(overLimit('the span list', spans.length, LIMITS.spans, 'spans'), where));
  const out: FormatDocument = { ...doc, spans: kept };
  if (doc.relations) {
    out.relations = doc.relations.flatMap((r) => {
      const [head, child] = [keptIndex[r.head], keptIndex[r.child]];
      return head === undefined || child === undefined || r.label.length > LIMITS.label ? [] : [{ ...r, head, child }];
    });
    if (out.relations.length < doc.relations.length)
      problems.push(
        error(
          `${doc.relations.length - out.relations.length} relations left out (an end was left out, or the label is too long)`,
          where,
        ),
      );
  }
  if (doc.suggestions) out.suggestions = doc.suggestions.filter((s) => !spanProblem(s, conv)).slice(0, LIMITS.spans);
  if (doc.categories) {
    out.categories = doc.categories.filter((c) => c !== '' && withinLimit(c, LIMITS.label));
    if (out.categories.length < doc.categories.length)
      problems.push(warning(`categories longer than ${LIMITS.label} characters left out`, where));
  }
  if (doc.id !== undefined && !withinLimit(doc.id, LIMITS.id)) {
    delete out.id;
    problems.push(
      warning(`id ignored: ${stringOverLimit('it', doc.id, LIMITS.id)}; an id is made from the text`, where),
    );
  }
  if (doc.name !== undefined && !withinLimit(doc.name, LIMITS.name)) {
    delete out.name;
    problems.push(warning(`name ignored: ${stringOverLimit('it', doc.name, LIMITS.name)}`, where));
  }
  return { doc: out, problems };
}
