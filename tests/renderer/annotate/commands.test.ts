// The annotation commands on a plain EditorState, in Node: no view, no DOM.
// Each command builds one transaction; tests apply it and read the spans
// plugin's state, as the pane's observer would.
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, type Span } from '../../../core/model';
import { offsetToPos } from '../../../core/text-lines';
import * as cmd from '../../../renderer/annotate/commands';
import { readOnlyText } from '../../../renderer/editor/read-only';
import { spansActionOf, spansPlugin, spansState } from '../../../renderer/editor/spans-plugin';
import { docFromText } from '../../../renderer/editor/text-schema';

const text = 'The Home Secretary met Italy’s minister.\nThey pledged £84 million.';
const [actor, country] = DEFAULT_LABELS;
let ids = 0;
const clock: cmd.Clock = { now: () => 1000, newId: () => `s${ids++}` };

function stateWith(spans: Span[] = []): EditorState {
  return EditorState.create({
    doc: docFromText(text),
    plugins: [readOnlyText(), spansPlugin(text, spans, DEFAULT_LABELS, { docId: 'd' })],
  });
}

/** Runs a command; returns the new state and every transaction it dispatched. */
function run(state: EditorState, command: cmd.Command): { state: EditorState; trs: Transaction[]; ok: boolean } {
  const trs: Transaction[] = [];
  const ok = command(state, (tr) => trs.push(tr));
  return { state: trs.reduce((s, tr) => s.apply(tr), state), trs, ok };
}

function selecting(state: EditorState, start: number, end: number): EditorState {
  const lines = spansState(state).lines;
  return state.apply(
    state.tr.setSelection(TextSelection.create(state.doc, offsetToPos(lines, start), offsetToPos(lines, end))),
  );
}

const span = (id: string, needle: string, label: string, version = 1): Span => {
  const start = text.indexOf(needle);
  return {
    id,
    docId: 'd',
    start,
    end: start + needle.length,
    label,
    text: needle,
    note: '',
    version,
    createdAt: 1,
    updatedAt: 1,
  };
};

describe('annotation commands', () => {
  it('tag adds, selects and collapses the selection in ONE transaction, snapped to words', () => {
    const start = text.indexOf('Home Secretary');
    const s0 = selecting(stateWith(), start + 2, start + 11); // "me Secret"
    const { state, trs } = run(s0, cmd.tag(actor, 'word', clock));
    expect(trs).toHaveLength(1);
    const spans = spansState(state);
    const [added] = [...spans.spans.values()];
    expect(added).toMatchObject({
      docId: 'd',
      start,
      end: start + 14,
      text: 'Home Secretary',
      label: 'actor',
      version: 1,
    });
    expect(spans.selectedId).toBe(added.id);
    expect(state.selection.empty).toBe(true);
    expect(state.selection.from).toBe(offsetToPos(spans.lines, start + 14));
    expect(spansActionOf(trs[0])).toMatchObject({ type: 'apply', changes: [{ kind: 'add' }] });
  });

  it('tag keeps exact characters when the snap mode says so', () => {
    const start = text.indexOf('Home Secretary');
    const { state } = run(selecting(stateWith(), start + 2, start + 11), cmd.tag(actor, 'exact', clock));
    expect([...spansState(state).spans.values()][0].text).toBe('me Secret');
  });

  it('tag without a text selection relabels the selected span, and answers false with neither', () => {
    expect(run(stateWith(), cmd.tag(actor, 'word', clock)).ok).toBe(false);
    let s = run(stateWith([span('i', 'Italy', 'actor')]), cmd.selectSpan('i')).state;
    s = run(s, cmd.tag(country, 'word', clock)).state;
    expect(spansState(s).spans.get('i')).toMatchObject({ label: 'country', version: 2 });
  });

  it('a command asked without dispatch only says whether it applies', () => {
    const s = stateWith([span('i', 'Italy', 'actor')]);
    expect(cmd.deleteSpan('i')(s)).toBe(true);
    expect(cmd.deleteSpan('missing')(s)).toBe(false);
    expect(cmd.undo(clock)(s)).toBe(false);
  });

  it('relabels, notes (one undo step for a typed note) and deletes; undo and redo walk them back', () => {
    let s = stateWith([span('i', 'Italy', 'actor')]);
    s = run(s, cmd.relabel('i', 'country', clock)).state;
    s = run(s, cmd.setNote('i', 'c', clock)).state;
    s = run(s, cmd.setNote('i', 'co', clock)).state;
    s = run(s, cmd.deleteSpan('i')).state;
    expect(spansState(s).spans.size).toBe(0);
    expect(spansState(s).history.done).toHaveLength(3);
    s = run(s, cmd.undo(clock)).state;
    expect(spansState(s).spans.get('i')).toMatchObject({ label: 'country', note: 'co' });
    s = run(s, cmd.undo(clock)).state;
    expect(spansState(s).spans.get('i')).toMatchObject({ label: 'country', note: '' });
    s = run(s, cmd.undo(clock)).state;
    expect(spansState(s).spans.get('i')).toMatchObject({ label: 'actor' });
    expect(run(s, cmd.undo(clock)).ok).toBe(false);
    s = run(s, cmd.redo(clock)).state;
    expect(spansState(s).spans.get('i')?.label).toBe('country');
  });

  it("undo moves a span's version on, never back, so the database still catches stale writes", () => {
    let s = stateWith([span('i', 'Italy', 'actor', 4)]);
    s = run(s, cmd.relabel('i', 'country', clock)).state;
    expect(spansState(s).spans.get('i')?.version).toBe(5);
    const { state, trs } = run(s, cmd.undo(clock));
    const action = spansActionOf(trs[0]);
    expect(action?.type === 'apply' && action.changes[0]).toMatchObject({
      kind: 'update',
      before: { version: 5 },
      after: { label: 'actor', version: 6 },
    });
    expect(spansState(state).spans.get('i')?.version).toBe(6);
  });

  it('selects by click offset (innermost first, then outward) and moves the caret there', () => {
    let s = stateWith([span('c', 'pledged £84 million', 'commitment'), span('m', '£84 million', 'money')]);
    const at = text.indexOf('£84') + 1;
    s = run(s, cmd.selectAt(at)).state;
    expect(spansState(s).selectedId).toBe('m');
    expect(s.selection.from).toBe(offsetToPos(spansState(s).lines, at));
    s = run(s, cmd.selectAt(at)).state;
    expect(spansState(s).selectedId).toBe('c');
  });

  it('steps through spans in reading order and deletes the selected one', () => {
    let s = stateWith([span('i', 'Italy', 'country'), span('h', 'Home Secretary', 'actor')]);
    s = run(s, cmd.stepSelection(1)).state;
    expect(spansState(s).selectedId).toBe('h');
    s = run(s, cmd.stepSelection(1)).state;
    expect(spansState(s).selectedId).toBe('i');
    s = run(s, cmd.deleteSelected).state;
    expect([...spansState(s).spans.keys()]).toEqual(['h']);
    expect(run(s, cmd.deleteSelected).ok).toBe(false);
  });

  it('the spans plugin refuses a transaction that changes the text', () => {
    const s = EditorState.create({ doc: docFromText(text), plugins: [spansPlugin(text, [], DEFAULT_LABELS)] });
    expect(() => s.apply(s.tr.insertText('x', 1))).toThrow(/text changed/);
  });
});
