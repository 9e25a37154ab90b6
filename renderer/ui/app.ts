// The workbench screen: top bar, label bar, document list, the open document
// and its span panel. The app is the host of the annotators: it saves their
// changes in order, keeps their undo histories for the session and routes keys.
import type { CorpusLoad, DocStatus, InputProblem, Label } from '../../core/model';
import type { History, Step } from '../../core/spans/history';
import type { SnapMode } from '../../core/spans/snap';
import type { AnnotatorHost } from '../annotate/annotator';
import { SaveQueue } from '../annotate/save-queue';
import { getDocument, readText, setStatus, storeDocuments, type StoreResult } from '../db/documents-repo';
import { listLabels } from '../db/labels-repo';
import type { WorkbenchDb } from '../db/schema';
import { getSetting, putSetting } from '../db/settings-repo';
import { applyChanges, listSpans } from '../db/spans-repo';
import { clear, h } from './dom';
import { IoController } from './io-controller';
import { CorpusModel, type ListFilter } from './corpus-model';
import { VirtualDocumentList } from './document-list';
import { DocumentPane } from './document-pane';
import { KEY_HELP, handleKeydown } from './keyboard';
import { renderLabelBar } from './label-bar';
import { LabelController } from './label-controller';
import { ListFilters } from './list-filters';
import { renderProgress } from './progress';
import { SpanPanelController } from './span-panel-controller';
import { SplitSession } from '../compare/split-session';
import { similarDocuments } from '../db/signatures';
import { renderSimilar } from './similar-panel';

/** During an import the list re-reads at most once per this many times its own last duration (~10% of the time)… */
const LIST_RELOAD_SPACING = 10;
/** …but never waits longer than this for the next re-read. */
const LIST_RELOAD_MAX_WAIT_MS = 3000;

export class WorkbenchApp implements AnnotatorHost {
  readonly histories = new Map<string, History>();
  labels: Label[] = [];
  snap: SnapMode = 'word';
  /** The list as ids, counts and the records on screen: never all 100k records. */
  readonly corpus: CorpusModel;
  private readonly list: VirtualDocumentList;
  private readonly filters = new ListFilters((filter) => void this.applyFilter(filter));
  /** The list's re-read during an import: one at a time, spaced by LIST_RELOAD_SPACING times its own cost. */
  private listReload?: Promise<void>;
  private listReloadAgain = false;
  private listReloadReady = 0;
  private readonly listHost = h('nav', { class: 'sidebar', 'aria-label': 'Corpus' });
  private readonly progressHost = h('div', { class: 'topbar-progress' });
  private readonly saveState = h('span', { class: 'save-state', 'data-testid': 'save-state' }, 'All changes saved');
  private readonly labelBarHost = h('div', { class: 'label-bar' });
  private readonly statusLine = h('span', { class: 'status-message', role: 'status', 'data-testid': 'statusbar' });
  private readonly panelHost = h('div', { class: 'span-panel-body' });
  private readonly similarHost = h('div', { class: 'similar-panel' });
  /** Left and right panes; the right one shows only in the split view. */
  readonly panes: readonly [DocumentPane, DocumentPane];
  private activePane: DocumentPane;
  private readonly mainHost = h('main', { class: 'main' });
  readonly split: SplitSession;
  readonly queue: SaveQueue;
  /** Import and export: the top-bar buttons, dropped files, the dialogs. */
  readonly io = new IoController(this);
  readonly spanPanel: SpanPanelController;
  readonly labelsUi: LabelController;

  constructor(readonly db: WorkbenchDb, private readonly root: HTMLElement) {
    this.panes = [new DocumentPane(this, 'main', (p) => this.activate(p)), new DocumentPane(this, 'side', (p) => this.activate(p))];
    this.activePane = this.panes[0];
    this.split = new SplitSession(this, this.mainHost);
    this.queue = new SaveQueue((pending, saved, error) => this.showSaveState(pending, saved, error));
    this.spanPanel = new SpanPanelController(this, this.panelHost);
    this.labelsUi = new LabelController(this);
    this.corpus = new CorpusModel(db);
    this.list = new VirtualDocumentList(this.corpus, (id, beside) => void (beside ? this.split.openBeside(id) : this.openDocument(id)));
    this.listHost.append(this.filters.element, this.list.element);
  }

