import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLength, makeOffsetConverter, OffsetError } from '../../core/codepoints';
import { anyText } from './arbitraries';

describe('makeOffsetConverter', () => {
  it('is the identity on BMP-only text', () => {
    const conv = makeOffsetConverter('e\u0301 שלום مرحبا\t中文');
    for (let i = 0; i <= 12; i++) {
      expect(conv.toCodePoint(i)).toBe(i);
      expect(conv.toUtf16(i)).toBe(i);
    }
  });

  it('counts an astral character as one code point', () => {
    const text = 'a😀b𠀀c';
    const conv = makeOffsetConverter(text);
    expect(conv.codePointLength).toBe(5);
    expect([0, 1, 3, 4, 6, 7].map((u) => conv.toCodePoint(u))).toEqual([0, 1, 2, 3, 4, 5]);
    expect([0, 1, 2, 3, 4, 5].map((c) => conv.toUtf16(c))).toEqual([0, 1, 3, 4, 6, 7]);
  });

  it('reports an offset inside a surrogate pair instead of rounding', () => {
    const conv = makeOffsetConverter('x🇬🇧y');
    expect(() => conv.toCodePoint(2)).toThrow(OffsetError);
    expect(() => conv.toCodePoint(4)).toThrow(/inside a surrogate pair/);
    expect(conv.isBoundary(2)).toBe(false);
    expect(conv.isBoundary(3)).toBe(true);
  });

  it('rejects out-of-range and non-integer offsets', () => {
    const conv = makeOffsetConverter('ab😀');
    expect(() => conv.toCodePoint(-1)).toThrow(OffsetError);
    expect(() => conv.toCodePoint(5)).toThrow(OffsetError);
    expect(() => conv.toCodePoint(1.5)).toThrow(OffsetError);
    expect(() => conv.toUtf16(4)).toThrow(OffsetError);
    expect(conv.toUtf16(3)).toBe(4);
  });

  it('counts lone surrogates as one code point each, like Python', () => {
    const text = '\ud800a\udc00😀';
    expect(codePointLength(text)).toBe(4);
    expect(makeOffsetConverter(text).toCodePoint(5)).toBe(4);
  });

  it('handles the ZWJ family as its code points', () => {
    const family = '👨‍👩‍👧';
    expect(codePointLength(family)).toBe([...family].length);
    expect(codePointLength('')).toBe(0);
  });

  it('agrees with [...text] on random full-unicode text', () => {
    fc.assert(
      fc.property(anyText(), (text) => {
        const conv = makeOffsetConverter(text);
        const points = [...text];
        // Expected: the UTF-16 offset at which each code point starts, plus the end.
        const starts: number[] = [];
        points.reduce((u16, p) => (starts.push(u16), u16 + p.length), 0);
        starts.push(text.length);
        expect(conv.codePointLength).toBe(points.length);
        expect(starts.map((_, cp) => conv.toUtf16(cp))).toEqual(starts);
        expect(starts.map((u16) => conv.toCodePoint(u16))).toEqual(starts.map((_, cp) => cp));
      }),
      { numRuns: 200 },
    );
  });
});

describe('many spans on one long text', () => {
  it('converts 100,000 offsets of a 1 MB astral-heavy text without rescanning it', () => {
    const text = 'ab😀c𠀀 '.repeat(100_000);
    const conv = makeOffsetConverter(text);
    const started = performance.now();
    let sum = 0;
    for (let cp = 0; cp < conv.codePointLength; cp += 6) sum += conv.toCodePoint(conv.toUtf16(cp));
    expect(sum).toBe((conv.codePointLength / 6) * (conv.codePointLength / 6 - 1) * 3);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
