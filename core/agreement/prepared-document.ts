// One document made ready for every measure at once: its tokens are cut
// once, and each annotator's layer is normalised (sorted, no duplicates),
// projected onto the tokens and grouped into per-label units, so that every
// annotator pair (and the whole group) reads the same prepared values.
import {
  codePointLength,
  compareSpans,
  labelsOf,
  normalizeLayer,
  type AgreementDocument,
  type LabeledSpan,
} from './spans';
import { tokenize, tokenLabels, type Tokens } from './tokens';

export interface PreparedLayer {
  /** Sorted, without duplicates or empty spans. */
  readonly spans: readonly LabeledSpan[];
  /** Per token, the labels covering it (sorted), or undefined. */
  readonly tokenLabels: ReadonlyArray<string[] | undefined>;
  /** Per label, the merged units [start, end, ...] in code points. */
  readonly units: ReadonlyMap<string, readonly number[]>;
}

export interface PreparedDocument {
  readonly key: string;
  readonly name: string;
  /** Text length in code points: the unitizing continuum. */
  readonly length: number;
  readonly tokens: Tokens;
  /** Per annotator (input order); undefined where the annotator lacks the document. */
  readonly layers: ReadonlyArray<PreparedLayer | undefined>;
  readonly labels: readonly string[];
}

/** Per label, merged units: the spans are sorted by start already, so one pass merges overlaps. */
function unitsOf(spans: readonly LabeledSpan[]): Map<string, number[]> {
  const units = new Map<string, number[]>();
  for (const s of spans) {
    const flat = units.get(s.label);
    if (!flat) units.set(s.label, [s.start, s.end]);
    else if (s.start < flat[flat.length - 1]) flat[flat.length - 1] = Math.max(flat[flat.length - 1], s.end);
    else flat.push(s.start, s.end);
  }
  return units;
}

export function prepareLayer(spans: readonly LabeledSpan[], tokens: Tokens): PreparedLayer {
  const normal = normalizeLayer(spans);
  return { spans: normal, tokenLabels: tokenLabels(tokens, normal), units: unitsOf(normal) };
}

/** Checks offsets once here, so no measure meets a span outside its text. */
function checkSpans(doc: AgreementDocument, length: number): void {
  for (const layer of doc.layers) {
    for (const s of layer ?? []) {
      if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > length) {
        throw new RangeError(
          `document ${doc.name}: span ${s.start}-${s.end} "${s.label}" is outside its ${length} code points`,
        );
      }
    }
  }
}

export function prepareDocument(doc: AgreementDocument): PreparedDocument {
  const length = codePointLength(doc.text);
  checkSpans(doc, length);
  const tokens = tokenize(doc.text);
  const layers = doc.layers.map((spans) => (spans ? prepareLayer(spans, tokens) : undefined));
  return { key: doc.key, name: doc.name, length, tokens, layers, labels: labelsOf(doc.layers) };
}

/** Number of distinct spans (start, end, label) among the given layers that not every one of them has. */
export function disagreeingSpans(layers: readonly PreparedLayer[]): { spans: number; disagreements: number } {
  // Each layer holds a span at most once, so a run of equal spans in the sorted union is one span and its count.
  const all = layers.flatMap((l) => l.spans).sort(compareSpans);
  let spans = 0;
  let disagreements = 0;
  for (let i = 0; i < all.length;) {
    let j = i + 1;
    while (j < all.length && compareSpans(all[i], all[j]) === 0) j++;
    spans++;
    if (j - i < layers.length) disagreements++;
    i = j;
  }
  return { spans, disagreements };
}
