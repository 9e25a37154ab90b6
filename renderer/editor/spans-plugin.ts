// The spans of the open document live in this plugin's state, with their
// decorations and the document's undo history. The document never changes
// (the plugin refuses a transaction that changes it rather than relying on
// another plugin), so decorations never need mapping through edits: a span
// change removes and redraws only the decorations of the overlap cluster it
// touches, never the whole set.
//
// As in prosemirror-search, the plugin key is private: the rest of the app
// changes this state only through setSpansAction (typed, unlike setMeta) and
// reads it through spansState / spansActionOf.
//
// ProseMirror draws every decoration it is given, and thousands of span
// elements cost far more than the text itself. So decorations are made only
// for the spans inside a window around what is on screen (`visible`, with
// the overlap clusters that cross its edges, so layers are right); the
// window follows scrolling (see viewport.ts) and a move redraws it from the
// spans. No decoration is made for a span off screen: opening a document
// with 5,000 spans makes a few hundred.
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { Label, Span } from '../../core/model';
import {
  initialSpansState,
  reduceSpans,
  type SpansAction,
  type SpansState,
  type SpansStateOptions,
} from './spans-state';

export { INITIAL_WINDOW, type SpansAction, type SpansState, type TextRange } from './spans-state';

const spansKey = new PluginKey<SpansState>('spans');

/** Attaches a spans action to `tr` (the only way to change the spans plugin's state). */
export function setSpansAction(tr: Transaction, action: SpansAction): Transaction {
  return tr.setMeta(spansKey, action);
}

/** The spans action a transaction carries, if any: what observers of the view look at. */
export function spansActionOf(tr: Transaction): SpansAction | undefined {
  return tr.getMeta(spansKey) as SpansAction | undefined;
}

/** The plugin's options: what the state starts with (spans-state.ts). */
export type SpansPluginOptions = SpansStateOptions;

export function spansPlugin(
  text: string,
  spans: readonly Span[],
  labels: readonly Label[],
  options: SpansPluginOptions = {},
): Plugin<SpansState> {
  return new Plugin<SpansState>({
    key: spansKey,
    state: {
      init: (_config, state) => initialSpansState(text, spans, labels, options, state.doc),
      apply: (tr: Transaction, value, _old, newState) => {
        // Spans are offsets into a text that never changes; a changed document would silently misplace every one.
        if (tr.docChanged)
          throw new Error('spans plugin: the document text changed, but span offsets assume it never does');
        const action = spansActionOf(tr);
        return action ? reduceSpans(value, action, newState.doc) : value;
      },
    },
    props: { decorations: (state) => spansKey.getState(state)?.visible },
  });
}

/** The spans state, or undefined when the editor has no spans plugin (a bare editor in a test). */
export function spansStateOrUndefined(state: EditorState): SpansState | undefined {
  return spansKey.getState(state);
}

export function spansState(state: EditorState): SpansState {
  const value = spansKey.getState(state);
  if (!value) throw new Error('spans plugin missing from this editor state');
  return value;
}
