// Bytes to text, exactly. Only a leading byte-order mark is removed (it marks
// the encoding, it is not text); nothing else is touched: CRLF, tabs, trailing
// spaces, a second U+FEFF all stay, so offsets keep meaning.
// Order: BOM (UTF-8 / UTF-16; UTF-32 refused), UTF-16 without a BOM (zero
// bytes at nearly every odd or every even position, as Latin-script UTF-16
// has), binary check, strict UTF-8, then Windows-1252 with a warning. Bytes that are neither give an error
// naming the line of the first byte that fits no encoding.

export type Decoded =
  { ok: true; text: string; encoding: string; warning?: string } | { ok: false; error: string; line?: number };

// Bytes Windows-1252 leaves undefined: a file holding them is not 1252 text.
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
const BINARY_SAMPLE = 65536;

/** 1-based line of byte `index` ('\n' ends a line; a CRLF file counts the same). */
export function lineAt(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < index; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** Index of a byte that makes this binary: any NUL, or many control bytes early on. */
export function binaryAt(bytes: Uint8Array): number | undefined {
  const nul = bytes.indexOf(0);
  if (nul !== -1) return nul;
  const sample = Math.min(bytes.length, BINARY_SAMPLE);
  let controls = 0;
  let first = -1;
  for (let i = 0; i < sample; i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) {
      controls++;
      if (first === -1) first = i;
    }
  }
  return controls > 8 && controls > sample / 100 ? first : undefined;
}

/** Length of the UTF-8 sequence led by `b0`, 0 when `b0` cannot lead one. */
function sequenceLength(b0: number): number {
  if (b0 < 0x80) return 1;
  if (b0 >= 0xc2 && b0 <= 0xdf) return 2;
  if (b0 >= 0xe0 && b0 <= 0xef) return 3;
  if (b0 >= 0xf0 && b0 <= 0xf4) return 4;
  return 0;
}

/** Allowed range of the second byte: excludes overlongs, surrogates and > U+10FFFF. */
function secondByteOk(b0: number, b1: number): boolean {
  if (b0 === 0xe0) return b1 >= 0xa0 && b1 <= 0xbf;
  if (b0 === 0xed) return b1 >= 0x80 && b1 <= 0x9f;
  if (b0 === 0xf0) return b1 >= 0x90 && b1 <= 0xbf;
  if (b0 === 0xf4) return b1 >= 0x80 && b1 <= 0x8f;
  return b1 >= 0x80 && b1 <= 0xbf;
}

/** Index of the first byte that is not valid UTF-8, or -1 when all of it is. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const n = sequenceLength(bytes[i]);
    if (n === 0 || i + n > bytes.length) return i;
    if (n > 1 && !secondByteOk(bytes[i], bytes[i + 1])) return i;
    for (let k = 2; k < n; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += n;
  }
  return -1;
}

/** Strict UTF-8 without touching a leading U+FEFF (the caller removed the BOM already). */
export function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Line of the first well-formed multi-byte UTF-8 sequence, if any: a sign of a mixed-encoding file. */
function firstUtf8Sequence(bytes: Uint8Array): number | undefined {
  for (let i = 0; i < bytes.length; i++) {
    const n = sequenceLength(bytes[i]);
    if (n < 2 || i + n > bytes.length || !secondByteOk(bytes[i], bytes[i + 1])) continue;
    let ok = true;
    for (let k = 2; k < n; k++) ok &&= (bytes[i + k] & 0xc0) === 0x80;
    if (ok) return lineAt(bytes, i);
  }
  return undefined;
}

