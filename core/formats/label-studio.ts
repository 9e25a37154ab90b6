// Label Studio JSON: an array of tasks {id, data: {text}, annotations: [{result,
// was_cancelled, completed_by}], predictions: [{result, model_version, score}]}.
// Results read: `labels` regions (value {start, end, text, labels}) -> spans,
// `relation` (from_id, to_id, labels) -> relations, `choices` -> categories,
// a per-region `textarea` (same id as its region) -> the span's note.
// Predictions come in as suggestions, cancelled annotations are skipped and counted.
// Offsets: current Label Studio counts code points, releases before 2021 UTF-16;
// every region quotes its text, so a region whose quote only fits in UTF-16 is
// read that way and said. value.text is compared as Label Studio writes it: the
// exact characters, line breaks included.
// The export is what Label Studio's importer takes (a list of tasks with
// `annotations`; read in HumanSignal/label-studio @ 0996fd2,
// label_studio/data_import, and its task format guide) with the labelling
// config `labelStudioConfig` gives.
import { makeOffsetConverter, type OffsetConverter } from '../codepoints';
import { isObject, type Json } from '../jsonl/span-check';
import { LIMITS } from '../limits';
import type { RelationDraft, SpanDraft, SuggestionDraft } from '../model';
import {
  docName,
  error,
  quotedSpans,
  relationsOf,
  warning,
  type FormatDocument,
  type FormatProblem,
  type FormatRead,
} from './document';

export function isLabelStudioTasks(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length > 0 && value.every((t) => isObject(t) && isObject(t.data));
}

interface TaskReading {
  text: string;
  conv: OffsetConverter;
  where: string;
  problems: FormatProblem[];
  utf16: number;
}

/** A region's offsets in UTF-16, checked against its quote (code points first, UTF-16 when only that fits). */
function regionOffsets(r: TaskReading, value: Json): [number, number] | string {
  const { start, end, text: quote } = value;
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    (start as number) < 0 ||
    (start as number) >= (end as number)
  )
    return `offsets ${String(start)}-${String(end)} are not a range`;
  const [s, e] = [start as number, end as number];
  const fits = (a: number, b: number) => quote === undefined || r.text.slice(a, b) === quote;
  if (e <= r.conv.codePointLength) {
    const [a, b] = [r.conv.toUtf16(s), r.conv.toUtf16(e)];
    if (fits(a, b)) return [a, b];
  }
  if (e <= r.text.length && r.conv.isBoundary(s) && r.conv.isBoundary(e) && fits(s, e)) return (r.utf16++, [s, e]);
  if (e > r.conv.codePointLength) return `end ${e} is past the end of the text (${r.conv.codePointLength} code points)`;
  return `value.text ${JSON.stringify(String(quote).slice(0, 80))} does not match the text at ${s}-${e}`;
}

interface Regions {
  spans: SpanDraft[];
  /** Region id -> index into spans. */
  ids: Map<string, number>;
  relations: RelationDraft[];
  categories: string[];
}

