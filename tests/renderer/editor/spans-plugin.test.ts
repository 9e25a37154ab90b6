// The spans plugin as pure state: no DOM, just EditorState and DecorationSet.
import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, type Span } from '../../../core/model';
import { offsetToPos } from '../../../core/text-lines';
import {
  setSpansAction,
  spansPlugin,
  spansState,
  INITIAL_WINDOW,
  type SpansAction,
} from '../../../renderer/editor/spans-plugin';
import { docFromText } from '../../../renderer/editor/text-schema';
import { GUARD, MARGIN, needsMove, windowAround } from '../../../renderer/editor/viewport';

const text = 'Yvette Cooper met G7 partners.\r\nThey pledged £84 million to 𠀀 causes.';
const span = (id: string, needle: string, label: string): Span => {
  const start = text.indexOf(needle);
  return {
    id,
    docId: 'd',
    start,
    end: start + needle.length,
    label,
    text: needle,
    note: '',
    createdAt: 0,
    updatedAt: 0,
  };
};

function stateWith(spans: Span[], source = text) {
  return EditorState.create({ doc: docFromText(source), plugins: [spansPlugin(source, spans, DEFAULT_LABELS)] });
}
const act = (state: EditorState, action: SpansAction) => state.apply(setSpansAction(state.tr, action));
const inlineIds = (state: EditorState) =>
  spansState(state)
    .visible.find()
    .filter((d) => d.spec.spanId && (d as unknown as { type: { attrs?: unknown } }).type.attrs)
    .map((d) => d.spec.spanId as string);

