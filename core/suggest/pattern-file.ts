// Prodigy / spaCy EntityRuler pattern files: JSONL, one {"label", "pattern"}
// a line, where the pattern is an exact phrase (a string) or a list of token
// dicts for spaCy's Matcher. Every bad line is reported with its number and
// the good lines beside it still load.

export type Scalar = string | number | boolean;
/** A token attribute test: a value, or {IN: [...]}, {NOT_IN: [...]}, {REGEX: "..."}, {">=": 3}... */
export type AttributeTest = Scalar | { readonly [op: string]: Scalar | readonly Scalar[] };
export type Op = '1' | '?' | '+' | '*' | '!';

export interface TokenSpec {
  readonly attrs: Readonly<Record<string, AttributeTest>>;
  readonly op: Op;
}

export interface Pattern {
  readonly label: string;
  /** A phrase (matched token by token on ORTH, as spaCy's PhraseMatcher does) or token specs. */
  readonly pattern: string | readonly TokenSpec[];
  readonly id?: string;
}

export interface PatternProblem {
  readonly line: number;
  readonly message: string;
}

/** Token attributes this matcher understands (spaCy names). */
export const SUPPORTED_ATTRIBUTES = new Set([
  'ORTH',
  'TEXT',
  'LOWER',
  'NORM',
  'LENGTH',
  'IS_ALPHA',
  'IS_ASCII',
  'IS_DIGIT',
  'IS_LOWER',
  'IS_UPPER',
  'IS_TITLE',
  'IS_PUNCT',
  'IS_SPACE',
  'LIKE_NUM',
  'SHAPE',
]);
const SUPPORTED_OPS = new Set(['IN', 'NOT_IN', 'REGEX', '==', '!=', '>=', '<=', '>', '<']);
const OPS = new Set(['1', '?', '+', '*', '!']);

function tokenSpec(raw: unknown, index: number): TokenSpec {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new Error(`token ${index + 1} is not an object`);
  const attrs: Record<string, AttributeTest> = {};
  let op: Op = '1';
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === 'OP') {
      if (typeof value !== 'string' || !OPS.has(value))
        throw new Error(`token ${index + 1}: OP must be one of ! ? + * 1`);
      op = value as Op;
      continue;
    }
    const name = key.toUpperCase();
    if (!SUPPORTED_ATTRIBUTES.has(name)) throw new Error(`token ${index + 1}: attribute ${key} is not supported`);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [opName, arg] of Object.entries(value)) {
        if (!SUPPORTED_OPS.has(opName))
          throw new Error(`token ${index + 1}: ${key} operator ${opName} is not supported`);
        if ((opName === 'IN' || opName === 'NOT_IN') && !Array.isArray(arg))
          throw new Error(`token ${index + 1}: ${opName} needs a list`);
      }
    } else if (!['string', 'number', 'boolean'].includes(typeof value)) {
      throw new Error(`token ${index + 1}: ${key} has an unsupported value`);
    }
    attrs[name === 'TEXT' ? 'ORTH' : name] = value as AttributeTest;
  }
  return Object.freeze({ attrs: Object.freeze(attrs), op });
}

/** Reads one parsed JSON value as a pattern; throws with a message on a bad one. */
export function toPattern(raw: unknown): Pattern {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new Error('a pattern line must be an object');
  const { label, pattern, id } = raw as Record<string, unknown>;
  if (typeof label !== 'string' || label.trim() === '') throw new Error('"label" must be a non-empty string');
  if (id !== undefined && typeof id !== 'string') throw new Error('"id" must be a string');
  let body: Pattern['pattern'];
  if (typeof pattern === 'string') {
    if (pattern.trim() === '') throw new Error('"pattern" must not be empty');
    body = pattern;
  } else if (Array.isArray(pattern) && pattern.length > 0) {
    body = Object.freeze(pattern.map(tokenSpec));
  } else throw new Error('"pattern" must be a string or a non-empty list of token objects');
  return Object.freeze({ label, pattern: body, ...(id === undefined ? {} : { id }) });
}

/** Parses a whole pattern file; blank lines are skipped, every bad line is reported. */
export function parsePatternFile(content: string): { patterns: Pattern[]; problems: PatternProblem[] } {
  const patterns: Pattern[] = [];
  const problems: PatternProblem[] = [];
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((text, i) => {
    if (text.trim() === '') return;
    try {
      patterns.push(toPattern(JSON.parse(text)));
    } catch (error) {
      problems.push({ line: i + 1, message: (error as Error).message });
    }
  });
  return { patterns, problems };
}

/** One JSONL line for a pattern (token specs written back in spaCy's shape). */
export function patternLine(p: Pattern): string {
  const pattern =
    typeof p.pattern === 'string'
      ? p.pattern
      : p.pattern.map((t) => (t.op === '1' ? { ...t.attrs } : { ...t.attrs, OP: t.op }));
  return JSON.stringify({ label: p.label, pattern, ...(p.id ? { id: p.id } : {}) });
}
