// Relations the rules suggest (relations plugin, `suggested`): accepting makes
// them real relations in ONE undo step (one or all of them); dismissing hides
// them for the session. Like every command, each builds one transaction.
import type { Relation } from '../../core/model';
import type { RelationSuggestion } from '../../core/relations/suggest-relations';
import { relationsStateOf, setRelationsAction } from '../editor/relations-plugin';
import { setSpansAction, spansState } from '../editor/spans-plugin';
import { systemClock, type Clock, type Command } from './commands';
import { relationRefusal } from './relation-commands';

function chosen(suggested: readonly RelationSuggestion[], keys?: readonly string[]): RelationSuggestion[] {
  if (!keys) return [...suggested];
  const wanted = new Set(keys);
  return suggested.filter((r) => wanted.has(r.key));
}

/** Makes the suggested relations with these keys (all of them when `keys` is absent) in one step. */
export function acceptSuggestedRelations(keys?: readonly string[], clock: Clock = systemClock): Command {
  return (state, dispatch) => {
    const relations = relationsStateOf(state);
    const list = relations ? chosen(relations.suggested, keys) : [];
    const allowed = list.filter((r) => !relationRefusal(state, r.head, r.child, r.label));
    if (allowed.length === 0) return false;
    if (!dispatch) return true;
    const now = clock.now();
    const docId = spansState(state).docId;
    const made = allowed.map((r): Relation => ({
      id: clock.newId(),
      docId,
      head: r.head,
      child: r.child,
      label: r.label,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }));
    dispatch(
      setSpansAction(state.tr, { type: 'apply', changes: made.map((relation) => ({ kind: 'relate', relation })) }),
    );
    return true;
  };
}

/** Hides the suggested relations with these keys for the rest of the session. */
export function dismissSuggestedRelations(keys: readonly string[]): Command {
  return (state, dispatch) => {
    const relations = relationsStateOf(state);
    if (!relations || !chosen(relations.suggested, keys).length) return false;
    dispatch?.(setRelationsAction(state.tr, { type: 'dismiss', keys }));
    return true;
  };
}
