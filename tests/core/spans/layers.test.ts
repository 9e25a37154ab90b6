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
});
