// Keeps the spans plugin's drawing window around what the scroller shows.
// On scroll (at most once a frame) it measures the text offsets at the top
// and bottom of the scroller; when they come near the window's edge, it moves
// the window so that a margin of text is drawn on either side.
import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { posToOffset } from '../../core/text-lines';
import { setSpansAction, spansState, type TextRange } from './spans-plugin';

/** Characters drawn beyond each edge of the screen. */
export const MARGIN = 8_000;
/** Move the window when the screen comes this close to its edge. */
export const GUARD = 3_000;

function offsetAt(view: EditorView, left: number, top: number, fallback: number): number {
  const hit = view.posAtCoords({ left, top });
  return hit ? posToOffset(spansState(view.state).lines, hit.pos) : fallback;
}

/** The text offsets on screen, measured at the scroller's top and bottom edges. */
export function visibleRange(view: EditorView, scroller: HTMLElement): TextRange {
  const box = scroller.getBoundingClientRect();
  const text = view.dom.getBoundingClientRect();
  const left = text.left + text.width / 2;
  const length = spansState(view.state).lines.length;
  return {
    start: offsetAt(view, left, Math.max(box.top, text.top) + 4, 0),
    end: offsetAt(view, left, Math.min(box.bottom, text.bottom) - 4, length),
  };
}

export function needsMove(window: TextRange, shown: TextRange, length: number): boolean {
  const lowOk = window.start === 0 || shown.start - window.start >= GUARD;
  const highOk = window.end >= length || window.end - shown.end >= GUARD;
  return !(lowOk && highOk);
}

export function windowAround(shown: TextRange, length: number): TextRange {
  return { start: Math.max(0, shown.start - MARGIN), end: Math.min(length, shown.end + MARGIN) };
}

export function viewportTracker(scroller: HTMLElement): Plugin {
  return new Plugin({
    view: (view) => {
      let frame = 0;
      const check = () => {
        frame = 0;
        const state = spansState(view.state);
        const shown = visibleRange(view, scroller);
        if (needsMove(state.window, shown, state.lines.length)) {
          view.dispatch(
            setSpansAction(view.state.tr, { type: 'viewport', window: windowAround(shown, state.lines.length) }),
          );
        }
      };
      const onScroll = () => {
        if (!frame) frame = requestAnimationFrame(check);
      };
      scroller.addEventListener('scroll', onScroll, { passive: true });
      return {
        destroy: () => {
          scroller.removeEventListener('scroll', onScroll);
          cancelAnimationFrame(frame);
        },
      };
    },
  });
}
