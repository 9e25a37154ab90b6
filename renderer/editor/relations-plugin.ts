// The relations of the open document, their labels, and the relation being
// made, in one plugin's state. Relation changes arrive in the spans plugin's
// `apply` steps (so a relation and its spans share one undo step and one
// save); this plugin applies the relation changes of each such step. Its own
// actions are the stored truth (`reset`), the label set, the relation being
// made (`pending`) and the one under the mouse (`hover`). As with the spans
// plugin, the key is private behind typed helpers.
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { Relation, RelationLabel } from '../../core/model';
import { relationAfter, relationIdOf } from '../../core/relations/changes';
import { relationChangesOf } from '../../core/spans/history';
import { spansActionOf, spansState } from './spans-plugin';

/** A relation being made: its head, and the child chosen so far (Tab moves it, a click or a drop sets it). */
export interface PendingRelation {
  readonly head: string;
  readonly child?: string;
}

export interface RelationsState {
  readonly relations: ReadonlyMap<string, Relation>;
  readonly labels: readonly RelationLabel[];
  readonly pending?: PendingRelation;
  readonly hovered?: string;
}

export type RelationsAction =
  | { type: 'reset'; relations: readonly Relation[] }
  | { type: 'labels'; labels: readonly RelationLabel[] }
  | { type: 'pending'; pending?: PendingRelation }
  | { type: 'hover'; id?: string };

const relationsKey = new PluginKey<RelationsState>('relations');

export function setRelationsAction(tr: Transaction, action: RelationsAction): Transaction {
  return tr.setMeta(relationsKey, action);
}

export function relationsActionOf(tr: Transaction): RelationsAction | undefined {
  return tr.getMeta(relationsKey) as RelationsAction | undefined;
}

function reduce(state: RelationsState, action: RelationsAction): RelationsState {
  switch (action.type) {
    case 'reset':
      return { ...state, relations: new Map(action.relations.map((r) => [r.id, r])) };
    case 'labels':
      return { ...state, labels: [...action.labels].sort((a, b) => a.order - b.order) };
    case 'pending':
      return { ...state, pending: action.pending };
    case 'hover':
      return state.hovered === action.id ? state : { ...state, hovered: action.id };
  }
}

/** The relation changes of a spans step, applied; a pending relation whose span went away is dropped. */
function withStep(state: RelationsState, tr: Transaction, after: EditorState): RelationsState {
  const action = spansActionOf(tr);
  if (action?.type !== 'apply') return state;
  const changes = relationChangesOf(action.changes);
  const spans = spansState(after).spans;
  let relations = state.relations;
  if (changes.length > 0) {
    const next = new Map(relations);
    for (const change of changes) {
      const value = relationAfter(change);
      if (value) next.set(value.id, value);
      else next.delete(relationIdOf(change));
    }
    relations = next;
  }
  const pending = state.pending;
  const gone = pending && (!spans.has(pending.head) || (pending.child !== undefined && !spans.has(pending.child)));
  const hovered = state.hovered && relations.has(state.hovered) ? state.hovered : undefined;
  if (relations === state.relations && !gone && hovered === state.hovered) return state;
  return { ...state, relations, pending: gone ? undefined : pending, hovered };
}

export function relationsPlugin(
  relations: readonly Relation[],
  labels: readonly RelationLabel[],
): Plugin<RelationsState> {
  return new Plugin<RelationsState>({
    key: relationsKey,
    state: {
      init: () =>
        reduce({ relations: new Map(relations.map((r) => [r.id, r])), labels: [] }, { type: 'labels', labels }),
      apply: (tr, value, _old, newState) => {
        const own = relationsActionOf(tr);
        const stepped = withStep(value, tr, newState);
        return own ? reduce(stepped, own) : stepped;
      },
    },
    // More room between lines once a document has relations: their arcs are drawn above the text.
    props: {
      attributes: (state): Record<string, string> =>
        (relationsKey.getState(state)?.relations.size ?? 0) > 0 ? { class: 'with-relations' } : {},
    },
  });
}

/** The relations state, or undefined when the view has no relations plugin (a bare editor in a test). */
export function relationsStateOf(state: EditorState): RelationsState | undefined {
  return relationsKey.getState(state);
}