function readResults(r: TaskReading, results: unknown, annotator: string | undefined, into: Regions): void {
  if (!Array.isArray(results)) return void r.problems.push(error(`${r.where}: "result" is not a list`));
  const notes: Json[] = [];
  const links: Json[] = [];
  for (const item of results) {
    if (!isObject(item) || !isObject(item.value)) {
      if (isObject(item) && item.type === 'relation') links.push(item);
      continue;
    }
    const value = item.value;
    if (item.type === 'choices' && Array.isArray(value.choices))
      into.categories.push(...value.choices.filter((c): c is string => typeof c === 'string'));
    else if (item.type === 'textarea') notes.push(item);
    else if (Array.isArray(value.labels) || Array.isArray(value.hypertextlabels)) {
      const offsets = regionOffsets(r, value);
      if (typeof offsets === 'string') {
        r.problems.push(error(`${r.where}: region ${String(item.id)} not imported: ${offsets}`));
        continue;
      }
      for (const label of (value.labels ?? value.hypertextlabels) as unknown[]) {
        if (typeof label !== 'string' || label === '' || label.length > LIMITS.label) continue;
        const span: SpanDraft = { start: offsets[0], end: offsets[1], label };
        if (annotator) span.annotator = annotator;
        if (typeof item.id === 'string' && !into.ids.has(item.id)) into.ids.set(item.id, into.spans.length);
        into.spans.push(span);
      }
    } else
      r.problems.push(
        warning(`${r.where}: a result of type ${JSON.stringify(item.type)} not imported (not a text region)`),
      );
  }
  for (const note of notes) {
    const at = typeof note.id === 'string' ? into.ids.get(note.id) : undefined;
    const text = (note.value as Json).text;
    const joined = Array.isArray(text) ? text.filter((t) => typeof t === 'string').join('\n') : '';
    if (at !== undefined && joined !== '') into.spans[at].note = joined;
    else if (joined !== '') r.problems.push(warning(`${r.where}: a text answer not tied to a region not imported`));
  }
  for (const link of links) {
    const [head, child] = [into.ids.get(String(link.from_id)), into.ids.get(String(link.to_id))];
    const label = Array.isArray(link.labels) && typeof link.labels[0] === 'string' ? link.labels[0] : 'related';
    if (head === undefined || child === undefined)
      r.problems.push(
        error(`${r.where}: relation ${String(link.from_id)} -> ${String(link.to_id)} names a region not imported`),
      );
    else into.relations.push(link.direction === 'left' ? { head: child, child: head, label } : { head, child, label });
  }
}

function annotatorOf(annotation: Json): string | undefined {
  const by = annotation.completed_by;
  if (isObject(by)) return typeof by.email === 'string' ? by.email : by.id !== undefined ? String(by.id) : undefined;
  return typeof by === 'number' || typeof by === 'string' ? String(by) : undefined;
}

function taskText(task: Json): string | undefined {
  const data = task.data as Json;
  if (typeof data.text === 'string') return data.text;
  return Object.values(data).find((v): v is string => typeof v === 'string');
}

function readTask(
  task: Json,
  i: number,
  problems: FormatProblem[],
  cancelled: { n: number },
): FormatDocument | undefined {
  const where = `task ${task.id ?? i + 1}`;
  const text = taskText(task);
  if (text === undefined) return void problems.push(error(`${where}: data holds no text`));
  const r: TaskReading = { text, conv: makeOffsetConverter(text), where, problems, utf16: 0 };
  const regions: Regions = { spans: [], ids: new Map(), relations: [], categories: [] };
  for (const a of Array.isArray(task.annotations)
    ? task.annotations
    : Array.isArray(task.completions)
      ? task.completions
      : []) {
    if (!isObject(a)) continue;
    if (a.was_cancelled === true) {
      cancelled.n++;
      continue;
    }
    readResults(r, a.result, annotatorOf(a), regions);
  }
  const suggested: Regions = { spans: [], ids: new Map(), relations: [], categories: [] };
  const suggestions: SuggestionDraft[] = [];
  for (const p of Array.isArray(task.predictions) ? task.predictions : []) {
    if (!isObject(p)) continue;
    const from = suggested.spans.length;
    readResults(r, p.result, undefined, suggested);
    const source = typeof p.model_version === 'string' && p.model_version !== '' ? p.model_version : 'label-studio';
    for (const s of suggested.spans.slice(from)) {
      const draft: SuggestionDraft = { ...s, source };
      if (typeof p.score === 'number' && p.score >= 0 && p.score <= 1) draft.score = p.score;
      suggestions.push(draft);
    }
  }
  if (r.utf16 > 0)
    problems.push(
      warning(
        `${where}: ${r.utf16} regions counted UTF-16 units (Label Studio before 2021): read that way, their quotes match`,
      ),
    );
  const doc: FormatDocument = { text, spans: regions.spans };
  if (task.id !== undefined && (typeof task.id === 'number' || typeof task.id === 'string')) doc.id = String(task.id);
  if (regions.relations.length > 0) doc.relations = regions.relations;
  if (suggestions.length > 0) doc.suggestions = suggestions;
  const categories = [...new Set(regions.categories)];
  if (categories.length > 0) doc.categories = categories;
  return doc;
}

