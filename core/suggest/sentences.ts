// Sentence ranges of a plain text. A sentence ends at ". ! ?" (with any
// closing quotes) before whitespace, at a blank line, and at a single line
// break unless the text is hard-wrapped (lines broken inside sentences, as
// in plain-text press releases), which is told by how often a line break is
// followed by a lowercase word. Abbreviations ("Ltd.", "Mr.") do not end one.

export interface Range {
  readonly start: number;
  readonly end: number;
}

const ABBREVIATION_BEFORE = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Ltd|Inc|Co|Corp|Jr|Sr|vs|etc|e\.g|i\.e|No)|\b\p{Lu})\.$/u;

/** True when single line breaks in `text` mostly continue a sentence. */
export function isHardWrapped(text: string): boolean {
  const breaks = text.match(/[^\n]\n(?=[^\n])/gu)?.length ?? 0;
  const continued = text.match(/[^\n.!?:”"]\n(?=\p{Ll})/gu)?.length ?? 0;
  return continued >= 3 && continued >= breaks * 0.2;
}

/** Sentences of `text` as UTF-16 ranges with surrounding whitespace trimmed. */
export function sentenceRanges(text: string): Range[] {
  const wrapped = isHardWrapped(text);
  const cuts: number[] = [];
  const boundary = wrapped ? /[.!?]+[”"’')\]]*(?=\s)|\n[ \t]*\n/gu : /[.!?]+[”"’')\]]*(?=\s)|\n/gu;
  for (const m of text.matchAll(boundary)) {
    const end = (m.index ?? 0) + m[0].length;
    if (m[0].startsWith('.') && ABBREVIATION_BEFORE.test(text.slice(Math.max(0, end - 6), end))) continue;
    cuts.push(end);
  }
  cuts.push(text.length);
  const out: Range[] = [];
  let from = 0;
  for (const cut of cuts) {
    let s = from;
    let e = cut;
    while (s < e && /\s/u.test(text[s])) s++;
    while (e > s && /\s/u.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
    from = cut;
  }
  return out;
}
