// The suggestion layer and its commands on a plain EditorState, in Node:
// accepting adds a span and rejecting records a rejection, each in ONE
// transaction that is one undo step; the layer hides what is accepted or
// rejected and shows it again when that step is undone.
import { EditorState, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, type Suggestion } from '../../../core/model';
import * as cmd from '../../../renderer/annotate/commands';
import * as sc from '../../../renderer/annotate/suggestion-commands';
import { readOnlyText } from '../../../renderer/editor/read-only';
import { spansActionOf, spansPlugin, spansState } from '../../../renderer/editor/spans-plugin';
import { setSuggestions, suggestionsPlugin, suggestionsState } from '../../../renderer/editor/suggestions-plugin';
import { docFromText } from '../../../renderer/editor/text-schema';

const text = 'Interpol met Interpol.\nThe NCA and Interpol pledged £5 million.';
let ids = 0;
const clock: cmd.Clock = { now: () => 1000, newId: () => `s${ids++}` };

const suggestion = (needle: string, nth: number, label: string): Suggestion => {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  return {
    id: `d:${at}:${at + needle.length}:${label}`,
    docId: 'd',
    start: at,
    end: at + needle.length,
    label,
    text: needle,
    source: 'occurrences',
    score: 0.8,
    createdAt: 1,
  };
};
const all = [
  suggestion('Interpol', 0, 'actor'),
  suggestion('Interpol', 1, 'actor'),
  suggestion('Interpol', 2, 'actor'),
  suggestion('£5 million', 0, 'money'),
];

function start(rejected: Suggestion[] = []): EditorState {
  return EditorState.create({
    doc: docFromText(text),
    plugins: [readOnlyText(), spansPlugin(text, [], DEFAULT_LABELS, { docId: 'd' }), suggestionsPlugin(all, rejected)],
  });
}

function run(state: EditorState, command: cmd.Command): { state: EditorState; trs: Transaction[]; ok: boolean } {
  const trs: Transaction[] = [];
  const ok = command(state, (tr) => trs.push(tr));
  return { state: trs.reduce((s, tr) => s.apply(tr), state), trs, ok };
}

const current = (id: string) => (s: EditorState) => s.apply(setSuggestions(s.tr, { type: 'current', id }));
const shownIds = (s: EditorState) => suggestionsState(s).shown.map((x) => x.id);

