// UIMA CAS XMI, where it is simple: the text is the `_InitialView` sofa's
// sofaString, and every annotation element with `begin`/`end` that is not
// segmentation or morphology (Token, Sentence, POS, Lemma, …) is a span,
// labelled by its `value` feature (NamedEntity) or else its type name.
// Offsets are UTF-16 (UIMA is Java). A file with several views, or sofas
// given by URI, is refused with that reason.
import type { SpanDraft } from '../model';
import { error, warning, type FormatProblem, type FormatRead } from './document';

const STRUCTURAL = new Set([
  'Token',
  'Sentence',
  'DocumentMetaData',
  'Lemma',
  'Stem',
  'POS',
  'MorphologicalFeatures',
  'Paragraph',
  'Div',
  'Heading',
  'TagsetDescription',
]);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITIES[e] ?? all),
  );

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)="([^"]*)"/g)) out.set(m[1], decodeXml(m[2]));
  return out;
}

export function readUimaXmi(content: string): FormatRead {
  const problems: FormatProblem[] = [];
  const sofas = [...content.matchAll(/<cas:Sofa\s[^>]*>/g)].map((m) => attributes(m[0]));
  if (sofas.length !== 1)
    return {
      documents: [],
      problems: [error(`${sofas.length} sofas (views) in this CAS: only a CAS with one text view is read`)],
    };
  const text = sofas[0].get('sofaString');
  if (text === undefined)
    return { documents: [], problems: [error('the sofa has no sofaString (its text is elsewhere): not read')] };
  const sofaId = sofas[0].get('xmi:id');
  const spans: SpanDraft[] = [];
  const skipped = new Set<string>();
  for (const m of content.matchAll(/<([\w-]+):([\w-]+)\s[^>]*>/g)) {
    const [tag, , type] = m;
    if (type === 'Sofa' || type === 'View' || type === 'NULL') continue;
    const attrs = attributes(tag);
    const [b, e] = [Number(attrs.get('begin')), Number(attrs.get('end'))];
    if (!attrs.has('begin') || attrs.get('sofa') !== sofaId) continue;
    if (STRUCTURAL.has(type) || type.startsWith('POS_')) {
      skipped.add(type);
      continue;
    }
    if (!Number.isInteger(b) || !Number.isInteger(e) || b < 0 || e > text.length || b >= e) {
      problems.push(error(`${type} ${attrs.get('xmi:id') ?? ''} at ${b}-${e} is not a range of the text: left out`));
      continue;
    }
    spans.push({ start: b, end: e, label: attrs.get('value') ?? type });
  }
  if (skipped.size > 0)
    problems.push(warning(`segmentation and morphology (${[...skipped].sort().join(', ')}) not imported as spans`));
  return { documents: [{ text, spans }], problems };
}
