// The tagger that learns: one averaged-perceptron BIO tagger per label
// (labels may nest, so each gets its own sequence), over the spaCy-like
// tokens, decoded greedily left to right with the previous tag as a feature.
// Training documents are the researcher's annotations and accepted
// suggestions; rejected suggestions are negatives: their tokens are "O" for
// that label and a mistake there is corrected with double weight. The model
// is plain JSON (version, labels, per-label weights), so it can be stored in
// IndexedDB or written to a file.
import { candidate, type Candidate } from './candidate';
import { baseFeatureIds, bioOf, ruleFeatures, type WordIds } from './features';
import { FeatureIndex, Perceptron, type PerceptronJson } from './perceptron';
import { suggestRules } from './rules';
import { isTitle } from './token-attributes';
import { tokenize, type Token } from './tokenizer';

const TAGS = ['O', 'B', 'I'] as const;

export interface TrainingDoc {
  readonly text: string;
  /** Accepted spans (UTF-16 offsets). */
  readonly spans: ReadonlyArray<{ start: number; end: number; label: string }>;
  /** Rejected suggestions (UTF-16 offsets): negatives. */
  readonly rejected?: ReadonlyArray<{ start: number; end: number; label: string }>;
}

export interface TaggerModel {
  readonly format: 'seed-workbench-tagger';
  readonly version: 1;
  readonly labels: Readonly<Record<string, PerceptronJson>>;
}

/**
 * Labels the tagger leaves to the rules by default: commitments are clauses
 * of ten to fifty words with fuzzy ends (scored by overlap), which token-level
 * BIO tagging learns poorly from a few documents, and their rule needs
 * wink-nlp, the costliest step of training.
 */
export const CLAUSE_LABELS: readonly string[] = ['commitment'];

export interface TrainOptions {
  readonly epochs?: number;
  readonly labels?: readonly string[];
}

interface Prepared {
  tokens: Token[];
  ruleTags: Map<string, string[]>;
}

function prepare(text: string, labels: readonly string[]): Prepared {
  const tokens = tokenize(text);
  const rules = suggestRules(text, { labels });
  const ruleTags = new Map(
    labels.map((l) => [
      l,
      bioOf(
        tokens,
        rules.filter((c) => c.label === l),
      ),
    ]),
  );
  return { tokens, ruleTags };
}

/** Previous-tag names, by index: 0 "<s>", then one per tag. */
const PREVIOUS = ['<s>', ...TAGS];

/**
 * A document's features as ids for one perceptron: per token its static ids
 * and, for each possible previous tag, the two previous-tag feature ids.
 */
interface Encoded {
  readonly ids: Int32Array[];
  readonly prev: Int32Array;
}

/** A document's ids for one label: spelling and context, rule features of `label`, previous-tag features. */
function encode(
  tokens: readonly Token[],
  label: string,
  ruleTags: ReadonlyMap<string, readonly string[]>,
  id: (name: string) => number,
  base: readonly Int32Array[],
): Encoded {
  const rules = ruleFeatures(tokens, label, ruleTags);
  const prevIds = PREVIOUS.map((tag) => id(`prev=${tag}`));
  const prevTitle = PREVIOUS.map((tag) => id(`prev=${tag}|t=true`));
  const prev = new Int32Array(tokens.length * PREVIOUS.length * 2);
  const ids: Int32Array[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const title = isTitle(tokens[i].text);
    for (let t = 0; t < PREVIOUS.length; t++) {
      prev[(i * PREVIOUS.length + t) * 2] = prevIds[t];
      prev[(i * PREVIOUS.length + t) * 2 + 1] = title ? prevTitle[t] : -1;
    }
    const own = new Int32Array(base[i].length + rules[i].length);
    own.set(base[i]);
    for (let r = 0; r < rules[i].length; r++) own[base[i].length + r] = id(rules[i][r]);
    ids.push(own);
  }
  return { ids, prev };
}

