// Relation changes travel in the same undo steps as span changes: deleting a
// span and the relations hanging on it is ONE step, and undoing it brings both
// back. These are the relation kinds of a step, with how each is inverted and
// rebased; core/spans/history.ts mixes them into its Step.
import type { Relation } from '../model';

export type RelationChange =
  | { kind: 'relate'; relation: Relation }
  | { kind: 'unrelate'; relation: Relation }
  | { kind: 'relabel-relation'; before: Relation; after: Relation };

const KINDS: ReadonlySet<string> = new Set(['relate', 'unrelate', 'relabel-relation']);

export function isRelationChange(change: { kind: string }): change is RelationChange {
  return KINDS.has(change.kind);
}

export function invertRelationChange(change: RelationChange): RelationChange {
  switch (change.kind) {
    case 'relate':
      return { kind: 'unrelate', relation: change.relation };
    case 'unrelate':
      return { kind: 'relate', relation: change.relation };
    case 'relabel-relation':
      return { kind: 'relabel-relation', before: change.after, after: change.before };
  }
}

/** The relation a change leaves (undefined: removed), and the one it started from. */
export function relationAfter(change: RelationChange): Relation | undefined {
  return change.kind === 'relate' ? change.relation : change.kind === 'unrelate' ? undefined : change.after;
}

export function relationIdOf(change: RelationChange): string {
  return change.kind === 'relabel-relation' ? change.before.id : change.relation.id;
}

/**
 * An undo or redo of a relation change against the relations as they are now:
 * a removal of a relation already gone and a relabel of one that is gone are
 * dropped; a relabel starts from the current relation; an add is kept as made.
 */
export function rebaseRelationChange(
  change: RelationChange,
  current: (id: string) => Relation | undefined,
  now: number,
): RelationChange | undefined {
  if (change.kind === 'relate') return change;
  const present = current(relationIdOf(change));
  if (!present) return undefined;
  if (change.kind === 'unrelate') return { kind: 'unrelate', relation: present };
  return {
    kind: 'relabel-relation',
    before: present,
    after: { ...change.after, version: (present.version ?? 0) + 1, updatedAt: now },
  };
}
