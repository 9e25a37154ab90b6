// Bytes to text, exactly. Only a leading byte-order mark is removed; nothing
// else is touched (CRLF, tabs, trailing spaces stay) so offsets keep meaning.
// Order: BOM (UTF-8 / UTF-16), binary check, strict UTF-8, then Windows-1252
// with a warning. Bytes that are neither give an error naming the line.

export type Decoded =
  | { ok: true; text: string; encoding: string; warning?: string }
  | { ok: false; error: string; line?: number };

// Bytes Windows-1252 leaves undefined: a file holding them is not 1252 text.
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function lineAt(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** A NUL byte or many control characters mean a binary file, not text. */
function looksBinary(bytes: Uint8Array): number | undefined {
  const sample = Math.min(bytes.length, 65536);
  let controls = 0;
  for (let i = 0; i < sample; i++) {
    const b = bytes[i];
    if (b === 0) return i;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  return controls > 8 && controls > sample / 100 ? 0 : undefined;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // Binary search on prefix validity; a prefix may end mid-character, so allow 3 bytes of slack.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid + 1), { stream: true });
      decoder.decode();
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): Decoded {
  const body = bytes.subarray(2);
  if (body.length % 2 !== 0) return { ok: false, error: 'UTF-16 file with an odd number of bytes', line: undefined };
  const text = new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be').decode(body);
  return { ok: true, text, encoding: littleEndian ? 'utf-16le' : 'utf-16be' };
}

function decodeWindows1252(bytes: Uint8Array): Decoded {
  const bad = bytes.findIndex((b) => UNDEFINED_IN_1252.has(b));
  const invalid = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    return { ok: false, error: `not valid UTF-8 (first bad byte on line ${lineAt(bytes, invalid)}) and not Windows-1252 either`, line: lineAt(bytes, bad) };
  }
  const text = new TextDecoder('windows-1252').decode(bytes);
  const line = lineAt(bytes, invalid);
  return { ok: true, text, encoding: 'windows-1252', warning: `not valid UTF-8 (first bad byte on line ${line}); read as Windows-1252` };
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes, true);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes, false);
  const hasBom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const body = hasBom ? bytes.subarray(3) : bytes;
  const binaryAt = looksBinary(body);
  if (binaryAt !== undefined) return { ok: false, error: 'binary file, not text', line: lineAt(body, binaryAt) };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return decodeWindows1252(body);
  }
}
