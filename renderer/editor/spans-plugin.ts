// The spans of the open document live in this plugin's state, with their
// decorations. The document never changes, so decorations never need mapping
// through edits: a span change removes and redraws only the decorations of
// the overlap cluster it touches, never the whole set.
//
// ProseMirror draws every decoration it is given, and thousands of span
// elements cost far more than the text itself. So the view is given only the
// decorations inside a window around what is on screen (`visible`); the window
// follows scrolling (see viewport.ts). The full set stays in `decorations`.
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { DecorationSet, type Decoration } from 'prosemirror-view';
import type { Label, Span } from '../../core/model';
import type { SpanChange } from '../../core/spans/history';
import { assignLayers, overlapCluster } from '../../core/spans/layers';
import { indexLines, offsetToPos, type LineIndex } from '../../core/text-lines';
import { spanDecorations, type DrawContext } from './span-decorations';

export interface SpansState {
  readonly spans: ReadonlyMap<string, Span>;
  readonly labels: ReadonlyMap<string, Label>;
  readonly selectedId?: string;
  readonly lines: LineIndex;
  readonly decorations: DecorationSet;
  /** Text offsets whose decorations are drawn. */
  readonly window: Range;
  readonly visible: DecorationSet;
}

export type SpansAction =
  | { type: 'apply'; changes: readonly SpanChange[] }
  | { type: 'select'; id?: string }
  | { type: 'labels'; labels: readonly Label[] }
  | { type: 'viewport'; window: Range };

/** How much text around the first screen is drawn before the window has been measured. */
export const INITIAL_WINDOW = 16_000;

export type Range = { start: number; end: number };

export const spansKey = new PluginKey<SpansState>('spans');

const labelMap = (labels: readonly Label[]) => new Map(labels.map((l) => [l.name, l]));
const ctxOf = (s: Pick<SpansState, 'lines' | 'labels' | 'selectedId'>): DrawContext => ({ lines: s.lines, labels: s.labels, selectedId: s.selectedId });

function drawAll(spans: readonly Span[], ctx: DrawContext): Decoration[] {
  const layers = assignLayers(spans);
  return spans.flatMap((s) => spanDecorations(s, layers.get(s.id) ?? 0, ctx));
}

/**
 * Redraws the spans overlapping `ranges` (with their overlap clusters): their
 * old decorations, and those of `gone` spans, are removed and new ones added.
 */
function redraw(state: SpansState, doc: EditorState['doc'], ranges: Range[], gone: Iterable<string> = []): DecorationSet {
  const all = [...state.spans.values()];
  const touched = new Map<string, Span>();
  for (const range of ranges) for (const s of overlapCluster(all, range)) touched.set(s.id, s);
  const stale = new Set([...touched.keys(), ...gone]);
  let decorations = state.decorations;
  for (const range of ranges) {
    const found = decorations.find(offsetToPos(state.lines, range.start), offsetToPos(state.lines, range.end), (spec) => stale.has(spec.spanId));
    decorations = decorations.remove(found);
  }
  return decorations.add(doc, drawAll([...touched.values()], ctxOf(state)));
}

function applyChanges(state: SpansState, changes: readonly SpanChange[], doc: EditorState['doc']): SpansState {
  const spans = new Map(state.spans);
  const ranges: Range[] = [];
  const gone: string[] = [];
  for (const change of changes) {
    const before = change.kind === 'update' ? change.before : change.span;
    const after = change.kind === 'update' ? change.after : change.span;
    if (change.kind === 'remove') spans.delete(before.id);
    else spans.set(after.id, after);
    gone.push(before.id);
    ranges.push(clusterRange(state, before), clusterRange({ spans }, after));
  }
  const selectedId = state.selectedId && spans.has(state.selectedId) ? state.selectedId : undefined;
  const next = { ...state, spans, selectedId };
  return { ...next, decorations: redraw(next, doc, ranges, gone) };
}

/** The full extent of the overlap cluster around a span (what its change can relayer). */
function clusterRange(state: Pick<SpansState, 'spans'>, span: Span): Range {
  const cluster = overlapCluster([...state.spans.values()], span);
  return { start: Math.min(span.start, ...cluster.map((s) => s.start)), end: Math.max(span.end, ...cluster.map((s) => s.end)) };
}

function select(state: SpansState, id: string | undefined, doc: EditorState['doc']): SpansState {
  if (id === state.selectedId) return state;
  const next = { ...state, selectedId: id && state.spans.has(id) ? id : undefined };
  const ranges = [state.selectedId, next.selectedId].map((i) => (i ? state.spans.get(i) : undefined)).filter((s): s is Span => !!s);
  return { ...next, decorations: redraw(next, doc, ranges.map((s) => clusterRange(state, s))) };
}

function relabel(state: SpansState, labels: readonly Label[], doc: EditorState['doc']): SpansState {
  const next = { ...state, labels: labelMap(labels) };
  return { ...next, decorations: DecorationSet.create(doc, drawAll([...next.spans.values()], ctxOf(next))) };
}

/** The decorations of the full set that fall inside the window, as a set of their own. */
function restrict(state: Omit<SpansState, 'visible'>, doc: EditorState['doc']): DecorationSet {
  const from = offsetToPos(state.lines, state.window.start);
  const to = offsetToPos(state.lines, state.window.end);
  return DecorationSet.create(doc, state.decorations.find(from, to));
}

function reduce(state: SpansState, action: SpansAction, doc: EditorState['doc']): SpansState {
  const next =
    action.type === 'apply' ? applyChanges(state, action.changes, doc)
    : action.type === 'select' ? select(state, action.id, doc)
    : action.type === 'labels' ? relabel(state, action.labels, doc)
    : { ...state, window: action.window };
  return next === state ? state : { ...next, visible: restrict(next, doc) };
}

export function spansPlugin(text: string, spans: readonly Span[], labels: readonly Label[]): Plugin<SpansState> {
  return new Plugin<SpansState>({
    key: spansKey,
    state: {
      init: (_config, state) => {
        const base = { spans: new Map(spans.map((s) => [s.id, s])), labels: labelMap(labels), lines: indexLines(text), selectedId: undefined };
        const full = { ...base, decorations: DecorationSet.create(state.doc, drawAll(spans, ctxOf(base))), window: { start: 0, end: INITIAL_WINDOW } };
        return { ...full, visible: restrict(full, state.doc) };
      },
      apply: (tr: Transaction, value, _old, newState) => {
        const action = tr.getMeta(spansKey) as SpansAction | undefined;
        return action ? reduce(value, action, newState.doc) : value;
      },
    },
    props: { decorations: (state) => spansKey.getState(state)?.visible },
  });
}

export function spansState(state: EditorState): SpansState {
  const value = spansKey.getState(state);
  if (!value) throw new Error('spans plugin missing from this editor state');
  return value;
}
