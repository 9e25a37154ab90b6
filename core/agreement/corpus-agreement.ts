// The one entry point the app and the command line share: annotators'
// layers of a corpus in, every agreement figure out, per annotator pair and
// (for three or more) for the whole group, overall and per label, for the
// corpus and for each document, with the documents sorted so the ones that
// most need an adjudicator come first.
//
// A document's own figures (pairs, group) are computed when first read, from
// the same counts as the corpus's: a table shows a screenful of documents,
// and 100,000 documents' per-label figures that nobody reads would double
// the work. Reading them all (--json) costs what computing them up front
// would have.
import { GroupCounts, type GroupMeasures } from './group-counts';
import { annotatorPairs, PairCounts, type PairMeasures } from './pair-counts';
import { disagreeingSpans, prepareDocument, type PreparedDocument, type PreparedLayer } from './prepared-document';
import type { AgreementDocument, AgreementInput } from './spans';

export interface DocumentMeasures {
  readonly pairs: readonly PairMeasures[];
  /** Present when three or more annotators all have the document. */
  readonly group?: GroupMeasures;
}

export interface DocumentAgreement extends DocumentMeasures {
  readonly key: string;
  readonly name: string;
  /** The annotators who have this document. */
  readonly annotators: readonly string[];
  /** Distinct spans (start, end, label) among their layers. */
  readonly spans: number;
  /** Distinct spans not every one of them made: what an adjudicator has to decide. */
  readonly disagreements: number;
  /** The lowest exact F1 of its annotator pairs; null when no pair has a span. */
  readonly lowestExactF1: number | null;
}

export interface AgreementReport {
  readonly annotators: readonly string[];
  readonly labels: readonly string[];
  readonly pairs: readonly PairMeasures[];
  /** Present for three or more annotators: Fleiss' kappa and R-coder alpha_u. */
  readonly group?: GroupMeasures;
  /** Documents at least two annotators have, most disagreements first. */
  readonly documents: readonly DocumentAgreement[];
  /** Documents only one annotator has: nothing to compare them with. */
  readonly unpaired: ReadonlyArray<{ readonly key: string; readonly name: string; readonly annotator: string }>;
}

/**
 * Most disagreeing spans first (the adjudicator's work), then the lowest
 * pairwise exact F1 (none counts as 1), then input order (the sort is stable).
 */
export function byDisagreement(a: DocumentAgreement, b: DocumentAgreement): number {
  return b.disagreements - a.disagreements || (a.lowestExactF1 ?? 1) - (b.lowestExactF1 ?? 1);
}

function documentMeasures(doc: PreparedDocument, names: readonly string[]): DocumentMeasures {
  const pairs: PairMeasures[] = [];
  for (const [a, b] of annotatorPairs(names.length)) {
    if (!doc.layers[a] || !doc.layers[b]) continue;
    const counts = new PairCounts(a, b);
    counts.add(doc);
    pairs.push(counts.measures(names));
  }
  if (names.length < 3 || doc.layers.some((l) => !l)) return { pairs };
  const group = new GroupCounts(names.length);
  group.add(doc);
  return { pairs, group: group.measures(names) };
}

/** One document's figures on its own: what a document row of the app or of --json shows. */
export function measureDocument(source: AgreementDocument, annotators: readonly string[]): DocumentMeasures {
  return documentMeasures(prepareDocument(source), annotators);
}

function documentRow(
  source: AgreementDocument,
  names: readonly string[],
  fields: Omit<DocumentAgreement, keyof DocumentMeasures>,
): DocumentAgreement {
  let measures: DocumentMeasures | undefined;
  const get = () => (measures ??= measureDocument(source, names));
  return {
    ...fields,
    get pairs() {
      return get().pairs;
    },
    get group() {
      return get().group;
    },
  };
}

export function measureAgreement(input: AgreementInput): AgreementReport {
  const names = input.annotators;
  const corpusPairs = annotatorPairs(names.length).map(([a, b]) => new PairCounts(a, b));
  const corpusGroup = names.length >= 3 ? new GroupCounts(names.length) : undefined;
  const labels = new Set<string>();
  const documents: DocumentAgreement[] = [];
  const unpaired: Array<{ key: string; name: string; annotator: string }> = [];
  for (const source of input.documents) {
    const doc = prepareDocument(source);
    doc.labels.forEach((l) => labels.add(l));
    const present = doc.layers.flatMap((l, i) => (l ? [i] : []));
    if (present.length < 2) {
      if (present.length === 1) unpaired.push({ key: doc.key, name: doc.name, annotator: names[present[0]] });
      continue;
    }
    let lowestExactF1: number | null = null;
    for (const counts of corpusPairs) {
      const exact = counts.add(doc);
      if (exact !== null) lowestExactF1 = Math.min(lowestExactF1 ?? 1, exact);
    }
    if (corpusGroup && present.length === names.length) corpusGroup.add(doc);
    const { spans, disagreements } = disagreeingSpans(present.map((i) => doc.layers[i] as PreparedLayer));
    documents.push(
      documentRow(source, names, {
        key: doc.key,
        name: doc.name,
        annotators: present.map((i) => names[i]),
        spans,
        disagreements,
        lowestExactF1,
      }),
    );
  }
  documents.sort(byDisagreement);
  const report: AgreementReport = {
    annotators: [...names],
    labels: [...labels].sort(),
    pairs: corpusPairs.map((c) => c.measures(names)),
    documents,
    unpaired,
  };
  return corpusGroup ? { ...report, group: corpusGroup.measures(names) } : report;
}
