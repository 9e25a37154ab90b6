// Token features for the sequence tagger: the word and its neighbours,
// spelling (shape, case, affixes), and what the rule suggesters said about
// the token (so the model learns when to trust each rule and fixes what
// they miss). The previous predicted tag is added while decoding.
import type { Candidate } from './candidate';
import { isTitle, isUpper, shape } from './token-attributes';
import type { Token } from './tokenizer';

/** Per token: "B", "I" or "O" relative to the candidates of one label. */
export function bioOf(tokens: readonly Token[], spans: ReadonlyArray<Pick<Candidate, 'start' | 'end'>>): string[] {
  const tags = new Array<string>(tokens.length).fill('O');
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let t = 0;
  for (const span of sorted) {
    while (t < tokens.length && tokens[t].end <= span.start) t++;
    let first = true;
    for (let j = t; j < tokens.length && tokens[j].start < span.end; j++) {
      if (tokens[j].end <= span.start) continue;
      tags[j] = first ? 'B' : 'I';
      first = false;
    }
  }
  return tags;
}

const wordOf = (tokens: readonly Token[], i: number): string =>
  i < 0 ? '<s>' : i >= tokens.length ? '</s>' : tokens[i].space ? '<sp>' : tokens[i].text.toLowerCase();

/** Static features of every token (names, before interning); `ruleTags` maps a label to its rule BIO tags. */
export function tokenFeatures(tokens: readonly Token[], label: string, ruleTags: ReadonlyMap<string, readonly string[]>): string[][] {
  const own = ruleTags.get(label);
  return tokens.map((tok, i) => {
    const text = tok.text;
    const w = wordOf(tokens, i);
    const f = [
      'bias',
      `w=${w}`,
      `sh=${tok.space ? 'SP' : shape(text)}`,
      `p3=${w.slice(0, 3)}`,
      `s3=${w.slice(-3)}`,
      `t=${isTitle(text)}`,
      `u=${isUpper(text)}`,
      `w-1=${wordOf(tokens, i - 1)}`,
      `w+1=${wordOf(tokens, i + 1)}`,
      `w-2=${wordOf(tokens, i - 2)}`,
      `sh-1=${i > 0 ? shape(tokens[i - 1].text) : '<s>'}`,
      `sh+1=${i + 1 < tokens.length ? shape(tokens[i + 1].text) : '</s>'}`,
    ];
    if (own) f.push(`r=${own[i]}`, `r=${own[i]}|t=${isTitle(text)}`, `r-1=${i > 0 ? own[i - 1] : 'O'}`, `r+1=${i + 1 < own.length ? own[i + 1] : 'O'}`);
    for (const [other, tags] of ruleTags) if (other !== label && tags[i] !== 'O') f.push(`ro=${other}:${tags[i]}`);
    return f;
  });
}
