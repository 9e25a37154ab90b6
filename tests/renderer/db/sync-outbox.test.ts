// The outbox notes every write in the write's own transaction once sync is on,
// never a change that came from the server, and turns into CouchDB records.
import { describe, expect, it } from 'vitest';
import type { Span } from '../../../core/model';
import { storeDocuments } from '../../../renderer/db/documents-repo';
import { deleteLabel } from '../../../renderer/db/labels-repo';
import { openWorkbenchDb } from '../../../renderer/db/schema';
import type { WorkbenchDb } from '../../../renderer/db/schema';
import { writeSpanChanges } from '../../../renderer/db/spans-repo';
import { applyRemoteChanges } from '../../../renderer/db/sync-apply';
import {
  countOutbox,
  notesWritten,
  noteSyncedWrites,
  readOutbox as readNotes,
  settleOutbox,
} from '../../../renderer/db/sync-outbox';

/** Notes are written once their write has committed: wait for them, then read. */
async function readOutbox(d: WorkbenchDb, limit: number) {
  await notesWritten();
  return readNotes(d, limit);
}
import { payloadFor } from '../../../renderer/db/sync-records';
import {
  enrollAndBackfill,
  localAnnotator,
  markNotedThrough,
  pulledSeq,
  sweepRecent,
  SWEEP_MARGIN_MS,
} from '../../../renderer/db/sync-state';

const TEXT = 'The Home Secretary pledged £5 million.';
const SHA = 'd'.repeat(64);
let n = 0;
async function db() {
  const d = openWorkbenchDb(`test-sync-${n++}`);
  noteSyncedWrites(d);
  await storeDocuments(d, [{ id: 'd', name: 'd.txt', text: TEXT, sha256: SHA, source: 'd.txt' }]);
  return d;
}
const span = (id: string, start: number, end: number, over: Partial<Span> = {}): Span => ({
  id,
  docId: 'd',
  start,
  end,
  label: 'actor',
  text: TEXT.slice(start, end),
  note: '',
  createdAt: 1,
  updatedAt: 1,
  version: 1,
  ...over,
});