/** Greedy left-to-right decoding; with `truth`, a training pass (updates on mistakes, follows the truth). */
function decode(p: Perceptron, doc: Encoded, truth?: number[], weights?: number[]): number[] {
  const tags: number[] = [];
  const buffer = new Int32Array(64);
  let all = buffer;
  for (let i = 0; i < doc.ids.length; i++) {
    const own = doc.ids[i];
    if (own.length + 2 > all.length) all = new Int32Array(own.length + 2);
    all.set(own);
    const t = i === 0 ? 0 : tags[i - 1] + 1;
    all[own.length] = doc.prev[(i * PREVIOUS.length + t) * 2];
    all[own.length + 1] = doc.prev[(i * PREVIOUS.length + t) * 2 + 1];
    const n = own.length + 2;
    const scores = p.scores(all, n);
    let guess = scores[1] > scores[0] ? (scores[2] > scores[1] ? 2 : 1) : scores[2] > scores[0] ? 2 : 0;
    // "I" only continues a span: after "O" or at the start it reads as "B" or "O".
    if (guess === 2 && (i === 0 || tags[i - 1] === 0)) guess = scores[1] > scores[0] ? 1 : 0;
    if (truth) p.update(all, truth[i], guess, weights?.[i] ?? 1, n);
    tags.push(truth ? truth[i] : guess);
  }
  return tags;
}

/** Deterministic shuffle (mulberry32), so the same data always gives the same model. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  const rand = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Trains one tagger per label found in `docs` (or per `options.labels`). */
export function trainTagger(docs: readonly TrainingDoc[], options: TrainOptions = {}): TaggerModel {
  const labels =
    options.labels ??
    [...new Set(docs.flatMap((d) => d.spans.map((s) => s.label)))].filter((l) => !CLAUSE_LABELS.includes(l)).sort();
  // One feature index for all labels, and names built once per distinct word.
  const index = new FeatureIndex();
  const id = (name: string) => index.id(name, true);
  const cache = new Map<string, WordIds>();
  const prepared = docs.map((doc) => {
    const { tokens, ruleTags } = prepare(doc.text, labels);
    return { doc, tokens, ruleTags, base: baseFeatureIds(tokens, id, cache) };
  });
  const models: Record<string, PerceptronJson> = {};
  for (const label of labels) {
    const examples = prepared.map(({ doc, tokens, ruleTags, base }) => {
      const truth = bioOf(
        tokens,
        doc.spans.filter((s) => s.label === label),
      ).map((t) => TAGS.indexOf(t as 'O'));
      const negative = bioOf(
        tokens,
        (doc.rejected ?? []).filter((s) => s.label === label),
      );
      const weights = negative.map((t) => (t === 'O' ? 1 : 2));
      return { truth, weights, encoded: encode(tokens, label, ruleTags, id, base) };
    });
    const p = new Perceptron(TAGS, index);
    p.reserve(index.names.length);
    for (let epoch = 0; epoch < (options.epochs ?? 5); epoch++) {
      for (const ex of shuffled(examples, epoch + 1)) decode(p, ex.encoded, ex.truth, ex.weights);
    }
    p.average();
    models[label] = p.toJSON();
  }
  return { format: 'seed-workbench-tagger', version: 1, labels: models };
}

/** Checks a parsed JSON value is a tagger model; throws a readable error if not. */
export function readModel(json: unknown): TaggerModel {
  const m = json as TaggerModel;
  if (!m || m.format !== 'seed-workbench-tagger' || m.version !== 1 || typeof m.labels !== 'object') {
    throw new Error('not a seed-workbench-tagger model (version 1)');
  }
  for (const p of Object.values(m.labels)) Perceptron.fromJSON(p);
  return m;
}

/** The model's spans for `text` (UTF-16 offsets), source "model", score from the B-tag margin. */
export function predictTagger(model: TaggerModel, text: string): Candidate[] {
  const labels = Object.keys(model.labels);
  const { tokens, ruleTags } = prepare(text, labels);
  const out: Candidate[] = [];
  for (const label of labels) {
    const p = Perceptron.fromJSON(model.labels[label]);
    const known = (name: string) => p.featureId(name, false);
    const encoded = encode(tokens, label, ruleTags, known, baseFeatureIds(tokens, known, new Map()));
    const tags = decode(p, encoded);
    for (let i = 0; i < tags.length; i++) {
      if (tags[i] !== 1) continue;
      let j = i + 1;
      while (j < tags.length && tags[j] === 2) j++;
      let last = j - 1;
      while (last > i && tokens[last].space) last--;
      const own = p.scores(encoded.ids[i]);
      const margin = own[1] - own[0];
      out.push(
        candidate(
          tokens[i].start,
          tokens[last].end,
          label,
          'model',
          Math.round((1 / (1 + Math.exp(-margin))) * 1000) / 1000,
        ),
      );
      i = j - 1;
    }
  }
  return out;
}
