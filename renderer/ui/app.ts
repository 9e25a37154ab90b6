// The workbench screen: top bar, label bar, document list, the open document
// and its span panel. The app composes the parts: it hears of span changes
// from the panes (the one observer of each view), saves them through the
// SpanSaver, keeps the session's undo histories in a HistoryStore, and runs
// keys and menu items through one CommandRegistry.
import type { CorpusLoad, DocStatus, InputProblem, Label, RelationLabel, Suggestion } from '../../core/model';
import type { Step } from '../../core/spans/history';
import { ChangeFeed } from '../annotate/change-feed';
import { HistoryStore } from '../annotate/history-store';
import { SaveQueue } from '../annotate/save-queue';
import { SpanSaver } from '../annotate/span-saver';
import { SplitSession } from '../compare/split-session';
import { BackgroundIndexer } from '../db/background-index';
import { deriveInWorker } from '../db/derive-in-worker';
import { getDocument, storeDocuments, type StoreResult } from '../db/documents-repo';
import { listLabels } from '../db/labels-repo';
import { listRelationLabels } from '../db/relations-repo';
import type { WorkbenchDb } from '../db/schema';
import { getSetting } from '../db/settings-repo';
import { h } from '../dom';
import { SuggestClient } from '../suggest/suggest-client';
import { SuggestionController } from '../suggest/suggestion-controller';
import { commandHostFor, labelHostFor, relationPanelHostFor, suggestionPanelHostFor } from './app-hosts';
import { CommandRegistry } from './commands';
import type { CorpusModel } from './corpus-model';
import { CorpusSidebar } from './corpus-sidebar';
import { openDocumentIn } from './document-opening';
import { DocumentPane, type PaneHost } from './document-pane';
import { DocumentStepper } from './document-stepper';
import { IndexStatus } from './index-status';
import { IoController } from './io-controller';
import { handleKeydown } from './keyboard';
import { renderLabelBar } from './label-bar';
import { LabelController } from './label-controller';
import { reloadChangedElsewhere, reloadRecordIn, reloadSpansIn, saveCategories, saveStatus } from './record-edits';
import { RelationPanelView } from './relation-panel';
import { SaveBadge } from './save-badge';
import { SimilarPanel } from './similar-panel';
import { SnapSetting } from './snap-setting';
import { SpanPanelController } from './span-panel-controller';
import { SuggestionPanel } from './suggestion-panel';
import { TeamsController } from './teams/teams-controller';
import { layoutWorkbench } from './workbench-layout';

export class WorkbenchApp implements PaneHost {
  readonly histories = new HistoryStore();
  labels: Label[] = [];
  relationLabels: RelationLabel[] = [];
  readonly snap: SnapSetting;
  /** Search, filters and the document list (ids, counts and the records on screen: never all 100k records). */
  readonly sidebar: CorpusSidebar;
  private readonly saveBadge = new SaveBadge();
  private readonly labelBarHost = h('div', { class: 'label-bar' });
  /** Cards asking something of the researcher (her name, whose layer an import is): in the flow, above the work. */
  readonly cardRow = h('div', { class: 'card-row' });
  private readonly statusLine = h('span', { class: 'status-message', role: 'status', 'data-testid': 'statusbar' });
  private readonly panelHost = h('div', { class: 'span-panel-body' });
  private readonly similar: SimilarPanel;
  private readonly indexStatus = new IndexStatus();
  /** Writes the search terms and signatures of stored documents, after their import (started by main.ts). */
  readonly indexer: BackgroundIndexer;
  /**
   * Background work an import, or a sync pull, holds until what it brings is stored: the indexer and the
   * suggestions worker's warm-up; main.ts adds automatic backups.
   */
  readonly importHolds: Array<{ hold(): () => void }> = [];

