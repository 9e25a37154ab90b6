// The relations of the open document, their labels, and the relation being
// made, in one plugin's state. Relation changes arrive in the spans plugin's
// `apply` steps (so a relation and its spans share one undo step and one
// save); this plugin applies the relation changes of each such step. Its own
// actions are the stored truth (`reset`), the label set, the relation being
// made (`pending`) and the one under the mouse (`hover`). As with the spans
// plugin, the key is private behind typed helpers.
//
// Relations suggested by rule (core/relations/suggest-relations.ts) are
// derived here too: from the spans (made again only when spans or labels
// change), less the relations made and the ones dismissed this session.
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { Relation, RelationLabel } from '../../core/model';
import { relationAfter, relationIdOf } from '../../core/relations/changes';
import {
  relationSuggestionKey,
  ruleSentences,
  ruleSentencesAfterStep,
  suggestionsFrom,
  type SentenceRules,
  type RelationSuggestion,
  type TextRange,
} from '../../core/relations/suggest-relations';
import { isSpanEdit, relationChangesOf, spanChangesOf, type SpanEdit } from '../../core/spans/history';
import { sentenceRanges } from '../../core/suggest/sentences';
import { spansActionOf, spansState, spansStateOrUndefined, type SpansState } from './spans-plugin';

const EMPTY = { list: [] };

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
  /** What the rules suggest and nobody made or dismissed, in reading order. */
  readonly suggested: readonly RelationSuggestion[];
  /** Keys of suggestions dismissed in this session. */
  readonly dismissed: ReadonlySet<string>;
  /** Everything the rules find for the current spans and labels (`suggested` is cut from it). */
  readonly ruled: Ruled;
}

interface Ruled {
  readonly spans?: SpansState['spans'];
  readonly labels?: readonly RelationLabel[];
  /** Each sentence's pairs, kept for the next step (only the sentences whose spans changed are ruled again). */
  readonly sentences?: SentenceRules;
  readonly list: readonly RelationSuggestion[];
}

export type RelationsAction =
  | { type: 'reset'; relations: readonly Relation[] }
  | { type: 'labels'; labels: readonly RelationLabel[] }
  | { type: 'pending'; pending?: PendingRelation }
  | { type: 'hover'; id?: string }
  | { type: 'dismiss'; keys: readonly string[] };

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
    case 'dismiss':
      return { ...state, dismissed: new Set([...state.dismissed, ...action.keys]) };
  }
}

/**
 * The rules' suggestions for `spans`: made again only when spans or labels changed (the text never does).
 * After a step of span edits (`tr`, from `before`), only the sentences of the spans it changed are ruled again.
 */
function ruledFor(
  state: RelationsState,
  after: EditorState,
  sentences: () => readonly TextRange[],
  step?: { tr: Transaction; before: EditorState },
): Ruled {
  const spans = spansStateOrUndefined(after);
  if (!spans || spans.readOnly) return { list: [] };
  if (state.ruled.spans === spans.spans && state.ruled.labels === state.labels) return state.ruled;
  const sentenceRules =
    (step && afterStep(state.ruled, step, spans, sentences)) ??
    ruleSentences(
      spans.index.sorted.filter((s) => !s.projected),
      sentences(),
      state.ruled.sentences,
    );
  return {
    spans: spans.spans,
    labels: state.labels,
    sentences: sentenceRules,
    list: suggestionsFrom(sentenceRules, state.labels),
  };
}

const spanIdOf = (edit: SpanEdit) => (edit.kind === 'update' ? edit.after.id : edit.span.id);

/** The rules after one step of span edits, from those of the spans before it; undefined when they are not at hand. */
function afterStep(
  ruled: Ruled,
  { tr, before }: { tr: Transaction; before: EditorState },
  spans: SpansState,
  sentences: () => readonly TextRange[],
): SentenceRules | undefined {
  const action = spansActionOf(tr);
  const old = spansStateOrUndefined(before);
  if (action?.type !== 'apply' || !ruled.sentences || !old || ruled.spans !== old.spans) return undefined;
  const ids = new Set(spanChangesOf(action.changes).flatMap((c) => (isSpanEdit(c) ? [spanIdOf(c)] : [])));
  const was = [...ids].flatMap((id) => old.spans.get(id) ?? []);
  const now = [...ids].flatMap((id) => spans.spans.get(id) ?? []).filter((s) => !s.projected);
  return ruleSentencesAfterStep(ruled.sentences, was, now, sentences());
}

/** The relations `after` has that `before` lacks, when that is all that changed (else undefined). */
function onlyAdded(
  before: ReadonlyMap<string, Relation>,
  after: ReadonlyMap<string, Relation>,
): Relation[] | undefined {
  const added: Relation[] = [];
  for (const [id, r] of after) {
    const was = before.get(id);
    if (!was) added.push(r);
    else if (was !== r) return undefined; // relabelled
  }
  return before.size + added.length === after.size ? added : undefined; // else some were removed
}

/** `ruled` less what was made or dismissed; the same list when nothing it depends on changed. */
function withSuggestions(before: RelationsState, state: RelationsState, ruled: Ruled): RelationsState {
  const same = ruled === before.ruled && state.relations === before.relations && state.dismissed === before.dismissed;
  if (same && state === before) return state;
  if (same) return { ...state, ruled, suggested: before.suggested };
  const added = onlyAdded(before.relations, state.relations);
  if (added && ruled === before.ruled && state.dismissed === before.dismissed) {
    // The common step (a relation made): drop what it made from the list, without looking at every relation.
    const keys = new Set(added.map(relationSuggestionKey));
    return { ...state, ruled, suggested: before.suggested.filter((r) => !keys.has(r.key)) };
  }
  const made = new Set([...state.relations.values()].map(relationSuggestionKey));
  const suggested = ruled.list.filter((r) => !made.has(r.key) && !state.dismissed.has(r.key));
  return { ...state, ruled, suggested };
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
  let sentences: readonly TextRange[] | undefined;
  // The text never changes, so its sentences are found once, when first wanted.
  const sentencesOf = (state: EditorState) => () => (sentences ??= sentenceRanges(spansState(state).text));
  return new Plugin<RelationsState>({
    key: relationsKey,
    state: {
      init: (_config, state) => {
        const empty = { relations: new Map(), labels: [], suggested: [], dismissed: new Set<string>(), ruled: EMPTY };
        const value = reduce(
          { ...empty, relations: new Map(relations.map((r) => [r.id, r])) },
          { type: 'labels', labels },
        );
        return withSuggestions(empty, value, ruledFor(value, state, sentencesOf(state)));
      },
      apply: (tr, value, old, newState) => {
        const own = relationsActionOf(tr);
        const stepped = withStep(value, tr, newState);
        const next = own ? reduce(stepped, own) : stepped;
        if (next === value && !spansActionOf(tr)) return value;
        return withSuggestions(value, next, ruledFor(next, newState, sentencesOf(newState), { tr, before: old }));
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
