// What `corpus merge` writes, decided here so the app's adjudication can
// start from the same layer: the spans every annotator agrees on exactly
// (same start, end and label; the spans a curation view takes over without
// asking), or every span of every annotator tagged with who made it.
import { compareSpans, normalizeLayer, spanKey, type AgreementDocument, type LabeledSpan } from './spans';

export interface AttributedSpan extends LabeledSpan {
  readonly annotator: string;
}

/**
 * Spans all annotators of the document agree on exactly; undefined when an
 * annotator lacks the document (agreement of all cannot be known there).
 */
export function agreedSpans(doc: AgreementDocument): LabeledSpan[] | undefined {
  if (doc.layers.length === 0 || doc.layers.some((l) => !l)) return undefined;
  const [first, ...rest] = doc.layers.map((l) => normalizeLayer(l!));
  const others = rest.map((layer) => new Set(layer.map(spanKey)));
  return first.filter((s) => others.every((keys) => keys.has(spanKey(s))));
}

/** Every span of every annotator who has the document, each tagged with its annotator, in span order. */
export function attributedSpans(doc: AgreementDocument, annotators: readonly string[]): AttributedSpan[] {
  const all: AttributedSpan[] = [];
  doc.layers.forEach((layer, i) => {
    for (const s of normalizeLayer(layer ?? []))
      all.push({ start: s.start, end: s.end, label: s.label, annotator: annotators[i] });
  });
  return all.sort((a, b) => compareSpans(a, b) || (a.annotator < b.annotator ? -1 : a.annotator > b.annotator ? 1 : 0));
}
