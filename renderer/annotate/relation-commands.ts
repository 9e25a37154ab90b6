// Making, relabelling and deleting relations, as ProseMirror commands like
// the span commands beside them: each builds ONE transaction. A relation is
// added or removed through the spans plugin's `apply` step (so it is one undo
// step and one save with the spans), and the relation being made lives in the
// relations plugin (`pending`).
//
// Keyboard: `startRelation` (R) takes the selected span as head and offers the
// nearest span a relation label accepts; `cycleChild` (Tab) moves to the next;
// `relateWithKey` (a relation label's key) makes it. Mouse: `chooseChild`
// (a click, or a drop at the end of a drag) makes it at once when exactly one
// relation label fits, and otherwise waits for the label.
import type { EditorState } from 'prosemirror-state';
import type { Relation, RelationLabel, Span } from '../../core/model';
import { childCandidates, stepCandidate } from '../../core/relations/candidates';
import { labelsFor, relationProblem } from '../../core/relations/labels';
import { cycleAt } from '../../core/spans/span-order';
import { relationsStateOf, setRelationsAction, type RelationsState } from '../editor/relations-plugin';
import { setSpansAction, spansState } from '../editor/spans-plugin';
import { selectAt, systemClock, type Clock, type Command } from './commands';

/** Why a relation cannot be made, in words (undefined: it can). */
export function relationRefusal(state: EditorState, head: string, child: string, label: string): string | undefined {
  const relations = relationsStateOf(state);
  if (!relations) return 'relations are not available here';
  const { spans } = spansState(state);
  const [h, c] = [spans.get(head), spans.get(child)];
  if (!h || !c) return 'one of the spans is gone';
  return relationProblem(
    relations.labels.find((l) => l.name === label),
    h,
    c,
    [...relations.relations.values()],
  );
}

/** Adds the relation `head -> child` labelled `label` in one step, ending any relation being made. */
export function relate(head: string, child: string, label: string, clock: Clock = systemClock): Command {
  return (state, dispatch) => {
    if (relationRefusal(state, head, child, label)) return false;
    if (!dispatch) return true;
    const now = clock.now();
    const relation: Relation = {
      id: clock.newId(),
      docId: spansState(state).docId,
      head,
      child,
      label,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const tr = setSpansAction(state.tr, { type: 'apply', changes: [{ kind: 'relate', relation }] });
    dispatch(setRelationsAction(tr, { type: 'pending', pending: undefined }));
    return true;
  };
}

/** The relation labels changed (the label editor): the keys, rules and colours the document uses from now on. */
export function setRelationLabels(labels: readonly RelationLabel[]): Command {
  return (state, dispatch) => {
    if (!relationsStateOf(state)) return false;
    dispatch?.(setRelationsAction(state.tr, { type: 'labels', labels }));
    return true;
  };
}

export function deleteRelation(id: string): Command {
  return (state, dispatch) => {
    const relation = relationsStateOf(state)?.relations.get(id);
    if (!relation) return false;
    dispatch?.(setSpansAction(state.tr, { type: 'apply', changes: [{ kind: 'unrelate', relation }] }));
    return true;
  };
}

export function relabelRelation(id: string, label: string, clock: Clock = systemClock): Command {
  return (state, dispatch) => {
    const relations = relationsStateOf(state);
    const before = relations?.relations.get(id);
    if (!before || before.label === label) return false;
    const others = [...relations!.relations.values()].filter((r) => r.id !== id);
    const { spans } = spansState(state);
    const [h, c] = [spans.get(before.head), spans.get(before.child)];
    if (
      !h ||
      !c ||
      relationProblem(
        relations!.labels.find((l) => l.name === label),
        h,
        c,
        others,
      )
    )
      return false;
    const after = { ...before, label, version: (before.version ?? 0) + 1, updatedAt: clock.now() };
    dispatch?.(setSpansAction(state.tr, { type: 'apply', changes: [{ kind: 'relabel-relation', before, after }] }));
    return true;
  };
}

function candidatesOf(state: EditorState, relations: RelationsState, head: Span): Span[] {
  return childCandidates(spansState(state).spans.values(), head, relations.labels);
}

/** Starts a relation from the selected span, offering the nearest span it may go to. */
export const startRelation: Command = (state, dispatch) => {
  const relations = relationsStateOf(state);
  const { spans, selectedId } = spansState(state);
  const head = selectedId ? spans.get(selectedId) : undefined;
  if (!relations || !head) return false;
  const child = candidatesOf(state, relations, head)[0];
  dispatch?.(setRelationsAction(state.tr, { type: 'pending', pending: { head: head.id, child: child?.id } }));
  return true;
};

export const cancelRelation: Command = (state, dispatch) => {
  if (!relationsStateOf(state)?.pending) return false;
  dispatch?.(setRelationsAction(state.tr, { type: 'pending', pending: undefined }));
  return true;
};

/** Tab / Shift+Tab while making a relation: the next or previous span it may go to. */
export function cycleChild(direction: 1 | -1): Command {
  return (state, dispatch) => {
    const relations = relationsStateOf(state);
    const head = relations?.pending && spansState(state).spans.get(relations.pending.head);
    if (!relations?.pending || !head) return false;
    const next = stepCandidate(candidatesOf(state, relations, head), relations.pending.child, direction);
    if (!next) return false;
    dispatch?.(setRelationsAction(state.tr, { type: 'pending', pending: { head: head.id, child: next.id } }));
    return true;
  };
}

/** The relation being made, labelled `label`: made when allowed (see relationRefusal for why not). */
export function relateWithLabel(label: string, clock: Clock = systemClock): Command {
  return (state, dispatch) => {
    const pending = relationsStateOf(state)?.pending;
    if (!pending?.child) return false;
    return relate(pending.head, pending.child, label, clock)(state, dispatch);
  };
}

/**
 * `child` becomes the other end of the relation being made (`head` given: a
 * drag from head to child). When exactly one relation label fits the pair, the
 * relation is made at once; otherwise the pair waits for its label.
 */
export function chooseChild(child: string, head?: string, clock: Clock = systemClock): Command {
  return (state, dispatch) => {
    const relations = relationsStateOf(state);
    const from = head ?? relations?.pending?.head;
    const { spans } = spansState(state);
    const [h, c] = [from ? spans.get(from) : undefined, spans.get(child)];
    if (!relations || !h || !c || h.id === c.id) return false;
    const fits = labelsFor(relations.labels, h, c).filter((l) => !relationRefusal(state, h.id, c.id, l.name));
    if (fits.length === 1) return relate(h.id, c.id, fits[0].name, clock)(state, dispatch);
    dispatch?.(setRelationsAction(state.tr, { type: 'pending', pending: { head: h.id, child: c.id } }));
    return true;
  };
}

/** A click on the text: picks the child of the relation being made, or else selects the span there. */
export function clickAt(offset: number, moveCaret: boolean): Command {
  return (state, dispatch) => {
    const pending = relationsStateOf(state)?.pending;
    if (!pending) return selectAt(offset, moveCaret)(state, dispatch);
    const span = cycleAt([...spansState(state).spans.values()], offset, pending.head);
    return span ? chooseChild(span.id)(state, dispatch) : cancelRelation(state, dispatch);
  };
}

export function hoverRelation(id: string | undefined): Command {
  return (state, dispatch) => {
    if (relationsStateOf(state)?.hovered === id) return false;
    dispatch?.(setRelationsAction(state.tr, { type: 'hover', id }));
    return true;
  };
}
