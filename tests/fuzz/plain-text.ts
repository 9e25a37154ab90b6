// Text a reader must give back exactly: random code units (astral, CJK,
// combining marks, U+2028, ...) made well-formed, without NUL or the other
// control characters that mark a binary file, and not starting with U+FEFF
// (a leading one is a byte-order mark, removed by design).
import type fc from 'fast-check';
import { anyText } from '../core/arbitraries';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex -- these control characters are what the decoder calls binary
const BINARY_CONTROLS = /[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f]/g;

export const plainText = (maxLength = 60): fc.Arbitrary<string> =>
  anyText(maxLength).map((s) =>
    s
      .replace(LONE_SURROGATE, '\uFFFD')
      .replace(BINARY_CONTROLS, 'x')
      .replace(/^\uFEFF/, 'x'),
  );
