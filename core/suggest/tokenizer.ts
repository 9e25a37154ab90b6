// A tokenizer that follows spaCy's English tokenizer (spacy/lang/en and
// spacy/lang/punctuation.py) closely enough that Matcher patterns written
// against spaCy tokens match the same tokens here:
//  - text splits on whitespace; a single space after a token is that token's
//    trailing whitespace, any other whitespace run (newlines, double spaces)
//    is a token of its own (IS_SPACE), as in spaCy;
//  - each chunk loses prefixes (opening punctuation, quotes, currency symbols:
//    "£84" -> "£", "84") and suffixes (closing punctuation, quotes, "'s",
//    units after digits: "10m" -> "10", "m", "5%" -> "5", "%"; a final "."
//    after a lowercase letter, digit, quote or two capitals) until none is
//    left, then splits on infixes (hyphens and slashes between letters:
//    "co-operation" -> "co", "-", "operation"; commas between letters);
//  - special cases keep abbreviations whole ("Ltd.", "Mr.", "U.S.") and split
//    contractions ("don't" -> "do", "n't"; "I've" -> "I", "'ve").
// Not emulated: URL/e-mail token_match, emoticons, and spaCy's full table of
// exceptions (only the common English abbreviations below).

export interface Token {
  readonly text: string;
  /** UTF-16 offsets in the document. */
  readonly start: number;
  readonly end: number;
  /** True for whitespace tokens (newlines, extra spaces). */
  readonly space: boolean;
}

const CURRENCY = '$£€¥฿₽₴₠₡₢₣₤₥₦₧₨₩₪₫₭₮₯₰₱₲₳₵₶₷₸₹₺₻₼₾₿¢';
const QUOTES = `"'\`‘’‚‛“”„‟«»‹›「」『』`;
const PUNCT = ',:;!?¿¡()\\[\\]{}<>_#*&。？！，、；：～·।،؛٪';
const UNITS =
  'km|km²|km³|m|m²|m³|dm|dm²|dm³|cm|cm²|cm³|mm|mm²|mm³|ha|µm|nm|yd|in|ft|kg|g|mg|µg|t|lb|oz|m/s|km/h|kmh|mph|hPa|Pa|mbar|mb|MB|kb|KB|gb|GB|tb|TB|T|G|M|K|%';

const esc = (s: string): string => s.replace(/[-\\^\]]/g, '\\$&');
const PREFIX = new RegExp(
  `^(?:US\\$|C\\$|A\\$|\\.\\.\\.+|…|[§%=—–+]|[${PUNCT}]|[${esc(QUOTES)}]|[${esc(CURRENCY)}])`,
  'u',
);
const SUFFIXES: RegExp[] = [
  /(?:\.\.\.+|…)$/u,
  new RegExp(`(?:[${PUNCT}]|[${esc(QUOTES)}])$`, 'u'),
  /(?:'s|'S|’s|’S|—|–)$/u,
  /(?<=[0-9])\+$/u,
  new RegExp(`(?<=[0-9])(?:[${esc(CURRENCY)}])$`, 'u'),
  new RegExp(`(?<=[0-9])(?:${UNITS})$`, 'u'),
  new RegExp(`(?<=[0-9\\p{Ll}%²\\-+${PUNCT}${esc(QUOTES)}])\\.$`, 'u'),
  /(?<=\p{Lu}\p{Lu})\.$/u,
];
const INFIX = new RegExp(
  [
    '\\.\\.\\.+|…',
    '(?<=[0-9])[+\\-*^](?=[0-9-])',
    `(?<=[\\p{Ll}${esc(QUOTES)}])\\.(?=[\\p{Lu}${esc(QUOTES)}])`,
    '(?<=\\p{L}),(?=\\p{L})',
    '(?<=[\\p{L}0-9])(?:---|--|-|–|—|~)(?=\\p{L})',
    '(?<=[\\p{L}0-9])[:<>=/](?=\\p{L})',
  ].join('|'),
  'gu',
);

/** Abbreviations spaCy's English exceptions keep whole with their period. */
const ABBREVIATIONS = new Set(
  (
    'Mr. Mrs. Ms. Dr. Prof. Rev. Gen. Gov. Sen. Rep. St. Jr. Sr. Ltd. Inc. Co. Corp. Bros. vs. etc. e.g. i.e. ' +
    'a.m. p.m. Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec. Mt. No. approx. dept. est.'
  ).split(' '),
);
const INITIALISM = /^(?:\p{L}\.){2,}$/u;
const CONTRACTION = /^(\p{L}+?)(n['’]t|['’](?:ve|re|ll|d|m|VE|RE|LL|D|M))$/u;
const NT_STEMS: Record<string, string> = { can: 'ca', won: 'wo', ain: 'ai', Can: 'Ca', Won: 'Wo', Ain: 'Ai' };

