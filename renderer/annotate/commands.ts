// The annotator's actions as ProseMirror commands, `(state, dispatch) => boolean`
// as in prosemirror-history: each reads the spans plugin's state, builds ONE
// transaction and hands it to `dispatch` (when given; without it the command
// only answers whether it applies). Nothing here saves, repaints a panel or
// keeps a history elsewhere: the pane observes the transactions it dispatches
// (see ui/document-pane.ts), so data flows one way, and every command runs in
// Node on a plain EditorState.
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import type { Label, Span } from '../../core/model';
import { newRecordId } from '../../core/record-id';
import { relationsOf } from '../../core/relations/labels';
import {
  rebaseStep,
  redo as redoHistory,
  undo as undoHistory,
  versionOf,
  type SpanChange,
  type Step,
} from '../../core/spans/history';
import { snapSelection, type SnapMode } from '../../core/spans/snap';
import { cycleAt, stepSpan } from '../../core/spans/span-order';
import { offsetToPos, posToOffset } from '../../core/text-lines';
import { relationsStateOf } from '../editor/relations-plugin';
import { setSpansAction, spansState } from '../editor/spans-plugin';

export type Dispatch = (tr: Transaction) => void;
export type Command = (state: EditorState, dispatch?: Dispatch) => boolean;

/** Where new spans get their id and time (fixed in tests). */
export interface Clock {
  now(): number;
  newId(): string;
}

export const systemClock: Clock = { now: () => Date.now(), newId: newRecordId };

/** The selection as text offsets, snapped; null when nothing (or only whitespace) is selected. */
export function selectionRange(state: EditorState, snap: SnapMode): { start: number; end: number } | null {
  const { from, to } = state.selection;
  if (from === to) return null;
  const { lines, text } = spansState(state);
  return snapSelection(text, { start: posToOffset(lines, from), end: posToOffset(lines, to) }, snap);
}

export function selectedSpan(state: EditorState): Span | undefined {
  const { selectedId, spans } = spansState(state);
  return selectedId ? spans.get(selectedId) : undefined;
}

/** A layer shown for reading (a colleague's, all at once) refuses every change. */
export const isReadOnly = (state: EditorState): boolean => spansState(state).readOnly;

/** Spans added to the layer being edited are that layer's: stamped with its annotator where they name none. */
function stamped(state: EditorState, step: Step): Step {
  const { annotator } = spansState(state);
  if (annotator === undefined) return step;
  return step.map((c) =>
    c.kind === 'add' && c.span.annotator === undefined ? { ...c, span: { ...c.span, annotator } } : c,
  );
}

/** Applies a step of changes as one undoable step (projection, accepting projected spans). */
export function applyStep(step: Step, record: 'step' | 'note' = 'step'): Command {
  return (state, dispatch) => {
    if (step.length === 0 || isReadOnly(state)) return false;
    dispatch?.(setSpansAction(state.tr, { type: 'apply', changes: stamped(state, step), record }));
    return true;
  };
}

/**
 * Applies a step that is saved but not recorded for undo: the spans the
 * adjudicated layer starts with (all annotators agree on them), which undo
 * must not take away as if the adjudicator had decided them.
 */
export function applyUnrecorded(step: Step): Command {
  return (state, dispatch) => {
    if (step.length === 0 || isReadOnly(state)) return false;
    const { history } = spansState(state);
    dispatch?.(setSpansAction(state.tr, { type: 'apply', changes: stamped(state, step), history }));
    return true;
  };
}

function updateOf(
  state: EditorState,
  id: string,
  patch: Partial<Pick<Span, 'label' | 'note' | 'projected'>>,
  clock: Clock,
): SpanChange | undefined {
  const before = spansState(state).spans.get(id);
  if (!before) return undefined;
  return {
    kind: 'update',
    before,
    after: { ...before, ...patch, version: versionOf(before) + 1, updatedAt: clock.now() },
  };
}

export function relabel(id: string, label: string, clock: Clock = systemClock): Command {
  return (state, dispatch) => {
    const change = updateOf(state, id, { label }, clock);
    return change ? applyStep([change])(state, dispatch) : false;
  };
}

/** Sets a span's note; consecutive edits of one note are one undo step. */
export function setNote(id: string, note: string, clock: Clock = systemClock): Command {
  return (state, dispatch) => {
    const change = updateOf(state, id, { note }, clock);
    if (!change || change.kind !== 'update' || change.before.note === note) return false;
    return applyStep([change], 'note')(state, dispatch);
  };
}

