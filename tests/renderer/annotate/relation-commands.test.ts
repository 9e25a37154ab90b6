// The relation commands on a plain EditorState, in Node: making a relation by
// keys (R, Tab, a label key) and by a click or a drop, one undo step each;
// deleting a span takes its relations in the same step and undo brings both.
import { EditorState, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, type Span } from '../../../core/model';
import { DEFAULT_RELATION_LABELS } from '../../../core/relations/labels';
import * as cmd from '../../../renderer/annotate/commands';
import * as rel from '../../../renderer/annotate/relation-commands';
import * as sug from '../../../renderer/annotate/relation-suggestion-commands';
import { readOnlyText } from '../../../renderer/editor/read-only';
import { relationsPlugin, relationsStateOf } from '../../../renderer/editor/relations-plugin';
import { spansActionOf, spansPlugin, spansState } from '../../../renderer/editor/spans-plugin';
import { suggestionsPlugin, suggestionsState } from '../../../renderer/editor/suggestions-plugin';
import { docFromText } from '../../../renderer/editor/text-schema';

const text = 'Home Secretary Priti Patel committed a further £84 million to Italy.';
let ids = 0;
const clock: cmd.Clock = { now: () => 1000, newId: () => `r${ids++}` };
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
    version: 1,
    createdAt: 1,
    updatedAt: 1,
  };
};
const SPANS = [
  span('actor', 'Home Secretary Priti Patel', 'actor'),
  span('commit', 'committed a further £84 million', 'commitment'),
  span('money', '£84 million', 'money'),
  span('italy', 'Italy', 'country'),
];

function start(): EditorState {
  return EditorState.create({
    doc: docFromText(text),
    plugins: [
      readOnlyText(),
      spansPlugin(text, SPANS, DEFAULT_LABELS, { docId: 'd' }),
      relationsPlugin([], DEFAULT_RELATION_LABELS),
    ],
  });
}

function run(state: EditorState, command: cmd.Command): { state: EditorState; trs: Transaction[]; ok: boolean } {
  const trs: Transaction[] = [];
  const ok = command(state, (tr) => trs.push(tr));
  return { state: trs.reduce((s, tr) => s.apply(tr), state), trs, ok };
}

const relations = (s: EditorState) =>
  [...relationsStateOf(s)!.relations.values()].map((r) => `${r.head} ${r.label} ${r.child}`);

describe('relation commands', () => {
  it('makes a relation by keys: R on the selected span, Tab to the next candidate, then the label', () => {
    let s = run(start(), cmd.selectSpan('commit')).state;
    s = run(s, rel.startRelation).state;
    // The nearest span a relation from a commitment may reach: the money inside it.
    expect(relationsStateOf(s)!.pending).toEqual({ head: 'commit', child: 'money' });
    s = run(s, rel.cycleChild(1)).state;
    expect(relationsStateOf(s)!.pending!.child).toBe('italy');
    expect(rel.relationRefusal(s, 'commit', 'italy', 'funds')).toMatch(/connects actor or commitment → money/);
    expect(run(s, rel.relateWithLabel('funds', clock)).ok).toBe(false);
    const made = run(s, rel.relateWithLabel('involves', clock));
    expect(made.trs).toHaveLength(1);
    expect(spansActionOf(made.trs[0])).toMatchObject({ type: 'apply', changes: [{ kind: 'relate' }] });
    expect(relations(made.state)).toEqual(['commit involves italy']);
    expect(relationsStateOf(made.state)!.pending).toBeUndefined();
    expect(spansState(made.state).history.done).toHaveLength(1);
  });

  it('makes a relation at once when a click or drop leaves one label that fits', () => {
    const dropped = run(start(), rel.chooseChild('money', 'actor', clock));
    expect(relations(dropped.state)).toEqual(['actor funds money']);
    // Clicking while a relation is pending picks the child there.
    let s = run(start(), cmd.selectSpan('actor')).state;
    s = run(s, rel.startRelation).state;
    s = run(s, rel.clickAt(text.indexOf('further'), true)).state;
    expect(relations(s)).toEqual(['actor commits commit']);
  });

  it('leaves span decorations and the suggestions offered as they were when only relations change', () => {
    const suggestion = { id: 's1', docId: 'd', start: 0, end: 4, label: 'country', text: 'Home' };
    const withSuggestions = EditorState.create({
      doc: docFromText(text),
      plugins: [...start().plugins, suggestionsPlugin([{ ...suggestion, source: 'rules', score: 1, createdAt: 0 }])],
    });
    const made = run(withSuggestions, rel.chooseChild('commit', 'actor', clock)).state;
    expect(relations(made)).toEqual(['actor commits commit']);
    // The same objects: ProseMirror compares decoration sets by identity first and skips the redraw.
    expect(spansState(made).visible).toBe(spansState(withSuggestions).visible);
    expect(suggestionsState(made).shown).toBe(suggestionsState(withSuggestions).shown);
    expect(suggestionsState(made).shown.map((s) => s.id)).toEqual(['s1']);
    // A span change redraws its cluster; the suggestions offered change only where it happened.
    const deleted = run(made, cmd.deleteSpan('actor')).state;
    expect(spansState(deleted).visible).not.toBe(spansState(made).visible);
    expect(suggestionsState(deleted).shown).toBe(suggestionsState(made).shown);
    const home = { ...span('home', 'Home', 'country'), createdAt: 1000, updatedAt: 1000 };
    const covered = run(deleted, cmd.applyStep([{ kind: 'add', span: home }])).state;
    expect(suggestionsState(covered).shown).toEqual([]);
  });

  it('deletes a span with its relations in one undo step, and undo brings both back', () => {
    let s = run(start(), rel.chooseChild('commit', 'actor', clock)).state;
    s = run(s, rel.chooseChild('money', 'commit', clock)).state;
    expect(relations(s)).toHaveLength(2);
    const deleted = run(s, cmd.deleteSpan('commit'));
    expect(deleted.trs).toHaveLength(1);
    expect(relations(deleted.state)).toEqual([]);
    expect(spansState(deleted.state).spans.has('commit')).toBe(false);
    const undone = run(deleted.state, cmd.undo(clock)).state;
    expect(spansState(undone).spans.has('commit')).toBe(true);
    expect(relations(undone).sort()).toEqual(['actor commits commit', 'commit funds money']);
    const redone = run(undone, cmd.redo(clock)).state;
    expect(relations(redone)).toEqual([]);
  });

  it('relabels and deletes a relation, each one undo step', () => {
    let s = run(start(), rel.chooseChild('money', 'actor', clock)).state;
    const id = [...relationsStateOf(s)!.relations.keys()][0];
    expect(run(s, rel.relabelRelation(id, 'commits', clock)).ok).toBe(false); // actor -> money is not "commits"
    s = run(s, rel.deleteRelation(id)).state;
    expect(relations(s)).toEqual([]);
    s = run(s, cmd.undo(clock)).state;
    expect(relations(s)).toEqual(['actor funds money']);
  });

  it('refuses the same relation twice and a relation to itself', () => {
    const s = run(start(), rel.chooseChild('money', 'actor', clock)).state;
    expect(rel.relationRefusal(s, 'actor', 'money', 'funds')).toMatch(/already/);
    expect(run(s, rel.chooseChild('actor', 'actor', clock)).ok).toBe(false);
  });
});

