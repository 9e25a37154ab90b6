// Documents are paired across annotators by their text, never by name or
// id: two exports of the same text from different machines may carry
// different ids, and two different texts may share a name. The key is
// whatever the caller derives from the exact text (the JSONL reader already
// gives each document the sha256 of its text).
//
// One annotator giving the same text twice (two lines of one file, or two
// files) has one layer for it: the union of the spans, duplicates dropped.
import type { AgreementDocument, AgreementInput, LabeledSpan } from './spans';

/** One annotator's document, spans in code points. */
export interface AnnotatedDocument {
  readonly key: string;
  readonly name: string;
  readonly text: string;
  readonly spans: readonly LabeledSpan[];
}

interface Slot {
  key: string;
  name: string;
  text: string;
  layers: Array<LabeledSpan[] | undefined>;
}

/** Collects annotators' documents one at a time and pairs them by key. */
export class DocumentPairing {
  private readonly annotators: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly slots = new Map<string, Slot>();

  /** The annotator's position, adding the annotator on first sight. */
  annotator(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.annotators.length;
      this.annotators.push(name);
      this.index.set(name, i);
    }
    return i;
  }

  add(annotator: string, doc: AnnotatedDocument): void {
    const i = this.annotator(annotator);
    let slot = this.slots.get(doc.key);
    if (!slot) this.slots.set(doc.key, (slot = { key: doc.key, name: doc.name, text: doc.text, layers: [] }));
    if (slot.text !== doc.text)
      throw new Error(`documents "${slot.name}" and "${doc.name}" share the key ${doc.key} but not their text`);
    const layer = slot.layers[i];
    if (layer)
      for (const span of doc.spans) layer.push(span); // no spread: a layer may hold more spans than call arguments
    else slot.layers[i] = [...doc.spans];
  }

  /** Documents in the order first seen, each with one entry per annotator. */
  input(): AgreementInput {
    const count = this.annotators.length;
    const documents: AgreementDocument[] = [];
    for (const slot of this.slots.values()) {
      documents.push({
        key: slot.key,
        name: slot.name,
        text: slot.text,
        layers: Array.from({ length: count }, (_, i) => slot.layers[i]),
      });
    }
    return { annotators: [...this.annotators], documents };
  }
}
