// The tagger that learns: one averaged-perceptron BIO tagger per label
// (labels may nest, so each gets its own sequence), over the spaCy-like
// tokens, decoded greedily left to right with the previous tag as a feature.
// Training documents are the researcher's annotations and accepted
// suggestions; rejected suggestions are negatives: their tokens are "O" for
// that label and a mistake there is corrected with double weight. The model
// is plain JSON (version, labels, per-label weights), so it can be stored in
// IndexedDB or written to a file.
import { candidate, type Candidate } from './candidate';
import { bioOf, tokenFeatures } from './features';
import { Perceptron, type PerceptronJson } from './perceptron';
import { suggestRules } from './rules';
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
  const rules = suggestRules(text);
  const ruleTags = new Map(labels.map((l) => [l, bioOf(tokens, rules.filter((c) => c.label === l))]));
  return { tokens, ruleTags };
}

function decode(p: Perceptron, feats: number[][], prevId: (tag: string, i: number) => number[], truth?: number[], weights?: number[]): number[] {
  const tags: number[] = [];
  for (let i = 0; i < feats.length; i++) {
    const all = [...feats[i], ...prevId(i === 0 ? '<s>' : TAGS[tags[i - 1]], i)];
    let guess = p.predict(all);
    if (guess === 2 && (i === 0 || tags[i - 1] === 0)) guess = p.scores(all)[1] > p.scores(all)[0] ? 1 : 0;
    if (truth) p.update(all, truth[i], guess, weights?.[i] ?? 1);
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
  const labels = options.labels ?? [...new Set(docs.flatMap((d) => d.spans.map((s) => s.label)))].sort();
  const prepared = docs.map((d) => ({ doc: d, ...prepare(d.text, labels) }));
  const models: Record<string, PerceptronJson> = {};
  for (const label of labels) {
    const p = new Perceptron(TAGS);
    const examples = prepared.map(({ doc, tokens, ruleTags }) => {
      const truth = bioOf(tokens, doc.spans.filter((s) => s.label === label)).map((t) => TAGS.indexOf(t as 'O'));
      const negative = bioOf(tokens, (doc.rejected ?? []).filter((s) => s.label === label));
      const weights = negative.map((t) => (t === 'O' ? 1 : 2));
      const feats = tokenFeatures(tokens, label, ruleTags).map((f) => f.map((name) => p.featureId(name, true)));
      return { truth, weights, feats, words: tokens.map((t) => t.text.toLowerCase()) };
    });
    for (let epoch = 0; epoch < (options.epochs ?? 5); epoch++) {
      for (const ex of shuffled(examples, epoch + 1)) {
        decode(p, ex.feats, (tag, i) => [p.featureId(`prev=${tag}`, true), p.featureId(`prev=${tag}|w=${ex.words[i]}`, true)], ex.truth, ex.weights);
      }
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
    const feats = tokenFeatures(tokens, label, ruleTags).map((f) => f.map((name) => p.featureId(name, false)));
    const words = tokens.map((t) => t.text.toLowerCase());
    const tags = decode(p, feats, (tag, i) => [p.featureId(`prev=${tag}`, false), p.featureId(`prev=${tag}|w=${words[i]}`, false)]);
    for (let i = 0; i < tags.length; i++) {
      if (tags[i] !== 1) continue;
      let j = i + 1;
      while (j < tags.length && tags[j] === 2) j++;
      let last = j - 1;
      while (last > i && tokens[last].space) last--;
      const margin = p.scores(feats[i])[1] - p.scores(feats[i])[0];
      out.push(candidate(tokens[i].start, tokens[last].end, label, 'model', Math.round((1 / (1 + Math.exp(-margin))) * 1000) / 1000));
      i = j - 1;
    }
  }
  return out;
}
