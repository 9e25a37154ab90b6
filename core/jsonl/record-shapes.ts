// The annotation parts of one JSONL record, whatever tool wrote it:
//   Prodigy/spaCy  "spans": [{start, end, label, text?}], "answer", textcat "label": "X",
//                  choice "accept": [ids], spaCy "cats": {"X": 1.0}, "_annotator_id"
//   doccano        "label"/"labels": [[start, end, "X"]] or ["category", ...],
//                  relation mode "entities": [{id, start_offset, end_offset, label}] + "relations",
//                  intent mode "entities": [[s, e, "X"]] + "cats": ["intent"],
//                  1.x "annotations": [{label: <id>, start_offset, end_offset, user}]
// Nothing is dropped without a word: what is not read as an annotation is a
// suggestion, a category or a warning that says what and how many.
import { hasNoSurrogates } from '../codepoints';
import { LIMITS, withinLimit } from '../limits';
import type { RelationDraft, SpanDraft, SuggestionDraft } from '../model';
import { readProdigyRelations } from './relations-in';
import { collectSpans, describe, isObject, kindOf, type Json, type RawSpan, type SpanContext } from './span-check';
import { readSuggestionList } from './suggestions-in';

export type Answer = 'accept' | 'reject' | 'ignore';

export interface RecordParts {
  spans: SpanDraft[];
  relations?: RelationDraft[];
  suggestions?: SuggestionDraft[];
  categories?: string[];
  answer?: Answer;
}

/** Said once a file (by the reader), at the first record that needs it. */
export function unquotedAstralWarning(unit: 'codepoints' | 'utf16'): string {
  const read = unit === 'utf16' ? 'UTF-16 units' : 'code points';
  const other = unit === 'utf16' ? 'code points' : 'UTF-16 units (doccano’s web UI, INCEpTION)';
  return `spans without quoted text over a text with characters outside the BMP (emoji, rare CJK), first on this line: offsets read as ${read}; if the tool that wrote this file counts ${other}, import it again with that unit`;
}

