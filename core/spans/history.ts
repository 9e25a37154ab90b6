// Undo and redo for annotation changes. The text never changes, so
// ProseMirror's history has nothing to record; this one records span edits as
// values. A step may hold several changes (a projection of many spans) and is
// undone as one. Values are immutable: each operation returns a new history.
import type { Span } from '../model';

export type SpanChange =
  | { kind: 'add'; span: Span }
  | { kind: 'remove'; span: Span }
  | { kind: 'update'; before: Span; after: Span };

export type Step = readonly SpanChange[];

export interface History {
  readonly done: readonly Step[];
  readonly undone: readonly Step[];
}

export const MAX_STEPS = 500;
export const emptyHistory: History = { done: [], undone: [] };

export function invertChange(change: SpanChange): SpanChange {
  switch (change.kind) {
    case 'add': return { kind: 'remove', span: change.span };
    case 'remove': return { kind: 'add', span: change.span };
    case 'update': return { kind: 'update', before: change.after, after: change.before };
  }
}

/** The changes that undo a step, in reverse order. */
export function invertStep(step: Step): Step {
  return [...step].reverse().map(invertChange);
}

export function record(history: History, step: Step): History {
  if (step.length === 0) return history;
  return { done: [...history.done, step].slice(-MAX_STEPS), undone: [] };
}

/**
 * Records a step, merging it into the previous one when both only update the
 * same span's note (typing a note is one undo step, not one per keystroke).
 */
export function recordNoteEdit(history: History, step: Step): History {
  const last = history.done.at(-1);
  const single = (s: Step | undefined) => s?.length === 1 && s[0].kind === 'update' ? s[0] : undefined;
  const prev = single(last);
  const next = single(step);
  if (!prev || !next || prev.kind !== 'update' || next.kind !== 'update') return record(history, step);
  if (prev.after.id !== next.before.id || prev.before.label !== next.after.label) return record(history, step);
  const merged: Step = [{ kind: 'update', before: prev.before, after: next.after }];
  return { done: [...history.done.slice(0, -1), merged], undone: [] };
}

/** Takes the last step off: returns the changes to apply and the new history. */
export function undo(history: History): { history: History; apply: Step } | null {
  const step = history.done.at(-1);
  if (!step) return null;
  return { history: { done: history.done.slice(0, -1), undone: [...history.undone, step] }, apply: invertStep(step) };
}

export function redo(history: History): { history: History; apply: Step } | null {
  const step = history.undone.at(-1);
  if (!step) return null;
  return { history: { done: [...history.done, step], undone: history.undone.slice(0, -1) }, apply: step };
}
