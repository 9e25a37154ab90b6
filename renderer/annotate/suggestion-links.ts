// Relations a projection left waiting on its suggestions (Suggestion.links):
// accepting a suggestion brings each relation whose two ends are spans once
// the step is applied (the other end accepted before, or in the same step),
// in that same step, so one undo takes both back. A relation already there
// is not doubled.
import type { EditorState } from 'prosemirror-state';
import type { Span, Suggestion } from '../../core/model';
import type { RelationChange } from '../../core/relations/changes';
import { relateNew, type RelationEnds } from '../../core/relations/project-relations';
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
  const wanted: RelationEnds[] = [];
  for (const link of links) {
    const [head, child] = [byKey.get(link.head), byKey.get(link.child)];
    if (head && child) wanted.push({ head, child, label: link.label });
  }
  const relations = relationsStateOf(state)?.relations.values() ?? [];
  return relateNew(wanted, { docId: accepted[0].span.docId, relations }, () => clock.newId(), clock.now());
}
