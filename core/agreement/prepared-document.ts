// One document made ready for every measure at once: its tokens are cut
// once, and each annotator's layer is normalised, indexed by span identity,
// projected onto the tokens and grouped into per-label units, so that every
// annotator pair (and the whole group) reads the same prepared values.
import { tokenize, tokenLabels, type Tokens } from './tokens';
import { codePointLength, labelsOf, normalizeLayer, spanKey, type AgreementDocument, type LabeledSpan } from './spans';
import { mergeUnits } from './unitizing-alpha';

export interface PreparedLayer {
  /** Sorted, without duplicates or empty spans. */
  readonly spans: readonly LabeledSpan[];
  readonly keys: ReadonlySet<string>;
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

function unitsOf(spans: readonly LabeledSpan[]): Map<string, number[]> {
  const pairs = new Map<string, Array<[number, number]>>();
  for (const s of spans) {
    const list = pairs.get(s.label);
    if (list) list.push([s.start, s.end]);
    else pairs.set(s.label, [[s.start, s.end]]);
  }
  return new Map([...pairs].map(([label, list]) => [label, mergeUnits(list)]));
}

export function prepareLayer(spans: readonly LabeledSpan[], tokens: Tokens): PreparedLayer {
  const normal = normalizeLayer(spans);
  return { spans: normal, keys: new Set(normal.map(spanKey)), tokenLabels: tokenLabels(tokens, normal), units: unitsOf(normal) };
}

/** Checks offsets once here, so no measure meets a span outside its text. */
function checkSpans(doc: AgreementDocument, length: number): void {
  for (const layer of doc.layers) {
    for (const s of layer ?? []) {
      if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > length) {
        throw new RangeError(`document ${doc.name}: span ${s.start}-${s.end} "${s.label}" is outside its ${length} code points`);
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
  const seen = new Map<string, number>();
  for (const layer of layers) for (const key of layer.keys) seen.set(key, (seen.get(key) ?? 0) + 1);
  let disagreements = 0;
  for (const n of seen.values()) if (n < layers.length) disagreements++;
  return { spans: seen.size, disagreements };
}
