// A click on text selects the span under it (the innermost first; clicking
// again selects the next one out), or clears the span selection.
import { Plugin } from 'prosemirror-state';
import { posToOffset } from '../../core/text-lines';
import { spansState } from './spans-plugin';

export function spanClicks(onClickOffset: (offset: number) => void): Plugin {
  return new Plugin({
    props: {
      handleClick: (view, pos) => {
        onClickOffset(posToOffset(spansState(view.state).lines, pos));
        return false;
      },
    },
  });
}
