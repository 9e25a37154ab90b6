// spaCy's token Matcher over this module's spaCy-like tokens. A token spec
// matches when all its attribute tests pass; OP quantifies it as in spaCy:
// "1" once, "?" zero or one, "+" one or more, "*" zero or more, "!" a token
// that does NOT match (spaCy: "match exactly 0 times", consuming one token).
// Every (start, end) a pattern can match is found, as spaCy does without
// greedy; the results are then filtered as spaCy's greedy="LONGEST" does:
// per label, the longest non-overlapping matches win (ties: earlier start).
import { candidate, longestPerLabel, type Candidate } from './candidate';
import type { AttributeTest, Pattern, Scalar, TokenSpec } from './pattern-file';
import { buildFirstTokenIndex, candidateStarts, type FirstTokenIndex } from './pattern-index';
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

/** One attribute test as a function of the attribute's value, built once per spec (sets for IN / NOT_IN). */
function compileTest(test: AttributeTest): (value: Scalar) => boolean {
  if (typeof test !== 'object') return (value) => value === test;
  const checks = Object.entries(test as Record<string, Scalar | readonly Scalar[]>).map(
    ([op, arg]): ((value: Scalar) => boolean) => {
      switch (op) {
        case 'IN': {
          const set = new Set(arg as Scalar[]);
          return (value) => set.has(value);
        }
        case 'NOT_IN': {
          const set = new Set(arg as Scalar[]);
          return (value) => !set.has(value);
        }
        case 'REGEX': {
          const re = new RegExp(String(arg), 'u');
          return (value) => re.test(String(value));
        }
        case '==':
          return (value) => value === arg;
        case '!=':
          return (value) => value !== arg;
        case '>=':
          return (value) => Number(value) >= Number(arg);
        case '<=':
          return (value) => Number(value) <= Number(arg);
        case '>':
          return (value) => Number(value) > Number(arg);
        case '<':
          return (value) => Number(value) < Number(arg);
        default:
          return () => false;
      }
    },
  );
  return checks.length === 1 ? checks[0] : (value) => checks.every((check) => check(value));
}

/**
 * Attribute values by token index, each computed the first time a test asks for it and kept for the
 * other patterns of the same text (most tokens are turned away by a pattern's first test).
 */
type Columns = (name: string) => (index: number) => Scalar;
function columnsOf(tokens: readonly Token[]): Columns {
  const columns = new Map<string, (index: number) => Scalar>();
  return (name) => {
    let read = columns.get(name);
    if (!read) {
      const get = ATTRIBUTES[name];
      const values: Scalar[] = new Array(tokens.length);
      read = (i) => (values[i] ??= get(tokens[i]));
      columns.set(name, read);
    }
    return read;
  };
}

/** A spec as a test of the token at an index: every attribute test passes. */
type Predicate = (index: number) => boolean;
function predicateOf(spec: TokenSpec, columns: Columns): Predicate {
  const tests = Object.entries(spec.attrs).map(([name, test]): Predicate => {
    const read = columns(name);
    const check = compileTest(test);
    return (i) => check(read(i));
  });
  if (tests.length === 1) return tests[0];
  return (i) => tests.every((test) => test(i));
}

export function tokenMatches(token: Token, spec: TokenSpec): boolean {
  return predicateOf(spec, columnsOf([token]))(0);
}

/** Token specs of a phrase pattern: its tokens' exact texts (spaCy's PhraseMatcher on ORTH). */
export function phraseSpecs(phrase: string): TokenSpec[] {
  return tokenize(phrase)
    .filter((t) => !t.space)
    .map((t) => ({ attrs: { ORTH: t.text }, op: '1' as const }));
}

/** Every token index where `specs` (from spec `i`, at token `at`) can end. */
function ends(
  count: number,
  specs: readonly TokenSpec[],
  matches: readonly Predicate[],
  i: number,
  at: number,
  memo: Map<number, number[]>,
): number[] {
  if (i === specs.length) return [at];
  const key = i * (count + 1) + at;
  const known = memo.get(key);
  if (known) return known;
  const spec = specs[i];
  const found = new Set<number>();
  if (spec.op === '!') {
    if (at < count && !matches[i](at)) for (const e of ends(count, specs, matches, i + 1, at + 1, memo)) found.add(e);
  } else {
    const min = spec.op === '1' || spec.op === '+' ? 1 : 0;
    const max = spec.op === '+' || spec.op === '*' ? Infinity : 1;
    if (min === 0) for (const e of ends(count, specs, matches, i + 1, at, memo)) found.add(e);
    let pos = at;
    while (pos - at < max && pos < count && matches[i](pos)) {
      pos++;
      if (pos - at >= min) for (const e of ends(count, specs, matches, i + 1, pos, memo)) found.add(e);
    }
  }
  const list = [...found];
  memo.set(key, list);
  return list;
}

/**
 * All token ranges [start, end) `specs` matches in `tokens`, as spaCy's Matcher without greedy. Specs are
 * compiled to predicates once per call and attribute values read from columns made once per token list
 * (`columns`, shared by the patterns of one text): a 200 KB text has 40,000 tokens.
 */
export function matchTokens(
  tokens: readonly Token[],
  specs: readonly TokenSpec[],
  columns: Columns = columnsOf(tokens),
  starts?: readonly number[],
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const matches = specs.map((spec) => predicateOf(spec, columns));
  const first = specs.findIndex((s) => s.op === '1' || s.op === '+');
  const tryAt = (start: number) => {
    // Quick reject: a required first token must match here.
    if (first === 0 && !matches[0](start)) return;
    for (const end of ends(tokens.length, specs, matches, 0, start, new Map())) if (end > start) out.push([start, end]);
  };
  // `starts`: the only indexes where the first token can match (pattern-index.ts); else every token.
  if (starts) for (const start of starts) tryAt(start);
  else for (let start = 0; start < tokens.length; start++) tryAt(start);
  return out;
}

export interface CompiledPatterns {
  readonly entries: ReadonlyArray<{ readonly label: string; readonly specs: readonly TokenSpec[] }>;
  /** Where each entry can start, by its first token's text (made once here, read once a text). */
  readonly firstTokens: FirstTokenIndex;
}

export function compilePatterns(patterns: readonly Pattern[]): CompiledPatterns {
  const entries = patterns.map((p) => ({
    label: p.label,
    specs: typeof p.pattern === 'string' ? phraseSpecs(p.pattern) : p.pattern,
  }));
  return { entries, firstTokens: buildFirstTokenIndex(entries.map((e) => e.specs)) };
}

/** Pattern suggestions for `text` (UTF-16 offsets), filtered as greedy="LONGEST" per label. */
export function suggestPatterns(
  text: string,
  compiled: CompiledPatterns,
  tokens: readonly Token[] = tokenize(text),
): Candidate[] {
  const found: Candidate[] = [];
  const columns = columnsOf(tokens);
  const lower = columns('LOWER');
  const starts = candidateStarts(compiled.firstTokens, tokens, (i) => lower(i) as string);
  for (const [p, { label, specs }] of compiled.entries.entries()) {
    if (specs.length === 0) continue;
    for (const [s, e] of matchTokens(tokens, specs, columns, starts[p]))
      found.push(candidate(tokens[s].start, tokens[e - 1].end, label, 'patterns', 0.9));
  }
  return longestPerLabel(found);
}
