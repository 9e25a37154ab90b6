// A projection's relations wait on its suggestions: accepting the second end
// adds the relation in the same step (one undo takes both back); accepting
// both at once adds it once; a relation already there is not doubled.
import { EditorState, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, type Suggestion } from '../../../core/model';
import { DEFAULT_RELATION_LABELS } from '../../../core/relations/labels';
import * as cmd from '../../../renderer/annotate/commands';
import * as sc from '../../../renderer/annotate/suggestion-commands';
import { readOnlyText } from '../../../renderer/editor/read-only';
import { relationsPlugin, relationsStateOf } from '../../../renderer/editor/relations-plugin';
import { spansPlugin, spansState } from '../../../renderer/editor/spans-plugin';
import { setSuggestions, suggestionsPlugin } from '../../../renderer/editor/suggestions-plugin';
import { docFromText } from '../../../renderer/editor/text-schema';

const text = 'The NCA pledged £5 million to Europol.';
let ids = 0;
const clock: cmd.Clock = { now: () => 1000, newId: () => `id${ids++}` };
const key = (s: { start: number; end: number; label: string }) => `${s.start}:${s.end}:${s.label}`;

function proposal(needle: string, label: string): Suggestion {
  const start = text.indexOf(needle);
  const end = start + needle.length;
  return {
    id: `d:${start}:${end}:${label}`,
    docId: 'd',
    start,
    end,
    label,
    text: needle,
    source: 'projection',
    score: 1,
    createdAt: 1,
    kept: true,
  };
}
const nca = proposal('NCA', 'actor');
const money = proposal('£5 million', 'money');
const link = { label: 'funds', head: key(nca), child: key(money) };
const linked = [
  { ...nca, links: [link] },
  { ...money, note: 'from the release', links: [link] },
];

const start = () =>
  EditorState.create({
    doc: docFromText(text),
    plugins: [
      readOnlyText(),
      spansPlugin(text, [], DEFAULT_LABELS, { docId: 'd' }),
      suggestionsPlugin(linked, []),
      relationsPlugin([], DEFAULT_RELATION_LABELS),
    ],
  });

function run(state: EditorState, command: cmd.Command): EditorState {
  const trs: Transaction[] = [];
  expect(command(state, (tr) => trs.push(tr))).toBe(true);
  return trs.reduce((s, tr) => s.apply(tr), state);
}
const current = (id: string) => (s: EditorState) => s.apply(setSuggestions(s.tr, { type: 'current', id }));
const relations = (s: EditorState) =>
  [...(relationsStateOf(s)?.relations.values() ?? [])].map((r) => {
    const spans = spansState(s).spans;
    return [spans.get(r.head)?.text, r.label, spans.get(r.child)?.text];
  });

describe('relations waiting on projected suggestions', () => {
  it('come with the acceptance of their second end, in the same undo step', () => {
    const first = run(current(linked[0].id)(start()), sc.acceptSuggestion(clock));
    expect(relations(first)).toEqual([]); // the other end is not a span yet
    const second = run(current(linked[1].id)(first), sc.acceptSuggestion(clock));
    expect(relations(second)).toEqual([['NCA', 'funds', '£5 million']]);
    expect([...spansState(second).spans.values()].find((s) => s.label === 'money')?.note).toBe('from the release');
    const undone = run(second, cmd.undo());
    expect(relations(undone)).toEqual([]);
    expect(spansState(undone).spans.size).toBe(1);
  });

  it('come once when both ends are accepted together, and go with the same undo', () => {
    const both = run(
      start(),
      sc.acceptWhere((s) => s.source === 'projection', clock),
    );
    expect(relations(both)).toEqual([['NCA', 'funds', '£5 million']]);
    const again = run(both, cmd.undo());
    expect(relations(again)).toEqual([]);
  });
});
