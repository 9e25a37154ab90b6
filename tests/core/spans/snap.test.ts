import { describe, expect, it } from 'vitest';
import { snapSelection, trimRange, widenToWords } from '../../../core/spans/snap';

const sel = (text: string, part: string, from = 0, to = part.length) => {
  const at = text.indexOf(part);
  return { start: at + from, end: at + to };
};
const slice = (text: string, r: { start: number; end: number } | null) => (r ? text.slice(r.start, r.end) : null);

describe('snapping a selection', () => {
  const text = 'The Home Secretary met   ministers of co-operation, £75 million.';

  it('trims leading and trailing whitespace', () => {
    expect(slice(text, trimRange(text, sel(text, ' met   ')))).toBe('met');
  });

  it('widens a selection inside words to whole words', () => {
    expect(slice(text, snapSelection(text, sel(text, 'Home Secretary', 2, 9), 'word'))).toBe('Home Secretary');
  });

  it('keeps hyphenated words whole but stops at punctuation', () => {
    expect(slice(text, snapSelection(text, sel(text, 'co-operation', 4, 6), 'word'))).toBe('co-operation');
    expect(slice(text, snapSelection(text, sel(text, '75 mill'), 'word'))).toBe('75 million');
  });

  it('leaves an exact selection alone apart from trimming', () => {
    expect(slice(text, snapSelection(text, sel(text, 'Home Secretary', 2, 8), 'exact'))).toBe('me Sec');
  });

  it('gives null for a whitespace-only selection and orders reversed ranges', () => {
    expect(snapSelection(text, sel(text, '   '), 'word')).toBeNull();
    const r = sel(text, 'ministers');
    expect(slice(text, snapSelection(text, { start: r.end, end: r.start }, 'word'))).toBe('ministers');
  });

  it('never splits a surrogate pair or a combining mark', () => {
    const astral = 'x 𠀀𪜀 y café';
    const cjk = astral.indexOf('𠀀');
    expect(slice(astral, snapSelection(astral, { start: cjk + 1, end: cjk + 3 }, 'exact'))).toBe('𠀀𪜀');
    const combining = 'naïve cafe\u0301 bar';
    const at = combining.indexOf('cafe');
    expect(slice(combining, widenToWords(combining, { start: at, end: at + 4 }))).toBe('cafe\u0301');
  });

  it('snaps across lines (CRLF) and RTL words', () => {
    const lines = 'first line\r\nsecond line';
    expect(slice(lines, snapSelection(lines, { start: 7, end: 15 }, 'word'))).toBe('line\r\nsecond');
    const rtl = 'قال وزير الداخلية';
    expect(slice(rtl, snapSelection(rtl, { start: 5, end: 7 }, 'word'))).toBe('وزير');
  });
});