describe('sync outbox', () => {
  it('notes nothing until sync is on, then every stored record and every write', async () => {
    const d = await db();
    await writeSpanChanges(d, 'd', [{ kind: 'add', span: span('a', 4, 18) }]);
    await notesWritten();
    expect(await countOutbox(d)).toBe(0);
    await enrollAndBackfill(d);
    const keys = (await readOutbox(d, 100)).map((e) => e.key).sort();
    expect(keys).toEqual([
      'documents|d',
      'labels|actor',
      'labels|commitment',
      'labels|country',
      'labels|money',
      'spans|a',
    ]);
    await settleOutbox(d, await readOutbox(d, 100));
    expect(await countOutbox(d)).toBe(0);
    await writeSpanChanges(d, 'd', [{ kind: 'remove', span: span('a', 4, 18) }]);
    const noted = await readOutbox(d, 100);
    expect(noted.map((e) => e.key).sort()).toEqual(['documents|d', 'spans|a']);
    // A removal is noted by id alone (no read in the write's transaction); main finds the record by it.
    const payload = await payloadFor(d, noted, await localAnnotator(d));
    expect(payload.removedKeys).toEqual([{ type: 'span', key: 'a' }]);
  });

  it('notes again, at the next start, what changed since the last mark: a crash may have lost those notes', async () => {
    const d = await db();
    await enrollAndBackfill(d);
    await settleOutbox(d, await readOutbox(d, 100));
    const mark = 1_000_000_000;
    await markNotedThrough(d, mark);
    await writeSpanChanges(d, 'd', [
      { kind: 'add', span: span('lost', 4, 18, { updatedAt: mark - 5 }) }, // inside the margin
      { kind: 'add', span: span('old', 19, 26, { updatedAt: mark - SWEEP_MARGIN_MS - 1 }) },
    ]);
    // The crash: both writes stored, their notes never written.
    await settleOutbox(d, await readOutbox(d, 100));
    expect(await countOutbox(d)).toBe(0);
    await sweepRecent(d);
    const keys = (await readOutbox(d, 100)).map((e) => e.key);
    expect(keys).toContain('spans|lost');
    expect(keys).not.toContain('spans|old');
    expect(keys.filter((k) => k.startsWith('labels|'))).toHaveLength(4); // labels carry no time: all of them
  });

  it('turns notes into records and removals, the local annotator’s only', async () => {
    const d = await db();
    await enrollAndBackfill(d);
    const me = await localAnnotator(d);
    expect(me).toMatch(/^annotator-[0-9a-f]{8}$/);
    expect(await localAnnotator(d)).toBe(me); // stable for the profile
    await writeSpanChanges(d, 'd', [
      { kind: 'add', span: span('mine', 4, 18) },
      { kind: 'add', span: span('theirs', 27, 37, { annotator: 'bob' }) },
    ]);
    await deleteLabel(d, 'commitment');
    const payload = await payloadFor(d, await readOutbox(d, 100), me);
    const types = payload.records.map((r) => r.type).sort();
    expect(types).toEqual(['document', 'label', 'label', 'label', 'span', 'state']);
    expect(payload.records.find((r) => r.type === 'span')).toMatchObject({ spanId: 'mine', annotator: me });
    expect(payload.removed).toEqual(['label:commitment']);
    expect(payload.skipped).toBe(1); // bob's span is bob's to send
  });

  it('keeps a note written again while it was being sent', async () => {
    const d = await db();
    await enrollAndBackfill(d);
    await writeSpanChanges(d, 'd', [{ kind: 'add', span: span('a', 4, 18) }]);
    const sent = await readOutbox(d, 100);
    await writeSpanChanges(d, 'd', [
      { kind: 'update', before: span('a', 4, 18, { version: 1 }), after: span('a', 4, 18, { label: 'money' }) },
    ]);
    await settleOutbox(d, sent);
    // The span and its document (recounted) were noted again; the labels, unchanged since, are settled.
    expect((await readOutbox(d, 100)).map((e) => e.key).sort()).toEqual(['documents|d', 'spans|a']);
  });

  it('applies the server’s changes without noting them, and leaves a record with an unsent change alone', async () => {
    const d = await db();
    await enrollAndBackfill(d);
    await settleOutbox(d, await readOutbox(d, 100));
    const bobs = {
      type: 'span' as const,
      sha256: SHA,
      annotator: 'bob',
      spanId: 'b1',
      start: 27,
      end: 37,
      label: 'money',
      text: '£5 million',
      note: '',
      createdAt: 1,
      updatedAt: 1,
    };
    const result = await applyRemoteChanges(
      d,
      { changes: [{ kind: 'record', id: 'x', record: bobs }], problems: [], last: 7, done: true },
      'me',
    );
    expect(result.touched).toEqual(new Set(['d']));
    expect(await d.spans.get('b1')).toMatchObject({ annotator: 'bob', start: 27, end: 37 });
    expect((await d.documents.get('d'))?.spanCount).toBe(1);
    await notesWritten();
    expect(await countOutbox(d)).toBe(0);
    expect(await pulledSeq(d)).toBe(7);
    // A local edit not yet sent wins over the server's older copy until it is sent.
    await writeSpanChanges(d, 'd', [
      { kind: 'update', before: (await d.spans.get('b1'))!, after: { ...(await d.spans.get('b1'))!, note: 'mine' } },
    ]);
    await applyRemoteChanges(
      d,
      { changes: [{ kind: 'record', id: 'x', record: { ...bobs, note: 'old' } }], problems: [], last: 8, done: true },
      'me',
    );
    expect((await d.spans.get('b1'))?.note).toBe('mine');
  });

  it('reports a span whose text is not the document’s and stores nothing of it', async () => {
    const d = await db();
    const bad = {
      type: 'span' as const,
      sha256: SHA,
      annotator: 'bob',
      spanId: 'b2',
      start: 0,
      end: 3,
      label: 'actor',
      text: 'XYZ',
      note: '',
      createdAt: 1,
      updatedAt: 1,
    };
    const result = await applyRemoteChanges(
      d,
      { changes: [{ kind: 'record', id: 'span:x', record: bad }], problems: [], last: 1, done: true },
      'me',
    );
    expect(result.problems[0]).toMatch(/span:x: span b2: its text "XYZ" is not the document's "The"/);
    expect(await d.spans.get('b2')).toBeUndefined();
  });
});
