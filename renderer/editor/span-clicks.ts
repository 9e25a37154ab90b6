// A click on text selects the span under it (the innermost first; clicking
// again selects the next one out), or clears the span selection. The caret
// moves to the click in the same transaction (see selectAt); a Shift+click
// extends the text selection and is left to ProseMirror.
//
// ProseMirror reports a drag shorter than a few pixels as a click: selecting
// one narrow character ("I", "£") is such a drag. Its text selection must
// survive, so the caret moves only when the browser's selection is collapsed.
import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { posToOffset } from '../../core/text-lines';
import { spansState } from './spans-plugin';

/** True when the mouse left a text selection behind (a short drag, not a click). */
function selectedByMouse(view: EditorView): boolean {
  const selection = (view.root as Document).getSelection?.();
  return Boolean(selection && !selection.isCollapsed && view.dom.contains(selection.anchorNode));
}

export function spanClicks(onClickOffset: (offset: number, moveCaret: boolean) => void): Plugin {
  return new Plugin({
    props: {
      handleClick: (view, pos, event) => {
        onClickOffset(posToOffset(spansState(view.state).lines, pos), !event.shiftKey && !selectedByMouse(view));
        return false;
      },
    },
  });
}
