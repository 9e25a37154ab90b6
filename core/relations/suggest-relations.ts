// Relations suggested by simple rules over the spans already in a document
// (tagged by hand or accepted from suggestions; projected ones awaiting
// acceptance are left out). The rules read the guidelines' shape of a
// commitment: it starts at the committing verb and leaves out its subject,
// runs inside one sentence, and holds what is committed (money, places).
//   commits  actor -> commitment: the subject, i.e. the nearest actor before
//            the commitment in its sentence that is not inside a commitment
//            itself (an actor inside one is its object: "agreed with France's
//            minister"); commitments joined by "and" share it.
//   funds    commitment -> money: money inside the commitment.
//   involves commitment -> country: a country inside the commitment, or in a
//            sentence that holds this one commitment only.
// A rule whose label the project does not have, or whose label refuses the
// pair (relationProblem), suggests nothing; nor does a relation already made.
import type { Relation, RelationLabel } from '../model';
import { compareReading } from '../spans/layers';
import { relationProblem } from './labels';

export interface RelationSpan {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

export interface RelationSuggestion {
  /** `head>label>child`: the same suggestion keeps its key while its spans stay. */
  readonly key: string;
  readonly head: string;
  readonly child: string;
  readonly label: string;
  /** How sure the rule is (0..1): inside the commitment beats same sentence. */
  readonly score: number;
}

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export const relationSuggestionKey = (r: Pick<Relation, 'head' | 'child' | 'label'>): string =>
  `${r.head}>${r.label}>${r.child}`;

const inside = (inner: TextRange, outer: TextRange) => inner.start >= outer.start && inner.end <= outer.end;

/** Index of the sentence holding `offset` (sentences sorted, not overlapping), or -1. */
function sentenceAt(sentences: readonly TextRange[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= offset) lo = mid + 1;
    else if (sentences[mid].start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** Spans grouped by the sentence their start falls in, each group in reading order (only groups are sorted). */
function bySentence(spans: readonly RelationSpan[], sentences: readonly TextRange[]): Map<number, RelationSpan[]> {
  const groups = new Map<number, RelationSpan[]>();
  for (const s of spans) {
    const at = sentenceAt(sentences, s.start);
    if (at < 0 || s.end > sentences[at].end) continue; // a span across sentences is left to the annotator
    const list = groups.get(at);
    if (list) list.push(s);
    else groups.set(at, [s]);
  }
  for (const list of groups.values()) list.sort(compareReading);
  return groups;
}

/** The sentence a span's rules look in, or -1 when it is in none whole (left to the annotator). */
function sentenceOf(sentences: readonly TextRange[], span: RelationSpan): number {
  const at = sentenceAt(sentences, span.start);
  return at < 0 || span.end > sentences[at].end ? -1 : at;
}

/** The subject of `commitment`: the nearest actor before it that no commitment holds, or undefined. */
function subjectOf(commitment: RelationSpan, sentence: readonly RelationSpan[]): RelationSpan | undefined {
  const commitments = sentence.filter((s) => s.label === 'commitment');
  let subject: RelationSpan | undefined;
  for (const s of sentence) {
    if (s.label !== 'actor' || s.end > commitment.start) continue;
    if (commitments.some((c) => c !== commitment && inside(s, c))) continue;
    if (!subject || s.start > subject.start) subject = s;
  }
  return subject;
}

function sentenceRules(sentence: readonly RelationSpan[]): RuledPair[] {
  const out: RuledPair[] = [];
  const commitments = sentence.filter((s) => s.label === 'commitment');
  for (const c of commitments) {
    const subject = subjectOf(c, sentence);
    if (subject) out.push({ head: subject.id, child: c.id, label: 'commits', score: 0.7 });
    for (const s of sentence) {
      if (s.label === 'money' && inside(s, c)) out.push({ head: c.id, child: s.id, label: 'funds', score: 0.9 });
      if (s.label !== 'country') continue;
      if (inside(s, c)) out.push({ head: c.id, child: s.id, label: 'involves', score: 0.85 });
      else if (commitments.length === 1) out.push({ head: c.id, child: s.id, label: 'involves', score: 0.6 });
    }
  }
  return out;
}

type RuledPair = Omit<RelationSuggestion, 'key'>;

/** Each sentence's spans (reading order) and the pairs the rules find among them, by sentence index. */
export type SentenceRules = ReadonlyMap<
  number,
  { readonly spans: readonly RelationSpan[]; readonly pairs: readonly RuledPair[] }
>;

const sameSpans = (a: readonly RelationSpan[], b: readonly RelationSpan[]) =>
  a.length === b.length && a.every((s, i) => s === b[i]);

/**
 * The rules' pairs, sentence by sentence. A sentence whose spans are the same objects as in `previous`
 * keeps its pairs: spans are immutable values, so after one edit only its sentence is worked out again
 * (with 5,000 spans, the whole document took about 15 ms an edit).
 */
export function ruleSentences(
  spans: readonly RelationSpan[],
  sentences: readonly TextRange[],
  previous?: SentenceRules,
): SentenceRules {
  const out = new Map<number, { spans: readonly RelationSpan[]; pairs: readonly RuledPair[] }>();
  for (const [at, group] of bySentence(spans, sentences)) {
    const was = previous?.get(at);
    out.set(at, was && sameSpans(was.spans, group) ? was : { spans: group, pairs: sentenceRules(group) });
  }
  return out;
}

/**
 * `previous` (the rules of the spans before a step) after the step took out `removed` spans (as they
 * were) and put in `added` ones (as they are now; an update is both): only the sentences these are in
 * are worked out again, so an edit costs its sentence, not a pass over every span of the document.
 * The same rules as ruleSentences over the spans after the step.
 */
export function ruleSentencesAfterStep(
  previous: SentenceRules,
  removed: readonly RelationSpan[],
  added: readonly RelationSpan[],
  sentences: readonly TextRange[],
): SentenceRules {
  const groups = new Map<number, RelationSpan[]>();
  const groupAt = (at: number) => groups.get(at) ?? [...(previous.get(at)?.spans ?? [])];
  const gone = new Set([...removed, ...added].map((s) => s.id));
  for (const span of [...removed, ...added]) {
    const at = sentenceOf(sentences, span);
    if (at >= 0)
      groups.set(
        at,
        groupAt(at).filter((s) => !gone.has(s.id)),
      );
  }
  for (const span of added) {
    const at = sentenceOf(sentences, span);
    if (at >= 0) groups.get(at)!.push(span);
  }
  const out = new Map(previous);
  for (const [at, group] of groups) {
    if (group.length === 0) out.delete(at);
    else out.set(at, { spans: group.sort(compareReading), pairs: sentenceRules(group) });
  }
  return out;
}

type SentenceEntry = SentenceRules extends ReadonlyMap<number, infer E> ? E : never;

/** Each kept sentence's suggestions for the labels they were made with: an edit elsewhere reuses them. */
const madeFor = new WeakMap<SentenceEntry, { labels: readonly RelationLabel[]; list: RelationSuggestion[] }>();

/** One sentence's pairs the labels allow, in reading order of the head, then the child. */
function sentenceSuggestions(entry: SentenceEntry, labels: readonly RelationLabel[]): RelationSuggestion[] {
  const kept = madeFor.get(entry);
  if (kept?.labels === labels) return kept.list;
  const byName = new Map(labels.map((l) => [l.name, l]));
  const byId = new Map(entry.spans.map((s) => [s.id, s]));
  const list: RelationSuggestion[] = [];
  const seen = new Set<string>();
  for (const r of entry.pairs) {
    const key = relationSuggestionKey(r);
    const [head, child] = [byId.get(r.head)!, byId.get(r.child)!];
    if (seen.has(key) || relationProblem(byName.get(r.label), head, child)) continue;
    seen.add(key);
    list.push({ key, ...r });
  }
  list.sort(
    (a, b) => byId.get(a.head)!.start - byId.get(b.head)!.start || byId.get(a.child)!.start - byId.get(b.child)!.start,
  );
  madeFor.set(entry, { labels, list });
  return list;
}

/**
 * The suggestions from the rules' pairs: those the project's relation labels allow, less the relations
 * already made. In reading order of the head, then the child: sentence after sentence, since a pair's
 * spans start in the same sentence.
 */
export function suggestionsFrom(
  ruled: SentenceRules,
  labels: readonly RelationLabel[],
  existing: readonly Pick<Relation, 'head' | 'child' | 'label'>[] = [],
): RelationSuggestion[] {
  const made = new Set(existing.map(relationSuggestionKey));
  const out: RelationSuggestion[] = [];
  for (const at of [...ruled.keys()].sort((a, b) => a - b))
    for (const r of sentenceSuggestions(ruled.get(at)!, labels)) if (!made.has(r.key)) out.push(r);
  return out;
}

/**
 * The relations the rules suggest among `spans`, given the sentences of the
 * text (core/suggest/sentences.ts), the project's relation labels and the
 * relations already made. In reading order of the head, then the child.
 */
export function suggestRelations(
  spans: readonly RelationSpan[],
  sentences: readonly TextRange[],
  labels: readonly RelationLabel[],
  existing: readonly Pick<Relation, 'head' | 'child' | 'label'>[] = [],
): RelationSuggestion[] {
  return suggestionsFrom(ruleSentences(spans, sentences), labels, existing);
}
