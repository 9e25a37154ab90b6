// The rule suggesters together: countries, money, actors and commitments,
// plus pattern-file matches when patterns are given. One pure function from
// text to candidates (UTF-16 offsets), each candidate naming its source.
import { suggestActors } from './actors';
import { uniqueCandidates, type Candidate } from './candidate';
import { suggestCommitments } from './commitments';
import { suggestCountries } from './countries';
import { suggestPatterns, type CompiledPatterns } from './matcher';
import { suggestMoney } from './money';

export const RULE_LABELS = ['actor', 'country', 'money', 'commitment'] as const;

export interface RuleOptions {
  /** Compiled pattern file(s) to run besides the built-in rules. */
  readonly patterns?: CompiledPatterns;
  /** Only these labels (default: all four). */
  readonly labels?: readonly string[];
}

/** Candidates of every rule suggester for `text`; the same span and label from two sources is kept once. */
export function suggestRules(text: string, options: RuleOptions = {}): Candidate[] {
  const want = new Set(options.labels ?? RULE_LABELS);
  const found: Candidate[] = [];
  if (want.has('country')) found.push(...suggestCountries(text));
  if (want.has('money')) found.push(...suggestMoney(text));
  if (want.has('actor')) found.push(...suggestActors(text));
  if (want.has('commitment')) found.push(...suggestCommitments(text));
  if (options.patterns)
    found.push(...suggestPatterns(text, options.patterns).filter((c) => want.has(c.label) || !options.labels));
  return uniqueCandidates(found.sort((a, b) => b.score - a.score));
}
