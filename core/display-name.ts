// Names shown to a person (file names, document names, window titles) come
// from whoever made the file. Unicode's explicit direction controls can make
// a name display in an order other than its own: "\u202Egpj.exe" shows as
// "exe.jpg". So before a name is displayed, each embedding, override or
// isolate control is replaced by a visible marker naming it, and the
// invisible direction marks (LRM, RLM, ALM), which can still move punctuation
// about, are dropped. Letters are never touched: Hebrew or Arabic names still
// read right to left; the page isolates each name (CSS unicode-bidi: isolate)
// so it cannot reorder the text around it.

/** The controls that push or pop a direction, by code point, with the marker shown in their place. */
const EXPLICIT: Readonly<Record<number, string>> = {
  0x202a: 'LRE',
  0x202b: 'RLE',
  0x202c: 'PDF',
  0x202d: 'LRO',
  0x202e: 'RLO',
  0x2066: 'LRI',
  0x2067: 'RLI',
  0x2068: 'FSI',
  0x2069: 'PDI',
};

/** Left-to-right mark, right-to-left mark, Arabic letter mark. */
const MARKS = /[\u200E\u200F\u061C]/g;
const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** True when `name` holds any direction control or mark that displayName() would change. */
export function hasBidiControls(name: string): boolean {
  return /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/.test(name);
}

/**
 * `name` as it is safe to display: each direction control becomes a visible
 * marker such as "[RLO]", direction marks are removed, everything else is kept.
 */
export function displayName(name: string): string {
  if (!hasBidiControls(name)) return name;
  return name.replace(MARKS, '').replace(CONTROLS, (c) => `[${EXPLICIT[c.charCodeAt(0)]}]`);
}
