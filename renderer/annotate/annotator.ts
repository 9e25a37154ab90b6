// The annotation commands of one open document: tag a selection, select,
// relabel, annotate with a note, delete, undo and redo. Each command changes
// the view's span state at once and queues the same change for IndexedDB.
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Label, Span } from '../../core/model';
import { emptyHistory, record, recordNoteEdit, redo, undo, type History, type SpanChange, type Step } from '../../core/spans/history';
import { cycleAt, stepSpan } from '../../core/spans/span-order';
import { snapSelection, type SnapMode } from '../../core/spans/snap';
import { offsetToPos, posToOffset } from '../../core/text-lines';
import { spansKey, spansState, type SpansAction } from '../editor/spans-plugin';

export interface AnnotatorHost {
  /** Persists a step of changes for this document. */
  save(docId: string, changes: Step): void;
  /** Session-wide undo histories, one a document, kept across document switches. */
  histories: Map<string, History>;
  snapMode(): SnapMode;
  /** Called after every change of spans or selection. */
  changed(): void;
}

export class Annotator {
  constructor(readonly docId: string, readonly text: string, readonly view: EditorView, private readonly host: AnnotatorHost) {}

  get spans(): Span[] {
    return [...spansState(this.view.state).spans.values()];
  }

  get selected(): Span | undefined {
    const state = spansState(this.view.state);
    return state.selectedId ? state.spans.get(state.selectedId) : undefined;
  }

  private dispatch(action: SpansAction): void {
    this.view.dispatch(this.view.state.tr.setMeta(spansKey, action));
    this.host.changed();
  }

  private get history(): History {
    return this.host.histories.get(this.docId) ?? emptyHistory;
  }

  /** Applies a step to the view, records it for undo and saves it. */
  commit(step: Step, options: { mergeNote?: boolean } = {}): void {
    if (step.length === 0) return;
    const history = options.mergeNote ? recordNoteEdit(this.history, step) : record(this.history, step);
    this.host.histories.set(this.docId, history);
    this.apply(step);
  }

  private apply(step: Step): void {
    const started = performance.now();
    this.dispatch({ type: 'apply', changes: step });
    void this.view.dom.offsetHeight; // include layout in the measure below
    performance.measure('span-redraw', { start: started, detail: { changes: step.length } });
    this.host.save(this.docId, step);
  }

  /** The selection as text offsets, snapped; null when it selects only whitespace. */
  selectionRange(): { start: number; end: number } | null {
    const { from, to } = this.view.state.selection;
    if (from === to) return null;
    const lines = spansState(this.view.state).lines;
    return snapSelection(this.text, { start: posToOffset(lines, from), end: posToOffset(lines, to) }, this.host.snapMode());
  }

  /** Tags the current selection with `label`; with no selection, relabels the selected span. */
  tag(label: Label): Span | undefined {
    const range = this.selectionRange();
    if (!range) {
      const selected = this.selected;
      if (selected) this.relabel(selected.id, label.name);
      return selected;
    }
    const now = Date.now();
    const span: Span = { id: crypto.randomUUID(), docId: this.docId, ...range, label: label.name, text: this.text.slice(range.start, range.end), note: '', createdAt: now, updatedAt: now };
    this.commit([{ kind: 'add', span }]);
    this.collapseSelection(range.end);
    this.select(span.id);
    return span;
  }

  private collapseSelection(offset: number): void {
    const pos = offsetToPos(spansState(this.view.state).lines, offset);
    this.view.dispatch(this.view.state.tr.setSelection(TextSelection.create(this.view.state.doc, pos)));
  }

  private update(id: string, patch: Partial<Pick<Span, 'label' | 'note' | 'projected'>>): SpanChange | undefined {
    const before = spansState(this.view.state).spans.get(id);
    if (!before) return undefined;
    return { kind: 'update', before, after: { ...before, ...patch, updatedAt: Date.now() } };
  }

  relabel(id: string, label: string): void {
    const change = this.update(id, { label });
    if (change) this.commit([change]);
  }

  setNote(id: string, note: string): void {
    const change = this.update(id, { note });
    if (change && change.kind === 'update' && change.before.note !== note) this.commit([change], { mergeNote: true });
  }

  remove(id: string): void {
    const span = spansState(this.view.state).spans.get(id);
    if (span) this.commit([{ kind: 'remove', span }]);
  }

  deleteSelected(): boolean {
    const selected = this.selected;
    if (selected) this.remove(selected.id);
    return Boolean(selected);
  }

  select(id: string | undefined): void {
    this.dispatch({ type: 'select', id });
  }

  selectAt(offset: number): Span | undefined {
    const span = cycleAt(this.spans, offset, spansState(this.view.state).selectedId);
    this.select(span?.id);
    return span;
  }

  step(direction: 1 | -1): Span | undefined {
    const span = stepSpan(this.spans, spansState(this.view.state).selectedId, direction);
    if (span) this.select(span.id);
    return span;
  }

  undo(): boolean {
    return this.travel(undo(this.history));
  }

  redo(): boolean {
    return this.travel(redo(this.history));
  }

  private travel(result: { history: History; apply: Step } | null): boolean {
    if (!result) return false;
    this.host.histories.set(this.docId, result.history);
    this.apply(result.apply);
    return true;
  }

  setLabels(labels: readonly Label[]): void {
    this.dispatch({ type: 'labels', labels });
  }
}
