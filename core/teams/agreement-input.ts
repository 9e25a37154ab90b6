// The stored corpus as core/agreement's input, so the app's agreement table
// shows the numbers `corpus agree` prints for the same layers: documents keyed
// by the sha256 of their text, spans converted to code points, one layer per
// person (the adjudicated layer is the outcome, never a rater).
//
// Which annotators "have" a document: those with at least one span on it, and
// the local annotator also where she marked it done with no span (a document
// she read and found nothing in). A colleague's document with no span leaves
// no trace in the store, so it cannot be told from one never read; the
// command line, which reads her file, can (see docs/agreement.md).
import { toCodePointSpans, type AgreementDocument, type AgreementInput, type LabeledSpan } from '../agreement';
import type { DocStatus, Span } from '../model';
import { annotatorOf, CURATION, peopleOf } from './layers';

export interface StoredLayers {
  readonly id: string;
  readonly sha256: string;
  readonly name: string;
  readonly text: string;
  readonly status: DocStatus;
  /** Every stored span of the document, any layer, UTF-16 offsets. */
  readonly spans: readonly Pick<Span, 'start' | 'end' | 'label' | 'annotator' | 'projected'>[];
}

/** The people who made spans in `docs` (never the adjudicated layer), the local annotator first. */
export function annotatorsIn(docs: readonly StoredLayers[], local: string): string[] {
  const names = new Set<string>();
  for (const doc of docs) for (const s of doc.spans) names.add(annotatorOf(s, local));
  return peopleOf(names, local);
}

/** core/agreement's input; `key` is the sha256, so a document row names the stored document by it. */
export function agreementInputOf(docs: readonly StoredLayers[], local: string): AgreementInput {
  const annotators = annotatorsIn(docs, local);
  const index = new Map(annotators.map((a, i) => [a, i]));
  const documents: AgreementDocument[] = docs.map((doc) => {
    const layers: Array<LabeledSpan[] | undefined> = annotators.map(() => undefined);
    // A projected span awaits acceptance: nobody has made it yet.
    const made = doc.spans.filter((s) => !s.projected && annotatorOf(s, local) !== CURATION);
    const cp = toCodePointSpans(doc.text, made);
    made.forEach((s, i) => {
      const at = index.get(annotatorOf(s, local))!;
      (layers[at] ??= []).push(cp[i]);
    });
    if (doc.status === 'done') layers[0] ??= [];
    return { key: doc.sha256, name: doc.name, text: doc.text, layers };
  });
  return { annotators, documents };
}
