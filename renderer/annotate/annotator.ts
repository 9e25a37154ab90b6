// One open document seen through the annotation commands: a small handle the
// key commands, the span panel and the split view use. It runs a command
// against its view and reads the spans plugin's state. It saves nothing,
// keeps no history and calls nobody back: the pane observes what its view
// applies (ui/document-pane.ts) and the app saves from there.
import type { EditorView } from 'prosemirror-view';
import type { Label, Relation, RelationLabel, Span } from '../../core/model';
import type { RelationSuggestion } from '../../core/relations/suggest-relations';
import type { Step } from '../../core/spans/history';
import type { SnapMode } from '../../core/spans/snap';
import { relationsStateOf, type PendingRelation } from '../editor/relations-plugin';
import { catchUpSelection } from '../editor/screen-selection';
import { spansState } from '../editor/spans-plugin';
import * as cmd from './commands';
import * as rel from './relation-commands';

export class Annotator {
  constructor(readonly view: EditorView) {}

  get docId(): string {
    return spansState(this.view.state).docId;
  }

  get text(): string {
    return spansState(this.view.state).text;
  }

  get spans(): Span[] {
    return [...spansState(this.view.state).spans.values()];
  }

  get selected(): Span | undefined {
    return cmd.selectedSpan(this.view.state);
  }

  run(command: cmd.Command): boolean {
    return command(this.view.state, this.view.dispatch);
  }

  /** Applies a step (a projection, accepted spans) as one undoable change. */
  commit(step: Step): void {
    this.run(cmd.applyStep(step));
  }

  /** Applies a step that is saved but not undoable (the adjudicated layer's agreed start). */
  commitUnrecorded(step: Step): void {
    this.run(cmd.applyUnrecorded(step));
  }

  /** True for a layer shown for reading only. */
  get readOnly(): boolean {
    return spansState(this.view.state).readOnly;
  }

  /**
   * Tags the selection on screen (or relabels the selected span); false when there is neither. The
   * browser may not have reported a Shift+arrow's selection yet when a label key follows it quickly.
   */
  tag(label: Label, snap: SnapMode): boolean {
    catchUpSelection(this.view);
    return this.run(cmd.tag(label, snap));
  }

  relabel(id: string, label: string): void {
    this.run(cmd.relabel(id, label));
  }

  setNote(id: string, note: string): void {
    this.run(cmd.setNote(id, note));
  }

  remove(id: string): void {
    this.run(cmd.deleteSpan(id));
  }

  deleteSelected(): boolean {
    return this.run(cmd.deleteSelected);
  }

  select(id: string | undefined): void {
    this.run(cmd.selectSpan(id));
  }

  step(direction: 1 | -1): Span | undefined {
    return this.run(cmd.stepSelection(direction)) ? this.selected : undefined;
  }

  undo(): boolean {
    return this.run(cmd.undo());
  }

  redo(): boolean {
    return this.run(cmd.redo());
  }

  /** The span labels (and the relation labels, when given) changed in the label editor or by an import. */
  setLabels(labels: readonly Label[], relationLabels?: readonly RelationLabel[]): void {
    this.run(cmd.setLabels(labels));
    if (relationLabels) this.run(rel.setRelationLabels(relationLabels));
  }

  get relations(): Relation[] {
    return [...(relationsStateOf(this.view.state)?.relations.values() ?? [])];
  }

  get relationLabels(): readonly RelationLabel[] {
    return relationsStateOf(this.view.state)?.labels ?? [];
  }

  /** The relations the rules suggest (made from neither side yet, not dismissed), in reading order. */
  get suggestedRelations(): readonly RelationSuggestion[] {
    return relationsStateOf(this.view.state)?.suggested ?? [];
  }

  /** The relation being made, if any. */
  get pendingRelation(): PendingRelation | undefined {
    return relationsStateOf(this.view.state)?.pending;
  }

  /** The span with this id, if the document has it. */
  span(id: string): Span | undefined {
    return spansState(this.view.state).spans.get(id);
  }

  /** Makes the relation being made with `label`; the reason when refused (undefined: made). */
  relateWith(label: string): string | undefined {
    const pending = this.pendingRelation;
    if (!pending?.child) return 'There is no span to relate to yet: press Tab or click a span.';
    const refusal = rel.relationRefusal(this.view.state, pending.head, pending.child, label);
    if (refusal) return `No relation made: ${refusal}.`;
    this.run(rel.relateWithLabel(label));
    return undefined;
  }
}
