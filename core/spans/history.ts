// Undo and redo for annotation changes. The text never changes, so
// ProseMirror's history has nothing to record; this one records span edits as
// values. A step may hold several changes (a projection of many spans) and is
// undone as one. Values are immutable: each operation returns a new history.
import type { Rejection, Relation, Span } from '../model';
import {
  invertRelationChange,
  isRelationChange,
  rebaseRelationChange,
  relationAfter,
  relationIdOf,
  type RelationChange,
} from '../relations/changes';

/** Turning a suggestion down (and, undone, taking that back): a step of its own, undone like any other. */
export type RejectionChange = { kind: 'reject'; rejection: Rejection } | { kind: 'unreject'; rejection: Rejection };

export type SpanChange =
  | { kind: 'add'; span: Span }
  | { kind: 'remove'; span: Span }
  | { kind: 'update'; before: Span; after: Span }
  | RejectionChange;

/** A change to a span itself (not a rejection of a suggestion, not a relation). */
export type SpanEdit = Exclude<SpanChange, RejectionChange>;

/** True for the changes that touch spans (the rest are rejections of suggestions and relation changes). */
export const isSpanEdit = (change: { kind: string }): change is SpanEdit =>
  change.kind === 'add' || change.kind === 'remove' || change.kind === 'update';

/** One change of a step: to a span, or to a relation between spans (core/relations/changes.ts). */
export type Change = SpanChange | RelationChange;

export type Step = readonly Change[];

/** The span changes of a step, in order (what the spans plugin and the spans table see). */
export const spanChangesOf = (step: Step): SpanChange[] => step.filter((c): c is SpanChange => !isRelationChange(c));

/** The relation changes of a step, in order. */
export const relationChangesOf = (step: Step): RelationChange[] => step.filter(isRelationChange);

export interface History {
  readonly done: readonly Step[];
  readonly undone: readonly Step[];
}

export const MAX_STEPS = 500;
export const emptyHistory: History = { done: [], undone: [] };

export function invertChange(change: Change): Change {
  if (isRelationChange(change)) return invertRelationChange(change);
  switch (change.kind) {
    case 'add':
      return { kind: 'remove', span: change.span };
    case 'remove':
      return { kind: 'add', span: change.span };
    case 'update':
      return { kind: 'update', before: change.after, after: change.before };
    case 'reject':
      return { kind: 'unreject', rejection: change.rejection };
    case 'unreject':
      return { kind: 'reject', rejection: change.rejection };
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
  const single = (s: Step | undefined) => (s?.length === 1 && s[0].kind === 'update' ? s[0] : undefined);
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

/** A span's version; rows from before versions existed count as 0. */
export const versionOf = (span: Pick<Span, 'version'>): number => span.version ?? 0;

/**
 * Rewrites an undo or redo step against the spans as they are now: an update
 * starts from the current span and moves its version on (never back, so a
 * stale write from another window is still caught), a removal removes the
 * current span, and a change to a span that is gone is dropped.
 */
export function rebaseStep(
  step: Step,
  current: (id: string) => Span | undefined,
  now: number,
  currentRelation: (id: string) => Relation | undefined = () => undefined,
): Step {
  const out: Change[] = [];
  const within = new Map<string, Span | undefined>(); // spans as earlier changes of this step left them
  const present = (id: string) => (within.has(id) ? within.get(id) : current(id));
  const relationsWithin = new Map<string, Relation | undefined>();
  const presentRelation = (id: string) => (relationsWithin.has(id) ? relationsWithin.get(id) : currentRelation(id));
  for (const change of step) {
    if (isRelationChange(change)) {
      const rebased = rebaseRelationChange(change, presentRelation, now);
      if (rebased) {
        out.push(rebased);
        relationsWithin.set(relationIdOf(rebased), relationAfter(rebased));
      }
      continue;
    }
    if (!isSpanEdit(change)) {
      out.push(change); // a rejection has no version to move on
      continue;
    }
    if (change.kind === 'add') {
      const span = { ...change.span, version: versionOf(change.span) + 1 };
      out.push({ kind: 'add', span });
      within.set(span.id, span);
      continue;
    }
    const id = change.kind === 'update' ? change.before.id : change.span.id;
    const before = present(id);
    if (!before) continue;
    if (change.kind === 'remove') {
      out.push({ kind: 'remove', span: before });
      within.set(id, undefined);
    } else {
      const after = { ...change.after, version: versionOf(before) + 1, updatedAt: now };
      out.push({ kind: 'update', before, after });
      within.set(id, after);
    }
  }
  return out;
}
