// The failed-save policy (RELIABILITY.md, "A failed save"), end to end in
// Node: commands change an EditorState as the pane's view would, the saver
// writes through Dexie on fake-indexeddb, and a DBCore middleware makes one
// write fail. The view and the database must agree afterwards, the
// researcher must be told, and nothing queued behind the failure may write.
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../../core/model';
import { offsetToPos } from '../../../core/text-lines';
import * as cmd from '../../../renderer/annotate/commands';
import { HistoryStore } from '../../../renderer/annotate/history-store';
import { SaveQueue, type SaveState } from '../../../renderer/annotate/save-queue';
import { SpanSaver } from '../../../renderer/annotate/span-saver';
import { storeDocuments } from '../../../renderer/db/documents-repo';
import { openWorkbenchDb, type WorkbenchDb } from '../../../renderer/db/schema';
import { listSpans } from '../../../renderer/db/spans-repo';
import { readOnlyText } from '../../../renderer/editor/read-only';
import { setSpansAction, spansActionOf, spansPlugin, spansState } from '../../../renderer/editor/spans-plugin';
import { docFromText } from '../../../renderer/editor/text-schema';

const text = 'The Home Secretary met Italy’s minister and pledged £84 million.';
let n = 0;

/** A database whose next `failing.writes` span writes fail. */
async function failingDb(): Promise<{ db: WorkbenchDb; failing: { writes: number } }> {
  const failing = { writes: 0 };
  const db = openWorkbenchDb(`test-saver-${n++}`);
  db.use({
    stack: 'dbcore',
    name: 'fail-span-writes',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) =>
            name === 'spans' && failing.writes-- > 0
              ? Promise.reject(new Error('QuotaExceededError: disk full'))
              : table.mutate(req),
        };
      },
    }),
  });
  await storeDocuments(db, [{ id: 'd', name: 'd.txt', text, sha256: 'x', source: 'd.txt' }]);
  return { db, failing };
}

/** What the pane does: holds the state, observes applied span actions, saves them. */
class FakePane {
  state: EditorState;
  readonly histories = new HistoryStore();
  readonly said: string[] = [];
  readonly states: SaveState[] = [];
  readonly queue = new SaveQueue((s) => this.states.push(s));
  readonly saver: SpanSaver;

  constructor(readonly db: WorkbenchDb) {
    this.state = EditorState.create({
      doc: docFromText(text),
      plugins: [readOnlyText(), spansPlugin(text, [], DEFAULT_LABELS, { docId: 'd' })],
    });
    this.saver = new SpanSaver(db, this.queue, this.histories, {
      reloadSpans: async () =>
        this.dispatch(
          setSpansAction(this.state.tr, {
            type: 'reset',
            spans: await listSpans(db, 'd'),
            history: this.histories.get('d'),
          }),
        ),
      reloadRecord: async () => undefined,
      say: (m) => this.said.push(m),
      announce: () => undefined,
    });
  }

  dispatch = (tr: Transaction): void => {
    this.state = this.state.apply(tr);
    const action = spansActionOf(tr);
    if (!action) return;
    this.histories.set('d', spansState(this.state).history);
    if (action.type === 'apply') this.saver.save('d', action.changes);
  };

  tag(needle: string): string {
    const start = text.indexOf(needle);
    const lines = spansState(this.state).lines;
    this.state = this.state.apply(
      this.state.tr.setSelection(
        TextSelection.create(this.state.doc, offsetToPos(lines, start), offsetToPos(lines, start + needle.length)),
      ),
    );
    cmd.tag(DEFAULT_LABELS[0], 'exact')(this.state, this.dispatch);
    return spansState(this.state).selectedId!;
  }

  shown(): string[] {
    return [...spansState(this.state).spans.values()].map((s) => `${s.text}:${s.label}:${s.note}`).sort();
  }
}

const stored = async (db: WorkbenchDb) =>
  (await listSpans(db, 'd')).map((s) => `${s.text}:${s.label}:${s.note}`).sort();

describe('a failed save', () => {
  it('puts the view back on the database, tells the researcher, drops the step from undo, and lets no later write resurrect the span', async () => {
    const { db, failing } = await failingDb();
    const pane = new FakePane(db);
    pane.tag('Home Secretary');
    await pane.queue.idle();
    failing.writes = 1;
    const italy = pane.tag('Italy'); // this add fails…
    cmd.relabel(italy, 'country')(pane.state, pane.dispatch); // …and this update (a put) is queued behind it
    cmd.setNote(italy, 'a note')(pane.state, pane.dispatch);
    await pane.queue.idle();
    await new Promise((resolve) => setTimeout(resolve, 20)); // the recovery reads the database

    expect(await stored(db)).toEqual(['Home Secretary:actor:']);
    expect(pane.shown()).toEqual(await stored(db));
    expect(pane.said.join('\n')).toMatch(/NOT saved.*disk full/);
    expect(pane.states.some((s) => s.error !== undefined)).toBe(true);
    // Undo now undoes the last change that was saved, not the lost one.
    expect(spansState(pane.state).history.done).toHaveLength(1);
    // The queue runs again: a new change is saved.
    pane.tag('£84 million');
    await pane.queue.idle();
    expect(await stored(db)).toEqual(['Home Secretary:actor:', '£84 million:actor:']);
    expect(pane.shown()).toEqual(await stored(db));
    expect(pane.queue.isStopped).toBe(false);
  });
});

describe('the save queue', () => {
  it('stops at a failed write: writes queued behind it do not run until resume()', async () => {
    const ran: string[] = [];
    const queue = new SaveQueue();
    const failed = queue.enqueue(async () => {
      throw new Error('boom');
    });
    const behind = queue.enqueue(async () => {
      ran.push('behind');
    });
    await expect(failed).rejects.toThrow('boom');
    await expect(behind).rejects.toThrow(/earlier change/);
    expect(ran).toEqual([]);
    queue.resume();
    await queue.enqueue(async () => {
      ran.push('after');
    });
    expect(ran).toEqual(['after']);
  });
});
