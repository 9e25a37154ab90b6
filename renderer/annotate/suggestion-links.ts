// Relations a projection left waiting on its suggestions (Suggestion.links):
// accepting a suggestion brings each relation whose two ends are spans once
// the step is applied (the other end accepted before, or in the same step),
// in that same step, so one undo takes both back. A relation already there
// is not doubled.
import type { EditorState } from 'prosemirror-state';
import type { Relation, Span, Suggestion } from '../../core/model';
import type { RelationChange } from '../../core/relations/changes';
import { keyOf } from '../../core/spans/project-spans';
import { relationsStateOf } from '../editor/relations-plugin';
import { spansState } from '../editor/spans-plugin';
import type { Clock } from './commands';

export function linkedRelations(
  state: EditorState,
  accepted: ReadonlyArray<{ suggestion: Suggestion; span: Span }>,
  clock: Clock,
): RelationChange[] {
  const links = accepted.flatMap(({ suggestion }) => suggestion.links ?? []);
  if (links.length === 0) return [];
  const byKey = new Map<string, string>();
  for (const span of spansState(state).spans.values()) if (!span.projected) byKey.set(keyOf(span), span.id);
  for (const { span } of accepted) byKey.set(keyOf(span), span.id);
  const have = new Set<string>();
  for (const r of relationsStateOf(state)?.relations.values() ?? []) have.add(`${r.head}>${r.child}:${r.label}`);
  const out: RelationChange[] = [];
  const docId = accepted[0].span.docId;
  for (const link of links) {
    const [head, child] = [byKey.get(link.head), byKey.get(link.child)];
    const key = `${head}>${child}:${link.label}`;
    if (!head || !child || head === child || have.has(key)) continue;
    have.add(key);
    const now = clock.now();
    const relation: Relation = {
      id: clock.newId(),
      docId,
      head,
      child,
      label: link.label,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    out.push({ kind: 'relate', relation });
  }
  return out;
}
