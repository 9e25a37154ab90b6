// Creates the read-only ProseMirror view for one document's text. The owner
// may observe every transaction the view applies (`observe`): that is where
// span changes are saved and panels refreshed, so commands never call back.
import { EditorState, type Plugin, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { readOnlyText } from './read-only';
import { docFromText } from './text-schema';

export function createTextState(text: string, plugins: Plugin[] = []): EditorState {
  return EditorState.create({ doc: docFromText(text), plugins: [readOnlyText(), ...plugins] });
}

export function createDocumentView(
  host: HTMLElement,
  state: EditorState,
  observe: (tr: Transaction, view: EditorView, started: number) => void = () => {},
): EditorView {
  const view: EditorView = new EditorView(host, {
    state,
    attributes: { class: 'doc-text', 'data-testid': 'doc-text' },
    dispatchTransaction: (tr) => {
      const started = performance.now();
      view.updateState(view.state.apply(tr));
      observe(tr, view, started);
    },
  });
  return view;
}
