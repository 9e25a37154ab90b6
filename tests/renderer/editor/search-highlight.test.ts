// The search highlight plugin in Node: it marks the words the list's search
// matched, whole words unless prefixes are asked for, at the right positions.
import { describe, expect, it } from 'vitest';
import { indexLines, offsetToPos } from '../../../core/text-lines';
import { createTextState } from '../../../renderer/editor/document-view';
import { searchHighlight, searchMatches, TextSearchSource } from '../../../renderer/editor/search-highlight';

const text = 'Yvette Cooper spoke.\nEU co‐operation and cooperation';

function highlighted(query: string, prefix: boolean): string[] {
  const source = new TextSearchSource();
  source.set({ query, prefix });
  const state = createTextState(text, [searchHighlight(text, source)]);
  return searchMatches(state).map((m) => state.doc.textBetween(m.from, m.to));
}

describe('search highlights', () => {
  it('marks whole words only by default, on any line', () => {
    expect(highlighted('Cooper', false)).toEqual(['Cooper']);
    expect(highlighted('cooperation', false)).toEqual(['co‐operation', 'cooperation']);
  });

  it('marks word starts when asked', () => {
    expect(highlighted('coop', true)).toEqual(['Cooper', 'co‐operation', 'cooperation']);
  });

  it('places marks at the text offsets mapped to positions', () => {
    const source = new TextSearchSource();
    source.set({ query: 'cooperation', prefix: false });
    const state = createTextState(text, [searchHighlight(text, source)]);
    const at = text.lastIndexOf('cooperation');
    expect(searchMatches(state).at(-1)).toEqual({
      from: offsetToPos(indexLines(text), at),
      to: offsetToPos(indexLines(text), at + 11),
    });
  });

  it('marks nothing without a search, and tells listeners only of real changes', () => {
    const source = new TextSearchSource();
    const seen: unknown[] = [];
    source.subscribe((s) => seen.push(s));
    source.set({ query: 'a', prefix: false });
    source.set({ query: 'a', prefix: false });
    source.set(null);
    expect(seen).toEqual([{ query: 'a', prefix: false }, null]);
    expect(searchMatches(createTextState(text, [searchHighlight(text, source)]))).toEqual([]);
  });
});
