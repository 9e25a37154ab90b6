import { describe, expect, it } from 'vitest';
import { docSize, indexLines, lineOfOffset, offsetToPos, posToOffset } from '../../core/text-lines';

// A reference built the slow, obvious way: walk the text, counting block tokens.
function referencePositions(text: string): number[] {
  const pos: number[] = [];
  let p = 1;
  for (let i = 0; i <= text.length; i++) {
    pos.push(p);
    p += text[i] === '\n' ? 2 : 1; // a '\n' becomes two tokens: this block's close and the next one's open
  }
  return pos;
}

const cases: Record<string, string> = {
  plain: 'one line',
  empty: '',
  'empty lines': '\n\nmiddle\n\n',
  crlf: 'first\r\nsecond\r\n\r\nthird',
  astral: 'emoji 👨‍👩‍👧 and 𠀀 CJK\nflag 🇬🇧\n',
  tabs: '\tindented\t\ttabs \n  spaces  ',
};

describe('text offset <-> ProseMirror position map', () => {
  for (const [name, text] of Object.entries(cases)) {
    it(`matches the reference and round-trips (${name})`, () => {
      const index = indexLines(text);
      const ref = referencePositions(text);
      for (let offset = 0; offset <= text.length; offset++) {
        expect(offsetToPos(index, offset)).toBe(ref[offset]);
        expect(posToOffset(index, ref[offset])).toBe(offset);
      }
    });
  }

  it('counts lines like split("\\n") and sizes the doc', () => {
    const text = 'a\n\nb\r\n';
    const index = indexLines(text);
    expect(index.starts).toEqual([0, 2, 3, 6]);
    expect(lineOfOffset(index, 2)).toBe(1);
    // 4 blocks: 2 tokens each, plus the 4 text characters that are not '\n' ("a", "b", "\r")
    expect(docSize(index)).toBe(4 * 2 + 3);
  });

  it('snaps positions between blocks to the start of the next line and clamps the ends', () => {
    const index = indexLines('ab\ncd');
    expect(posToOffset(index, 0)).toBe(0);
    expect(posToOffset(index, 4)).toBe(3); // after the first block closes: start of line 2
    expect(posToOffset(index, 99)).toBe(5);
    expect(offsetToPos(index, -3)).toBe(1);
  });
});
