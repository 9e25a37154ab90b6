// W3C Web Annotation (JSON-LD), as RecogitoJS and Hypothesis write it. An
// annotation's target is found by its TextQuoteSelector (exact, with prefix
// and suffix when given); the TextPositionSelector is only a hint, choosing
// among repeated quotes, because RecogitoJS counts positions in UTF-16 over
// the rendered page, not the file. Bodies: `purpose: "tagging"` gives the
// label (one span a tag), any other TextualBody is a note. A `linking`
// annotation whose targets are two annotations becomes a relation.
// The export is a JSON-LD array with both selectors, in code points as the
// model says, and the text beside it (the model cannot carry the text).
import { makeOffsetConverter } from '../codepoints';
import { isObject, type Json } from '../jsonl/span-check';
import type { RelationDraft, SpanDraft } from '../model';
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

const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** Untagged annotations (a comment only) need a label: this one. */
export const UNTAGGED_LABEL = 'annotation';

export function isW3cAnnotations(value: unknown): boolean {
  const items = isObject(value) && Array.isArray(value.items) ? value.items : listOf(value);
  return (
    items.length > 0 &&
    items.every((a) => isObject(a) && (a.type === 'Annotation' || a['@context'] !== undefined) && 'target' in a)
  );
}

function selectorsOf(target: unknown): { quote?: Json; position?: Json } {
  const out: { quote?: Json; position?: Json } = {};
  for (const t of listOf(target))
    for (const sel of isObject(t) ? listOf(t.selector) : [])
      if (isObject(sel) && sel.type === 'TextQuoteSelector') out.quote = sel;
      else if (isObject(sel) && sel.type === 'TextPositionSelector') out.position = sel;
  return out;
}

/** UTF-16 start of the quote: the occurrence whose prefix/suffix fit, nearest the position hint. */
function anchor(text: string, quote: Json, hint: number | undefined): number | undefined {
  const exact = quote.exact as string;
  const prefix = typeof quote.prefix === 'string' ? quote.prefix : '';
  const suffix = typeof quote.suffix === 'string' ? quote.suffix : '';
  const found: number[] = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) found.push(at);
  const fitting = found.filter(
    (at) => text.slice(at - prefix.length, at) === prefix && text.startsWith(suffix, at + exact.length),
  );
  const pool = fitting.length > 0 ? fitting : found;
  if (hint === undefined) return pool[0];
  return pool.reduce<number | undefined>(
    (best, at) => (best === undefined || Math.abs(at - hint) < Math.abs(best - hint) ? at : best),
    undefined,
  );
}

function bodies(annotation: Json): { tags: string[]; notes: string[] } {
  const tags: string[] = [];
  const notes: string[] = [];
  for (const b of listOf(annotation.body)) {
    if (typeof b === 'string') notes.push(b);
    else if (isObject(b) && typeof b.value === 'string')
      (b.purpose === 'tagging' || b.purpose === 'classifying' ? tags : notes).push(b.value);
  }
  return { tags, notes };
}

/** Annotations (a JSON-LD array or AnnotationCollection) over `text`. */
export function readW3c(value: unknown, text: string): FormatRead {
  const problems: FormatProblem[] = [];
  const items = isObject(value) && Array.isArray(value.items) ? value.items : listOf(value);
  const conv = makeOffsetConverter(text);
  const spans: SpanDraft[] = [];
  const byId = new Map<string, number>();
  const links: Json[] = [];
  let untagged = 0;
  items.forEach((a, i) => {
    if (!isObject(a)) return void problems.push(error(`annotation ${i + 1} is not an object`));
    const name = typeof a.id === 'string' ? a.id : `annotation ${i + 1}`;
    const { quote, position } = selectorsOf(a.target);
    if (!quote) {
      if (a.motivation === 'linking' || listOf(a.target).every((t) => isObject(t) && typeof t.id === 'string'))
        links.push(a);
      else problems.push(error(`${name} not imported: no TextQuoteSelector to anchor it`));
      return;
    }
    if (typeof quote.exact !== 'string' || quote.exact === '')
      return void problems.push(error(`${name} not imported: empty quote`));
    const hintCp = Number.isInteger(position?.start) ? (position!.start as number) : undefined;
    const hint = hintCp !== undefined && hintCp <= conv.codePointLength ? conv.toUtf16(hintCp) : hintCp;
    const start = anchor(text, quote, hint);
    if (start === undefined)
      return void problems.push(
        error(
          `${name} not imported: the quote ${JSON.stringify((quote.exact as string).slice(0, 80))} is not in the text`,
        ),
      );
    const end = start + (quote.exact as string).length;
    const { tags, notes } = bodies(a);
    if (tags.length === 0) untagged++;
    byId.set(name, spans.length);
    for (const label of tags.length > 0 ? tags : [UNTAGGED_LABEL]) {
      const span: SpanDraft = { start, end, label };
      if (notes.length > 0) span.note = notes.join('\n');
      spans.push(span);
    }
  });
  if (untagged > 0)
    problems.push(warning(`${untagged} annotations without a tag imported with the label "${UNTAGGED_LABEL}"`));
  const relations: RelationDraft[] = [];
  for (const link of links) {
    const ends = listOf(link.target).map((t) => (isObject(t) ? byId.get(String(t.id)) : undefined));
    const label = bodies(link).tags[0] ?? 'related';
    if (ends.length === 2 && ends[0] !== undefined && ends[1] !== undefined)
      relations.push({ head: ends[0], child: ends[1], label });
    else
      problems.push(error(`link ${String(link.id ?? '')} not imported: its targets are not two imported annotations`));
  }
  const doc: FormatDocument = { text, spans };
  if (relations.length > 0) doc.relations = relations;
  return { documents: [doc], problems };
}

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const AFFIX = 32;

/** One document's annotations as JSON-LD (text), `source` naming the text they target. */
export function writeW3c(doc: FormatDocument, source: string, i = 0): string {
  const out: Json[] = [];
  const ids = new Map<number, string>();
  const chars = [...doc.text];
  const base = `#${(doc.id ?? docName(doc, i)).replace(/\s/g, '_')}`;
  quotedSpans(doc, i).forEach((s, n) => {
    const id = `${base}-a${n + 1}`;
    ids.set(s.index, id);
    const body: Json[] = [{ type: 'TextualBody', purpose: 'tagging', value: s.label }];
    if (s.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: s.note });
    const quote = {
      type: 'TextQuoteSelector',
      exact: s.text,
      prefix: chars.slice(Math.max(0, s.start - AFFIX), s.start).join(''),
      suffix: chars.slice(s.end, s.end + AFFIX).join(''),
    };
    out.push({
      '@context': CONTEXT,
      id,
      type: 'Annotation',
      motivation: 'tagging',
      body,
      target: { source, selector: [quote, { type: 'TextPositionSelector', start: s.start, end: s.end }] },
    });
  });
  relationsOf(doc).forEach((r, n) => {
    out.push({
      '@context': CONTEXT,
      id: `${base}-r${n + 1}`,
      type: 'Annotation',
      motivation: 'linking',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: r.label }],
      target: [{ id: ids.get(r.head) }, { id: ids.get(r.child) }],
    });
  });
  return `${JSON.stringify(out, null, 2)}\n`;
}
