// The suggestion layer of the open document: suggested spans, kept apart from
// annotations, drawn outlined with their label and no fill. A sibling of the
// spans plugin (listed after it, so it reads the spans as this transaction
// leaves them): what it shows is the stored suggestions less those a person
// rejected and those a span of the same label already covers. Accepting one
// adds a span and rejecting one records a rejection, both as steps of the
// spans plugin's undo history, so this plugin only follows: an undone
// acceptance or rejection shows the suggestion again with no work here.
//
// As with spans, only the suggestions inside the spans plugin's drawing
// window are handed to the view, so 2,000 suggestions cost what the screen
// shows. The key is private; setSuggestions/suggestionsState are the surface.
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Rejection, Suggestion } from '../../core/model';
import { isSpanEdit, type Step } from '../../core/spans/history';
import { overlapping } from '../../core/spans/span-index';
import { uncovered, uncoveredAfterEdit } from '../../core/suggest/suggestion-cover';
import { offsetToPos, type LineIndex } from '../../core/text-lines';
import { FALLBACK_COLOR } from './span-decorations';
import { spansActionOf, spansState, type SpansState, type TextRange } from './spans-plugin';

export interface SuggestionsState {
  /** Every suggestion known for the document, in reading order. */
  readonly all: readonly Suggestion[];
  /** Rejected suggestions, by `start:end:label`. */
  readonly rejected: ReadonlySet<string>;
  /** What is offered: `all` less rejected and covered ones, in reading order. */
  readonly shown: readonly Suggestion[];
  /** The suggestion keys act on (J/K move it, a click sets it). */
  readonly currentId?: string;
  /** The window the decorations were drawn for, and the labels they were drawn with. */
  readonly window: TextRange;
  readonly labels: SpansState['labels'];
  readonly decorations: DecorationSet;
}

export type SuggestionsAction =
  | {
      type: 'set';
      suggestions: readonly Suggestion[];
      rejections?: readonly Pick<Rejection, 'start' | 'end' | 'label'>[];
    }
  | { type: 'current'; id?: string };

const key = new PluginKey<SuggestionsState>('suggestions');

export const suggestionKey = (s: Pick<Suggestion, 'start' | 'end' | 'label'>): string =>
  `${s.start}:${s.end}:${s.label}`;

/** Attaches a suggestions action to `tr` (it may ride with a spans action: accept moves to the next one). */
export function setSuggestions(tr: Transaction, action: SuggestionsAction): Transaction {
  return tr.setMeta(key, action);
}

export function suggestionsState(state: EditorState): SuggestionsState {
  const value = key.getState(state);
  if (!value) throw new Error('suggestions plugin missing from this editor state');
  return value;
}

const inReadingOrder = (list: readonly Suggestion[]): Suggestion[] =>
  [...list].sort((a, b) => a.start - b.start || b.end - a.end || (a.label < b.label ? -1 : 1));

function outline(s: Suggestion, lines: LineIndex, color: string, current: boolean): Decoration {
  return Decoration.inline(
    offsetToPos(lines, s.start),
    offsetToPos(lines, s.end),
    {
      nodeName: 'span',
      class: current ? 'suggestion current' : 'suggestion',
      style: `--c: ${color}`,
      'data-suggestion-id': s.id,
      'data-label': s.label,
      title: `suggested ${s.label} (${s.source}, ${Math.round(s.score * 100)}%): A accept, X reject`,
    },
    { suggestionId: s.id },
  );
}

/** One tag per end offset: its label floats above the text (see suggestions.css), so
 * suggestions that end together share it ("country? · commitment?") instead of
 * drawing over each other. Mixed labels take a neutral colour; the outlines keep theirs. */
function tag(
  end: number,
  ending: readonly Suggestion[],
  lines: LineIndex,
  colorOf: (label: string) => string,
): Decoration {
  const labels = [...new Set(ending.map((s) => s.label))];
  const text = labels.map((l) => `${l}?`).join(' · ');
  const color = labels.length === 1 ? colorOf(labels[0]) : NEUTRAL_TAG_COLOR;
  return Decoration.widget(
    offsetToPos(lines, end),
    () => {
      const el = document.createElement('span');
      el.className = 'suggestion-tag';
      el.dataset.label = text;
      el.style.setProperty('--c', color);
      return el;
    },
    {
      side: -3,
      ignoreSelection: true,
      key: `sugg-tag:${end}:${text}:${color}`,
      suggestionIds: ending.map((s) => s.id),
    },
  );
}

const NEUTRAL_TAG_COLOR = '#5b6170';

function draw(state: Omit<SuggestionsState, 'decorations'>, doc: EditorState['doc'], lines: LineIndex): DecorationSet {
  const { start, end } = state.window;
  const colorOf = (label: string) => state.labels.get(label)?.color ?? FALLBACK_COLOR;
  const visible = state.shown.filter((s) => s.start < end && s.end > start);
  const byEnd = new Map<number, Suggestion[]>();
  for (const s of visible) byEnd.set(s.end, [...(byEnd.get(s.end) ?? []), s]);
  const decorations = [
    ...visible.map((s) => outline(s, lines, colorOf(s.label), s.id === state.currentId)),
    ...[...byEnd].map(([at, ending]) => tag(at, ending, lines, colorOf)),
  ];
  return DecorationSet.create(doc, decorations);
}

