import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryAt, decodeBytes, firstInvalidUtf8, lineAt } from '../../../main/services/decode';

const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeBytes', () => {
  it('keeps text exactly, removing only one leading BOM', () => {
    expect(decodeBytes(utf8('\uFEFFa\r\n\tb  '))).toMatchObject({ ok: true, text: 'a\r\n\tb  ', encoding: 'utf-8' });
    expect(decodeBytes(utf8('\uFEFF\uFEFFa'))).toMatchObject({ ok: true, text: '\uFEFFa' });
    expect(decodeBytes(utf8(''))).toMatchObject({ ok: true, text: '' });
  });

  it('reads UTF-16 with a BOM, both byte orders', () => {
    expect(decodeBytes(bytes(0xff, 0xfe, 0x61, 0, 0x3d, 0xd8, 0x00, 0xde))).toMatchObject({
      ok: true,
      text: 'a😀',
      encoding: 'utf-16le',
    });
    expect(decodeBytes(bytes(0xfe, 0xff, 0, 0x61, 0xfe, 0xff))).toMatchObject({
      ok: true,
      text: 'a\uFEFF',
      encoding: 'utf-16be',
    });
    expect(decodeBytes(bytes(0xff, 0xfe, 0x61))).toMatchObject({ ok: false });
    expect(decodeBytes(bytes(0xff, 0xfe, 0x61, 0, 0x0a, 0, 0x3d, 0xd8))).toMatchObject({ ok: false, line: 2 });
  });

  it('falls back to Windows-1252 with a warning naming the line', () => {
    const result = decodeBytes(bytes(0x61, 0x0a, 0x93, 0x48, 0x94, 0x20, 0xe9));
    expect(result).toEqual({
      ok: true,
      text: 'a\n\u201cH\u201d \u00e9',
      encoding: 'windows-1252',
      warning: 'not valid UTF-8 (first bad byte on line 2); read as Windows-1252',
    });
  });

  it('warns when a Windows-1252 file also holds UTF-8', () => {
    const result = decodeBytes(new Uint8Array([0x93, 0x0a, ...utf8('caf\u00e9')]));
    expect(result).toMatchObject({
      ok: true,
      text: '\u201c\ncaf\u00c3\u00a9',
      warning: expect.stringMatching(/line 2 also holds UTF-8/),
    });
  });

  it('rejects bytes that are neither UTF-8 nor Windows-1252, naming the line', () => {
    const result = decodeBytes(bytes(0x61, 0x0a, 0x62, 0x0a, 0x81));
    expect(result).toMatchObject({ ok: false, line: 3 });
    expect(!result.ok && result.error).toMatch(/0x81 on line 3/);
  });

  it('rejects binary files, also with a NUL far past the start', () => {
    expect(decodeBytes(bytes(0x61, 0x0a, 0x00, 0x01))).toMatchObject({
      ok: false,
      line: 2,
      error: expect.stringMatching(/binary/),
    });
    const big = new Uint8Array(200_000).fill(0x61);
    big[150_000] = 0;
    expect(decodeBytes(big).ok).toBe(false);
    expect(decodeBytes(bytes(0xff, 0xfe, 0, 0))).toMatchObject({ ok: false, error: expect.stringMatching(/UTF-32/) });
  });

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => void expect(typeof decodeBytes(b).ok).toBe('boolean')),
      { numRuns: 200 },
    );
  });
});

describe('helpers', () => {
  it('finds the first invalid UTF-8 byte like TextDecoder would reject it', () => {
    expect(firstInvalidUtf8(utf8('a😀é中'))).toBe(-1);
    expect(firstInvalidUtf8(bytes(0x61, 0xc0, 0x80))).toBe(1);
    expect(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(0);
    expect(firstInvalidUtf8(bytes(0x61, 0xe2, 0x82))).toBe(1);
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (b) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(b);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(b) === -1).toBe(valid);
      }),
      { numRuns: 300 },
    );
  });

  it('counts lines and spots binaries', () => {
    expect(lineAt(utf8('a\r\nb\nc'), 5)).toBe(3);
    expect(binaryAt(utf8('plain\ttext\r\n'))).toBeUndefined();
  });
});
