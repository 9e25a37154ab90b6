// The one entry point the app and the command line share: annotators'
// layers of a corpus in, every agreement figure out, per annotator pair and
// (for three or more) for the whole group, overall and per label, for the
// corpus and for each document, with the documents sorted so the ones that
// most need an adjudicator come first.
import { GroupCounts, type GroupMeasures } from './group-counts';
import { annotatorPairs, PairCounts, type PairMeasures } from './pair-counts';
import { disagreeingSpans, prepareDocument, type PreparedLayer } from './prepared-document';
import type { AgreementInput } from './spans';

export interface DocumentAgreement {
  readonly key: string;
  readonly name: string;
  /** The annotators who have this document. */
  readonly annotators: readonly string[];
  /** Distinct spans (start, end, label) among their layers. */
  readonly spans: number;
  /** Distinct spans not every one of them made: what an adjudicator has to decide. */
  readonly disagreements: number;
  readonly pairs: readonly PairMeasures[];
  readonly group?: GroupMeasures;
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

/** The lowest exact F1 of a document's pairs (1 when no pair has spans), the tie-breaker of the sort. */
function lowestF1(doc: DocumentAgreement): number {
  let low = 1;
  for (const p of doc.pairs) if (p.exactF1.overall !== null) low = Math.min(low, p.exactF1.overall);
  return low;
}

/**
 * Most disagreeing spans first (the adjudicator's work), then the lowest
 * pairwise exact F1, then input order (the sort is stable).
 */
export function byDisagreement(a: DocumentAgreement, b: DocumentAgreement): number {
  return b.disagreements - a.disagreements || lowestF1(a) - lowestF1(b);
}

export function measureAgreement(input: AgreementInput): AgreementReport {
  const names = input.annotators;
  const pairs = annotatorPairs(names.length);
  const corpusPairs = pairs.map(([a, b]) => new PairCounts(a, b));
  const corpusGroup = names.length >= 3 ? new GroupCounts(names.length) : undefined;
  const labels = new Set<string>();
  const documents: DocumentAgreement[] = [];
  const unpaired: Array<{ key: string; name: string; annotator: string }> = [];
  for (const input_ of input.documents) {
    const doc = prepareDocument(input_);
    doc.labels.forEach((l) => labels.add(l));
    const present = doc.layers.flatMap((l, i) => (l ? [i] : []));
    if (present.length < 2) {
      if (present.length === 1) unpaired.push({ key: doc.key, name: doc.name, annotator: names[present[0]] });
      continue;
    }
    const docPairs: PairMeasures[] = [];
    for (const counts of corpusPairs) {
      if (!doc.layers[counts.a] || !doc.layers[counts.b]) continue;
      const one = new PairCounts(counts.a, counts.b);
      one.add(doc);
      docPairs.push(one.measures(names));
      counts.addDocumentCounts(one);
    }
    let group: GroupMeasures | undefined;
    if (corpusGroup && present.length === names.length) {
      const one = new GroupCounts(names.length);
      one.add(doc);
      group = one.measures(names);
      corpusGroup.addDocumentCounts(one);
    }
    const { spans, disagreements } = disagreeingSpans(present.map((i) => doc.layers[i] as PreparedLayer));
    const entry: DocumentAgreement = { key: doc.key, name: doc.name, annotators: present.map((i) => names[i]), spans, disagreements, pairs: docPairs };
    documents.push(group ? { ...entry, group } : entry);
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
