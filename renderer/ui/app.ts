// The workbench screen: top bar, label bar, document list, the open document
// and its span panel. The app is the host of the annotators: it saves their
// changes in order, keeps their undo histories for the session and routes keys.
import type { DocStatus, DocumentRecord, InputProblem, Label } from '../../core/model';
import type { History, Step } from '../../core/spans/history';
import type { SnapMode } from '../../core/spans/snap';
import type { AnnotatorHost } from '../annotate/annotator';
import { SaveQueue } from '../annotate/save-queue';
import { getDocument, listDocuments, readText, setStatus } from '../db/documents-repo';
import { listLabels } from '../db/labels-repo';
import type { WorkbenchDb } from '../db/schema';
import { getSetting, putSetting } from '../db/settings-repo';
import { applyChanges, listSpans } from '../db/spans-repo';
import { clear, h } from './dom';
import { renderDocumentList } from './document-list';
import { DocumentPane } from './document-pane';
import { KEY_HELP, handleKeydown } from './keyboard';
import { renderLabelBar } from './label-bar';
import { LabelController } from './label-controller';
import { renderProgress } from './progress';
import { SpanPanelController } from './span-panel-controller';

export class WorkbenchApp implements AnnotatorHost {
  readonly histories = new Map<string, History>();
  labels: Label[] = [];
  snap: SnapMode = 'word';
  docs: DocumentRecord[] = [];
  private readonly listHost = h('nav', { class: 'sidebar', 'aria-label': 'Corpus' });
  private readonly progressHost = h('div', { class: 'topbar-progress' });
  private readonly saveState = h('span', { class: 'save-state', 'data-testid': 'save-state' }, 'All changes saved');
  private readonly labelBarHost = h('div', { class: 'label-bar' });
  private readonly statusLine = h('span', { class: 'status-message', role: 'status', 'data-testid': 'statusbar' });
  private readonly panelHost = h('aside', { class: 'span-panel', 'aria-label': 'Spans of this document' });
  readonly pane: DocumentPane;
  readonly queue: SaveQueue;
  readonly spanPanel: SpanPanelController;
  readonly labelsUi: LabelController;

  constructor(readonly db: WorkbenchDb, private readonly root: HTMLElement) {
    this.pane = new DocumentPane(this, 'main');
    this.queue = new SaveQueue((pending, saved, error) => this.showSaveState(pending, saved, error));
    this.spanPanel = new SpanPanelController(this, this.panelHost);
    this.labelsUi = new LabelController(this);
  }

  get active(): DocumentPane {
    return this.pane;
  }

  async start(): Promise<void> {
    clear(this.root);
    const topbar = h('header', { class: 'topbar' },
      h('div', { class: 'brand' }, h('span', { class: 'brand-mark' }, '◧'), 'Seed Annotation Workbench'), this.progressHost, this.saveState);
    const help = h('span', { class: 'key-help' }, ...KEY_HELP.map(([k, what]) => h('span', {}, h('kbd', {}, k), ` ${what}`)));
    this.root.append(topbar, this.labelBarHost,
      h('div', { class: 'layout' }, this.listHost, h('main', { class: 'main' }, this.pane.element), this.panelHost),
      h('footer', { class: 'statusbar' }, this.statusLine, help));
    document.addEventListener('keydown', (e) => handleKeydown(e, this.labelsUi.commands()));
    this.snap = await getSetting<SnapMode>(this.db, 'snapMode', 'word');
    await this.reloadLabels();
    await this.refreshList();
    const last = await getSetting<string | undefined>(this.db, 'lastDocumentId', undefined);
    const first = this.docs.find((d) => d.id === last) ?? this.docs[0];
    if (first) await this.openDocument(first.id);
  }

  async reloadLabels(): Promise<void> {
    this.labels = await listLabels(this.db);
    this.renderLabelBar();
    this.pane.annotator?.setLabels(this.labels);
  }

  renderLabelBar(): void {
    renderLabelBar(this.labelBarHost, this.labels, this.snap, this.labelsUi.barActions());
  }

  async refreshList(): Promise<void> {
    this.docs = await listDocuments(this.db);
    this.renderList();
  }

  renderList(): void {
    renderDocumentList(this.listHost, this.docs, this.pane.record?.id, (id) => void this.openDocument(id));
    clear(this.progressHost);
    this.progressHost.append(renderProgress(this.docs));
  }

  async openDocument(id: string): Promise<void> {
    await this.queue.idle(); // spans read below must include every change already made
    const started = performance.now();
    const [record, text, spans] = await Promise.all([getDocument(this.db, id), readText(this.db, id), listSpans(this.db, id)]);
    if (!record || text === undefined) return this.say(`Document ${id} is missing from the database.`);
    const read = performance.now();
    this.pane.show(record, text, spans, this.labels);
    const shown = performance.now();
    void this.pane.element.offsetHeight; // include layout in the measures below
    performance.measure('open-document:read', { start: started, end: read });
    performance.measure('open-document:render', { start: read, end: shown });
    performance.measure('open-document:layout', { start: shown });
    performance.measure('open-document', { start: started, detail: { id, spans: spans.length } });
    await putSetting(this.db, 'lastDocumentId', id);
    this.renderList();
    this.changed();
    this.pane.focus();
  }

  stepDocument(direction: 1 | -1): void {
    const index = this.docs.findIndex((d) => d.id === this.pane.record?.id);
    const next = this.docs[(index + direction + this.docs.length) % this.docs.length];
    if (next) void this.openDocument(next.id);
  }

  async setStatus(status: DocStatus): Promise<void> {
    const id = this.pane.record?.id;
    if (!id) return;
    await this.queue.enqueue(() => setStatus(this.db, id, status));
    await this.reloadRecord(id);
  }

  /** Re-reads one document's record (span count, status) after a write. */
  async reloadRecord(id: string): Promise<void> {
    const record = await getDocument(this.db, id);
    if (!record) return;
    this.docs = this.docs.map((d) => (d.id === id ? record : d));
    this.pane.updateRecord(record);
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