  /** The pane the researcher last worked in: keys, the span panel and the list act on it. */
  get active(): DocumentPane {
    return this.activePane;
  }

  activate(pane: DocumentPane): void {
    if (pane === this.activePane) return;
    this.activePane = pane;
    for (const p of this.panes) p.element.classList.toggle('active', p === pane);
    this.list.setSelected(pane.record?.id);
    void this.list.refresh();
    this.changed();
  }

  async start(): Promise<void> {
    clear(this.root);
    const topbar = h('header', { class: 'topbar' },
      h('div', { class: 'brand' }, h('span', { class: 'brand-mark' }, '◧'), 'Seed Annotation Workbench'), this.progressHost, this.io.element, this.saveState);
    const help = h('span', { class: 'key-help' }, ...KEY_HELP.map(([k, what]) => h('span', {}, h('kbd', {}, k), ` ${what}`)));
    this.root.append(topbar, this.labelBarHost,
      h('div', { class: 'layout' }, this.listHost, this.mainHost,
        h('aside', { class: 'span-panel', 'aria-label': 'Spans of this document' }, this.panelHost, this.similarHost)),
      h('footer', { class: 'statusbar' }, this.statusLine, help));
    document.addEventListener('keydown', (e) => handleKeydown(e, this.labelsUi.commands()));
    this.io.listenForDrops();
    this.snap = await getSetting<SnapMode>(this.db, 'snapMode', 'word');
    await this.reloadLabels();
    await this.refreshList();
    const last = await getSetting<string | undefined>(this.db, 'lastDocumentId', undefined);
    const first = last !== undefined && (await getDocument(this.db, last)) ? last : this.corpus.visible[0];
    if (first) await this.openDocument(first);
    await this.split.restore();
  }

  async reloadLabels(): Promise<void> {
    this.labels = await listLabels(this.db);
    this.renderLabelBar();
    for (const pane of this.panes) pane.annotator?.setLabels(this.labels);
    this.filters.setLabels(this.labels);
  }

  renderLabelBar(): void {
    renderLabelBar(this.labelBarHost, this.labels, this.snap, this.labelsUi.barActions());
  }

  /** Re-reads order and counts from the indexes (start, after an import); records stay unread. */
  async refreshList(): Promise<void> {
    await this.corpus.load();
    this.renderList();
  }

  renderList(): void {
    this.list.setSelected(this.active.record?.id);
    void this.list.refresh();
    this.filters.showCounts(this.corpus.counts, this.corpus.visible.length);
    clear(this.progressHost);
    this.progressHost.append(renderProgress(this.corpus.counts));
  }

  private async applyFilter(filter: ListFilter): Promise<void> {
    if (!(await this.corpus.setFilter(filter))) return; // a newer filter superseded this one
    this.list.element.scrollTop = 0;
    this.renderList();
  }

  /**
   * Stores one import batch and shows it. The list re-reads its order (every
   * id by name: 100,000 keys at full size) at most once at a time and spaced
   * so that it takes a small share of the import; a batch stored meanwhile is
   * picked up by one trailing re-read, so the list always ends up complete.
   */
  async importDocuments(docs: CorpusLoad['documents']): Promise<StoreResult> {
    const result = await storeDocuments(this.db, docs);
    this.scheduleListReload();
    return result;
  }

  private scheduleListReload(): void {
    if (this.listReload) return void (this.listReloadAgain = true);
    this.listReload = (async () => {
      const wait = this.listReloadReady - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      this.listReloadAgain = false; // this re-read sees every batch stored so far
      const started = performance.now();
      await this.refreshList();
      this.listReloadReady = performance.now() + Math.min(LIST_RELOAD_MAX_WAIT_MS, LIST_RELOAD_SPACING * (performance.now() - started));
    })().finally(() => {
      this.listReload = undefined;
      if (this.listReloadAgain) {
        this.listReloadAgain = false;
        this.scheduleListReload();
      }
    });
  }

