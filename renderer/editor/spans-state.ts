// The spans plugin's state and how each action changes it (spans-plugin.ts is
// the plugin around it): pure functions from a state, an action and the
// document to the next state. A span change removes and redraws only the
// decorations of the overlap cluster it touches; decorations exist only for
// the spans in the window around what is on screen (see spans-plugin.ts).
import type { EditorState } from 'prosemirror-state';
import { DecorationSet, type Decoration } from 'prosemirror-view';
import type { Label, Span } from '../../core/model';
import {
  emptyHistory,
  isSpanEdit,
  record,
  recordNoteEdit,
  spanChangesOf,
  type History,
  type SpanChange,
  type Step,
} from '../../core/spans/history';
import { assignLayers } from '../../core/spans/layers';
import { changeIndex, clusterAround, indexSpans, type SpanIndex } from '../../core/spans/span-index';
import { indexLines, offsetToPos, type LineIndex } from '../../core/text-lines';
import { spanDecorations, type DrawContext, type SpanDecorator } from './span-decorations';

export interface SpansState {
  /** The document these spans belong to, and its text (which never changes). */
  readonly docId: string;
  readonly text: string;
  readonly spans: ReadonlyMap<string, Span>;
  /** The same spans in reading order, for finding those near a place (an edit's cluster, the window). */
  readonly index: SpanIndex<Span>;
  readonly labels: ReadonlyMap<string, Label>;
  readonly selectedId?: string;
  readonly lines: LineIndex;
  /** Text offsets whose spans are drawn. */
  readonly window: TextRange;
  /** The decorations of the spans in the window (and their overlap clusters): what the view draws. */
  readonly visible: DecorationSet;
  /** This document's undo history (kept across document switches by the pane's HistoryStore). */
  readonly history: History;
  /** The layer being edited: new spans are stamped with this annotator. Absent: none named (the local one). */
  readonly annotator?: string;
  /** A colleague's layer, or all layers at once: shown, never changed here. */
  readonly readOnly: boolean;
  /** Extra marks per span set by the pane's owner (annotator outlines, disagreements); fixed for the state's life. */
  readonly decorate?: SpanDecorator;
}

/**
 * `apply` changes spans. By default the step is recorded for undo; `record:
 * 'note'` merges a note edit into the previous one; `history` replaces the
 * history outright (undo and redo). `select` may ride along in the same
 * transaction (tagging adds and selects in one step).
 */
export type SpansAction =
  | { type: 'apply'; changes: Step; record?: 'step' | 'note'; history?: History; select?: string }
  | { type: 'select'; id?: string }
  | { type: 'labels'; labels: readonly Label[] }
  | { type: 'viewport'; window: TextRange }
  /** The stored truth replaces the spans shown (a failed save, another window's change). */
  | { type: 'reset'; spans: readonly Span[]; history: History }
  /**
   * More stored spans, read after the first screen was drawn (a long document opens in two reads):
   * added to those shown, a span already here kept as it is; not an edit, so neither recorded nor saved.
   */
  | { type: 'loaded'; spans: readonly Span[] };

/**
 * How much text from the top is drawn before the window has been measured: a tall screen of text (about
 * 4,000 characters) and the viewport's margin below it (viewport.ts MARGIN), which is what a scroll would
 * draw around the same screen. Every span drawn at first costs the first screen its decorations.
 */
export const INITIAL_WINDOW = 12_000;

export type TextRange = { start: number; end: number };

export interface SpansStateOptions {
  docId?: string;
  /** The document's undo history from earlier in the session. */
  history?: History;
  /** Who new spans are by (the layer being edited). */
  annotator?: string;
  /** Refuse every change: a layer shown for reading. */
  readOnly?: boolean;
  /** Extra classes, style and title per span (which annotator, a disagreement). */
  decorate?: SpanDecorator;
}