function rejectionsAfter(rejected: ReadonlySet<string>, changes: Step): ReadonlySet<string> {
  if (!changes.some((c) => c.kind === 'reject' || c.kind === 'unreject')) return rejected;
  const next = new Set(rejected);
  for (const c of changes) {
    if (c.kind === 'reject') next.add(suggestionKey(c.rejection));
    if (c.kind === 'unreject') next.delete(suggestionKey(c.rejection));
  }
  return next;
}

/** The text a step's span edits touched: each span's place before (as stored, and as the change saw it) and after. */
function editedRanges(changes: Step, before: SpansState): TextRange[] {
  return changes.filter(isSpanEdit).flatMap((c) => {
    const span = c.kind === 'update' ? c.after : c.span;
    const stored = before.spans.get(span.id);
    return [span, ...(c.kind === 'update' ? [c.before] : []), ...(stored ? [stored] : [])];
  });
}

/**
 * What is offered after a transaction. Spans cover suggestions: only a step that changed them (not one of
 * relations only) filters again, and an edit looks only at the suggestions where it happened (a filter of
 * every suggestion against 5,000 spans, and a new drawing of every one in the window, made each edit slow).
 */
function shownAfter(
  value: SuggestionsState,
  all: readonly Suggestion[],
  rejected: ReadonlySet<string>,
  before: SpansState,
  spans: SpansState,
  action: ReturnType<typeof spansActionOf>,
): readonly Suggestion[] {
  if (all === value.all && rejected === value.rejected && spans.spans === before.spans) return value.shown;
  if (all !== value.all || rejected !== value.rejected || action?.type !== 'apply')
    return uncovered(all, rejected, spans.index.sorted);
  const over = (range: TextRange) => overlapping(spans.index, range);
  return uncoveredAfterEdit(value.shown, all, rejected, over, editedRanges(action.changes, before));
}

function apply(
  tr: Transaction,
  value: SuggestionsState,
  oldState: EditorState,
  newState: EditorState,
): SuggestionsState {
  const own = tr.getMeta(key) as SuggestionsAction | undefined;
  const spansAction = spansActionOf(tr);
  if (!own && !spansAction) return value;
  const spans = spansState(newState);
  let { all, rejected, currentId } = value;
  if (own?.type === 'set') {
    if (own.rejections) rejected = new Set(own.rejections.map(suggestionKey));
    // Fresh results leave rejected suggestions out; the ones rejected here stay known, so undoing a rejection shows them.
    const fresh = new Set(own.suggestions.map(suggestionKey));
    const kept = value.all.filter((s) => rejected.has(suggestionKey(s)) && !fresh.has(suggestionKey(s)));
    all = inReadingOrder([...own.suggestions, ...kept]);
  }
  if (own?.type === 'current') currentId = own.id;
  if (spansAction?.type === 'apply') rejected = rejectionsAfter(rejected, spansAction.changes);
  const shown = shownAfter(value, all, rejected, spansState(oldState), spans, spansAction);
  if (currentId && !shown.some((s) => s.id === currentId)) currentId = undefined;
  const next = { all, rejected, shown, currentId, window: spans.window, labels: spans.labels };
  const redraw =
    shown !== value.shown ||
    currentId !== value.currentId ||
    spans.window !== value.window ||
    spans.labels !== value.labels;
  return { ...next, decorations: redraw ? draw(next, newState.doc, spans.lines) : value.decorations };
}

/** The layer for one document; `rejections` are its stored rejections. Must come after the spans plugin. */
export function suggestionsPlugin(
  suggestions: readonly Suggestion[] = [],
  rejections: readonly Pick<Rejection, 'start' | 'end' | 'label'>[] = [],
): Plugin<SuggestionsState> {
  return new Plugin<SuggestionsState>({
    key,
    state: {
      init: (_config, state) => {
        const spans = spansState(state);
        const all = inReadingOrder(suggestions);
        const rejected = new Set(rejections.map(suggestionKey));
        const base = {
          all,
          rejected,
          shown: uncovered(all, rejected, spans.index.sorted),
          window: spans.window,
          labels: spans.labels,
        };
        return { ...base, decorations: draw(base, state.doc, spans.lines) };
      },
      apply: (tr, value, oldState, newState) => apply(tr, value, oldState, newState),
    },
    props: {
      decorations: (state) => key.getState(state)?.decorations,
      // A click on a suggestion makes it the current one (the span click still runs: false).
      handleClick: (view, _pos, event) => {
        const el = event.target instanceof Element ? event.target.closest('[data-suggestion-id]') : null;
        const id = el?.getAttribute('data-suggestion-id') ?? undefined;
        if (id && id !== key.getState(view.state)?.currentId)
          view.dispatch(setSuggestions(view.state.tr, { type: 'current', id }));
        return false;
      },
    },
  });
}
