// The default pattern file for the four labels, in Prodigy/spaCy shape. The
// same patterns ship as data in default-patterns.jsonl (a test keeps the two
// equal), for `corpus suggest --patterns` and as a start for a project's own. These patterns are deliberately the part of
// the rules a pattern file can express; the built-in suggesters do the rest.
import { toPattern, type Pattern } from './pattern-file';

const RAW: ReadonlyArray<{ label: string; pattern: unknown }> = [
  { label: 'actor', pattern: [{ TEXT: { REGEX: '^G\\d{1,2}$' } }] },
  {
    label: 'actor',
    pattern: [{ ORTH: { IN: ['Interpol', 'INTERPOL', 'Europol', 'Frontex', 'NATO', 'EU', 'UN', 'UNHCR', 'NCA'] } }],
  },
  { label: 'actor', pattern: [{ LOWER: 'home' }, { LOWER: 'secretary' }, { IS_TITLE: true, OP: '+' }] },
  { label: 'actor', pattern: [{ LOWER: 'prime' }, { LOWER: 'minister' }, { IS_TITLE: true, OP: '+' }] },
  { label: 'actor', pattern: 'Home Secretary' },
  { label: 'actor', pattern: 'Prime Minister' },
  { label: 'actor', pattern: 'Home Office' },
  { label: 'actor', pattern: 'National Crime Agency' },
  { label: 'actor', pattern: 'Border Security Command' },
  { label: 'actor', pattern: 'Border Force' },
  { label: 'actor', pattern: 'EU Commission' },
  { label: 'actor', pattern: 'European Commission' },
  { label: 'actor', pattern: 'UK Government' },
  { label: 'country', pattern: [{ ORTH: { IN: ['UK', 'US', 'USA', 'Britain'] } }] },
  { label: 'country', pattern: [{ ORTH: 'United' }, { ORTH: { IN: ['Kingdom', 'States'] } }] },
  {
    label: 'money',
    pattern: [
      { ORTH: { IN: ['£', '$', '€', '¥'] } },
      { LIKE_NUM: true },
      { LOWER: { IN: ['million', 'billion', 'trillion', 'thousand', 'bn', 'm'] }, OP: '?' },
    ],
  },
  {
    label: 'money',
    pattern: [
      { LIKE_NUM: true },
      { LOWER: { IN: ['million', 'billion', 'thousand'] }, OP: '?' },
      { LOWER: { IN: ['pounds', 'euros', 'dollars'] } },
    ],
  },
  {
    label: 'commitment',
    pattern: [
      { LOWER: { IN: ['pledged', 'committed', 'promised', 'vowed'] } },
      { LOWER: 'to' },
      { IS_PUNCT: false, OP: '+' },
    ],
  },
];

export const DEFAULT_PATTERNS: readonly Pattern[] = Object.freeze(RAW.map(toPattern));
