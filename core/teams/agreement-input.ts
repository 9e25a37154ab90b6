// The stored corpus as core/agreement's input, so the app's agreement table
// shows the numbers `corpus agree` prints for the same layers: documents keyed
// by the sha256 of their text, spans converted to code points, one layer per
// person (the adjudicated layer is the outcome, never a rater).
//
// Which annotators "have" a document: those with at least one span on it. A
// document an annotator read and found nothing in leaves no trace in the
// store (its status is the document's, shared by every layer, and comes in
// with an import), so it cannot be told from one never read and is left out
// of her pairs; the command line, which reads her file, can tell (see
// docs/agreement.md). So the app's figures equal `corpus agree`'s wherever
// every annotator made at least one span in each document she annotated.
import { toCodePointSpans, type AgreementDocument, type AgreementInput, type LabeledSpan } from '../agreement';
import type { Span } from '../model';
import { annotatorOf, CURATION, peopleOf } from './layers';

export interface StoredLayers {
  readonly id: string;
  readonly sha256: string;
  readonly name: string;
  readonly text: string;
  /** Every stored span of the document, any layer, UTF-16 offsets. */
  readonly spans: readonly Pick<Span, 'start' | 'end' | 'label' | 'annotator' | 'projected'>[];
}

/**
 * The people who have a layer in `docs` (never the adjudicated layer): the
 * local annotator first when she has one, then the others by name.
 */
export function annotatorsIn(docs: readonly StoredLayers[], local: string): string[] {
  const names = new Set<string>();
  for (const doc of docs) for (const s of doc.spans) if (!s.projected) names.add(annotatorOf(s, local));
  names.delete(CURATION);
  const people = peopleOf(names, local);
  return names.has(local) ? people : people.slice(1);
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
    return { key: doc.sha256, name: doc.name, text: doc.text, layers };
  });
  return { annotators, documents };
}
