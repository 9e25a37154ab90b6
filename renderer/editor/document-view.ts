// Creates the read-only ProseMirror view for one document's text.
import { EditorState, type Plugin } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { readOnlyText } from './read-only';
import { docFromText } from './text-schema';

export function createTextState(text: string, plugins: Plugin[] = []): EditorState {
  return EditorState.create({ doc: docFromText(text), plugins: [readOnlyText(), ...plugins] });
}

export function createDocumentView(host: HTMLElement, state: EditorState): EditorView {
  return new EditorView(host, { state, attributes: { class: 'doc-text', 'data-testid': 'doc-text' } });
}
