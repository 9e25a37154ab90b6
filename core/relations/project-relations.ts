// Side by side: a relation follows its spans to the other document when both
// of its ends were projected (or already had their counterpart there). It is
// added in the same step as the projected spans, so one undo takes both back;
// a relation the other document already has is not doubled.
import type { Relation } from '../model';
import type { RelationChange } from './changes';

export function projectRelations(
  relations: Iterable<Relation>,
  counterparts: ReadonlyMap<string, string>,
  target: { docId: string; relations: Iterable<Relation> },
  newId: () => string,
  now: number,
): RelationChange[] {
  const key = (head: string, child: string, label: string) => `${head}>${child}:${label}`;
  const have = new Set<string>();
  for (const r of target.relations) have.add(key(r.head, r.child, r.label));
  const out: RelationChange[] = [];
  for (const r of relations) {
    const [head, child] = [counterparts.get(r.head), counterparts.get(r.child)];
    if (!head || !child || head === child || have.has(key(head, child, r.label))) continue;
    have.add(key(head, child, r.label));
    const relation: Relation = {
      id: newId(),
      docId: target.docId,
      head,
      child,
      label: r.label,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    out.push({ kind: 'relate', relation });
  }
  return out;
}
