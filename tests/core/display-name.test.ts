import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayName, hasBidiControls } from '../../core/display-name';

const CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const MARKS = ['\u200E', '\u200F', '\u061C'];

describe('displayName', () => {
  it('shows a right-to-left override as a visible marker, so "gpj.exe" cannot pose as "exe.jpg"', () => {
    expect(displayName('photo\u202Egpj.exe')).toBe('photo[RLO]gpj.exe');
  });

  it('names every embedding, override and isolate control', () => {
    expect(displayName(CONTROLS.join('x'))).toBe('[LRE]x[RLE]x[PDF]x[LRO]x[RLO]x[LRI]x[RLI]x[FSI]x[PDI]');
  });

  it('drops the invisible direction marks', () => {
    expect(displayName('report\u200F.\u200Etxt\u061C')).toBe('report.txt');
  });

  it('leaves ordinary names alone, right-to-left letters, emoji and CJK included', () => {
    for (const name of ['002_8a5c06bed5e27244.txt', 'דו״ח שנתי.txt', 'تقرير.md', '👩‍🔬 notes 𠀀.jsonl', '']) {
      expect(displayName(name)).toBe(name);
      expect(hasBidiControls(name)).toBe(false);
    }
  });

  it('never leaves a direction control in what it returns, and keeps every other character in order', () => {
    const piece = fc.oneof(fc.string(), fc.constantFrom(...CONTROLS, ...MARKS));
    fc.assert(
      fc.property(fc.array(piece), (pieces) => {
        const name = pieces.join('');
        const shown = displayName(name);
        expect(hasBidiControls(shown)).toBe(false);
        const strip = (s: string) => s.replace(/\[(LRE|RLE|PDF|LRO|RLO|LRI|RLI|FSI|PDI)\]/g, '');
        const plain = name.replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g, '');
        expect(strip(shown)).toBe(strip(plain));
      }),
    );
  });
});
