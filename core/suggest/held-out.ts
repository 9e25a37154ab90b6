// Training the tagger on a researcher's annotated documents and saying how
// good it is on documents it did not see. One document in five (chosen by
// a hash of its id, so the split stays put as the corpus grows) is held out;
// the tagger is trained on the rest and both the rules alone and the rules
// with the tagger are scored on the held-out ones (exact match; commitment by
// overlap, as `corpus evaluate`). The model returned is the one scored.
import type { EvaluationDoc, Evaluation } from './evaluate';
import { evaluate } from './evaluate';
import type { CompiledPatterns } from './matcher';
import { suggestText } from './suggest';
import { trainTagger, type TaggerModel, type TrainingDoc } from './tagger';

export interface AnnotatedDoc extends TrainingDoc {
  readonly id: string;
}

export interface TrainingReport {
  readonly model: TaggerModel;
  readonly trainedOn: number;
  readonly heldOut: number;
  /** The rules with the tagger, on the held-out documents (absent when none could be held out). */
  readonly withTagger?: Evaluation;
  /** The rules alone on the same documents: what the tagger is measured against. */
  readonly rulesAlone?: Evaluation;
}

/** FNV-1a of the id: a stable, even split. */
function hash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Which documents are held out: one in five by id hash, at least one once there are three. */
export function splitHeldOut<T extends { id: string }>(docs: readonly T[]): { train: T[]; heldOut: T[] } {
  if (docs.length < 3) return { train: [...docs], heldOut: [] };
  let heldOut = docs.filter((d) => hash(d.id) % 5 === 0);
  if (heldOut.length === 0) heldOut = [[...docs].sort((a, b) => hash(a.id) - hash(b.id))[0]];
  const out = new Set(heldOut);
  return { train: docs.filter((d) => !out.has(d)), heldOut };
}

export function trainWithHeldOut(docs: readonly AnnotatedDoc[], patterns?: CompiledPatterns): TrainingReport {
  const { train, heldOut } = splitHeldOut(docs);
  const model = trainTagger(train);
  if (heldOut.length === 0) return { model, trainedOn: train.length, heldOut: 0 };
  const gold: EvaluationDoc[] = heldOut.map((d) => ({ text: d.text, spans: d.spans }));
  const predict = (withModel: boolean): EvaluationDoc[] =>
    heldOut.map((d) => ({
      text: d.text,
      spans: suggestText(d.text, [], { patterns, occurrences: false, ...(withModel ? { model } : {}) }),
    }));
  return {
    model,
    trainedOn: train.length,
    heldOut: heldOut.length,
    withTagger: evaluate(predict(true), gold),
    rulesAlone: evaluate(predict(false), gold),
  };
}
