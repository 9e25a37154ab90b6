// The list's text search, marked in the open document: every word the search
// matched (whole words, or word starts when asked) gets a highlight, by the
// same rules the index was searched with (core/search/terms.ts). The query
// lives in a small observable the search field writes and each pane's plugin
// view reads, so the field knows nothing of panes and data flows one way.
// Its own plugin and DecorationSet, so span and passage decorations never
// redraw for a search.
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { queryTerms, termMatchesIn } from '../../core/search/terms';
import { indexLines, offsetToPos } from '../../core/text-lines';

export interface TextSearch {
  readonly query: string;
  /** Match word starts too, as the search field's prefix option does. */
  readonly prefix: boolean;
}

/** The text search the open documents show: null when there is none (empty, or searching names). */
export class TextSearchSource {
  private current: TextSearch | null = null;
  private readonly listeners = new Set<(search: TextSearch | null) => void>();

  get value(): TextSearch | null {
    return this.current;
  }

  set(search: TextSearch | null): void {
    const same = search?.query === this.current?.query && search?.prefix === this.current?.prefix;
    if (same) return;
    this.current = search;
    for (const listener of this.listeners) listener(search);
  }

  /** Calls `listener` on every change; returns the call that stops it. */
  subscribe(listener: (search: TextSearch | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The search every pane of this window highlights; the list's search field sets it. */
export const currentTextSearch = new TextSearchSource();

const searchHighlightKey = new PluginKey<DecorationSet>('search-highlight');

/** Transaction meta: the new search (wrapped, so "no search" is not "no meta"). */
interface SearchMeta {
  readonly search: TextSearch | null;
}

function draw(state: Pick<EditorState, 'doc'>, text: string, search: TextSearch | null): DecorationSet {
  if (search === null) return DecorationSet.empty;
  const matches = termMatchesIn(text, queryTerms(search.query, { prefix: search.prefix }));
  if (matches.length === 0) return DecorationSet.empty;
  const lines = indexLines(text);
  const marks = matches.map((m) =>
    Decoration.inline(
      offsetToPos(lines, m.start),
      offsetToPos(lines, m.end),
      { class: 'search-match' },
      { searchMatch: true },
    ),
  );
  return DecorationSet.create(state.doc, marks);
}

/** Highlights the matches of `source`'s search in a view of `text`, following every change of it. */
export function searchHighlight(text: string, source: TextSearchSource = currentTextSearch): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: searchHighlightKey,
    state: {
      init: (_config, state) => draw(state, text, source.value),
      // The text never changes (read-only view), so only a new search redraws.
      apply: (tr, set, _old, state) => {
        const meta = tr.getMeta(searchHighlightKey) as SearchMeta | undefined;
        return meta === undefined ? set : draw(state, text, meta.search);
      },
    },
    props: {
      decorations: (state) => searchHighlightKey.getState(state),
    },
    view: (view) => {
      const stop = source.subscribe((search) => {
        const meta: SearchMeta = { search };
        view.dispatch(view.state.tr.setMeta(searchHighlightKey, meta));
      });
      return { destroy: stop };
    },
  });
}

/** Document positions of the highlighted matches, in order (for tests and a match count). */
export function searchMatches(state: EditorState): Array<{ from: number; to: number }> {
  const set = searchHighlightKey.getState(state) ?? DecorationSet.empty;
  return set
    .find(undefined, undefined, (spec: { searchMatch?: boolean }) => spec.searchMatch === true)
    .map((d) => ({ from: d.from, to: d.to }));
}
