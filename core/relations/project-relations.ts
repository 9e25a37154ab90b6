// Side by side: a relation follows its spans to the other document when both
// of its ends were projected (or already had their counterpart there). It is
// added in the same step as the projected spans, so one undo takes both back;
// a relation the other document already has is not doubled.
import type { Relation } from '../model';
import type { RelationChange } from './changes';

/** A relation to make, by the ids of its ends. */
export interface RelationEnds {
  readonly head: string;
  readonly child: string;
  readonly label: string;
}

/**
 * The changes that make each of `wanted` in `target`, leaving out a relation of a span to itself, one the
 * target already has, and a second copy of one in `wanted`.
 */
export function relateNew(
  wanted: Iterable<RelationEnds>,
  target: { docId: string; relations: Iterable<Relation> },
  newId: () => string,
  now: number,
): RelationChange[] {
  const key = (r: RelationEnds) => `${r.head}>${r.child}:${r.label}`;
  const have = new Set<string>();
  for (const r of target.relations) have.add(key(r));
  const out: RelationChange[] = [];
  for (const { head, child, label } of wanted) {
    if (head === child || have.has(key({ head, child, label }))) continue;
    have.add(key({ head, child, label }));
    const relation: Relation = {
      id: newId(),
      docId: target.docId,
      head,
      child,
      label,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    out.push({ kind: 'relate', relation });
  }
  return out;
}

export function projectRelations(
  relations: Iterable<Relation>,
  counterparts: ReadonlyMap<string, string>,
  target: { docId: string; relations: Iterable<Relation> },
  newId: () => string,
  now: number,
): RelationChange[] {
  const wanted: RelationEnds[] = [];
  for (const r of relations) {
    const [head, child] = [counterparts.get(r.head), counterparts.get(r.child)];
    if (head && child) wanted.push({ head, child, label: r.label });
  }
  return relateNew(wanted, target, newId, now);
}
