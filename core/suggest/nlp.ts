// The one place wink-nlp is used: part-of-speech tags and lemmas for a piece
// of text, with each token's UTF-16 offsets. wink-nlp ships its English model
// (wink-eng-lite-web-model) as a package, so nothing is downloaded at run
// time and it runs in a Web Worker as well as in Node. Loading the model
// takes a moment, so it is loaded once, on first use.
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

export interface TaggedToken {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Universal POS tag (VERB, AUX, NOUN, PROPN, ADJ, ADV, PART, ADP, DET, PRON, PUNCT, SPACE...). */
  readonly pos: string;
  readonly lemma: string;
}

type Nlp = ReturnType<typeof winkNLP>;
let loaded: Nlp | undefined;
const nlp = (): Nlp => (loaded ??= winkNLP(model, ['pos']));

/** Tokens of `text` with POS and lemma; offsets are relative to `text` plus `offset`. */
export function tagText(text: string, offset = 0): TaggedToken[] {
  const engine = nlp();
  const its = engine.its as unknown as Record<string, never>;
  const tokens = engine.readDoc(text).tokens();
  const values = tokens.out() as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const pos = tokens.out(its.pos) as string[];
  const lemmas = tokens.out(its.lemma) as string[];
  const out: TaggedToken[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    at += spaces[i].length;
    // wink keeps the text losslessly; should a token ever not sit where the
    // running offset says, find it rather than emit wrong offsets.
    if (text.startsWith(values[i], at) === false) at = text.indexOf(values[i], at);
    if (at < 0) break;
    out.push({
      text: values[i],
      start: offset + at,
      end: offset + at + values[i].length,
      pos: pos[i],
      lemma: lemmas[i],
    });
    at += values[i].length;
  }
  return out;
}

export interface TextWindow {
  readonly start: number;
  readonly end: number;
}

/**
 * Tags several windows of one text in a single wink-nlp call (each call has a
 * fixed cost, so a document's windows go together), returning each window's
 * tokens with offsets in the whole text. Windows must not overlap.
 */
export function tagWindows(text: string, windows: readonly TextWindow[]): TaggedToken[][] {
  if (windows.length === 0) return [];
  const joined = windows.map((w) => text.slice(w.start, w.end).replace(/\n/g, ' ')).join('\n\n');
  const tokens = tagText(joined);
  const out: TaggedToken[][] = windows.map(() => []);
  let w = 0;
  let base = 0;
  for (const t of tokens) {
    while (w < windows.length && t.start >= base + (windows[w].end - windows[w].start)) {
      base += windows[w].end - windows[w].start + 2;
      w++;
    }
    if (w >= windows.length) break;
    if (t.start < base || t.pos === 'SPACE') continue;
    const shift = windows[w].start - base;
    out[w].push({ ...t, start: t.start + shift, end: t.end + shift, text: text.slice(t.start + shift, t.end + shift) });
  }
  return out;
}