  /** Holds every piece of importHolds; returns the release of all of them. */
  holdBackground(): () => void {
    const releases = this.importHolds.map((work) => work.hold());
    return () => releases.forEach((release) => release());
  }
  private readonly relationPanel = new RelationPanelView(relationPanelHostFor(this));
  /** Left and right panes; the right one shows only in the split view. */
  readonly panes: readonly [DocumentPane, DocumentPane];
  private activePane: DocumentPane;
  private readonly mainHost = h('main', { class: 'main' });
  readonly split: SplitSession;
  readonly queue: SaveQueue;
  /** Import and export: the top-bar buttons, dropped files, the dialogs. */
  readonly io = new IoController(this);
  readonly spanPanel: SpanPanelController;
  readonly labelController: LabelController;
  readonly commands: CommandRegistry;
  readonly saver: SpanSaver;
  /** Annotators: my name, the layer shown, agreement, curation. */
  readonly teams: TeamsController;
  private readonly feed = new ChangeFeed((docId) => void reloadChangedElsewhere(this, docId));
  /** Suggestions (issue 12): the worker's results in each pane's suggestion layer, the keys, the tagger. */
  readonly suggestions: SuggestionController;
  private readonly suggestionPanel: SuggestionPanel;
  /** Opens the backups dialog (set by renderer/main.ts, which owns the backups). */
  openBackups: () => void = () => {};
  private readonly stepper = new DocumentStepper({
    visible: () => this.corpus.visible,
    currentId: () => this.active.record?.id,
    open: (id) => this.openDocument(id),
  });

  constructor(
    readonly db: WorkbenchDb,
    private readonly root: HTMLElement,
  ) {
    this.panes = [
      new DocumentPane(this, 'main', (p) => this.activate(p)),
      new DocumentPane(this, 'side', (p) => this.activate(p)),
    ];
    this.activePane = this.panes[0];
    this.activePane.element.classList.add('active');
    this.split = new SplitSession(this, this.mainHost);
    this.queue = new SaveQueue((state) => this.saveBadge.show(state));
    this.snap = new SnapSetting(db);
    this.saver = new SpanSaver(db, this.queue, this.histories, {
      reloadSpans: (id) => this.reloadSpans(id),
      reloadRecord: (id) => this.reloadRecord(id),
      say: (m) => this.say(m),
      announce: (id) => this.feed.announce(id),
    });
    this.spanPanel = new SpanPanelController(this, this.panelHost);
    this.indexer = new BackgroundIndexer(db, deriveInWorker(), (state) => {
      if (!this.indexStatus.show(state)) return;
      this.shownChanged(); // the documents just indexed may be similar ones
      if (this.corpus.unsearched > 0) void this.refreshList(); // a search that left some out runs again, whole
    });
    this.suggestions = new SuggestionController(db, new SuggestClient(), this);
    this.importHolds.push(this.indexer, this.suggestions);
    this.suggestionPanel = new SuggestionPanel(suggestionPanelHostFor(this));
    this.commands = new CommandRegistry(commandHostFor(this));
    this.labelController = new LabelController(labelHostFor(this));
    this.sidebar = new CorpusSidebar(db, {
      selectedId: () => this.active.record?.id,
      open: (id, beside) => void (beside ? this.split.openBeside(id) : this.openDocument(id)),
    });
    this.similar = new SimilarPanel(db, {
      activeId: () => this.active.record?.id,
      shownIds: () => new Set(this.split.isOpen ? this.panes.map((p) => p.record?.id) : []),
      openBeside: (other) => void this.split.openBeside(other),
    });
    this.teams = new TeamsController(this);
    this.mainHost.append(this.teams.curation.element);
  }

  /** The documents in the list, in its order, and the corpus counts. */
  get corpus(): CorpusModel {
    return this.sidebar.corpus;
  }

  /** The pane the researcher last worked in: keys, the span panel and the list act on it. */
  get active(): DocumentPane {
    return this.activePane;
  }

  activate(pane: DocumentPane): void {
    if (pane === this.activePane) return;
    this.activePane = pane;
    for (const p of this.panes) p.element.classList.toggle('active', p === pane);
    this.sidebar.select(pane.record?.id);
    this.changed();
    this.shownChanged();
  }

  /** The similar documents follow the active document and know which documents are on screen. */
  shownChanged(): void {
    void this.similar.follow();
  }

  /** A projection's proposals for a pane (SplitApp): the suggestion layer's, like every other proposal. */
  offer(pane: DocumentPane, suggestions: readonly Suggestion[]): Promise<void> {
    return this.suggestions.offer(pane, suggestions);
  }

  acceptIn(pane: DocumentPane, which: (s: Suggestion) => boolean): boolean {
    return this.suggestions.acceptIn(pane, which);
  }

