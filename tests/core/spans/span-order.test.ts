import { describe, expect, it } from 'vitest';
import type { Span } from '../../../core/model';
import { countByLabel, cycleAt, spansAt, stepSpan } from '../../../core/spans/span-order';

const span = (id: string, start: number, end: number, label = 'actor'): Span => ({
  id,
  docId: 'd',
  start,
  end,
  label,
  text: '',
  note: '',
  createdAt: 0,
  updatedAt: 0,
});
const spans = [span('outer', 0, 30, 'commitment'), span('inner', 20, 30, 'money'), span('later', 40, 45)];

describe('finding spans', () => {
  it('steps through spans in reading order and wraps', () => {
    expect(stepSpan(spans, undefined, 1)?.id).toBe('outer');
    expect(stepSpan(spans, 'outer', 1)?.id).toBe('inner');
    expect(stepSpan(spans, 'later', 1)?.id).toBe('outer');
    expect(stepSpan(spans, 'outer', -1)?.id).toBe('later');
    expect(stepSpan([], undefined, 1)).toBeUndefined();
  });

  it('lists the spans under a point innermost first and cycles outward on repeated clicks', () => {
    expect(spansAt(spans, 25).map((s) => s.id)).toEqual(['inner', 'outer']);
    expect(cycleAt(spans, 25, undefined)?.id).toBe('inner');
    expect(cycleAt(spans, 25, 'inner')?.id).toBe('outer');
    expect(cycleAt(spans, 25, 'outer')?.id).toBe('inner');
    expect(cycleAt(spans, 35, 'outer')).toBeUndefined();
  });

  it('counts spans by label', () => {
    expect(Object.fromEntries(countByLabel(spans))).toEqual({ commitment: 1, money: 1, actor: 1 });
  });
});
