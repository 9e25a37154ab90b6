// Fast random text for property tests. fc.string({unit: 'binary'}) is very
// slow to generate, so code units are drawn directly, weighted towards
// surrogates (pairs and lone halves) and ASCII, where offsets go wrong.
import fc from 'fast-check';

const codeUnit = fc.oneof(
  fc.integer({ min: 0, max: 0x7f }),
  fc.integer({ min: 0, max: 0xffff }),
  fc.integer({ min: 0xd800, max: 0xdfff }),
  fc.constantFrom(0xd83d, 0xde00), // the two halves of 😀, so real pairs occur often
);

/** Any JavaScript string: well-formed or not, astral or not. */
export const anyText = (maxLength = 40) =>
  fc.array(codeUnit, { maxLength }).map((units) => String.fromCharCode(...units));
