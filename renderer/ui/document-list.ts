// The corpus list on the left: name, first line, status and span count.
// Virtualised: every row has the same height, the list is one tall spacer,
// and only the rows on screen (plus a few either side) exist in the DOM, so
// 100,000 documents scroll as smoothly as five. Records of rows scrolled into
// view are fetched from the model; until they arrive a row shows as blank.
import { displayName } from '../../core/display-name';
import type { DocStatus, DocumentRecord } from '../../core/model';
import { h } from '../dom';
import { measuring, timed } from '../timing';
import { categoryChips } from './category-chips';
import { ROW_HEIGHT } from './document-list-geometry';
import { onceAFrame } from './once-a-frame';

export const STATUS_LABEL: Record<DocStatus, string> = { todo: 'To do', in_progress: 'In progress', done: 'Done' };

/** Rows kept beyond each edge of the screen, so a fast wheel never shows blanks. */
const OVERSCAN = 6;

/** What the list needs from the corpus model. */
export interface ListSource {
  readonly visible: readonly string[];
  record(id: string): DocumentRecord | undefined;
  ensure(from: number, to: number): Promise<void>;
}

function renderItem(
  doc: DocumentRecord,
  selected: boolean,
  onSelect: (id: string, beside: boolean) => void,
): HTMLElement {
  return h(
    'li',
    {
      class: `doc-item${selected ? ' selected' : ''}`,
      'data-doc-id': doc.id,
      'aria-selected': String(selected),
      role: 'option',
      title: 'Click to open; Alt+click to open beside the current document',
      onclick: (e: Event) => onSelect(doc.id, (e as MouseEvent).altKey),
    },
    h(
      'div',
      { class: 'doc-item-head' },
      h('span', { class: `status-dot status-${doc.status}`, title: STATUS_LABEL[doc.status] }),
      h('span', { class: 'doc-name' }, displayName(doc.name)),
      doc.spanCount > 0 && h('span', { class: 'span-count', title: `${doc.spanCount} spans` }, String(doc.spanCount)),
    ),
    h(
      'div',
      { class: 'doc-preview' },
      categoryChips(doc.categories, 'doc-item-categories'),
      doc.preview || '(empty document)',
    ),
  );
}

function placeholder(): HTMLElement {
  return h('li', { class: 'doc-row-loading', 'aria-hidden': 'true' });
}

export class VirtualDocumentList {
  readonly element = h('div', { class: 'doc-scroller', 'data-testid': 'doc-scroller' });
  private readonly list = h('ul', { class: 'doc-list virtual', role: 'listbox', 'aria-label': 'Documents' });
  /** Rows in the DOM by position; the key says what the row shows, to reuse it unchanged. */
  private rows = new Map<number, { key: string; el: HTMLElement }>();
  private selectedId?: string;

  constructor(
    private readonly source: ListSource,
    private readonly onSelect: (id: string, beside: boolean) => void,
  ) {
    this.element.append(this.list);
    this.element.addEventListener('scroll', () => this.schedule(), { passive: true });
  }

  /** The rows on screen, plus overscan, for the current scroll position. */
  range(): { from: number; to: number } {
    const height = this.element.clientHeight || window.innerHeight;
    const from = Math.max(0, Math.floor(this.element.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const to = Math.min(
      this.source.visible.length,
      Math.ceil((this.element.scrollTop + height) / ROW_HEIGHT) + OVERSCAN,
    );
    return { from, to };
  }

  /** After the model changed (filter, import, a record): fetch what shows and paint. */
  async refresh(): Promise<void> {
    this.list.style.height = `${this.source.visible.length * ROW_HEIGHT}px`;
    this.paint();
    await this.fill();
  }

  setSelected(id: string | undefined): void {
    this.selectedId = id;
    this.paint();
  }

  /** Scrolls just enough to show row `index`. */
  reveal(index: number): void {
    if (index < 0) return;
    const top = index * ROW_HEIGHT;
    const height = this.element.clientHeight;
    if (top < this.element.scrollTop) this.element.scrollTop = top;
    else if (top + ROW_HEIGHT > this.element.scrollTop + height) this.element.scrollTop = top + ROW_HEIGHT - height;
  }

  private readonly schedule = onceAFrame(() => {
    this.paint();
    void this.fill();
  });

  /** Loads missing records of the rows in range, then paints them; measured as 'list-render'. */
  private async fill(): Promise<void> {
    const started = performance.now();
    const { from, to } = this.range();
    await this.source.ensure(from, to);
    this.paint();
    if (!measuring) return;
    void this.list.offsetHeight; // include layout in the measure (only when measuring: it forces a reflow)
    timed('list-render', started, { from, to });
  }

  /** Puts exactly the rows in range into the DOM, reusing rows that still show the same thing. */
  private paint(): void {
    const { from, to } = this.range();
    const next = new Map<number, { key: string; el: HTMLElement }>();
    for (let i = from; i < to; i++) {
      const id = this.source.visible[i];
      const record = this.source.record(id);
      const key = record
        ? `${id}|${record.updatedAt}|${record.status}|${record.spanCount}|${id === this.selectedId}`
        : `${id}|loading`;
      const old = this.rows.get(i);
      if (old?.key === key) {
        next.set(i, old);
        continue;
      }
      const el = record ? renderItem(record, id === this.selectedId, this.onSelect) : placeholder();
      el.style.top = `${i * ROW_HEIGHT}px`;
      next.set(i, { key, el });
    }
    for (const [i, row] of this.rows) if (next.get(i) !== row) row.el.remove();
    // Keep DOM order = list order (screen readers and `.doc-item` queries read it), back to front.
    let after: HTMLElement | null = null;
    for (let i = to - 1; i >= from; i--) {
      const el = next.get(i)!.el;
      if (el.nextSibling !== after || !el.isConnected) this.list.insertBefore(el, after);
      after = el;
    }
    this.rows = next;
  }
}
