// The suggestions the app shows for one open document: the rules (with the
// pattern files), other occurrences of what is tagged, and the learned
// tagger, less what a person rejected and what is already tagged. The rules
// depend on the text alone, so a caller that asks again after every tag (a
// Web Worker) keeps their output (`RuleCache`) and pays only for the
// occurrences and the tagger.
import { byPosition, longestPerLabel, type Candidate } from './candidate';
import type { CompiledPatterns } from './matcher';
import { suggestOccurrences, suggestPhrase, type TaggedSpan } from './occurrences';
import { suggestRules } from './rules';
import { predictTagger, type TaggerModel } from './tagger';

export interface DocumentSuggestOptions {
  readonly patterns?: CompiledPatterns;
  readonly model?: TaggerModel;
  /** The rules' candidates for this text, if already known (see RuleCache). */
  readonly rules?: readonly Candidate[];
  /** Texts to find in every document ("label all occurrences" across the corpus), each with its label. */
  readonly phrases?: readonly CorpusPhrase[];
}

/** A span's text the annotator asked to find in every document, and the label it is suggested with. */
export interface CorpusPhrase {
  readonly phrase: string;
  readonly label: string;
}

const keyOf = (s: TaggedSpan): string => `${s.start}:${s.end}:${s.label}`;

/** A span of the same label overlaps it: spans of one label never overlap, so it is not suggested. */
export const coveredBy = (c: TaggedSpan, spans: readonly TaggedSpan[]): boolean =>
  spans.some((s) => s.label === c.label && c.start < s.end && s.start < c.end);

/**
 * Suggestions for `text` (UTF-16 offsets) given its spans and its rejected
 * suggestions. A rejected candidate is dropped before the longest-per-label
 * choice, so a shorter candidate it hid may now be offered.
 */
export function suggestDocument(
  text: string,
  spans: readonly TaggedSpan[],
  rejected: readonly TaggedSpan[],
  options: DocumentSuggestOptions = {},
): Candidate[] {
  const no = new Set(rejected.map(keyOf));
  const open = (c: Candidate) => !no.has(keyOf(c)) && !coveredBy(c, spans);
  const rules = options.rules ?? suggestRules(text, { patterns: options.patterns });
  const corpus = (options.phrases ?? []).flatMap((p) => suggestPhrase(text, p.phrase, p.label));
  const merged = longestPerLabel([...rules, ...suggestOccurrences(text, spans), ...corpus].filter(open));
  if (options.model) {
    for (const c of predictTagger(options.model, text)) if (open(c) && !coveredBy(c, merged)) merged.push(c);
  }
  return merged.sort(byPosition);
}

/**
 * The rules' output for the last few texts (the open documents): keyed by the
 * text itself, so a changed pattern set or text is never served stale.
 */
export class RuleCache {
  private readonly entries = new Map<string, readonly Candidate[]>();

  constructor(
    private patterns: CompiledPatterns | undefined,
    private readonly size = 4,
  ) {}

  setPatterns(patterns: CompiledPatterns | undefined): void {
    this.patterns = patterns;
    this.entries.clear();
  }

  rules(text: string): readonly Candidate[] {
    const hit = this.entries.get(text);
    if (hit) {
      this.entries.delete(text); // most recently used last
      this.entries.set(text, hit);
      return hit;
    }
    const found = suggestRules(text, { patterns: this.patterns });
    this.entries.set(text, found);
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
    return found;
  }
}
