// Token features for the sequence tagger: the word and its neighbours,
// spelling (shape, case, affixes), and what the rule suggesters said about
// the token (so the model learns when to trust each rule and fixes what
// they miss). The previous predicted tag is added while decoding.
import type { Candidate } from './candidate';
import { isTitle, shape } from './token-attributes';
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

/** Feature ids of one distinct token text: its own and the ones it gives its neighbours. */
export interface WordIds {
  readonly own: readonly number[];
  readonly asPrevious: readonly number[];
  readonly asNext: readonly number[];
}

/** Maps a feature name to its id (-1: unknown and not added). */
export type FeatureIds = (name: string) => number;

/**
 * Spelling and context feature ids of every token (the same for every label):
 * the word, its shape, last three letters and title case, and the words and
 * shapes either side. Names are built once per distinct word (`cache`), not
 * once per token, which is what keeps training on 1,000 documents fast.
 */
export function baseFeatureIds(tokens: readonly Token[], id: FeatureIds, cache: Map<string, WordIds>): Int32Array[] {
  const words = tokens.map((tok) => {
    const key = tok.space ? '\u0000sp' : tok.text;
    let entry = cache.get(key);
    if (!entry) {
      const w = tok.space ? '<sp>' : tok.text.toLowerCase();
      const sh = tok.space ? 'SP' : shape(tok.text);
      entry = {
        own: [id(`w=${w}`), id(`sh=${sh}`), id(`s3=${w.slice(-3)}`), id(`t=${isTitle(tok.text)}`)],
        asPrevious: [id(`w-1=${w}`), id(`sh-1=${sh}`)],
        asNext: [id(`w+1=${w}`), id(`sh+1=${sh}`)],
      };
      cache.set(key, entry);
    }
    return entry;
  });
  const bias = id('bias');
  const start = [id('w-1=<s>'), id('sh-1=<s>')];
  const end = [id('w+1=</s>'), id('sh+1=</s>')];
  return words.map((entry, i) => {
    const before = i > 0 ? words[i - 1].asPrevious : start;
    const after = i + 1 < words.length ? words[i + 1].asNext : end;
    return Int32Array.of(bias, ...entry.own, before[0], after[0], before[1], after[1]);
  });
}

/** What the rule suggesters said about each token, seen from `label`; `ruleTags` maps a label to its rule BIO tags. */
export function ruleFeatures(
  tokens: readonly Token[],
  label: string,
  ruleTags: ReadonlyMap<string, readonly string[]>,
): string[][] {
  const own = ruleTags.get(label);
  return tokens.map((tok, i) => {
    const f: string[] = [];
    if (own)
      f.push(
        `r=${own[i]}`,
        `r=${own[i]}|t=${isTitle(tok.text)}`,
        `r-1=${i > 0 ? own[i - 1] : 'O'}`,
        `r+1=${i + 1 < own.length ? own[i + 1] : 'O'}`,
      );
    for (const [other, tags] of ruleTags) if (other !== label && tags[i] !== 'O') f.push(`ro=${other}:${tags[i]}`);
    return f;
  });
}
