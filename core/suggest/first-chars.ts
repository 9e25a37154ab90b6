// A look-ahead naming the characters a match can start with, put before a
// whole-word regex's look-behind: the regex engine then passes over every
// other position at once instead of testing the look-behind there. Measured
// in Node on 200 KB: the money regex 3.3 ms -> 0.6 ms. Matches are unchanged
// (a look-ahead consumes nothing, and every match starts with one of these).

/** `(?=[...])` of the first code point of each of `words` (for a regex with the `u` flag). */
export function startsWithOneOf(words: Iterable<string>): string {
  const firsts = new Set<string>();
  for (const word of words) {
    const first = String.fromCodePoint(word.codePointAt(0) ?? 0);
    if (word.length > 0) firsts.add(first);
  }
  if (firsts.size === 0) return '(?!)'; // nothing to find
  const escaped = [...firsts].map((c) => c.replace(/[\\\]^[-]/g, '\\$&')).join('');
  return `(?=[${escaped}])`;
}
