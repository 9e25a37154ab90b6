// Country suggestions: the package names of country-names.ts, matched as
// whole words and case-sensitively (so "turkey" the bird and "us" the pronoun
// never match), with line breaks allowed between the words of a name (texts
// are often hard-wrapped). By the guidelines a country inside a longer name
// still counts ("France" in "Northern France", "UK" in "UK Government"), and
// demonyms ("British") are not countries, which whole-word matching ensures.
import { candidate, type Candidate } from './candidate';
import { countryNames } from './country-names';
import { startsWithOneOf } from './first-chars';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let cached: RegExp | undefined;
function countryPattern(): RegExp {
  cached ??= new RegExp(
    `${startsWithOneOf(countryNames())}(?<![\\p{L}\\p{N}_])(?:${countryNames()
      .map((n) => escape(n).replace(/ /g, '\\s+'))
      .join('|')})(?![\\p{L}\\p{N}_$])`,
    'gu',
  );
  return cached;
}

const ALL_CAPS_WORD = /^\p{Lu}{2,}$/u;
const wordBefore = (text: string, at: number): string =>
  /(\S+)\s*$/u.exec(text.slice(Math.max(0, at - 40), at))?.[1] ?? '';
const wordAfter = (text: string, at: number): string => /^\s*([\p{L}]+)/u.exec(text.slice(at, at + 40))?.[1] ?? '';

/**
 * A short all-caps alias ("US") inside an all-caps run is a word, not a
 * country ("HELP US NOW"); elsewhere it is the country.
 */
function shoutedWord(text: string, start: number, end: number): boolean {
  const name = text.slice(start, end);
  if (name.length > 3 || !ALL_CAPS_WORD.test(name)) return false;
  return ALL_CAPS_WORD.test(wordBefore(text, start)) || ALL_CAPS_WORD.test(wordAfter(text, end));
}

/** Country suggestions in `text` (UTF-16 offsets). */
export function suggestCountries(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(countryPattern())) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (shoutedWord(text, start, end)) continue;
    out.push(candidate(start, end, 'country', 'countries', 0.95));
  }
  return out;
}
