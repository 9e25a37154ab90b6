// The suggestion keys as ProseMirror commands, like annotate/commands.ts:
// each builds ONE transaction. Accepting adds a span; rejecting records a
// rejection; both are a step of the spans plugin's undo history (so Ctrl+Z
// takes either back), and the same transaction moves the current suggestion
// on to the next one, so A/X can be pressed down a document.
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import type { Rejection, Span, Suggestion } from '../../core/model';
import { offsetToPos, posToOffset } from '../../core/text-lines';
import { setSpansAction, spansState } from '../editor/spans-plugin';
import { setSuggestions, suggestionsState } from '../editor/suggestions-plugin';
import { systemClock, type Clock, type Command } from './commands';
import { linkedRelations } from './suggestion-links';

export function currentSuggestion(state: EditorState): Suggestion | undefined {
  const { shown, currentId } = suggestionsState(state);
  return currentId ? shown.find((s) => s.id === currentId) : undefined;
}

/** The suggestion after (or before) `from` in reading order, wrapping round; none when nothing is shown. */
function neighbour(shown: readonly Suggestion[], from: Suggestion, direction: 1 | -1): Suggestion | undefined {
  const others = shown.filter((s) => s.id !== from.id);
  if (others.length === 0) return undefined;
  const after = others.find((s) => s.start > from.start || (s.start === from.start && s.end < from.end));
  if (direction === 1) return after ?? others[0];
  const before = [...others]
    .reverse()
    .find((s) => s.start < from.start || (s.start === from.start && s.end > from.end));
  return before ?? others[others.length - 1];
}

/** Makes `s` current and brings it on screen (the caret goes to its start, which scrolls the view there). */
function goTo(tr: Transaction, state: EditorState, s: Suggestion | undefined): Transaction {
  const next = setSuggestions(tr, { type: 'current', id: s?.id });
  if (!s) return next;
  const { lines } = spansState(state);
  return next.setSelection(TextSelection.create(state.doc, offsetToPos(lines, s.start))).scrollIntoView();
}

/** J / K: the next or previous suggestion, from the current one or else from the caret. */
export function stepSuggestion(direction: 1 | -1): Command {
  return (state, dispatch) => {
    const { shown } = suggestionsState(state);
    if (shown.length === 0) return false;
    const current = currentSuggestion(state);
    let target: Suggestion | undefined;
    if (current) target = neighbour(shown, current, direction);
    else {
      const caret = posToOffset(spansState(state).lines, state.selection.from);
      target =
        direction === 1
          ? (shown.find((s) => s.start >= caret) ?? shown[0])
          : ([...shown].reverse().find((s) => s.start < caret) ?? shown[shown.length - 1]);
    }
    if (!target) return false;
    dispatch?.(goTo(state.tr, state, target));
    return true;
  };
}

export function spanFromSuggestion(s: Suggestion, text: string, clock: Clock): Span {
  const now = clock.now();
  return {
    id: clock.newId(),
    docId: s.docId,
    start: s.start,
    end: s.end,
    label: s.label,
    text: text.slice(s.start, s.end),
    note: s.note ?? '',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

export function rejectionOf(s: Suggestion, text: string, now: number): Rejection {
  const { docId, start, end, label, source } = s;
  return { docId, start, end, label, text: text.slice(start, end), source, rejectedAt: now };
}

/** A: the current suggestion becomes a span; the next one becomes current. */
export function acceptSuggestion(clock: Clock = systemClock): Command {
  return (state, dispatch) => {
    const s = currentSuggestion(state);
    if (!s) return false;
    if (!dispatch) return true;
    const next = neighbour(suggestionsState(state).shown, s, 1);
    const span = spanFromSuggestion(s, spansState(state).text, clock);
    const changes = [{ kind: 'add' as const, span }, ...linkedRelations(state, [{ suggestion: s, span }], clock)];
    dispatch(goTo(setSpansAction(state.tr, { type: 'apply', changes }), state, next));
    return true;
  };
}

/** X: the current suggestion is rejected (remembered, never offered again there); the next one becomes current. */
export function rejectSuggestion(clock: Clock = systemClock): Command {
  return (state, dispatch) => {
    const s = currentSuggestion(state);
    if (!s) return false;
    if (!dispatch) return true;
    const next = neighbour(suggestionsState(state).shown, s, 1);
    const rejection = rejectionOf(s, spansState(state).text, clock.now());
    dispatch(goTo(setSpansAction(state.tr, { type: 'apply', changes: [{ kind: 'reject', rejection }] }), state, next));
    return true;
  };
}

/** Shift+A: every suggestion of `label` in the document becomes a span, as one undo step. */
export function acceptAllOfLabel(label: string, clock: Clock = systemClock): Command {
  return acceptWhere((s) => s.label === label, clock);
}

/** Every shown suggestion `which` picks becomes a span, as one undo step (with the relations they bring). */
export function acceptWhere(which: (s: Suggestion) => boolean, clock: Clock = systemClock): Command {
  return (state, dispatch) => {
    const all = suggestionsState(state).shown.filter(which);
    if (all.length === 0) return false;
    const { text } = spansState(state);
    const accepted = all.map((suggestion) => ({ suggestion, span: spanFromSuggestion(suggestion, text, clock) }));
    const changes = [
      ...accepted.map(({ span }) => ({ kind: 'add' as const, span })),
      ...linkedRelations(state, accepted, clock),
    ];
    dispatch?.(setSuggestions(setSpansAction(state.tr, { type: 'apply', changes }), { type: 'current' }));
    return true;
  };
}

/** Makes suggestion `id` current and brings it on screen (a projection's first proposal, for instance). */
export function focusSuggestion(id: string): Command {
  return (state, dispatch) => {
    const s = suggestionsState(state).shown.find((x) => x.id === id);
    if (!s) return false;
    dispatch?.(goTo(state.tr, state, s));
    return true;
  };
}

/** The suggestions a worker computed replace those shown (rejections stay as they are unless given). */
export function showSuggestions(suggestions: readonly Suggestion[]): Command {
  return (state, dispatch) => {
    dispatch?.(setSuggestions(state.tr, { type: 'set', suggestions }));
    return true;
  };
}

/** Proposals made outside the suggesters (a projection) drawn beside those shown; a row with the same id replaces it. */
export function showAlso(rows: readonly Suggestion[]): Command {
  return (state, dispatch) => {
    const all = new Map(suggestionsState(state).all.map((s) => [s.id, s]));
    for (const row of rows) all.set(row.id, row);
    return showSuggestions([...all.values()])(state, dispatch);
  };
}

/** The stored rejections replace those the layer knows (another window rejected, or a failed write was undone). */
export function showRejections(rejections: readonly Pick<Rejection, 'start' | 'end' | 'label'>[]): Command {
  return (state, dispatch) => {
    dispatch?.(setSuggestions(state.tr, { type: 'set', suggestions: suggestionsState(state).all, rejections }));
    return true;
  };
}

/** A document's stored suggestions and rejections, drawn once its text is on screen. */
export function showStored(
  suggestions: readonly Suggestion[],
  rejections: readonly Pick<Rejection, 'start' | 'end' | 'label'>[],
): Command {
  return (state, dispatch) => {
    dispatch?.(setSuggestions(state.tr, { type: 'set', suggestions, rejections }));
    return true;
  };
}
