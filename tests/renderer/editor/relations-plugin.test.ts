// The relations plugin as pure state: its rule suggestions follow span edits
// sentence by sentence, and agree with a state built afresh over the same spans.
import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, type Span } from '../../../core/model';
import { DEFAULT_RELATION_LABELS } from '../../../core/relations/labels';
import { relationsPlugin, relationsStateOf } from '../../../renderer/editor/relations-plugin';
import { setSpansAction, spansPlugin } from '../../../renderer/editor/spans-plugin';
import { docFromText } from '../../../renderer/editor/text-schema';

const text = 'The Minister pledged £5 million for Italy. The Secretary promised aid to Spain. Rome waited.';
const span = (id: string, quote: string, label: string): Span => {
  const start = text.indexOf(quote);
  return { id, docId: 'd', start, end: start + quote.length, label, text: quote, note: '', createdAt: 0, updatedAt: 0 };
};

const stateOf = (spans: Span[]) =>
  EditorState.create({
    doc: docFromText(text),
    plugins: [spansPlugin(text, spans, DEFAULT_LABELS), relationsPlugin([], DEFAULT_RELATION_LABELS)],
  });
const suggested = (state: EditorState) =>
  relationsStateOf(state)!.suggested.map((r) => `${r.head} ${r.label} ${r.child}`);

describe('relations plugin state', () => {
  it('follows span edits with the same suggestions as a state built from the spans after them', () => {
    const spans = [
      span('minister', 'The Minister', 'actor'),
      span('pledge', 'pledged £5 million for Italy', 'commitment'),
      span('secretary', 'The Secretary', 'actor'),
      span('promise', 'promised aid to Spain', 'commitment'),
    ];
    let state = stateOf(spans);
    expect(suggested(state)).toEqual(['minister commits pledge', 'secretary commits promise']);
    const money = span('money', '£5 million', 'money');
    const spain = span('spain', 'Spain', 'country');
    const shorter = { ...spans[3], end: spans[3].end - 9, text: 'promised aid' }; // Spain falls outside it
    const steps = [
      { kind: 'add' as const, span: money },
      { kind: 'add' as const, span: spain },
      { kind: 'update' as const, before: spans[3], after: shorter },
      { kind: 'remove' as const, span: spans[0] },
    ];
    let now = spans;
    for (const change of steps) {
      state = state.apply(setSpansAction(state.tr, { type: 'apply', changes: [change] }));
      now =
        change.kind === 'add'
          ? [...now, change.span]
          : change.kind === 'remove'
            ? now.filter((s) => s.id !== change.span.id)
            : now.map((s) => (s.id === change.after.id ? change.after : s));
      expect(suggested(state)).toEqual(suggested(stateOf(now)));
    }
    expect(suggested(state)).toEqual(['pledge funds money', 'secretary commits promise', 'promise involves spain']);
  });
});
