// Tokens for token-per-line formats (CoNLL, Hugging Face): every segment of
// Intl.Segmenter's word segmentation that is not white space, so punctuation
// is a token of its own (as in CoNLL and spaCy) and words are what
// core/text/words.ts calls words, with the same fixed locale. Sentences here
// are the text's non-empty lines: the one split that never needs a model.
// Offsets are UTF-16 units.

export interface Token {
  start: number;
  end: number;
  text: string;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
const SPACE = /^\s+$/u;

/** The tokens of `text[from, to)`. */
export function tokensOf(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  for (const seg of segmenter.segment(text.slice(from, to))) {
    if (SPACE.test(seg.segment)) continue;
    const start = from + seg.index;
    tokens.push({ start, end: start + seg.segment.length, text: seg.segment });
  }
  return tokens;
}

/** The tokens of each non-empty line of `text`. */
export function sentencesOf(text: string): Token[][] {
  const out: Token[][] = [];
  const breaks = /\r\n|\r|\n/g;
  let from = 0;
  for (;;) {
    const m = breaks.exec(text);
    const to = m ? m.index : text.length;
    const tokens = tokensOf(text, from, to);
    if (tokens.length > 0) out.push(tokens);
    if (!m) return out;
    from = m.index + m[0].length;
  }
}
