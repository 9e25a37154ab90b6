// A click on text selects the span under it (the innermost first; clicking
// again selects the next one out), or clears the span selection. The caret
// moves to the click in the same transaction (see selectAt); a Shift+click
// extends the text selection and is left to ProseMirror.
import { Plugin } from 'prosemirror-state';
import { posToOffset } from '../../core/text-lines';
import { spansState } from './spans-plugin';

export function spanClicks(onClickOffset: (offset: number, moveCaret: boolean) => void): Plugin {
  return new Plugin({
    props: {
      handleClick: (view, pos, event) => {
        onClickOffset(posToOffset(spansState(view.state).lines, pos), !event.shiftKey);
        return false;
      },
    },
  });
}
