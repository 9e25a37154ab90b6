// The corpus sidebar: the search and filter box over the virtual document
// list, and the corpus progress in the top bar. It owns the list's model
// (which documents, in which order, how many of each status) and decides
// when the list re-reads it; the app tells it which document is open and
// hears which one the researcher picked.
import type { Label } from '../../core/model';
import type { WorkbenchDb } from '../db/schema';
import { clear, h } from '../dom';
import { CorpusModel, type ListFilter } from './corpus-model';
import { VirtualDocumentList } from './document-list';
import { ListFilters } from './list-filters';
import { renderProgress } from './progress';
import { ThrottledReload } from './throttled-reload';

export interface SidebarHost {
  /** The document open in the active pane: the list marks it. */
  selectedId(): string | undefined;
  /** The researcher picked a document (`beside`: to read it next to the open one). */
  open(id: string, beside: boolean): void;
}

export class CorpusSidebar {
  readonly corpus: CorpusModel;
  readonly element = h('nav', { class: 'sidebar', 'aria-label': 'Corpus' });
  /** The corpus progress, shown in the top bar. */
  readonly progress = h('div', { class: 'topbar-progress' });
  private readonly filters = new ListFilters((filter) => void this.applyFilter(filter));
  private readonly list: VirtualDocumentList;
  /**
   * The list's re-read during an import: the order is every id by name (100,000 keys at full size), so it
   * runs one at a time and spaced to a small share of the import; a batch stored meanwhile is picked up
   * by one trailing re-read, so the list always ends up complete.
   */
  private readonly reload = new ThrottledReload(() => this.refresh());

  constructor(
    db: WorkbenchDb,
    private readonly host: SidebarHost,
  ) {
    this.corpus = new CorpusModel(db);
    this.list = new VirtualDocumentList(this.corpus, (id, beside) => host.open(id, beside));
    this.element.append(this.filters.element, this.list.element);
  }

  /** Re-reads order and counts from the indexes (start, after an import); records stay unread. */
  async refresh(): Promise<void> {
    await this.corpus.load();
    this.render();
  }

  /** Asks for a re-read soon; many asks in a row make one or two (an import stores a batch after another). */
  refreshSoon(): void {
    this.reload.schedule();
  }

  render(): void {
    this.list.setSelected(this.host.selectedId());
    void this.list.refresh();
    this.filters.showCounts(this.corpus.counts, this.corpus.visible.length, this.corpus.unsearched);
    this.filters.setCategories(this.corpus.categories);
    clear(this.progress);
    this.progress.append(renderProgress(this.corpus.counts));
  }

  /** Marks the open document without re-reading anything (the active pane changed). */
  select(id: string | undefined): void {
    this.list.setSelected(id);
    void this.list.refresh();
  }

  /** Scrolls the list to a document when it is out of view. */
  reveal(id: string): void {
    this.list.reveal(this.corpus.indexOf(id));
  }

  /** The label filter offers the project's labels. */
  setLabels(labels: readonly Label[]): void {
    this.filters.setLabels(labels);
  }

  private async applyFilter(filter: ListFilter): Promise<void> {
    if (!(await this.corpus.setFilter(filter))) return; // a newer filter superseded this one
    this.list.element.scrollTop = 0;
    this.render();
    this.filters.applied(filter);
  }
}