/** Label Studio tasks (already parsed JSON) as documents. */
export function readLabelStudio(tasks: unknown[]): FormatRead {
  const problems: FormatProblem[] = [];
  const cancelled = { n: 0 };
  const documents = tasks.flatMap((t, i) => {
    const doc = isObject(t) ? readTask(t, i, problems, cancelled) : undefined;
    return doc ? [doc] : [];
  });
  if (cancelled.n > 0) problems.push(warning(`${cancelled.n} cancelled (skipped) annotations left out`));
  return { documents, problems };
}

const REGION = { from_name: 'label', to_name: 'text', type: 'labels' } as const;

/** One task: annotations hold the spans, notes, relations and categories; predictions the suggestions. */
function task(doc: FormatDocument, i: number): Json {
  const result: Json[] = [];
  const ids = new Map<number, string>();
  quotedSpans(doc, i).forEach((s, n) => {
    const id = `s${n + 1}`;
    ids.set(s.index, id);
    const value = { start: s.start, end: s.end, text: s.text, labels: [s.label] };
    result.push({ id, ...REGION, value });
    if (s.note)
      result.push({
        id,
        from_name: 'note',
        to_name: 'text',
        type: 'textarea',
        value: { start: s.start, end: s.end, text: [s.note] },
      });
  });
  for (const r of relationsOf(doc))
    result.push({
      from_id: ids.get(r.head),
      to_id: ids.get(r.child),
      type: 'relation',
      direction: 'right',
      labels: [r.label],
    });
  if (doc.categories?.length)
    result.push({
      id: 'category',
      from_name: 'category',
      to_name: 'text',
      type: 'choices',
      value: { choices: doc.categories },
    });
  const out: Json = { data: { text: doc.text, name: docName(doc, i) }, annotations: [{ result }] };
  const suggestions = doc.suggestions?.filter((s) => !s.rejected) ?? [];
  if (suggestions.length > 0) {
    const predicted = quotedSpans({ text: doc.text }, i, suggestions).map((s, n) => ({
      id: `p${n + 1}`,
      ...REGION,
      value: { start: s.start, end: s.end, text: s.text, labels: [s.label] },
    }));
    out.predictions = [{ model_version: suggestions[0].source, result: predicted }];
  }
  return out;
}

/** Documents as a Label Studio task list (JSON text). */
export function writeLabelStudio(docs: readonly FormatDocument[]): string {
  return `${JSON.stringify(docs.map(task), null, 2)}\n`;
}

// Tabs and line breaks too: an XML parser turns them into spaces inside an attribute, and the label would no
// longer match the one in the results.
const escapeXml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');

/** A block of the config only when it has entries: Label Studio's config schema refuses an empty <Labels> or <Choices>. */
const block = (open: string, close: string, tag: string, values: readonly string[]): string[] =>
  values.length === 0 ? [] : [open, ...values.map((v) => `    <${tag} value="${escapeXml(v)}"/>`), close];

/**
 * The labelling config the export's from_name/to_name refer to: paste it into the project's settings.
 * Its labels are those of the spans and of the predictions (the suggestions written), since Label Studio
 * refuses a prediction whose label the config lacks (label_studio_sdk LabelInterface.validate_prediction).
 */
export function labelStudioConfig(docs: readonly FormatDocument[]): string {
  const predicted = (d: FormatDocument) => (d.suggestions ?? []).filter((s) => !s.rejected).map((s) => s.label);
  const labels = [...new Set(docs.flatMap((d) => [...(d.spans ?? []).map((s) => s.label), ...predicted(d)]))].sort();
  const relations = [...new Set(docs.flatMap((d) => (d.relations ?? []).map((r) => r.label)))].sort();
  const categories = [...new Set(docs.flatMap((d) => d.categories ?? []))].sort();
  return [
    '<View>',
    ...block('  <Labels name="label" toName="text">', '  </Labels>', 'Label', labels),
    '  <Text name="text" value="$text"/>',
    ...(labels.length > 0 ? ['  <TextArea name="note" toName="text" perRegion="true"/>'] : []),
    ...block('  <Relations>', '  </Relations>', 'Relation', relations),
    ...block('  <Choices name="category" toName="text" choice="multiple">', '  </Choices>', 'Choice', categories),
    '</View>',
    '',
  ].join('\n');
}
