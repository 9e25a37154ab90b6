// A relation by mouse: press on a span's label tag (the small name after the
// span) and drag to another span; on release over it, `onDrop(head, child)`.
// Dragging from the tag rather than the span's text keeps a drag over text
// what it always was, a text selection for a new (maybe overlapping) span.
// While dragging, a dashed line follows the mouse.
import { Plugin } from 'prosemirror-state';

const NS = 'http://www.w3.org/2000/svg';

/** The innermost span element under a point, by its decoration's data-span-id. */
function spanIdAt(x: number, y: number): string | undefined {
  const el = document.elementFromPoint(x, y);
  return el?.closest('[data-span-id]')?.getAttribute('data-span-id') ?? undefined;
}

export function relationDrag(scroller: HTMLElement, onDrop: (head: string, child: string) => void): Plugin {
  return new Plugin({
    props: {
      handleDOMEvents: {
        mousedown: (_view, event) => {
          const tag = (event.target as Element | null)?.closest?.('.span-tag');
          const head = tag?.getAttribute('data-tag-for');
          if (!head || event.button !== 0) return false;
          event.preventDefault();
          const box = scroller.getBoundingClientRect();
          const from = {
            x: event.clientX - box.left + scroller.scrollLeft,
            y: event.clientY - box.top + scroller.scrollTop,
          };
          const line = document.createElementNS(NS, 'svg');
          line.setAttribute('class', 'drag-line');
          const path = document.createElementNS(NS, 'line');
          path.setAttribute('x1', String(from.x));
          path.setAttribute('y1', String(from.y));
          line.style.width = `${scroller.scrollWidth}px`;
          line.style.height = `${scroller.scrollHeight}px`;
          line.append(path);
          scroller.append(line);
          scroller.classList.add('dragging-relation');
          const move = (e: MouseEvent) => {
            const b = scroller.getBoundingClientRect();
            path.setAttribute('x2', String(e.clientX - b.left + scroller.scrollLeft));
            path.setAttribute('y2', String(e.clientY - b.top + scroller.scrollTop));
          };
          move(event);
          const up = (e: MouseEvent) => {
            document.removeEventListener('mousemove', move);
            document.removeEventListener('mouseup', up);
            line.remove();
            scroller.classList.remove('dragging-relation');
            const child = spanIdAt(e.clientX, e.clientY);
            if (child && child !== head) onDrop(head, child);
          };
          document.addEventListener('mousemove', move);
          document.addEventListener('mouseup', up);
          return true;
        },
      },
    },
  });
}
