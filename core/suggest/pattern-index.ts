// Where a pattern can start, found without testing it at every token. Most
// patterns begin with a required token of a fixed text ("Home Secretary",
// {"ORTH": {"IN": [...]}}, {"LOWER": "prime"}): their keys go in one map, and
// one pass over a text's tokens hands each such pattern the few indexes where
// its first token is present. A 200 KB text has 40,000 tokens and the default
// file 18 patterns; testing each pattern everywhere was most of the matcher's
// time. Patterns whose first token is open (a REGEX, LIKE_NUM, an optional
// token) are still tried everywhere. spaCy's Matcher does the same with its
// first-token keys; the result is unchanged, only fewer places are tried.
import type { AttributeTest, TokenSpec } from './pattern-file';
import type { Token } from './tokenizer';

/** The attributes a first token is indexed on: its exact text, or its lowercase (NORM reads as LOWER here). */
type Keyed = 'ORTH' | 'LOWER';
const KEYED: Readonly<Record<string, Keyed>> = { ORTH: 'ORTH', LOWER: 'LOWER', NORM: 'LOWER' };

/** The only values a test lets through, when it names them (a scalar, `==` or `IN`); else undefined. */
function allowedValues(test: AttributeTest): readonly string[] | undefined {
  if (typeof test === 'string') return [test];
  if (typeof test !== 'object') return undefined;
  const ops = test as Record<string, unknown>;
  if (typeof ops['=='] === 'string') return [ops['=='] as string];
  if (Array.isArray(ops.IN)) return ops.IN.filter((v): v is string => typeof v === 'string');
  return undefined;
}

/** The attribute and values a pattern's first token must have, when its first token is required and keyed. */
export function firstTokenKeys(specs: readonly TokenSpec[]): { attr: Keyed; values: readonly string[] } | undefined {
  const first = specs[0];
  if (!first || (first.op !== '1' && first.op !== '+')) return undefined;
  for (const [name, test] of Object.entries(first.attrs)) {
    const attr = KEYED[name];
    const values = attr && allowedValues(test);
    if (attr && values) return { attr, values };
  }
  return undefined;
}

export interface FirstTokenIndex {
  /** For each pattern, in order: true when its starts come from the index, false when it is tried everywhere. */
  readonly keyed: readonly boolean[];
  readonly byAttr: ReadonlyMap<Keyed, ReadonlyMap<string, readonly number[]>>;
}

export function buildFirstTokenIndex(patterns: ReadonlyArray<readonly TokenSpec[]>): FirstTokenIndex {
  const byAttr = new Map<Keyed, Map<string, number[]>>();
  const keyed = patterns.map((specs, p) => {
    const keys = firstTokenKeys(specs);
    if (!keys) return false;
    let map = byAttr.get(keys.attr);
    if (!map) byAttr.set(keys.attr, (map = new Map()));
    for (const value of new Set(keys.values)) {
      const list = map.get(value);
      if (list) list.push(p);
      else map.set(value, [p]);
    }
    return true;
  });
  return { keyed, byAttr };
}

/**
 * Each keyed pattern's candidate start indexes in `tokens`, ascending (undefined for a pattern tried
 * everywhere). `lowerAt` gives a token's lowercase: the matcher's own column, so it is made once a token.
 */
export function candidateStarts(
  index: FirstTokenIndex,
  tokens: readonly Token[],
  lowerAt: (i: number) => string = (i) => tokens[i].text.toLowerCase(),
): Array<number[] | undefined> {
  const starts = index.keyed.map((k): number[] | undefined => (k ? [] : undefined));
  const orth = index.byAttr.get('ORTH');
  const lower = index.byAttr.get('LOWER');
  for (let i = 0; i < tokens.length; i++) {
    const hits = orth?.get(tokens[i].text);
    if (hits) for (const p of hits) starts[p]!.push(i);
    const lowerHits = lower?.get(lowerAt(i));
    if (lowerHits) for (const p of lowerHits) starts[p]!.push(i);
  }
  // A pattern keyed on both attributes is not possible (one key per pattern), so each list is already ascending.
  return starts;
}
