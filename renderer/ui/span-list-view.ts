// The span panel's list of every span, in reading order, drawn as a window:
// only the rows in view (and a few either side) are in the DOM. A document
// with 5,000 spans once put 5,000 items into the panel on every open (about a
// quarter of a second of the page's thread on this 2-core machine, before the
// first frame) and reconciled all of them after every edit, and pushed the
// relations and suggestions below them out of reach. Rows have one height, so
// a row's place is its index times that height; the list scrolls in its own
// box. An item is built only for a span that is new or changed, or whose
// colour or selection did (spans are immutable values).
import type { Span } from '../../core/model';
import { h, reconcileChildren } from '../dom';
import { FALLBACK_COLOR } from '../editor/span-decorations';
import { labelChip } from './label-chip';
import { onceAFrame } from './once-a-frame';

/** Each row's height in pixels; styles.css gives .span-item the same. */
export const SPAN_ROW = 28;
/** Rows drawn past each edge of the view, so a quick scroll shows rows, not a gap. */
const OVERSCAN = 12;

export interface SpanListActions {
  select(id: string): void;
}

interface Item {
  li: HTMLElement;
  color: string;
  selected: boolean;
}

export class SpanListView {
  readonly element = h('div', { class: 'span-list-scroll' });
  private readonly list = h('ul', { class: 'span-list', 'data-testid': 'span-list' });
  private readonly items = new WeakMap<Span, Item>();
  private shown: readonly Span[] = [];
  private colors: ReadonlyMap<string, string> = new Map();
  private selectedId: string | undefined;
  /** The scroll position as the last scroll event left it: reading it after a change would force a layout. */
  private top = 0;
  private readonly schedulePaint = onceAFrame(() => this.paint());

  constructor(private readonly actions: SpanListActions) {
    this.element.append(this.list);
    this.element.addEventListener(
      'scroll',
      () => {
        this.top = this.element.scrollTop;
        this.schedulePaint();
      },
      { passive: true },
    );
  }

  /** Shows `shown`; when the selection moved to a span, scrolls just enough to show its row. */
  update(shown: readonly Span[], colors: ReadonlyMap<string, string>, selectedId: string | undefined): void {
    const moved = selectedId !== undefined && selectedId !== this.selectedId;
    this.shown = shown;
    this.colors = colors;
    this.selectedId = selectedId;
    this.list.style.height = `${shown.length * SPAN_ROW}px`;
    if (moved) this.reveal(shown.findIndex((s) => s.id === selectedId));
    this.paint();
  }

  private reveal(index: number): void {
    if (index < 0) return;
    const at = index * SPAN_ROW;
    const height = this.element.clientHeight;
    if (height === 0) return; // not laid out (a hidden panel): nothing to scroll
    if (at < this.top) this.element.scrollTop = at;
    else if (at + SPAN_ROW > this.top + height) this.element.scrollTop = at + SPAN_ROW - height;
    this.top = this.element.scrollTop;
  }

  /** The rows of the view; the window's height bounds the box's, so no layout is read. */
  private paint(): void {
    const from = Math.max(0, Math.floor(this.top / SPAN_ROW) - OVERSCAN);
    const to = Math.min(this.shown.length, Math.ceil((this.top + window.innerHeight) / SPAN_ROW) + OVERSCAN);
    const rows: HTMLElement[] = [];
    for (let i = from; i < to; i++) rows.push(this.row(this.shown[i], i));
    reconcileChildren(this.list, rows);
  }

  private row(span: Span, index: number): HTMLElement {
    const color = this.colors.get(span.label) ?? FALLBACK_COLOR;
    const selected = span.id === this.selectedId;
    let item = this.items.get(span);
    if (!item || item.color !== color || item.selected !== selected) {
      item = { li: this.render(span, color, selected), color, selected };
      this.items.set(span, item);
    }
    item.li.style.top = `${index * SPAN_ROW}px`;
    // Only a window of the list is in the DOM: each item says its place in the whole, for screen readers.
    item.li.setAttribute('aria-posinset', String(index + 1));
    item.li.setAttribute('aria-setsize', String(this.shown.length));
    return item.li;
  }

  private render(span: Span, color: string, selected: boolean): HTMLElement {
    return h(
      'li',
      {
        class: `span-item${selected ? ' selected' : ''}`,
        'data-span-id': span.id,
        title: span.text,
        onclick: () => this.actions.select(span.id),
      },
      labelChip(span.label, color),
      h('span', { class: 'span-text' }, span.text),
      span.note ? h('span', { class: 'note-mark', title: span.note }, '✎') : null,
    );
  }
}
