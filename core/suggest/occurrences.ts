// "Label all occurrences": once a span is tagged, the same text elsewhere is
// suggested with the same label. Case rules: the match is case-sensitive
// ("Patel" never suggests "patel", "US" never "us"), because case is what
// tells names from words in these texts; whitespace inside the phrase
// matches any whitespace run, so a hard-wrapped "Border Security\nCommand"
// is found from "Border Security Command". Matches are whole words: the
// characters either side must not be letters, digits or "_".
import { candidate, type Candidate } from './candidate';
import { startsWithOneOf } from './first-chars';

export interface TaggedSpan {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A whole-word, case-sensitive regex for `phrase`, any whitespace run standing for any other. */
export function phraseRegex(phrase: string): RegExp {
  const body = phrase.trim().split(/\s+/u).map(escape).join('\\s+');
  return new RegExp(`${startsWithOneOf([phrase.trim()])}(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])`, 'gu');
}

/** Every occurrence of `phrase` in `text` as a `label` candidate (UTF-16 offsets). */
export function suggestPhrase(text: string, phrase: string, label: string, score = 0.8): Candidate[] {
  if (phrase.trim() === '') return [];
  return [...text.matchAll(phraseRegex(phrase))].map((m) =>
    candidate(m.index ?? 0, (m.index ?? 0) + m[0].length, label, 'occurrences', score),
  );
}

/**
 * Other occurrences of every tagged span's text in `text`, leaving out places
 * already tagged with the same label (or overlapping such a span, since spans
 * of one label never overlap).
 */
export function suggestOccurrences(
  text: string,
  tagged: readonly TaggedSpan[],
  phrasesFrom: string = text,
): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const span of tagged) {
    const phrase = phrasesFrom.slice(span.start, span.end);
    const key = `${span.label}\u0000${phrase.replace(/\s+/gu, ' ')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const c of suggestPhrase(text, phrase, span.label)) {
      const clash = tagged.some((t) => t.label === c.label && c.start < t.end && t.start < c.end);
      if (!clash) out.push(c);
    }
  }
  return out;
}