/** Deletes a span and, in the same undo step, the relations hanging on it (undo brings both back). */
export function deleteSpan(id: string): Command {
  return (state, dispatch) => {
    const span = spansState(state).spans.get(id);
    if (!span) return false;
    const relations = relationsOf(relationsStateOf(state)?.relations.values() ?? [], id);
    const step: Step = [
      ...relations.map((relation) => ({ kind: 'unrelate' as const, relation })),
      { kind: 'remove', span },
    ];
    return applyStep(step)(state, dispatch);
  };
}

export const deleteSelected: Command = (state, dispatch) => {
  const span = selectedSpan(state);
  return span ? deleteSpan(span.id)(state, dispatch) : false;
};

/**
 * Tags the selection with `label` in one transaction: the span is added and
 * selected, and the text selection collapses to its end. With no text
 * selected it relabels the selected span instead; false when neither exists.
 */
export function tag(label: Label, snap: SnapMode, clock: Clock = systemClock): Command {
  return (state, dispatch) => {
    const range = selectionRange(state, snap);
    if (!range) {
      const selected = selectedSpan(state);
      return selected ? relabel(selected.id, label.name, clock)(state, dispatch) : false;
    }
    if (isReadOnly(state)) return false;
    if (!dispatch) return true;
    const { docId, text, lines, annotator } = spansState(state);
    const now = clock.now();
    const span: Span = {
      id: clock.newId(),
      docId,
      ...range,
      label: label.name,
      text: text.slice(range.start, range.end),
      note: '',
      version: 1,
      ...(annotator !== undefined && { annotator }),
      createdAt: now,
      updatedAt: now,
    };
    const tr = state.tr.setSelection(TextSelection.create(state.doc, offsetToPos(lines, range.end)));
    dispatch(setSpansAction(tr, { type: 'apply', changes: [{ kind: 'add', span }], select: span.id }));
    return true;
  };
}

export function selectSpan(id: string | undefined): Command {
  return (state, dispatch) => {
    dispatch?.(setSpansAction(state.tr, { type: 'select', id }));
    return true;
  };
}

/**
 * A click at `offset`: selects the innermost span there (again: the next one
 * out) and puts the caret where the click was, in the same transaction. Were
 * the caret left to the browser, redrawing the old selected span's cluster
 * would write the previous caret back into the DOM, and Shift+arrow would
 * then extend from there (issue 10, bug 1).
 */
export function selectAt(offset: number, moveCaret = true): Command {
  return (state, dispatch) => {
    const { spans, selectedId, lines } = spansState(state);
    const span = cycleAt([...spans.values()], offset, selectedId);
    let tr = state.tr;
    if (moveCaret) tr = tr.setSelection(TextSelection.create(state.doc, offsetToPos(lines, offset)));
    dispatch?.(setSpansAction(tr, { type: 'select', id: span?.id }));
    return true;
  };
}

/** Selects the next (1) or previous (-1) span in reading order. */
export function stepSelection(direction: 1 | -1): Command {
  return (state, dispatch) => {
    const { spans, selectedId } = spansState(state);
    const span = stepSpan([...spans.values()], selectedId, direction);
    if (!span) return false;
    return selectSpan(span.id)(state, dispatch);
  };
}

function travel(direction: 'undo' | 'redo', clock: Clock): Command {
  return (state, dispatch) => {
    const spans = spansState(state);
    if (spans.readOnly) return false;
    const result = (direction === 'undo' ? undoHistory : redoHistory)(spans.history);
    if (!result) return false;
    const relations = relationsStateOf(state)?.relations;
    const changes = rebaseStep(
      result.apply,
      (id) => spans.spans.get(id),
      clock.now(),
      (id) => relations?.get(id),
    );
    dispatch?.(setSpansAction(state.tr, { type: 'apply', changes, history: result.history }));
    return true;
  };
}

export const undo = (clock: Clock = systemClock): Command => travel('undo', clock);
export const redo = (clock: Clock = systemClock): Command => travel('redo', clock);

export function setLabels(labels: readonly Label[]): Command {
  return (state, dispatch) => {
    dispatch?.(setSpansAction(state.tr, { type: 'labels', labels }));
    return true;
  };
}
