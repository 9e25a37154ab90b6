// "Does the text also write this word in lowercase?" (the actor rules' test
// that a capitalised word is a common word, not a name), answered per word
// when asked instead of collecting every lowercase word of the text first: a
// 200 KB text has 30,000 of them, and the rules ask about a few hundred.
// The meaning is that of the whole-text scan it replaces: a maximal run of
// lowercase letters (\p{Ll}+) with no letter on either side.

const LOWERCASE_WORD = /^\p{Ll}+$/u;
const LETTER = /^\p{L}$/u;

/** The code point that ends just before UTF-16 index `i` (a surrogate pair read whole). */
function codePointBefore(text: string, i: number): string {
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(i - 2, i);
  }
  return text[i - 1];
}

const isLetter = (ch: string | undefined): boolean => ch !== undefined && LETTER.test(ch);

/** True when `word` (all lowercase letters) stands in `text` with no letter right before or after it. */
function writtenAlone(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    const end = at + word.length;
    const after = end < text.length ? String.fromCodePoint(text.codePointAt(end)!) : undefined;
    if ((at === 0 || !isLetter(codePointBefore(text, at))) && !isLetter(after)) return true;
  }
  return false;
}

/** A test of `text`: is `word` one of its lowercase words? Answers are kept for the text's other questions. */
export function lowercaseWordsOf(text: string): (word: string) => boolean {
  const known = new Map<string, boolean>();
  return (word) => {
    let found = known.get(word);
    if (found === undefined) {
      found = LOWERCASE_WORD.test(word) && writtenAlone(text, word);
      known.set(word, found);
    }
    return found;
  };
}
