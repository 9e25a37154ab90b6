// The lexical attributes spaCy's Matcher can test, computed the way spaCy
// (and Python's str methods, which spaCy calls) compute them, so a pattern
// file written for spaCy means the same here.

const NUMBER_WORDS = new Set(
  (
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen ' +
    'seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand ' +
    'million billion trillion quadrillion gajillion bazillion'
  ).split(' '),
);
const ORDINAL_WORDS = new Set(
  (
    'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth ' +
    'fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth fortieth fiftieth sixtieth ' +
    'seventieth eightieth ninetieth hundredth thousandth millionth billionth trillionth quadrillionth ' +
    'gajillionth bazillionth'
  ).split(' '),
);

const isUpperChar = (ch: string): boolean => ch !== ch.toLowerCase() && ch === ch.toUpperCase();
const isLowerChar = (ch: string): boolean => ch !== ch.toUpperCase() && ch === ch.toLowerCase();
const DIGIT = /^\p{Nd}$/u;
const LETTER = /^\p{L}$/u;

/** Python str.isdigit (close enough: decimal digits). */
export function isDigit(text: string): boolean {
  // ASCII answered by hand: the matcher asks this of every token of a text.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return /^\p{Nd}+$/u.test(text);
    if (c < 48 || c > 57) return false;
  }
  return text.length > 0;
}

export function isAlpha(text: string): boolean {
  return /^\p{L}+$/u.test(text);
}

export function isAscii(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- the ASCII range starts at U+0000 on purpose
  return /^[\x00-\x7f]*$/.test(text);
}

/** Python str.isupper: at least one cased character and no lowercase one. */
export function isUpper(text: string): boolean {
  let cased = false;
  for (const ch of text) {
    if (isLowerChar(ch)) return false;
    if (isUpperChar(ch)) cased = true;
  }
  return cased;
}

/** Python str.islower. */
export function isLower(text: string): boolean {
  let cased = false;
  for (const ch of text) {
    if (isUpperChar(ch)) return false;
    if (isLowerChar(ch)) cased = true;
  }
  return cased;
}

/** Python str.istitle: uppercase only after uncased characters, lowercase only after cased ones. */
export function isTitle(text: string): boolean {
  let cased = false;
  let previousCased = false;
  for (const ch of text) {
    if (isUpperChar(ch)) {
      if (previousCased) return false;
      previousCased = cased = true;
    } else if (isLowerChar(ch)) {
      if (!previousCased) return false;
      previousCased = cased = true;
    } else previousCased = false;
  }
  return cased;
}

/** Unicode punctuation (spaCy's is_punct also counts a few symbols such as quotes, which \p{P} covers). */
export function isPunct(text: string): boolean {
  return /^\p{P}+$/u.test(text);
}

export function isSpace(text: string): boolean {
  return /^\s+$/u.test(text);
}

/** spaCy English like_num: digits (with , and . removed), a fraction, or a number/ordinal word. */
export function likeNum(text: string): boolean {
  let t = text;
  if (t.startsWith('+') || t.startsWith('-') || t.startsWith('±') || t.startsWith('~')) t = t.slice(1);
  // The matcher asks this of every token of a text: the replacements and the fraction test only when they can apply.
  if (t.includes(',') || t.includes('.')) t = t.replace(/[,.]/g, '');
  if (isDigit(t)) return true;
  if (t.includes('/') && (t.match(/\//g) ?? []).length === 1) {
    const [num, denom] = t.split('/');
    if (isDigit(num) && isDigit(denom)) return true;
  }
  // What is left is a number word (3 to 13 letters) or an ordinal like "4th": nothing shorter than 3.
  if (text.length < 3) return false;
  const lower = text.toLowerCase();
  if (NUMBER_WORDS.has(lower) || ORDINAL_WORDS.has(lower)) return true;
  if (lower.endsWith('th') && isDigit(lower.slice(0, -2))) return true;
  return false;
}

/** spaCy's word shape: X/x/d for upper/lower/digit, other characters kept, runs cut after 4. */
export function shape(text: string): string {
  if (text.length >= 100) return 'LONG';
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of text) {
    const s = LETTER.test(ch) ? (isUpperChar(ch) ? 'X' : 'x') : DIGIT.test(ch) ? 'd' : ch;
    run = s === last ? run + 1 : 0;
    last = s;
    if (run < 4) out += s;
  }
  return out;
}
