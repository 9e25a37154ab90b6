import { describe, expect, it } from 'vitest';
import { withinLimits } from '../../../core/formats/within-limits';
import { LIMITS } from '../../../core/limits';

describe('withinLimits', () => {
  it('leaves out spans past the label and note limits, and relations to them, saying so', () => {
    const long = 'x'.repeat(LIMITS.label + 1);
    const { doc, problems } = withinLimits({
      text: 'ab cd',
      line: 4,
      spans: [
        { start: 0, end: 2, label: long },
        { start: 0, end: 2, label: 'A' },
        { start: 3, end: 5, label: 'B', note: 'n'.repeat(LIMITS.note + 1) },
        { start: 3, end: 5, label: 'C' },
      ],
      relations: [
        { head: 1, child: 3, label: 'r' },
        { head: 0, child: 3, label: 'r' },
      ],
      categories: ['ok', long],
    });
    expect(doc.spans).toEqual([
      { start: 0, end: 2, label: 'A' },
      { start: 3, end: 5, label: 'C' },
    ]);
    expect(doc.relations).toEqual([{ head: 0, child: 1, label: 'r' }]);
    expect(doc.categories).toEqual(['ok']);
    expect(problems.map((p) => [p.severity, p.line, p.message.slice(0, 14)])).toEqual([
      ['error', 4, 'span 1 left ou'],
      ['error', 4, 'span 3 left ou'],
      ['error', 4, '1 relations le'],
      ['warning', 4, 'categories lon'],
    ]);
  });
});
