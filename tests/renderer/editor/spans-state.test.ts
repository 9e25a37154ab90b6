// The spans state's reducer on its own, without a plugin or a view: a pure
// function of the state, the action and the document (spans-plugin.test.ts
// tests the same through an EditorState).
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, type Span } from '../../../core/model';
import { initialSpansState, reduceSpans, INITIAL_WINDOW } from '../../../renderer/editor/spans-state';
import { docFromText } from '../../../renderer/editor/text-schema';

const text = 'The Home Secretary met 🇮🇹 Italy.\r\n'.repeat(600);
const doc = docFromText(text);
const span = (id: string, start: number, label = 'actor'): Span => ({
  id,
  docId: 'd',
  start,
  end: start + 3,
  label,
  text: text.slice(start, start + 3),
  note: '',
  createdAt: 0,
  updatedAt: 0,
});

describe('reduceSpans', () => {
  it('starts with the first window drawn, leaves its input as it was, and keeps a state no action changes', () => {
    const far = text.length - 40;
    const first = initialSpansState(text, [span('a', 0), span('z', far)], DEFAULT_LABELS, { docId: 'd' }, doc);
    expect(first.window).toEqual({ start: 0, end: INITIAL_WINDOW });
    const drawn = new Set(first.visible.find().map((d) => d.spec.spanId as string));
    expect([drawn.has('a'), drawn.has('z')]).toEqual([true, false]); // the far span waits for the window

    const selected = reduceSpans(first, { type: 'select', id: 'a' }, doc);
    expect(selected.selectedId).toBe('a');
    expect(first.selectedId).toBeUndefined();
    expect(reduceSpans(first, { type: 'viewport', window: first.window }, doc)).toBe(first);

    const moved = reduceSpans(first, { type: 'viewport', window: { start: far - 100, end: text.length } }, doc);
    expect(new Set(moved.visible.find().map((d) => d.spec.spanId as string)).has('z')).toBe(true);
  });

  it('adds spans read later without recording them, and keeps one already shown as it is', () => {
    const first = initialSpansState(text, [span('a', 0)], DEFAULT_LABELS, {}, doc);
    const loaded = reduceSpans(first, { type: 'loaded', spans: [span('a', 0, 'country'), span('b', 40)] }, doc);
    expect([...loaded.spans.keys()].sort()).toEqual(['a', 'b']);
    expect(loaded.spans.get('a')!.label).toBe('actor');
    expect(loaded.history).toBe(first.history);
  });
});
