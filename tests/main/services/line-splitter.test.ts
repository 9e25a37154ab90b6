import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSplitter, splitByteLines } from '../../../main/services/line-splitter';

const utf8 = (s: string) => new TextEncoder().encode(s);
const texts = (lines: { bytes: Uint8Array }[]) =>
  lines.map((l) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(l.bytes));

describe('LineSplitter', () => {
  it('drops a starting BOM and the CR of CRLF line ends, numbering lines', () => {
    const lines = splitByteLines(utf8('\uFEFFa\r\n\r\nb\rc\nlast'));
    expect(texts(lines)).toEqual(['a', '', 'b\rc', 'last']);
    expect(lines.map((l) => l.lineNo)).toEqual([1, 2, 3, 4]);
    expect(texts(splitByteLines(utf8('x\n')))).toEqual(['x']);
    expect(splitByteLines(utf8(''))).toEqual([]);
  });

  it('gives the same lines however the bytes are chunked', () => {
    const whole = utf8('\uFEFF{"text":"😀"}\r\n\n{"a":1}\r\nz');
    fc.assert(
      fc.property(fc.array(fc.nat(whole.length), { maxLength: 8 }), (cuts) => {
        const points = [0, ...[...cuts].sort((a, b) => a - b), whole.length];
        const splitter = new LineSplitter();
        const lines = points.slice(1).flatMap((end, i) => splitter.push(whole.subarray(points[i], end)));
        expect(texts([...lines, ...splitter.end()])).toEqual(['{"text":"😀"}', '', '{"a":1}', 'z']);
      }),
      { numRuns: 200 },
    );
  });
});