const labelMap = (labels: readonly Label[]) => new Map(labels.map((l) => [l.name, l]));
const ctxOf = (s: Pick<SpansState, 'lines' | 'labels' | 'selectedId' | 'decorate'>): DrawContext => ({
  lines: s.lines,
  labels: s.labels,
  selectedId: s.selectedId,
  decorate: s.decorate,
});

function drawAll(spans: readonly Span[], ctx: DrawContext): Decoration[] {
  const layers = assignLayers(spans);
  return spans.flatMap((s) => spanDecorations(s, layers.get(s.id) ?? 0, ctx));
}

/** The decorations of the spans in `state.window` and the overlap clusters crossing its edges. */
function drawWindow(state: Omit<SpansState, 'visible'>, doc: EditorState['doc']): DecorationSet {
  const inWindow = clusterAround(state.index, state.window);
  return DecorationSet.create(doc, drawAll(inWindow, ctxOf(state)));
}

const meets = (a: TextRange, b: TextRange) => a.start < b.end && a.end > b.start;

/**
 * Redraws the spans overlapping `ranges` (with their overlap clusters): their
 * old decorations, and those of `gone` spans, are removed and new ones added
 * (for the clusters in the window; one outside it is drawn when the window
 * gets there). The rest of the drawn set is kept as it is, so the view
 * compares only what changed.
 */
function redraw(
  state: SpansState,
  doc: EditorState['doc'],
  ranges: TextRange[],
  gone: Iterable<string> = [],
): DecorationSet {
  const touched = new Map<string, Span>();
  for (const range of ranges)
    if (meets(range, state.window)) for (const s of clusterAround(state.index, range)) touched.set(s.id, s);
  const stale = new Set([...touched.keys(), ...gone]);
  let decorations = state.visible;
  for (const range of ranges) {
    const found = decorations.find(offsetToPos(state.lines, range.start), offsetToPos(state.lines, range.end), (spec) =>
      stale.has(spec.spanId),
    );
    decorations = decorations.remove(found);
  }
  return decorations.add(doc, drawAll([...touched.values()], ctxOf(state)));
}

function withChanges(state: SpansState, changes: readonly SpanChange[], doc: EditorState['doc']): SpansState {
  // A step of relation changes only (or rejections) leaves spans and decorations as they are: the same
  // objects, so the view and the observers comparing them skip their work.
  if (!changes.some(isSpanEdit)) return state;
  const spans = new Map(state.spans);
  let index = state.index;
  const ranges: TextRange[] = [];
  const gone: string[] = [];
  for (const change of changes) {
    if (!isSpanEdit(change)) continue; // rejections are drawn by the suggestions plugin
    const before = change.kind === 'update' ? change.before : change.span;
    const after = change.kind === 'update' ? change.after : change.span;
    // The index is found by the stored span's offsets (the change's `before` may be a stale copy).
    const stored = spans.get(before.id);
    if (change.kind === 'remove') spans.delete(before.id);
    else spans.set(after.id, after);
    const clusterBefore = clusterRange(index, before);
    index = changeIndex(index, stored ? [stored] : [], change.kind === 'remove' ? [] : [after]);
    gone.push(before.id);
    ranges.push(clusterBefore, clusterRange(index, after));
  }
  const selectedId = state.selectedId && spans.has(state.selectedId) ? state.selectedId : undefined;
  const next = { ...state, spans, index, selectedId };
  return { ...next, visible: redraw(next, doc, ranges, gone) };
}

/** The full extent of the overlap cluster around a span (what its change can relayer). */
function clusterRange(index: SpanIndex<Span>, span: Span): TextRange {
  const cluster = clusterAround(index, span);
  return {
    start: Math.min(span.start, ...cluster.map((s) => s.start)),
    end: Math.max(span.end, ...cluster.map((s) => s.end)),
  };
}

