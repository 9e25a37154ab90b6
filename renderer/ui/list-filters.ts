// The search box and filters above the corpus list: search by name or by
// text, narrow by status and by label, and how many documents match. It only
// reports what the user chose; the corpus model does the finding, and the
// open documents highlight a text search's matches (editor/search-highlight).
// Text search matches whole words ("Cooper" is not "cooperation"); the
// "Word starts" box, or a word ending in *, matches word starts too.
import { DOC_STATUSES, type DocStatus, type Label } from '../../core/model';
import type { StatusCounts } from '../db/corpus-query';
import { clear, h } from '../dom';
import { currentTextSearch } from '../editor/search-highlight';
import type { ListFilter, SearchMode } from './corpus-model';
import { STATUS_LABEL } from './document-list';

/** Typing waits this long for the next key before searching: one query per pause, not per key. */
const TYPING_PAUSE_MS = 150;

export class ListFilters {
  readonly element: HTMLElement;
  private readonly input = h('input', {
    type: 'search',
    class: 'doc-search',
    placeholder: 'Search names…',
    'aria-label': 'Search documents',
    'data-testid': 'doc-search',
  });
  private readonly mode = h(
    'select',
    { class: 'doc-search-mode', 'aria-label': 'Search in', 'data-testid': 'doc-search-mode' },
    h('option', { value: 'name' }, 'Name'),
    h('option', { value: 'text' }, 'Text'),
  );
  private readonly prefix = h('input', { type: 'checkbox', 'data-testid': 'doc-search-prefix' });
  private readonly prefixToggle = h(
    'label',
    { class: 'doc-search-prefix', title: 'Also match words that start with the search words (or end a word with *)' },
    this.prefix,
    'Word starts',
  );
  private readonly statusRow = h('div', { class: 'status-filters', role: 'group', 'aria-label': 'Filter by status' });
  private readonly label = h('select', {
    class: 'label-filter',
    'aria-label': 'Filter by label',
    'data-testid': 'label-filter',
  });
  private readonly category = h('select', {
    class: 'label-filter category-filter',
    'aria-label': 'Filter by category',
    'data-testid': 'category-filter',
    hidden: true,
  });
  private readonly summary = h('div', { class: 'list-summary', 'data-testid': 'list-summary', 'aria-live': 'polite' });
  private status?: DocStatus;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly onChange: (filter: ListFilter) => void) {
    this.element = h(
      'div',
      { class: 'list-filters' },
      h('div', { class: 'search-row' }, this.input, this.mode),
      this.prefixToggle,
      this.statusRow,
      this.label,
      this.category,
      this.summary,
    );
    this.prefixToggle.hidden = true;
    this.input.addEventListener('input', () => this.changedSoon());
    this.mode.addEventListener('change', () => this.changed());
    this.prefix.addEventListener('change', () => this.changed());
    this.label.addEventListener('change', () => this.changed());
    this.category.addEventListener('change', () => this.changed());
  }

  value(): ListFilter {
    const mode = this.mode.value as SearchMode;
    return {
      query: this.input.value,
      mode,
      prefix: this.prefix.checked,
      status: this.status,
      label: this.label.value || undefined,
      category: this.category.value || undefined,
    };
  }

  /** Status chips with the corpus counts, and the "N of M" line. */
  showCounts(counts: StatusCounts, shown: number, unsearched = 0): void {
    clear(this.statusRow);
    const chip = (status: DocStatus | undefined, text: string, n: number) =>
      h(
        'button',
        {
          class: `status-chip${this.status === status ? ' on' : ''}`,
          'data-status': status ?? 'all',
          'aria-pressed': String(this.status === status),
          onclick: () => {
            this.status = status;
            this.changed();
          },
        },
        status ? h('span', { class: `status-dot status-${status}` }) : null,
        text,
        h('span', { class: 'count' }, n.toLocaleString('en-US')),
      );
    this.statusRow.append(
      chip(undefined, 'All', counts.total),
      ...DOC_STATUSES.map((s) => chip(s, STATUS_LABEL[s], counts[s])),
    );
    this.summary.textContent = `${shown.toLocaleString('en-US')} of ${counts.total.toLocaleString('en-US')} documents${
      unsearched > 0
        ? `; ${unsearched.toLocaleString('en-US')} still being indexed were not searched yet (search again in a moment)`
        : ''
    }`;
  }

  setLabels(labels: readonly Label[]): void {
    const chosen = this.label.value;
    clear(this.label);
    this.label.append(
      h('option', { value: '' }, 'Any label'),
      ...labels.map((l) => h('option', { value: l.name }, `Has “${l.name}”`)),
    );
    this.label.value = labels.some((l) => l.name === chosen) ? chosen : '';
  }

  /** The categories documents have; the filter shows only when there is one. */
  setCategories(categories: readonly string[]): void {
    const chosen = this.category.value;
    clear(this.category);
    this.category.append(
      h('option', { value: '' }, 'Any category'),
      ...categories.map((c) => h('option', { value: c }, `In “${c}”`)),
    );
    this.category.value = categories.includes(chosen) ? chosen : '';
    this.category.hidden = categories.length === 0;
  }

  /**
   * The list now shows what `filter` selects; the summary stops saying it is busy once that is the
   * filter on screen (an older one finishing late leaves it busy for the newer one).
   */
  applied(filter: ListFilter): void {
    const now = this.value();
    const same = (Object.keys(now) as (keyof ListFilter)[]).every((k) => now[k] === filter[k]);
    if (same) this.summary.removeAttribute('aria-busy');
  }

  private changedSoon(): void {
    this.summary.setAttribute('aria-busy', 'true');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed(), TYPING_PAUSE_MS);
  }

  private changed(): void {
    this.summary.setAttribute('aria-busy', 'true');
    clearTimeout(this.timer);
    const text = this.mode.value === 'text';
    this.input.placeholder = text ? 'Search whole words…' : 'Search names…';
    this.prefixToggle.hidden = !text;
    const query = this.input.value.trim();
    currentTextSearch.set(text && query ? { query, prefix: this.prefix.checked } : null);
    this.onChange(this.value());
  }
}