/** doccano's triples carry no quote: after an astral character the unit decides which text they select. */
export function hasUnquotedAstral(ctx: SpanContext): boolean {
  return ctx.unquoted > 0 && !hasNoSurrogates(ctx.text);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function prodigySpan(raw: unknown): RawSpan | string {
  if (!isObject(raw)) return `not an object (got ${kindOf(raw)})`;
  return { start: raw.start, end: raw.end, label: raw.label, text: raw.text, note: raw.note, annotator: raw.annotator };
}

function doccanoSpan(raw: unknown): RawSpan | string {
  if (isObject(raw)) return doccanoEntity(raw);
  if (!Array.isArray(raw) || raw.length !== 3) return `not a [start, end, "LABEL"] triple (got ${describe(raw)})`;
  return { start: raw[0], end: raw[1], label: raw[2] };
}

function doccanoEntity(raw: unknown): RawSpan | string {
  if (Array.isArray(raw)) return doccanoSpan(raw);
  if (!isObject(raw)) return `not an object (got ${kindOf(raw)})`;
  return { start: raw.start_offset, end: raw.end_offset, label: raw.label, annotator: raw.user };
}

/** doccano relations: `from_id`/`to_id` name entities by their `id`; ends become indexes into the kept spans. */
function doccanoRelations(ctx: SpanContext, obj: Json, kept: Array<number | undefined>): RelationDraft[] {
  const list = obj.relations;
  if (list === undefined) return [];
  if (!Array.isArray(list)) return (ctx.errors.push(`"relations" is not an array (got ${kindOf(list)})`), []);
  const byId = new Map<unknown, number | undefined>();
  (obj.entities as unknown[]).forEach((e, i) => isObject(e) && byId.set(e.id, kept[i]));
  const out: RelationDraft[] = [];
  list.forEach((raw, i) => {
    const where = `relation ${i + 1} dropped`;
    if (!isObject(raw)) return void ctx.errors.push(`${where}: not an object (got ${kindOf(raw)})`);
    const label = raw.type ?? raw.label;
    if (typeof label !== 'string' || label === '' || !withinLimit(label, LIMITS.label))
      return void ctx.errors.push(`${where}: no usable "type" (got ${describe(label)})`);
    const [head, child] = [byId.get(raw.from_id), byId.get(raw.to_id)];
    if (head === undefined || child === undefined)
      return void ctx.errors.push(
        `${where}: entity ${describe(head === undefined ? raw.from_id : raw.to_id)} is missing or was dropped`,
      );
    out.push({ head, child, label });
  });
  return out;
}

/** Strings of a doccano `label`/`labels` or `cats` list are categories; anything else there is a span. */
function splitLabelList(list: unknown[]): { categories: string[]; spans: unknown[] } {
  const categories: string[] = [];
  const spans: unknown[] = [];
  for (const item of list) (typeof item === 'string' ? categories : spans).push(item);
  return { categories, spans };
}

/** spaCy `cats` {"X": 1.0} (kept when >= 0.5) or doccano `cats` ["X"]. */
function readCats(ctx: SpanContext, cats: unknown): string[] {
  if (cats === undefined) return [];
  if (Array.isArray(cats)) return cats.filter((c): c is string => typeof c === 'string' && c !== '');
  if (!isObject(cats)) return (ctx.warnings.push(`"cats" ignored (got ${kindOf(cats)})`), []);
  const out: string[] = [];
  for (const [name, score] of Object.entries(cats)) {
    if (typeof score !== 'number') ctx.warnings.push(`cats ${describe(name)} ignored: score is not a number`);
    else if (score >= 0.5) out.push(name);
  }
  return out;
}

/** Prodigy choice interface: `accept` lists the chosen option ids. */
function readChoice(obj: Json): string[] {
  if (!Array.isArray(obj.accept)) return [];
  return obj.accept.filter((id) => typeof id === 'string' || typeof id === 'number').map(String);
}

function readAnswer(ctx: SpanContext, answer: unknown): Answer | undefined {
  if (answer === undefined) return undefined;
  if (answer === 'accept' || answer === 'reject' || answer === 'ignore') return answer;
  ctx.warnings.push(`"answer" ${describe(answer)} ignored (expected accept, reject or ignore); read as accepted`);
  return undefined;
}

function spansOf(
  ctx: SpanContext,
  obj: Json,
): { spans: SpanDraft[]; relations: RelationDraft[]; labelList?: unknown[] } {
  const labelKey = obj.label !== undefined ? 'label' : obj.labels !== undefined ? 'labels' : undefined;
  const labelList = labelKey && Array.isArray(obj[labelKey]) ? (obj[labelKey] as unknown[]) : undefined;
  if (labelKey && !labelList && typeof obj[labelKey] !== 'string')
    ctx.errors.push(`"${labelKey}" is not an array (got ${kindOf(obj[labelKey])})`);
  const triples = labelList ? splitLabelList(labelList).spans : [];
  const given = obj.spans !== undefined ? 'spans' : obj.entities !== undefined ? 'entities' : undefined;
  if (given && triples.length > 0) ctx.warnings.push(`both "${given}" and doccano labels given; labels ignored`);
  if (obj.spans !== undefined) {
    if (!Array.isArray(obj.spans))
      return (
        ctx.errors.push(`"spans" is not an array (got ${kindOf(obj.spans)})`),
        { spans: [], relations: [], labelList }
      );
    const spans = collectSpans(ctx, obj.spans, prodigySpan).spans;
    const relations = Array.isArray(obj.relations)
      ? readProdigyRelations({ conv: ctx.conv, spans, errors: ctx.errors }, obj.relations, obj.tokens)
      : [];
    return { spans, relations, labelList };
  }
  if (obj.entities !== undefined) {
    if (!Array.isArray(obj.entities))
      return (
        ctx.errors.push(`"entities" is not an array (got ${kindOf(obj.entities)})`),
        { spans: [], relations: [], labelList }
      );
    const { spans, kept } = collectSpans(ctx, obj.entities, doccanoEntity);
    return { spans, relations: doccanoRelations(ctx, obj, kept), labelList };
  }
  if (Array.isArray(obj.annotations))
    return { spans: doccanoAnnotations(ctx, obj.annotations), relations: [], labelList };
  return { spans: collectSpans(ctx, triples, doccanoSpan).spans, relations: [], labelList };
}

/** doccano 1.x: labels are numeric ids of the project's label list, which the export does not carry. */
function doccanoAnnotations(ctx: SpanContext, list: unknown[]): SpanDraft[] {
  const ids = new Set<string>();
  const raws = list.map((raw) => {
    if (!isObject(raw) || typeof raw.label !== 'number') return raw;
    ids.add(String(raw.label));
    return { ...raw, label: String(raw.label) };
  });
  if (ids.size > 0)
    ctx.warnings.push(
      `doccano 1.x label ids ${[...ids].sort().join(', ')} kept as the labels' names: the export does not say which label each id is; rename them under Edit labels`,
    );
  return collectSpans(ctx, raws, doccanoEntity).spans;
}

function categoriesOf(ctx: SpanContext, obj: Json, labelList: unknown[] | undefined): string[] {
  const found = [
    ...(labelList ? splitLabelList(labelList).categories : []),
    ...(typeof obj.label === 'string' && obj.label !== '' ? [obj.label] : []),
    ...readCats(ctx, obj.cats),
    ...readChoice(obj),
  ];
  const kept = [...new Set(found)].filter((c) => withinLimit(c, LIMITS.label));
  if (kept.length < new Set(found).size) ctx.warnings.push(`categories longer than ${LIMITS.label} characters ignored`);
  return kept;
}

function annotatorOf(obj: Json): string | undefined {
  const id = obj._annotator_id;
  return typeof id === 'string' && id !== '' && withinLimit(id, LIMITS.label) ? id : undefined;
}

/** Every annotation part of a record, with the record's answer applied. */
export function readRecordParts(ctx: SpanContext, obj: Json): RecordParts {
  const answer = readAnswer(ctx, obj.answer);
  const { spans, relations, labelList } = spansOf(ctx, obj);
  const categories = categoriesOf(ctx, obj, labelList);
  const annotator = annotatorOf(obj);
  if (annotator) for (const span of spans) span.annotator ??= annotator;
  const parts: RecordParts = { spans };
  if (answer) parts.answer = answer;
  // The app's backups carry a document's kept and rejected suggestions (core/jsonl/suggestions-in.ts).
  const listed = obj.suggestions !== undefined ? readSuggestionList(ctx, obj.suggestions) : [];
  if (listed.length > 0) parts.suggestions = listed;
  if (answer === 'reject' || answer === 'ignore') return judged(ctx, parts, answer, categories, relations.length);
  if (relations.length > 0) parts.relations = relations;
  if (categories.length > 0) parts.categories = categories;
  return parts;
}

/** A rejected record's spans are remembered as rejected suggestions; an ignored record's spans are left out. */
function judged(
  ctx: SpanContext,
  parts: RecordParts,
  answer: Answer,
  categories: string[],
  relations: number,
): RecordParts {
  const what = [
    parts.spans.length > 0 ? plural(parts.spans.length, 'span') : '',
    categories.length > 0 ? plural(categories.length, 'category', 'categories') : '',
    relations > 0 ? plural(relations, 'relation') : '',
  ].filter(Boolean);
  if (answer === 'reject') {
    parts.suggestions = [
      ...(parts.suggestions ?? []),
      ...parts.spans.map((s) => ({ ...s, source: 'prodigy', rejected: true })),
    ];
    if (what.length > 0)
      ctx.warnings.push(
        `answer "reject": ${what.join(', ')} not imported as annotations${parts.spans.length > 0 ? '; the spans are kept as rejected suggestions' : ''}`,
      );
  } else if (what.length > 0) {
    ctx.warnings.push(`answer "ignore": ${what.join(', ')} left out; the text is imported`);
  }
  parts.spans = [];
  return parts;
}
