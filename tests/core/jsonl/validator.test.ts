import { describe, expect, it } from 'vitest';
import { formatProblem, splitJsonlText, validateJsonl, validateJsonlText } from '../../../core/jsonl';

describe('validateJsonl', () => {
  it('reports every problem with its line number', () => {
    const text = [
      '{"text":"😀 ok","spans":[{"start":2,"end":4,"label":"A","text":"ok"}]}',
      '',
      '{"text":"😀 ok","spans":[{"start":1,"end":3,"label":"A","text":"ok"}]}',
      '{bad json',
      '{"text":"a","label":[[0,5,"X"]]}',
      '42',
      '{"id":1}',
    ].join('\r\n');
    const problems = validateJsonlText(`\uFEFF${text}\r\n`, 'c.jsonl');
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7]);
    expect(problems.every((p) => p.file === 'c.jsonl' && p.severity === 'error')).toBe(true);
    expect(formatProblem(problems[0])).toMatch(/^c\.jsonl:3: error: span 1 dropped: span text "ok" does not match/);
  });

  it('is empty for good input, and accepts any iterable', () => {
    function* lines() {
      yield '{"text":"a\\tb"}';
      yield '{"text":"","label":[]}';
    }
    expect(validateJsonl(lines())).toEqual([]);
  });

  it('splits off only the file line terminator', () => {
    expect(splitJsonlText('a\r\nb\n\r\n')).toEqual(['a', 'b', '']);
    expect(splitJsonlText('')).toEqual([]);
  });
});