describe('suggested relations', () => {
  const suggested = (s: EditorState) => relationsStateOf(s)!.suggested.map((r) => `${r.head} ${r.label} ${r.child}`);

  it('are derived from the spans: the subject commits, the commitment funds the money inside it', () => {
    expect(suggested(start())).toEqual(['actor commits commit', 'commit funds money', 'commit involves italy']);
  });

  it('accepting one makes it in one undo step; undo offers it again', () => {
    const key = relationsStateOf(start())!.suggested[1].key;
    const made = run(start(), sug.acceptSuggestedRelations([key], clock));
    expect(made.trs).toHaveLength(1);
    expect(relations(made.state)).toEqual(['commit funds money']);
    expect(suggested(made.state)).toEqual(['actor commits commit', 'commit involves italy']);
    const undone = run(made.state, cmd.undo(clock)).state;
    expect(relations(undone)).toEqual([]);
    expect(suggested(undone)).toHaveLength(3);
  });

  it('accepting all makes every one in one step; dismissing hides one', () => {
    const all = run(start(), sug.acceptSuggestedRelations(undefined, clock));
    expect(all.trs).toHaveLength(1);
    expect(relations(all.state).sort()).toEqual([
      'actor commits commit',
      'commit funds money',
      'commit involves italy',
    ]);
    expect(suggested(all.state)).toEqual([]);
    expect(run(all.state, sug.acceptSuggestedRelations(undefined, clock)).ok).toBe(false);
    const key = relationsStateOf(start())!.suggested[0].key;
    const dismissed = run(start(), sug.dismissSuggestedRelations([key])).state;
    expect(suggested(dismissed)).toEqual(['commit funds money', 'commit involves italy']);
    expect(relations(dismissed)).toEqual([]);
  });

  it('follow span changes, and leave out a span deleted or projected', () => {
    const deleted = run(start(), cmd.deleteSpan('money')).state;
    expect(suggested(deleted)).toEqual(['actor commits commit', 'commit involves italy']);
    const projected = EditorState.create({
      doc: docFromText(text),
      plugins: [
        spansPlugin(text, [...SPANS.slice(0, 3), { ...SPANS[3], projected: true }], DEFAULT_LABELS, { docId: 'd' }),
        relationsPlugin([], DEFAULT_RELATION_LABELS),
      ],
    });
    expect(suggested(projected)).toEqual(['actor commits commit', 'commit funds money']);
  });
});
