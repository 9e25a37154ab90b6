// Fuzzing the decoder (main/services/decode.ts) at FUZZ_RUNS cases a
// property: no byte sequence makes it throw, a refusal always says why and
// names a line inside the file, and text it can vouch for comes back exactly
// (UTF-8 with or without BOM, UTF-16 LE/BE with BOM), so offsets keep meaning.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { decodeBytes } from '../../../main/services/decode';
import { anyText } from '../../core/arbitraries';
import { plainText as plainTextOf } from '../../fuzz/plain-text';
import { check, fuzz, FUZZ_TIMEOUT_MS } from '../../support/fuzz-runs';

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + 2 * i, text.charCodeAt(i), littleEndian);
  return out;
}

const BOMS = [[], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xff, 0xfe, 0, 0]];

/** Any bytes: random, random text in UTF-8, or either behind any byte-order mark. */
const anyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 120 }),
  anyText(60).map(utf8),
  fc
    .tuple(fc.constantFrom(...BOMS), fc.oneof(fc.uint8Array({ maxLength: 80 }), anyText(40).map(utf8)))
    .map(([bom, body]) => new Uint8Array([...bom, ...body])),
);

const plainText = plainTextOf(60);

const lines = (bytes: Uint8Array) => bytes.reduce((n, b) => n + (b === 0x0a ? 1 : 0), 1);

describe('fuzz: the decoder (main/services/decode.ts)', () => {
  it(
    'never throws; a refusal says why and names a line inside the file',
    () => {
      fuzz('decoder: any bytes', anyBytes, (bytes) => {
        const decoded = decodeBytes(bytes);
        if (decoded.ok)
          return check(
            typeof decoded.text === 'string' && decoded.encoding !== '',
            () => 'accepted without text or encoding',
          );
        check(decoded.error !== '', () => 'refused without a reason');
        check(
          decoded.line === undefined || (decoded.line >= 1 && decoded.line <= lines(bytes)),
          () => `line ${decoded.line} of a ${lines(bytes)}-line file`,
        );
      });
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'gives text back exactly from UTF-8 (with or without BOM) and UTF-16 with BOM',
    () => {
      fuzz(
        'decoder: text round-trip',
        fc.tuple(plainText, fc.constantFrom('utf-8', 'utf-8 bom', 'utf-16le', 'utf-16be')),
        ([text, form]) => {
          const bytes =
            form === 'utf-8'
              ? utf8(text)
              : form === 'utf-8 bom'
                ? utf8(`\uFEFF${text}`)
                : utf16(text, form === 'utf-16le');
          const decoded = decodeBytes(bytes);
          check(
            decoded.ok && decoded.text === text,
            () => `${form}: ${JSON.stringify(text)} came back as ${JSON.stringify(decoded)}`,
          );
          check(!decoded.ok || decoded.warning === undefined, () => `${form}: a warning for clean text`);
        },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