describe('suggestion layer and commands', () => {
  it('shows stored suggestions less stored rejections; draws only outlines with their label', () => {
    const s = start([all[1]]);
    expect(shownIds(s)).toEqual([all[0].id, all[2].id, all[3].id]);
    const decos = suggestionsState(s).decorations.find();
    expect(decos.filter((d) => (d.spec as { suggestionId?: string }).suggestionId === all[0].id)).toHaveLength(1);
    const tags = decos.filter((d) => (d.spec as { suggestionIds?: string[] }).suggestionIds);
    expect(tags.map((d) => [d.from, (d.spec as { suggestionIds: string[] }).suggestionIds])).toEqual(
      [all[0], all[2], all[3]].map((x) => [expect.any(Number), [x.id]]),
    );
  });

  it('draws one label tag for suggestions that end together, naming each label once', () => {
    const pledge = { ...suggestion('pledged £5 million', 0, 'commitment'), id: 'pledge' };
    const s = EditorState.create({
      doc: docFromText(text),
      plugins: [
        readOnlyText(),
        spansPlugin(text, [], DEFAULT_LABELS, { docId: 'd' }),
        suggestionsPlugin([all[3], pledge]),
      ],
    });
    const tags = suggestionsState(s)
      .decorations.find()
      .filter((d) => (d.spec as { suggestionIds?: string[] }).suggestionIds);
    expect(tags).toHaveLength(1);
    expect(new Set((tags[0].spec as { suggestionIds: string[] }).suggestionIds)).toEqual(
      new Set([all[3].id, 'pledge']),
    );
  });

  it('accept: one transaction adds the span, hides the suggestion, moves to the next; undo shows it again', () => {
    const s0 = current(all[1].id)(start());
    const { state, trs } = run(s0, sc.acceptSuggestion(clock));
    expect(trs).toHaveLength(1);
    const action = spansActionOf(trs[0]);
    expect(action?.type === 'apply' && action.changes).toEqual([
      {
        kind: 'add',
        span: expect.objectContaining({ start: all[1].start, end: all[1].end, label: 'actor', text: 'Interpol' }),
      },
    ]);
    expect(shownIds(state)).toEqual([all[0].id, all[2].id, all[3].id]);
    expect(suggestionsState(state).currentId).toBe(all[2].id);
    expect(spansState(state).history.done).toHaveLength(1);
    const undone = run(state, cmd.undo(clock)).state;
    expect(spansState(undone).spans.size).toBe(0);
    expect(shownIds(undone)).toEqual(all.map((x) => x.id));
  });

  it('reject: one step recording the rejection; undo and redo take it back and forth', () => {
    const s0 = current(all[0].id)(start());
    const { state, trs } = run(s0, sc.rejectSuggestion(clock));
    expect(trs).toHaveLength(1);
    const action = spansActionOf(trs[0]);
    expect(action?.type === 'apply' && action.changes).toEqual([
      {
        kind: 'reject',
        rejection: {
          docId: 'd',
          start: 0,
          end: 8,
          label: 'actor',
          text: 'Interpol',
          source: 'occurrences',
          rejectedAt: 1000,
        },
      },
    ]);
    expect(spansState(state).spans.size).toBe(0);
    expect(shownIds(state)).not.toContain(all[0].id);
    const undone = run(state, cmd.undo(clock)).state;
    expect(shownIds(undone)).toContain(all[0].id);
    const redone = run(undone, cmd.redo(clock)).state;
    expect(shownIds(redone)).not.toContain(all[0].id);
  });

  it('fresh results keep suggestions rejected here known, so undoing the rejection still shows them', () => {
    const rejected = run(current(all[0].id)(start()), sc.rejectSuggestion(clock)).state;
    const refreshed = run(rejected, sc.showSuggestions(all.slice(1))).state; // the worker leaves rejected ones out
    expect(shownIds(refreshed)).toEqual(all.slice(1).map((x) => x.id));
    expect(shownIds(run(refreshed, cmd.undo(clock)).state)).toContain(all[0].id);
  });

  it('accept all of a label is one step; J/K step in reading order from the caret, wrapping', () => {
    const { state } = run(start(), sc.acceptAllOfLabel('actor', clock));
    expect(spansState(state).spans.size).toBe(3);
    expect(spansState(state).history.done).toHaveLength(1);
    expect(shownIds(state)).toEqual([all[3].id]);

    let s = start();
    const order: string[] = [];
    for (let i = 0; i < 5; i++) {
      s = run(s, sc.stepSuggestion(1)).state;
      order.push(suggestionsState(s).currentId!);
    }
    expect(order).toEqual([...all.map((x) => x.id), all[0].id]);
    s = run(s, sc.stepSuggestion(-1)).state;
    expect(suggestionsState(s).currentId).toBe(all[3].id);
  });

  it('a span of the same label covering a suggestion hides it; another label does not', () => {
    const s0 = start();
    const spanAt = (x: Suggestion, label: string) => ({
      ...x,
      id: `span-${label}`,
      label,
      note: '',
      version: 1,
      updatedAt: 1,
    });
    const tagged = run(
      s0,
      cmd.applyStep([
        { kind: 'add', span: spanAt(all[2], 'country') },
        { kind: 'add', span: { ...spanAt(all[3], 'money'), start: all[3].start - 1 } },
      ]),
    ).state;
    expect(shownIds(tagged)).toEqual([all[0].id, all[1].id, all[2].id]);
  });
});
