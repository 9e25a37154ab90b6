// One document on screen: a header with its name and facts, and the text view
// with its spans. Split view holds two of these.
//
// The pane is the one observer of its view: every transaction the view
// applies passes through observe(), which keeps the session's undo history
// for the document, hands applied span changes to the saver and asks for a
// panel refresh. Commands only dispatch; nothing calls back.
import type { Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { codePointLength } from '../../core/codepoints';
import { displayName } from '../../core/display-name';
import type { DocumentRecord, Label, Relation, RelationLabel, Span } from '../../core/model';
import type { Step } from '../../core/spans/history';
import { indexLines, offsetToPos } from '../../core/text-lines';
import { Annotator } from '../annotate/annotator';
import type { HistoryStore } from '../annotate/history-store';
import { chooseChild, clickAt } from '../annotate/relation-commands';
import type { SpanSaver } from '../annotate/span-saver';
import { clear, h } from '../dom';
import { arcOverlay } from '../editor/arc-overlay';
import { createDocumentView, createTextState } from '../editor/document-view';
import {
  activatePassagePair,
  activePassagePair,
  passagesPlugin,
  setPassages,
  type PassageMark,
} from '../editor/passages-plugin';
import { relationDrag } from '../editor/relation-drag';
import { relationsActionOf, relationsPlugin, setRelationsAction } from '../editor/relations-plugin';
import { searchHighlight } from '../editor/search-highlight';
import { spanClicks } from '../editor/span-clicks';
import type { SpanDecorator } from '../editor/span-decorations';
import { setSpansAction, spansActionOf, spansPlugin, spansState } from '../editor/spans-plugin';
import { suggestionsPlugin } from '../editor/suggestions-plugin';
import { viewportTracker, visibleRange } from '../editor/viewport';
import { categoryEditor } from './category-editor';
import { STATUS_LABEL } from './document-list';
import { measureAfterLayout } from './layout-measure';

/** Which layer a pane shows and edits: whose spans, under which undo history, stamped with whom. */
export interface PaneLayer {
  /** The pane's name for it, in its header ("My layer (ann)", "bob's layer"). */
  readonly title: string;
  /** The key of its undo history in the HistoryStore (one per document and edited layer). */
  readonly historyKey: (docId: string) => string;
  /** The spans of this layer among all stored spans of a document. */
  readonly spans: (all: readonly Span[]) => Span[];
  /** Who new spans are by; absent when read-only. */
  readonly annotator?: string;
  readonly readOnly: boolean;
  readonly decorate?: SpanDecorator;
}

/** Every span, edited as before annotators existed: what a pane shows until told otherwise. */
export const ALL_SPANS_LAYER: PaneLayer = {
  title: '',
  historyKey: (docId) => docId,
  spans: (all) => [...all],
  readOnly: false,
};

/** What a pane needs from its owner: where histories live, who saves, who repaints. */
export interface PaneHost {
  readonly histories: HistoryStore;
  readonly saver: Pick<SpanSaver, 'save'>;
  /** Spans or the selection changed in this pane: the panel should follow (at most once a frame). */
  spansChanged(pane: DocumentPane): void;
  /** Saves a document's categories (then the header and the list show them). */
  editCategories(id: string, categories: string[]): Promise<void>;
  /** Tells the researcher something (a refused relation). */
  say?(message: string): void;
  /** A step was applied (spans, rejections): suggestions follow. */
  stepApplied?(pane: DocumentPane, step: Step): void;
}

export class DocumentPane {
  readonly element: HTMLElement;
  private readonly header = h('div', { class: 'doc-header' });
  readonly scroller = h('div', { class: 'doc-scroll' });
  private view?: EditorView;
  record?: DocumentRecord;
  annotator?: Annotator;
  /** Length of the open text in code points, as exported (record.length counts UTF-16 units). */
  private length = 0;
  /** The layer shown; set with each document shown. */
  layer: PaneLayer = ALL_SPANS_LAYER;
  /**
   * Moves on whenever the spans shown are replaced (another document, a reset from the store), so spans
   * read for an earlier set (the rest of a long document) are not added to a later one.
   */
  private spansGeneration = 0;

  constructor(
    private readonly host: PaneHost,
    readonly name = 'main',
    private readonly onFocus: (pane: DocumentPane) => void = () => {},
  ) {
    this.element = h(
      'section',
      { class: 'doc-pane', 'data-pane': name, 'aria-label': 'Document' },
      this.header,
      this.scroller,
    );
    this.element.addEventListener('focusin', () => this.onFocus(this));
    this.element.addEventListener('mousedown', () => this.onFocus(this));
    this.showEmpty();
  }

  showEmpty(): void {
    clear(this.header);
    this.header.append(h('h2', { class: 'doc-title' }, 'No document open'));
  }

  show(
    record: DocumentRecord,
    text: string,
    spans: Span[],
    labels: readonly Label[],
    relations: { relations: readonly Relation[]; labels: readonly RelationLabel[] } = { relations: [], labels: [] },
    layer = this.layer,
  ): Annotator {
    this.record = record;
    this.layer = layer;
    this.spansGeneration++;
    delete this.element.dataset.loading;
    this.length = codePointLength(text);
    this.renderHeader(record);
    const state = createTextState(text, [
      spansPlugin(text, layer.spans(spans), labels, {
        docId: record.id,
        history: this.host.histories.get(layer.historyKey(record.id)),
        annotator: layer.annotator,
        readOnly: layer.readOnly,
        decorate: layer.decorate,
      }),
      relationsPlugin(relations.relations, relations.labels),
      spanClicks((offset, moveCaret) => this.annotator?.run(clickAt(offset, moveCaret))),
      relationDrag(this.scroller, (head, child) => this.relationDropped(head, child)),
      arcOverlay(this.scroller),
      suggestionsPlugin(), // filled once the text is on screen (suggest/suggestion-controller.ts)
      viewportTracker(this.scroller),
      passagesPlugin(indexLines(text)),
      searchHighlight(text),
    ]);
    if (this.view) this.view.updateState(state);
    else this.view = createDocumentView(this.scroller, state, (tr, view, started) => this.observe(tr, view, started));
    this.scroller.scrollTop = 0;
    this.annotator = new Annotator(this.view);
    return this.annotator;
  }

  /** A drag from one span's tag to another: the relation is made, or waits for its label in the panel. */
  private relationDropped(head: string, child: string): void {
    if (!this.annotator?.run(chooseChild(child, head))) this.host.say?.('No relation label joins these two spans.');
  }

  private observe(tr: Transaction, view: EditorView, started: number): void {
    const action = spansActionOf(tr);
    // The relations changed without a span edit (the one being made, a suggestion dismissed, labels): the
    // panel shows them. Hovering only lights arcs in the text. A dismissal once waited for the next edit.
    const relations = relationsActionOf(tr)?.type;
    if (!action && relations && relations !== 'hover') this.host.spansChanged(this);
    if (!action || action.type === 'viewport') return;
    const spans = spansState(view.state);
    this.host.histories.set(this.layer.historyKey(spans.docId), spans.history);
    if (action.type === 'apply' && action.changes.length > 0) {
      this.host.saver.save(spans.docId, action.changes);
      this.host.stepApplied?.(this, action.changes);
      measureAfterLayout('span-redraw', started, { changes: action.changes.length });
    }
    this.host.spansChanged(this);
  }

  /** Shows the stored `spans` of this pane's layer (after a failed save, another window's change), keeping scroll and selection. */
  resetSpans(spans: readonly Span[]): void {
    if (!this.view || !this.record) return;
    const history = this.host.histories.get(this.layer.historyKey(this.record.id));
    this.spansGeneration++;
    delete this.element.dataset.loading; // the whole stored set: nothing more to wait for
    this.view.dispatch(setSpansAction(this.view.state.tr, { type: 'reset', spans: this.layer.spans(spans), history }));
  }

  /**
   * The rest of a long document's spans is being read: returns a ticket for addStoredSpans. The pane says so
   * (`data-loading`) until they are shown, so a test or a tool can wait for the whole set.
   */
  loadingSpans(): number {
    this.element.dataset.loading = 'spans';
    return this.spansGeneration;
  }

  /** Adds the rest of the stored spans, unless the spans shown were replaced since `ticket`; says whether added. */
  addStoredSpans(spans: readonly Span[], ticket: number): boolean {
    if (!this.view || ticket !== this.spansGeneration) return false;
    delete this.element.dataset.loading;
    this.view.dispatch(setSpansAction(this.view.state.tr, { type: 'loaded', spans: this.layer.spans(spans) }));
    return true;
  }

  /** Shows `relations` as stored (after a failed save, or another window's change). */
  resetRelations(relations: readonly Relation[]): void {
    if (this.view) this.view.dispatch(setRelationsAction(this.view.state.tr, { type: 'reset', relations }));
  }

  updateRecord(record: DocumentRecord): void {
    if (record.id !== this.record?.id) return;
    this.record = record;
    this.renderHeader(record);
  }

  focus(): void {
    this.view?.focus();
  }

  setPassages(marks: readonly PassageMark[]): void {
    if (this.view) this.view.dispatch(setPassages(this.view.state.tr, marks));
  }

  activatePair(pairId: number | undefined): void {
    if (this.view && activePassagePair(this.view.state) !== pairId) {
      this.view.dispatch(activatePassagePair(this.view.state.tr, pairId));
    }
  }

  /** Text offset shown at the top of the pane. */
  topOffset(): number {
    return this.view ? visibleRange(this.view, this.scroller).start : 0;
  }

  /** Where `offset` sits, in pixels from the top of the scroller's visible area. */
  offsetY(offset: number): number | undefined {
    if (!this.view) return undefined;
    const lines = spansState(this.view.state).lines;
    const coords = this.view.coordsAtPos(offsetToPos(lines, offset));
    return coords.top - this.scroller.getBoundingClientRect().top;
  }

  /** Scrolls so that `offset` sits `y` pixels below the top of the pane (default: a third of the way down). */
  scrollToOffset(offset: number, y = this.scroller.clientHeight / 3): void {
    const at = this.offsetY(offset);
    if (at !== undefined) this.scroller.scrollTop += at - y;
  }

  /** Scrolls a span to the middle of the pane; works for spans not drawn yet (outside the window). */
  scrollToSpan(id: string): void {
    if (!this.view) return;
    const state = spansState(this.view.state);
    const span = state.spans.get(id);
    if (!span) return;
    const { node } = this.view.domAtPos(offsetToPos(state.lines, span.start));
    const el = node instanceof Element ? node : node.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: 'instant' });
  }

  private renderHeader(record: DocumentRecord): void {
    clear(this.header);
    this.header.append(
      h(
        'h2',
        { class: 'doc-title', 'data-testid': 'doc-title', title: displayName(record.name) },
        displayName(record.name),
      ),
      h(
        'div',
        { class: 'doc-facts' },
        h(
          'span',
          { class: `status-pill status-${record.status}`, 'data-testid': 'doc-status' },
          STATUS_LABEL[record.status],
        ),
        h('span', { 'data-testid': 'doc-length' }, `${this.length.toLocaleString('en-US')} characters`),
        h('span', {}, `${record.spanCount.toLocaleString('en-US')} ${record.spanCount === 1 ? 'span' : 'spans'}`),
        this.layer.title
          ? h(
              'span',
              {
                class: `layer-pill${this.layer.readOnly ? ' read-only' : ' editable'}`,
                'data-testid': 'layer-pill',
                title: this.layer.readOnly
                  ? 'Shown for reading: switch to your layer or the adjudicated layer to edit'
                  : 'New spans, changes and undo go to this layer',
              },
              this.layer.readOnly ? `${this.layer.title} · read-only` : `✎ ${this.layer.title}`,
            )
          : null,
        h('span', { class: 'doc-source', title: displayName(record.source) }, displayName(record.source)),
      ),
    );
    // Categories sit at the end of the facts line: a document without any costs no extra height.
    this.header
      .querySelector('.doc-facts')
      ?.append(categoryEditor(record.categories, (categories) => this.host.editCategories(record.id, categories)));
    if (this.name === 'main') document.title = `${displayName(record.name)} — Seed Annotation Workbench`;
  }
}