function select(state: SpansState, id: string | undefined, doc: EditorState['doc']): SpansState {
  if (id === state.selectedId) return state;
  const next = { ...state, selectedId: id && state.spans.has(id) ? id : undefined };
  const ranges = [state.selectedId, next.selectedId]
    .map((i) => (i ? state.spans.get(i) : undefined))
    .filter((s): s is Span => !!s);
  return {
    ...next,
    visible: redraw(
      next,
      doc,
      ranges.map((s) => clusterRange(state.index, s)),
    ),
  };
}

function relabel(state: SpansState, labels: readonly Label[], doc: EditorState['doc']): SpansState {
  const next = { ...state, labels: labelMap(labels) };
  return { ...next, visible: drawWindow(next, doc) };
}

function historyAfter(state: SpansState, action: Extract<SpansAction, { type: 'apply' }>): History {
  if (action.history) return action.history;
  return action.record === 'note'
    ? recordNoteEdit(state.history, action.changes)
    : record(state.history, action.changes);
}

function applyAction(
  state: SpansState,
  action: Extract<SpansAction, { type: 'apply' }>,
  doc: EditorState['doc'],
): SpansState {
  const changed = { ...withChanges(state, spanChangesOf(action.changes), doc), history: historyAfter(state, action) };
  return action.select === undefined ? changed : select(changed, action.select, doc);
}

function reset(state: SpansState, spans: readonly Span[], history: History, doc: EditorState['doc']): SpansState {
  const map = new Map(spans.map((s) => [s.id, s]));
  const next = {
    ...state,
    spans: map,
    index: indexSpans(map.values()),
    history,
    selectedId: state.selectedId && map.has(state.selectedId) ? state.selectedId : undefined,
  };
  return { ...next, visible: drawWindow(next, doc) };
}

function load(state: SpansState, spans: readonly Span[], doc: EditorState['doc']): SpansState {
  const added = spans.filter((s) => !state.spans.has(s.id));
  if (added.length === 0) return state;
  const map = new Map([...state.spans, ...added.map((s) => [s.id, s] as const)]);
  const next = { ...state, spans: map, index: indexSpans(map.values()) }; // thousands at once: sorted afresh
  return { ...next, visible: drawWindow(next, doc) };
}

function moveWindow(state: SpansState, window: TextRange, doc: EditorState['doc']): SpansState {
  if (window.start === state.window.start && window.end === state.window.end) return state;
  const next = { ...state, window };
  return { ...next, visible: drawWindow(next, doc) };
}

/** The state after `action`: the plugin's apply, a pure function of the state, the action and the document. */
export function reduceSpans(state: SpansState, action: SpansAction, doc: EditorState['doc']): SpansState {
  const next =
    action.type === 'apply'
      ? applyAction(state, action, doc)
      : action.type === 'select'
        ? select(state, action.id, doc)
        : action.type === 'labels'
          ? relabel(state, action.labels, doc)
          : action.type === 'reset'
            ? reset(state, action.spans, action.history, doc)
            : action.type === 'loaded'
              ? load(state, action.spans, doc)
              : moveWindow(state, action.window, doc);
  return next;
}

/** What a new editor starts with: the spans indexed, and those in the first window drawn. */
export function initialSpansState(
  text: string,
  spans: readonly Span[],
  labels: readonly Label[],
  options: SpansStateOptions,
  doc: EditorState['doc'],
): SpansState {
  const map = new Map(spans.map((s) => [s.id, s]));
  const base = {
    docId: options.docId ?? '',
    text,
    spans: map,
    index: indexSpans(map.values()),
    labels: labelMap(labels),
    lines: indexLines(text),
    selectedId: undefined,
    history: options.history ?? emptyHistory,
    ...(options.annotator !== undefined && { annotator: options.annotator }),
    readOnly: options.readOnly ?? false,
    decorate: options.decorate,
  };
  const framed = { ...base, window: { start: 0, end: INITIAL_WINDOW } };
  return { ...framed, visible: drawWindow(framed, doc) };
}