  async start(): Promise<void> {
    layoutWorkbench(this.root, {
      topbar: [this.sidebar.progress, this.teams.element, this.io.element, this.saveBadge.element],
      labelBar: this.labelBarHost,
      cardRow: this.cardRow,
      sidebar: this.sidebar.element,
      main: this.mainHost,
      panels: [this.panelHost, this.relationPanel.element, this.suggestionPanel.element, this.similar.element],
      statusbar: [this.statusLine, this.indexStatus.element],
    });
    document.addEventListener('keydown', (e) => handleKeydown(e, this.commands));
    this.io.listenForDrops();
    await this.snap.load();
    await this.reloadLabels();
    await this.teams.load();
    await this.refreshList();
    const last = await getSetting(this.db, 'lastDocumentId', undefined);
    const first = last !== undefined && (await getDocument(this.db, last)) ? last : this.corpus.visible[0];
    if (first) await this.openDocument(first);
    await this.split.restore();
  }

  async reloadLabels(): Promise<void> {
    this.labels = await listLabels(this.db);
    this.relationLabels = await listRelationLabels(this.db);
    this.renderLabelBar();
    for (const pane of this.panes) pane.annotator?.setLabels(this.labels, this.relationLabels);
    this.sidebar.setLabels(this.labels);
  }

  renderLabelBar(): void {
    renderLabelBar(this.labelBarHost, this.labels, this.snap.mode, this.labelController.barActions());
  }

  /** Re-reads the list's order and counts from the indexes (start, after an import); records stay unread. */
  refreshList(): Promise<void> {
    return this.sidebar.refresh();
  }

  /** The same, soon and spaced out: for a stream of changes (an import's batches, a pull's reports). */
  refreshListSoon(): void {
    this.sidebar.refreshSoon();
  }

  exportLayers(): ReturnType<TeamsController['exportLayers']> {
    return this.teams.exportLayers();
  }

  importFrom(kind: 'files' | 'folder'): Promise<void> {
    return this.io.importFrom(kind);
  }

  /** Stores one import batch; the list shows it at its next re-read (CorpusSidebar.refreshSoon). */
  async importDocuments(docs: CorpusLoad['documents']): Promise<StoreResult> {
    const result = await storeDocuments(this.db, this.teams.stampImport(docs), undefined, this.teams.importLocal);
    this.sidebar.refreshSoon();
    // A colleague's layer may have come in: the layer menu lists her (a batch naming nobody changes nothing there).
    if (docs.some((d) => d.spans?.some((s) => s.annotator !== undefined))) void this.teams.refresh();
    return result;
  }

  /**
   * Opens a document in a pane (the active one unless told): the list's click, [ ] keys, the split view.
   * `takeFocus` false leaves the researcher where she is (a document opened beside hers).
   */
  async openDocument(id: string, pane = this.active, takeFocus = true): Promise<void> {
    return openDocumentIn(this, id, pane, takeFocus);
  }

  stepDocument(direction: 1 | -1): void {
    this.stepper.step(direction);
  }

  async setStatus(status: DocStatus): Promise<void> {
    const id = this.active.record?.id;
    if (id) await saveStatus(this, id, status);
  }

  editCategories(id: string, categories: string[]): Promise<void> {
    return saveCategories(this, id, categories);
  }

  /** Re-reads one document's record (span count, status) after a write. */
  reloadRecord(id: string): Promise<void> {
    return reloadRecordIn(this, id);
  }

  /** A pane's spans or selection changed (its observer saved what needs saving). */
  spansChanged(): void {
    this.changed();
    this.teams.spansChanged();
  }

  /** A pane applied a step: its suggestions follow (other occurrences of a new span, the tagger's work count). */
  stepApplied(pane: DocumentPane, step: Step): void {
    this.suggestions.edited(pane, step);
  }

  /** Shows the stored spans of `docId` wherever it is open (after a failed or stale write). */
  reloadSpans(docId: string): Promise<void> {
    return reloadSpansIn(this, docId);
  }

  changed(): void {
    this.spanPanel.schedule();
    this.relationPanel.schedule();
    this.suggestionPanel.schedule();
  }

  say(message: string): void {
    this.statusLine.textContent = message;
  }

  async toggleSnap(): Promise<void> {
    const message = await this.snap.toggle();
    this.renderLabelBar();
    this.say(message);
  }

  reportProblems(problems: InputProblem[]): void {
    const lines = problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
    if (lines.length > 0) this.say(`${lines.length} problem(s) while loading:\n${lines.join('\n')}`);
  }
}
