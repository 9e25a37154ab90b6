// spaCy's token Matcher over this module's spaCy-like tokens. A token spec
// matches when all its attribute tests pass; OP quantifies it as in spaCy:
// "1" once, "?" zero or one, "+" one or more, "*" zero or more, "!" a token
// that does NOT match (spaCy: "match exactly 0 times", consuming one token).
// Every (start, end) a pattern can match is found, as spaCy does without
// greedy; the results are then filtered as spaCy's greedy="LONGEST" does:
// per label, the longest non-overlapping matches win (ties: earlier start).
import { candidate, longestPerLabel, type Candidate } from './candidate';
import type { AttributeTest, Pattern, Scalar, TokenSpec } from './pattern-file';
import { isAlpha, isAscii, isDigit, isLower, isPunct, isTitle, isUpper, likeNum, shape } from './token-attributes';
import { tokenize, type Token } from './tokenizer';

type Getter = (t: Token) => Scalar;
const ATTRIBUTES: Record<string, Getter> = {
  ORTH: (t) => t.text,
  LOWER: (t) => t.text.toLowerCase(),
  NORM: (t) => t.text.toLowerCase(),
  LENGTH: (t) => [...t.text].length,
  IS_ALPHA: (t) => isAlpha(t.text),
  IS_ASCII: (t) => isAscii(t.text),
  IS_DIGIT: (t) => isDigit(t.text),
  IS_LOWER: (t) => isLower(t.text),
  IS_UPPER: (t) => isUpper(t.text),
  IS_TITLE: (t) => isTitle(t.text),
  IS_PUNCT: (t) => isPunct(t.text),
  IS_SPACE: (t) => t.space,
  LIKE_NUM: (t) => likeNum(t.text),
  SHAPE: (t) => shape(t.text),
};

/** A pattern's REGEX compiled once, not once per token (it dominated matching a 200 KB text). */
const regexes = new Map<string, RegExp>();
const regexOf = (source: string): RegExp => {
  let re = regexes.get(source);
  if (!re) regexes.set(source, (re = new RegExp(source, 'u')));
  return re;
};

function passes(value: Scalar, test: AttributeTest): boolean {
  if (typeof test !== 'object') return value === test;
  for (const [op, arg] of entries<Scalar | readonly Scalar[]>(test)) {
    const ok =
      op === 'IN'
        ? (arg as Scalar[]).includes(value)
        : op === 'NOT_IN'
          ? !(arg as Scalar[]).includes(value)
          : op === 'REGEX'
            ? regexOf(String(arg)).test(String(value))
            : op === '=='
              ? value === arg
              : op === '!='
                ? value !== arg
                : op === '>='
                  ? Number(value) >= Number(arg)
                  : op === '<='
                    ? Number(value) <= Number(arg)
                    : op === '>'
                      ? Number(value) > Number(arg)
                      : op === '<'
                        ? Number(value) < Number(arg)
                        : false;
    if (!ok) return false;
  }
  return true;
}

/** Each spec's and test's entries, listed once: they were listed again for every token (a 200 KB text has 40,000). */
const entriesOf = new WeakMap<object, ReadonlyArray<[string, unknown]>>();
function entries<T>(o: object): ReadonlyArray<[string, T]> {
  let list = entriesOf.get(o);
  if (!list) entriesOf.set(o, (list = Object.entries(o)));
  return list as ReadonlyArray<[string, T]>;
}

export function tokenMatches(token: Token, spec: TokenSpec): boolean {
  for (const [name, test] of entries<AttributeTest>(spec.attrs)) {
    if (!passes(ATTRIBUTES[name](token), test)) return false;
  }
  return true;
}

/** Token specs of a phrase pattern: its tokens' exact texts (spaCy's PhraseMatcher on ORTH). */
export function phraseSpecs(phrase: string): TokenSpec[] {
  return tokenize(phrase)
    .filter((t) => !t.space)
    .map((t) => ({ attrs: { ORTH: t.text }, op: '1' as const }));
}

/** Every token index where `specs` (from spec `i`, at token `at`) can end. */
function ends(
  tokens: readonly Token[],
  specs: readonly TokenSpec[],
  i: number,
  at: number,
  memo: Map<number, number[]>,
): number[] {
  if (i === specs.length) return [at];
  const key = i * (tokens.length + 1) + at;
  const known = memo.get(key);
  if (known) return known;
  const spec = specs[i];
  const found = new Set<number>();
  if (spec.op === '!') {
    if (at < tokens.length && !tokenMatches(tokens[at], spec))
      for (const e of ends(tokens, specs, i + 1, at + 1, memo)) found.add(e);
  } else {
    const min = spec.op === '1' || spec.op === '+' ? 1 : 0;
    const max = spec.op === '+' || spec.op === '*' ? Infinity : 1;
    if (min === 0) for (const e of ends(tokens, specs, i + 1, at, memo)) found.add(e);
    let pos = at;
    while (pos - at < max && pos < tokens.length && tokenMatches(tokens[pos], spec)) {
      pos++;
      if (pos - at >= min) for (const e of ends(tokens, specs, i + 1, pos, memo)) found.add(e);
    }
  }
  const list = [...found];
  memo.set(key, list);
  return list;
}

/** All token ranges [start, end) `specs` matches in `tokens`, as spaCy's Matcher without greedy. */
export function matchTokens(tokens: readonly Token[], specs: readonly TokenSpec[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const first = specs.findIndex((s) => s.op === '1' || s.op === '+');
  for (let start = 0; start < tokens.length; start++) {
    // Quick reject: a required first token must match here.
    if (first === 0 && !tokenMatches(tokens[start], specs[0])) continue;
    for (const end of ends(tokens, specs, 0, start, new Map())) if (end > start) out.push([start, end]);
  }
  return out;
}

export interface CompiledPatterns {
  readonly entries: ReadonlyArray<{ readonly label: string; readonly specs: readonly TokenSpec[] }>;
}

export function compilePatterns(patterns: readonly Pattern[]): CompiledPatterns {
  return {
    entries: patterns.map((p) => ({
      label: p.label,
      specs: typeof p.pattern === 'string' ? phraseSpecs(p.pattern) : p.pattern,
    })),
  };
}

/** Pattern suggestions for `text` (UTF-16 offsets), filtered as greedy="LONGEST" per label. */
export function suggestPatterns(
  text: string,
  compiled: CompiledPatterns,
  tokens: readonly Token[] = tokenize(text),
): Candidate[] {
  const found: Candidate[] = [];
  for (const { label, specs } of compiled.entries) {
    if (specs.length === 0) continue;
    for (const [s, e] of matchTokens(tokens, specs))
      found.push(candidate(tokens[s].start, tokens[e - 1].end, label, 'patterns', 0.9));
  }
  return longestPerLabel(found);
}
