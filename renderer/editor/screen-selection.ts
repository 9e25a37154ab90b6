// The selection on screen, taken into the editor state before a key acts on
// it. The browser reports a selection change (Shift+arrow, a drag) in a
// `selectionchange` event that comes a task later; ProseMirror reads the DOM
// selection there. A label key pressed quickly after Shift+arrow can come
// first and would tag the selection of a moment before, or nothing.
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/** The DOM selection's anchor and head as positions in `view`, if both ends are in its text. */
function screenSelection(view: EditorView): { anchor: number; head: number } | undefined {
  const selection = (view.root as Document).getSelection?.();
  if (!selection?.anchorNode || !selection.focusNode) return undefined;
  if (!view.dom.contains(selection.anchorNode) || !view.dom.contains(selection.focusNode)) return undefined;
  try {
    return {
      anchor: view.posAtDOM(selection.anchorNode, selection.anchorOffset),
      head: view.posAtDOM(selection.focusNode, selection.focusOffset),
    };
  } catch {
    return undefined; // an end inside something that has no position (ProseMirror reads it later as it can)
  }
}

/** Sets the state's selection to the one on screen when they differ; true when it did. */
export function catchUpSelection(view: EditorView): boolean {
  const onScreen = screenSelection(view);
  const { selection, doc } = view.state;
  if (!onScreen || (selection.anchor === onScreen.anchor && selection.head === onScreen.head)) return false;
  view.dispatch(
    view.state.tr.setSelection(TextSelection.between(doc.resolve(onScreen.anchor), doc.resolve(onScreen.head))),
  );
  return true;
}
