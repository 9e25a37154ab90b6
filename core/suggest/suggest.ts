// All suggesters for one document: rules (and pattern files), other
// occurrences of what is already tagged, and the learned tagger, merged into
// one list. Inside, offsets are UTF-16 (as the app stores them);
// `suggestRecord` is the file boundary: it takes and returns spans in code
// points (Python str indices), converted by core/codepoints.
import { makeOffsetConverter } from '../codepoints';
import { byPosition, longestPerLabel, type Candidate } from './candidate';
import type { CompiledPatterns } from './matcher';
import { suggestOccurrences, type TaggedSpan } from './occurrences';
import { suggestRules } from './rules';
import { predictTagger, type TaggerModel } from './tagger';

export interface SuggestOptions {
  readonly patterns?: CompiledPatterns;
  readonly model?: TaggerModel;
  /** Suggest other occurrences of the spans already tagged (default true). */
  readonly occurrences?: boolean;
}

const clashes = (c: Candidate, spans: readonly TaggedSpan[]): boolean =>
  spans.some((s) => s.label === c.label && c.start < s.end && s.start < c.end);

/**
 * Suggestions for `text` given the spans already there (UTF-16). Rules and
 * occurrences come first (longest per label wins among them); the model adds
 * spans where they have none of its label. Nothing that overlaps an existing
 * span of the same label is suggested.
 */
export function suggestText(
  text: string,
  existing: readonly TaggedSpan[] = [],
  options: SuggestOptions = {},
): Candidate[] {
  const first = [...suggestRules(text, { patterns: options.patterns })];
  if (options.occurrences !== false) first.push(...suggestOccurrences(text, existing));
  const merged = longestPerLabel(first.filter((c) => !clashes(c, existing)));
  if (options.model) {
    for (const c of predictTagger(options.model, text))
      if (!clashes(c, existing) && !clashes(c, merged)) merged.push(c);
  }
  return merged.sort(byPosition);
}

/** A span in a file: code point offsets, with the suggestion's source and score when it is one. */
export interface RecordSpan {
  start: number;
  end: number;
  label: string;
  text?: string;
  source?: string;
  score?: number;
  [key: string]: unknown;
}

/** Suggestions for a record whose spans are in code points; returned spans are in code points and carry `text`. */
export function suggestRecord(text: string, spans: readonly RecordSpan[], options: SuggestOptions = {}): RecordSpan[] {
  const convert = makeOffsetConverter(text);
  const existing = spans.map((s) => ({ start: convert.toUtf16(s.start), end: convert.toUtf16(s.end), label: s.label }));
  return suggestText(text, existing, options).map((c) => ({
    start: convert.toCodePoint(c.start),
    end: convert.toCodePoint(c.end),
    label: c.label,
    text: text.slice(c.start, c.end),
    source: c.source,
    score: c.score,
  }));
}