  /** Opens a document in a pane (the active one unless told): the list's click, [ ] keys, the split view. */
  async openDocument(id: string, pane = this.active): Promise<void> {
    await this.queue.idle(); // spans read below must include every change already made
    const started = performance.now();
    const [record, text, spans] = await Promise.all([getDocument(this.db, id), readText(this.db, id), listSpans(this.db, id)]);
    if (!record || text === undefined) return this.say(`Document ${id} is missing from the database.`);
    const read = performance.now();
    this.corpus.update(record);
    pane.show(record, text, spans, this.labels);
    const shown = performance.now();
    void pane.element.offsetHeight; // include layout in the measures below
    performance.measure('open-document:read', { start: started, end: read });
    performance.measure('open-document:render', { start: read, end: shown });
    performance.measure('open-document:layout', { start: shown });
    performance.measure('open-document', { start: started, detail: { id, spans: spans.length } });
    if (pane === this.panes[0]) await putSetting(this.db, 'lastDocumentId', id);
    this.activate(pane);
    this.renderList();
    this.list.reveal(this.corpus.indexOf(id));
    await this.split.opened();
    void this.showSimilar(id);
    this.changed();
    pane.focus();
  }

  private async showSimilar(id: string): Promise<void> {
    const started = performance.now();
    const matches = await similarDocuments(this.db, id, 5);
    performance.measure('similar-documents', { start: started, detail: { id, found: matches.length } });
    const records = await Promise.all(matches.map((m) => getDocument(this.db, m.id)));
    if (this.active.record?.id !== id) return; // another document was opened meanwhile
    renderSimilar(this.similarHost, matches.map((m, i) => ({ ...m, record: records[i] })), (other) => void this.split.openBeside(other));
  }

  stepDocument(direction: 1 | -1): void {
    const ids = this.corpus.visible;
    const index = this.corpus.indexOf(this.active.record?.id);
    const next = index === -1 && direction === -1 ? ids[ids.length - 1] : ids[(index + direction + ids.length) % ids.length];
    if (next) void this.openDocument(next);
  }

  async setStatus(status: DocStatus): Promise<void> {
    const id = this.active.record?.id;
    if (!id) return;
    await this.queue.enqueue(() => setStatus(this.db, id, status));
    await this.reloadRecord(id);
  }

  /** Re-reads one document's record (span count, status) after a write. */
  async reloadRecord(id: string): Promise<void> {
    const record = await getDocument(this.db, id);
    if (!record) return;
    this.corpus.update(record); // counts move by this one record's status change
    for (const pane of this.panes) pane.updateRecord(record);
    this.renderList();
  }

  save(docId: string, changes: Step): void {
    void this.queue.enqueue(() => applyChanges(this.db, docId, changes)).then(() => this.reloadRecord(docId));
  }

  snapMode(): SnapMode {
    return this.snap;
  }

  changed(): void {
    this.spanPanel.schedule();
  }

  private showSaveState(pending: number, saved: number, error?: unknown): void {
    document.body.dataset.savedWrites = String(saved);
    document.body.dataset.pendingWrites = String(pending);
    if (error) this.say(`Could not save a change: ${error instanceof Error ? error.message : String(error)}`);
    this.saveState.textContent = error ? 'Save failed — see below' : pending > 0 ? 'Saving…' : 'All changes saved';
    this.saveState.classList.toggle('error', Boolean(error));
  }

  say(message: string): void {
    this.statusLine.textContent = message;
  }

  reportProblems(problems: InputProblem[]): void {
    if (problems.length === 0) return;
    const text = problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('\n');
    this.say(`${problems.length} problem(s) while loading:\n${text}`);
  }
}