describe('spans plugin state', () => {
  it('draws each span as one inline decoration plus its label tag and bracket ends, at the right positions', () => {
    const s = stateWith([span('a', 'Yvette Cooper', 'actor'), span('m', '£84 million', 'money')]);
    const st = spansState(s);
    const money = st.visible.find().filter((d) => d.spec.spanId === 'm');
    expect(money).toHaveLength(4);
    expect(money.map((d) => [d.from, d.to]).sort()).toContainEqual([
      offsetToPos(st.lines, text.indexOf('£')),
      offsetToPos(st.lines, text.indexOf('£') + 11),
    ]);
    const inline = money.find((d) => d.from !== d.to)!; // the widgets (tag, brackets) sit at its ends
    expect(s.doc.textBetween(inline.from, inline.to)).toBe('£84 million');
  });

  it('adds, updates and removes spans, redrawing only their cluster', () => {
    let s = stateWith([span('a', 'Yvette Cooper', 'actor')]);
    // find() returns fresh copies; the shared `type` is what ProseMirror compares to skip a redraw
    const typeOf = (st: EditorState) =>
      (
        spansState(st)
          .visible.find()
          .find((d) => d.spec.spanId === 'a') as unknown as { type: object }
      ).type;
    const before = typeOf(s);
    const g7 = span('g', 'G7', 'country');
    s = act(s, { type: 'apply', changes: [{ kind: 'add', span: g7 }] });
    expect(typeOf(s)).toBe(before); // untouched, not rebuilt
    s = act(s, { type: 'apply', changes: [{ kind: 'update', before: g7, after: { ...g7, label: 'actor' } }] });
    expect(spansState(s).spans.get('g')?.label).toBe('actor');
    s = act(s, { type: 'apply', changes: [{ kind: 'remove', span: { ...g7, label: 'actor' } }] });
    expect(
      spansState(s)
        .visible.find()
        .some((d) => d.spec.spanId === 'g'),
    ).toBe(false);
    expect(spansState(s).spans.size).toBe(1);
  });

  it('relayers a nested pair and marks the selected span', () => {
    let s = stateWith([span('c', 'pledged £84 million', 'commitment')]);
    s = act(s, { type: 'apply', changes: [{ kind: 'add', span: span('m', '£84 million', 'money') }] });
    s = act(s, { type: 'select', id: 'm' });
    const attrs = (id: string) =>
      (
        spansState(s)
          .visible.find()
          .find((d) => d.spec.spanId === id && d.from !== d.to) as unknown as {
          type: { attrs: Record<string, string> };
        }
      ).type.attrs;
    expect([attrs('c')['data-layer'], attrs('m')['data-layer']]).toEqual(['0', '1']);
    expect(attrs('m').class).toContain('selected');
    expect(attrs('c').class).not.toContain('selected');
  });

  it('hands the view only the decorations inside the window', () => {
    const long = `${'word '.repeat(10_000)}end`;
    const spans = [0, 20_000, 45_000].map((start, i) => ({
      ...span(`s${i}`, 'Yvette Cooper', 'actor'),
      start,
      end: start + 4,
      text: 'word',
    }));
    let s = stateWith(spans, long);
    expect(new Set(inlineIds(s))).toEqual(new Set(['s0']));
    s = act(s, { type: 'viewport', window: { start: 15_000, end: 50_000 } });
    expect(new Set(inlineIds(s))).toEqual(new Set(['s1', 's2']));
    expect(INITIAL_WINDOW).toBeLessThan(20_000);
  });

  it('draws a span changed off screen once the window reaches it, with its cluster layered', () => {
    const long = `${'word '.repeat(10_000)}end`;
    const at = (id: string, start: number, end: number) => ({
      ...span(id, 'Yvette Cooper', 'actor'),
      start,
      end,
      text: long.slice(start, end),
    });
    let s = stateWith([at('near', 0, 4), at('outer', 45_000, 45_014)], long);
    s = act(s, { type: 'apply', changes: [{ kind: 'add', span: at('inner', 45_005, 45_009) }] }); // an undo far away
    expect(new Set(inlineIds(s))).toEqual(new Set(['near']));
    s = act(s, { type: 'viewport', window: { start: 40_000, end: 50_000 } });
    expect(new Set(inlineIds(s))).toEqual(new Set(['outer', 'inner']));
    const layer = (id: string) =>
      (
        spansState(s)
          .visible.find()
          .find((d) => d.spec.spanId === id && d.from !== d.to) as unknown as {
          type: { attrs: Record<string, string> };
        }
      ).type.attrs['data-layer'];
    expect([layer('outer'), layer('inner')]).toEqual(['0', '1']);
  });

  it('adds spans read later (the rest of a long document) without recording them, keeping the ones shown', () => {
    const long = `${'word '.repeat(10_000)}end`;
    const at = (id: string, start: number, end: number, label = 'actor') => ({
      ...span(id, 'Yvette Cooper', label),
      start,
      end,
      text: long.slice(start, end),
    });
    const w = INITIAL_WINDOW; // the first drawing window's end
    let s = stateWith([at('first', 0, 4), at('edge', w - 10, w + 14)], long);
    const history = spansState(s).history;
    // the rest: one crossing the window's edge (drawn now, layered over 'edge'), one far off, and a stale copy
    // of a span already shown, which must not replace it
    s = act(s, {
      type: 'loaded',
      spans: [at('crossing', w - 5, w + 9), at('far', 45_000, 45_004), at('first', 0, 4, 'money')],
    });
    const st = spansState(s);
    expect([...st.spans.keys()].sort()).toEqual(['crossing', 'edge', 'far', 'first']);
    expect(st.spans.get('first')?.label).toBe('actor');
    expect(st.history).toBe(history);
    expect(new Set(inlineIds(s))).toEqual(new Set(['first', 'edge', 'crossing']));
    const same = act(s, { type: 'loaded', spans: [at('far', 45_000, 45_004)] });
    expect(spansState(same)).toBe(st); // nothing new: the same state, nothing redrawn
  });
});

describe('viewport window', () => {
  it('moves only when the screen nears an edge, and keeps a margin each side', () => {
    const length = 200_000;
    const window = windowAround({ start: 50_000, end: 52_000 }, length);
    expect(window).toEqual({ start: 50_000 - MARGIN, end: 52_000 + MARGIN });
    expect(needsMove(window, { start: 50_500, end: 52_500 }, length)).toBe(false);
    expect(needsMove(window, { start: 58_000 - GUARD + 1, end: 59_000 }, length)).toBe(true);
    expect(windowAround({ start: 100, end: 2_000 }, length).start).toBe(0);
    expect(needsMove({ start: 0, end: length }, { start: 0, end: length }, length)).toBe(false);
  });
});