type Piece = [text: string, start: number];

function special(text: string, start: number): Piece[] | undefined {
  if (ABBREVIATIONS.has(text) || INITIALISM.test(text)) return [[text, start]];
  const m = CONTRACTION.exec(text);
  if (!m) return undefined;
  const [, stem, tail] = m;
  const isNt = /^n/.test(tail);
  const head = isNt ? (NT_STEMS[stem + 'n'] ?? stem) : stem;
  if (isNt && NT_STEMS[stem + 'n'])
    return [
      [head, start],
      [text.slice(head.length), start + head.length],
    ];
  return [
    [stem, start],
    [tail, start + stem.length],
  ];
}

function splitInfixes(text: string, start: number, out: Piece[]): void {
  let last = 0;
  for (const m of text.matchAll(INFIX)) {
    const at = m.index ?? 0;
    if (at === 0 || m[0].length === 0) continue;
    if (at > last) out.push([text.slice(last, at), start + last]);
    out.push([m[0], start + at]);
    last = at + m[0].length;
  }
  if (last < text.length) out.push([text.slice(last), start + last]);
}

/** A chunk of letters and digits only has no prefix or infix: most words, so checked first. */
const PLAIN = /^[\p{L}\p{N}]+$/u;
/** The one suffix a chunk of letters and digits can still have: a unit after a digit ("10m", "5km"). */
const UNIT_END = new RegExp(`[0-9](?:${UNITS})$`, 'u');

/**
 * A chunk that is one token as it stands: PLAIN, and no unit after a digit. ASCII (nearly every character of
 * most texts) is read without the Unicode regular expression.
 */
function isPlain(run: string): boolean {
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    if (c >= 128) return PLAIN.test(run) && !UNIT_END.test(run);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return run.length > 0 && !UNIT_END.test(run);
}

/** Splits one whitespace-free chunk into spaCy-like pieces. */
function splitChunk(chunk: string, start: number): Piece[] {
  if (isPlain(chunk)) return [[chunk, start]];
  const prefixes: Piece[] = [];
  const suffixes: Piece[] = [];
  let text = chunk;
  let from = start;
  while (text.length > 0) {
    if (isPlain(text)) break; // what is left has no prefix, suffix, infix or special case
    const whole = special(text, from);
    if (whole) return [...prefixes, ...whole, ...suffixes.reverse()];
    const pre = PREFIX.exec(text);
    if (pre && pre[0].length < text.length) {
      prefixes.push([pre[0], from]);
      text = text.slice(pre[0].length);
      from += pre[0].length;
      continue;
    }
    const suffix = SUFFIXES.map((re) => re.exec(text)).find((m) => m && m[0].length < text.length);
    if (suffix) {
      const cut = text.length - suffix[0].length;
      suffixes.push([suffix[0], from + cut]);
      text = text.slice(0, cut);
      continue;
    }
    break;
  }
  const middle: Piece[] = [];
  if (isPlain(text)) middle.push([text, from]);
  else if (text.length > 0) splitInfixes(text, from, middle);
  return [...prefixes, ...middle, ...suffixes.reverse()];
}

const SPACE = /\s/u;
/** Whitespace as \s means it; the ASCII cases (nearly all) without a regular expression. */
function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(text[i]);
}

/** spaCy-like tokens of `text`, in order, with UTF-16 offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousWasWord = false;
  // Runs of whitespace and of anything else, scanned by hand: a 200 KB text has 40,000 of them.
  for (let at = 0; at < text.length;) {
    const space = isSpaceAt(text, at);
    let end = at + 1;
    while (end < text.length && isSpaceAt(text, end) === space) end++;
    if (space) {
      // The first plain space after a word is its trailing whitespace, as in spaCy.
      const skip = previousWasWord && text[at] === ' ' ? 1 : 0;
      if (end - at > skip) tokens.push({ text: text.slice(at + skip, end), start: at + skip, end, space: true });
      previousWasWord = false;
    } else {
      const run = text.slice(at, end);
      if (isPlain(run)) tokens.push({ text: run, start: at, end, space: false });
      else
        for (const [piece, start] of splitChunk(run, at))
          tokens.push({ text: piece, start, end: start + piece.length, space: false });
      previousWasWord = true;
    }
    at = end;
  }
  return tokens;
}
