import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignLayers, compareReading } from '../../../core/spans/layers';

const s = (id: string, start: number, end: number) => ({ id, start, end });

describe('overlap layers', () => {
  it('puts disjoint spans on layer 0', () => {
    const layers = assignLayers([s('a', 0, 5), s('b', 5, 9), s('c', 20, 30)]);
    expect([...layers.values()]).toEqual([0, 0, 0]);
  });

  it('puts the outer span closest to the text and nested ones below it', () => {
    const layers = assignLayers([s('money', 20, 31), s('commitment', 0, 31)]);
    expect(layers.get('commitment')).toBe(0);
    expect(layers.get('money')).toBe(1);
  });

  it('gives two labels on the same words different layers, and reuses freed layers', () => {
    const layers = assignLayers([s('x', 0, 10), s('y', 0, 10), s('z', 3, 6), s('w', 12, 14)]);
    expect(new Set([layers.get('x'), layers.get('y'), layers.get('z')]).size).toBe(3);
    expect(layers.get('w')).toBe(0);
  });

  it('sorts in reading order: by start, longer first', () => {
    expect([s('b', 2, 4), s('a', 0, 9), s('c', 0, 3)].sort(compareReading).map((x) => x.id)).toEqual(['a', 'c', 'b']);
  });

  it('never moves a span for spans that start after it: a long document draws its first spans before the rest is read', () => {
    const spans = fc
      .array(fc.tuple(fc.nat(300), fc.integer({ min: 1, max: 60 })), { maxLength: 80 })
      .map((list) => list.map(([start, length], i) => s(`s${i}`, start, start + length)));
    fc.assert(
      fc.property(spans, fc.nat(360), (all, cut) => {
        const whole = assignLayers(all);
        const first = assignLayers(all.filter((x) => x.start < cut));
        for (const [id, layer] of first) expect(whole.get(id)).toBe(layer);
      }),
    );
  });
});
