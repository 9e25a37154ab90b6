// UTF-16 code units (JavaScript string indices, what the app stores) versus
// Unicode code points (Python str indices, what the exported JSONL uses).
//
// The two only differ where a surrogate pair encodes one astral character
// (most emoji, CJK Extension B such as 𠀀, ...): that pair is 2 units but 1
// code point. A lone surrogate counts as 1 unit and 1 code point, exactly as
// Python counts it after json.loads("\ud800"), so both sides stay in step.
//
// Converting thousands of spans of one text must not rescan the text per
// span, so a converter finds the pairs once and answers each offset by a
// binary search over them. Most texts hold no surrogate at all; for them one
// regex test (no per-unit loop) proves that both offsets are the same.

/** An offset that has no counterpart: out of range or inside a surrogate pair. */
export class OffsetError extends RangeError {
  override name = 'OffsetError';
}

export interface OffsetConverter {
  /** Length of the text in UTF-16 units. */
  readonly utf16Length: number;
  /** Length of the text in code points. */
  readonly codePointLength: number;
  /** Code point offset of a UTF-16 offset; throws OffsetError inside a pair or out of range. */
  toCodePoint(utf16: number): number;
  /** UTF-16 offset of a code point offset; throws OffsetError when out of range. */
  toUtf16(codePoint: number): number;
  /** True when `utf16` is a valid offset that does not split a surrogate pair. */
  isBoundary(utf16: number): boolean;
}

const isHigh = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** UTF-16 indices at which a well-formed surrogate pair starts, ascending. */
export function pairStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) {
      starts.push(i);
      i++;
    }
  }
  return starts;
}

/** Number of entries of `sorted` for which `key(entry, index) < value`; `key` must be ascending. */
function countBelow(sorted: readonly number[], value: number, key: (v: number, i: number) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(sorted[mid], mid) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function checkInteger(value: number, max: number, unit: string): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new OffsetError(`${unit} offset ${value} is outside 0..${max}`);
  }
}

/** Any surrogate code unit, paired or lone. */
const SURROGATE = /[\uD800-\uDFFF]/;

/** True when `text` holds no surrogate, so its UTF-16 and code point offsets are the same numbers. */
export function hasNoSurrogates(text: string): boolean {
  return !SURROGATE.test(text);
}

/**
 * The converter of `text`. Text without surrogates gets the identity
 * converter (same answers and errors as the general one, without scanning);
 * anything else gets the general one.
 */
export function makeOffsetConverter(text: string): OffsetConverter {
  return hasNoSurrogates(text) ? identityConverter(text.length) : pairConverter(text);
}

/** For a text of `length` units with no surrogate: every offset in 0..length is a boundary and its own code point. */
function identityConverter(length: number): OffsetConverter {
  return {
    utf16Length: length,
    codePointLength: length,
    toCodePoint(utf16) {
      checkInteger(utf16, length, 'UTF-16');
      return utf16;
    },
    toUtf16(codePoint) {
      checkInteger(codePoint, length, 'code point');
      return codePoint;
    },
    isBoundary(utf16) {
      return Number.isInteger(utf16) && utf16 >= 0 && utf16 <= length;
    },
  };
}

/** The general converter, for any text: finds the surrogate pairs once, then binary-searches them per offset. */
export function pairConverter(text: string): OffsetConverter {
  const starts = pairStarts(text);
  const utf16Length = text.length;
  const cpLength = utf16Length - starts.length;
  // Pair i sits at code point starts[i] - i: every earlier pair saved one index.
  const cpOfPair = (u16: number, i: number): number => u16 - i;
  const insidePair = (u16: number, pairsBefore: number): boolean =>
    pairsBefore > 0 && starts[pairsBefore - 1] === u16 - 1;

  return {
    utf16Length,
    codePointLength: cpLength,
    toCodePoint(utf16) {
      checkInteger(utf16, utf16Length, 'UTF-16');
      const before = countBelow(starts, utf16, (v) => v);
      if (insidePair(utf16, before)) {
        throw new OffsetError(`UTF-16 offset ${utf16} falls inside a surrogate pair (one astral character)`);
      }
      return utf16 - before;
    },
    toUtf16(codePoint) {
      checkInteger(codePoint, cpLength, 'code point');
      return codePoint + countBelow(starts, codePoint, cpOfPair);
    },
    isBoundary(utf16) {
      if (!Number.isInteger(utf16) || utf16 < 0 || utf16 > utf16Length) return false;
      return !insidePair(
        utf16,
        countBelow(starts, utf16, (v) => v),
      );
    },
  };
}

/** Length of `text` in code points (Python's len()). */
export function codePointLength(text: string): number {
  return hasNoSurrogates(text) ? text.length : text.length - pairStarts(text).length;
}
