import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PATTERNS } from '../../../core/suggest/default-patterns';
import { compilePatterns, suggestPatterns } from '../../../core/suggest/matcher';
import { parsePatternFile, patternLine } from '../../../core/suggest/pattern-file';

describe('pattern files', () => {
  it('reads good lines and reports each bad line by number', () => {
    const content = [
      '{"label":"country","pattern":"United Kingdom"}',
      '',
      '{oops',
      '{"label":"actor","pattern":[{"LEMMA":"x"}]}',
      '{"label":"actor","pattern":[{"LOWER":"g7","OP":"++"}]}',
      '{"label":"money","pattern":[{"ORTH":"£"},{"LIKE_NUM":true}]}',
    ].join('\r\n');
    const { patterns, problems } = parsePatternFile(content);
    expect(patterns.map((p) => p.label)).toEqual(['country', 'money']);
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5]);
    expect(problems[1].message).toMatch(/LEMMA is not supported/);
  });

  it('writes a pattern back in the shape it was read', () => {
    const line = '{"label":"actor","pattern":[{"LOWER":"home"},{"LOWER":"secretary","OP":"?"}]}';
    expect(patternLine(parsePatternFile(line).patterns[0])).toBe(line);
  });

  it('ships the default patterns as a JSONL file equal to the bundled ones', () => {
    const file = readFileSync(path.resolve(__dirname, '../../../core/suggest/default-patterns.jsonl'), 'utf8');
    const { patterns, problems } = parsePatternFile(file);
    expect(problems).toEqual([]);
    expect(patterns).toEqual(DEFAULT_PATTERNS);
  });

  it('ships default patterns for the four labels that find what they describe', () => {
    expect(new Set(DEFAULT_PATTERNS.map((p) => p.label))).toEqual(new Set(['actor', 'country', 'money', 'commitment']));
    const text = 'The G7 and the United Kingdom pledged to spend £84 million.';
    const found = suggestPatterns(text, compilePatterns(DEFAULT_PATTERNS)).map(
      (c) => `${c.label}:${text.slice(c.start, c.end)}`,
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'actor:G7',
        'country:United Kingdom',
        'money:£84 million',
        'commitment:pledged to spend £84 million',
      ]),
    );
  });
});
