// The values every agreement measure reads: one annotator's spans over one
// document's text, offsets in Unicode code points (Python str indices), as
// the JSONL files carry them. Measures never see UTF-16 offsets, so a length
// (alpha_u weighs units by their length) is the length a user is shown.
import { makeOffsetConverter } from '../codepoints';

/** A labelled span [start, end) in code points. */
export interface LabeledSpan {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

/** One document as the measures see it: its text and each annotator's spans. */
export interface AgreementDocument {
  /** What pairs the same document across annotators' files: the sha256 of the text (or the text itself). */
  readonly key: string;
  readonly name: string;
  readonly text: string;
  /** Spans per annotator, in the order of AgreementInput.annotators; undefined where an annotator lacks the document. */
  readonly layers: ReadonlyArray<readonly LabeledSpan[] | undefined>;
}

export interface AgreementInput {
  readonly annotators: readonly string[];
  readonly documents: readonly AgreementDocument[];
}

/** The identity of a span for exact matching: same start, end and label. */
export function spanKey(span: LabeledSpan): string {
  return `${span.start}:${span.end}:${span.label}`;
}

/** Spans in a fixed order: start, end, then label by code units. */
export function compareSpans(a: LabeledSpan, b: LabeledSpan): number {
  return a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

/**
 * A layer as a set: sorted, with exact duplicates (same start, end, label)
 * dropped, and empty spans (start >= end) dropped, because a span that marks
 * nothing can neither agree nor disagree with anything.
 */
export function normalizeLayer(spans: readonly LabeledSpan[]): LabeledSpan[] {
  const sorted = spans.filter((s) => s.start < s.end).sort(compareSpans);
  const out: LabeledSpan[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (!last || compareSpans(last, span) !== 0) out.push(span);
  }
  return out;
}

/** Length of `text` in code points. */
export function codePointLength(text: string): number {
  return makeOffsetConverter(text).codePointLength;
}

/** Spans with UTF-16 offsets (as the app stores them) -> code points, via one converter for the text. */
export function toCodePointSpans(text: string, spans: readonly LabeledSpan[]): LabeledSpan[] {
  const conv = makeOffsetConverter(text);
  return spans.map((s) => ({ start: conv.toCodePoint(s.start), end: conv.toCodePoint(s.end), label: s.label }));
}

/** Distinct labels of the given layers, sorted by code units. */
export function labelsOf(layers: ReadonlyArray<readonly LabeledSpan[] | undefined>): string[] {
  const labels = new Set<string>();
  for (const layer of layers) for (const span of layer ?? []) labels.add(span.label);
  return [...labels].sort();
}