function utf16Line(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean, bomLength = 2): Decoded {
  const encoding = littleEndian ? 'utf-16le' : 'utf-16be';
  const body = bytes.subarray(bomLength);
  if (body.length % 2 !== 0)
    return { ok: false, error: `${encoding} file with an odd number of bytes (truncated?)`, line: undefined };
  // Not fatal, so a broken surrogate becomes U+FFFD we can locate and report.
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
  // eslint-disable-next-line no-control-regex -- a NUL in decoded text marks a binary file
  const bad = text.search(/\uFFFD|\u0000/);
  if (bad !== -1 && decodeStrictUtf16(body, encoding) === undefined) {
    return {
      ok: false,
      error: `not valid ${encoding}: broken surrogate pair on line ${utf16Line(text, bad)}`,
      line: utf16Line(text, bad),
    };
  }
  if (text.includes('\u0000'))
    return {
      ok: false,
      error: `binary file, not text (NUL on line ${utf16Line(text, text.indexOf('\u0000'))})`,
      line: utf16Line(text, text.indexOf('\u0000')),
    };
  return { ok: true, text, encoding };
}

function decodeStrictUtf16(body: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return undefined;
  }
}

function decodeWindows1252(bytes: Uint8Array): Decoded {
  const invalidLine = lineAt(bytes, firstInvalidUtf8(bytes));
  const bad = bytes.findIndex((b) => UNDEFINED_IN_1252.has(b));
  if (bad !== -1) {
    const line = lineAt(bytes, bad);
    const hex = bytes[bad].toString(16).toUpperCase();
    return {
      ok: false,
      error: `not valid UTF-8 (line ${invalidLine}) nor Windows-1252 (byte 0x${hex} on line ${line})`,
      line,
    };
  }
  const text = new TextDecoder('windows-1252', { ignoreBOM: true }).decode(bytes);
  // A file mixing UTF-8 and 1252 reads wrong either way: say so instead of guessing quietly.
  const mixed = firstUtf8Sequence(bytes);
  const also =
    mixed === undefined
      ? ''
      : `; line ${mixed} also holds UTF-8, now shown as Windows-1252 characters: check the file's encoding`;
  return {
    ok: true,
    text,
    encoding: 'windows-1252',
    warning: `not valid UTF-8 (first bad byte on line ${invalidLine}); read as Windows-1252${also}`,
  };
}

/** Share of zero bytes at even and at odd positions in the first 64 KiB. */
function zeroShares(bytes: Uint8Array): { even: number; odd: number } {
  const sample = Math.min(bytes.length, BINARY_SAMPLE) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = Math.max(1, sample / 2);
  return { even: even / pairs, odd: odd / pairs };
}

/** UTF-16 without a byte-order mark: little-endian puts the zero high byte of ASCII at odd positions. */
export function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const { even, odd } = zeroShares(bytes);
  if (odd >= 0.3 && even < 0.05) return 'utf-16le';
  if (even >= 0.3 && odd < 0.05) return 'utf-16be';
  return undefined;
}

function decodeBomlessUtf16(bytes: Uint8Array): Decoded | undefined {
  const guess = guessBomlessUtf16(bytes);
  if (!guess) return undefined;
  const decoded = decodeUtf16(bytes, guess === 'utf-16le', 0);
  // Text has no control characters besides tab, line breaks and form feed: anything else means the guess was wrong.
  // eslint-disable-next-line no-control-regex -- control characters are the evidence against the guess
  if (decoded.ok && /[\u0000-\u0008\u000B\u000E-\u001F]/.test(decoded.text)) return undefined;
  if (!decoded.ok)
    return {
      ok: false,
      error: `looks like ${guess} without a byte-order mark, but ${decoded.error}`,
      line: decoded.line,
    };
  return {
    ...decoded,
    warning: `no byte-order mark; read as ${guess.toUpperCase()} (zero bytes at every other position). Saving it as UTF-8 avoids the guess`,
  };
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return { ok: false, error: 'UTF-32 text is not supported; save it as UTF-8', line: 1 };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes, true);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes, false);
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  const utf16 = body === bytes ? decodeBomlessUtf16(bytes) : undefined;
  if (utf16) return utf16;
  const binary = binaryAt(body);
  if (binary !== undefined)
    return { ok: false, error: `binary file, not text (line ${lineAt(body, binary)})`, line: lineAt(body, binary) };
  const text = decodeUtf8Strict(body);
  return text !== undefined ? { ok: true, text, encoding: 'utf-8' } : decodeWindows1252(body);
}
