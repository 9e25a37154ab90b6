// Applying a batch of main's changes to IndexedDB (fake-indexeddb): new
// documents and their spans land in one transaction with the pulled mark;
// the same batch again writes nothing; a changed span gets a new version; a
// removal deletes; a span whose local change still waits in the outbox is
// left alone; a span whose text does not match, or whose document is not
// here, is a problem in words, and the rest of the batch still lands.
import { describe, expect, it } from 'vitest';
import type { RemoteChange } from '../../../core/sync/couch-docs';
import type { SyncRecord } from '../../../core/sync/couch-records';
import type { SyncPullBatch } from '../../../core/sync/sync-shapes';
import { openWorkbenchDb } from '../../../renderer/db/schema';
import { applyRemoteChanges } from '../../../renderer/db/sync-apply';
import { OUTBOX_TABLE } from '../../../renderer/db/sync-outbox';
import { pulledSeq } from '../../../renderer/db/sync-state';

const SHA = 'b'.repeat(64);
// An astral character first: span offsets on the wire are code points, IndexedDB keeps UTF-16.
const TEXT = '𝒳 Priti Patel met Italy and France.';
let n = 0;

const doc = (): SyncRecord => ({ type: 'document', sha256: SHA, name: 'a.txt', source: 'a.txt', text: TEXT });
const span = (spanId: string, word: string, label = 'actor', sha256 = SHA): SyncRecord => {
  const at = [...TEXT].indexOf(word[0], [...TEXT.slice(0, TEXT.indexOf(word))].length);
  return {
    type: 'span',
    sha256,
    annotator: 'other',
    spanId,
    start: at,
    end: at + [...word].length,
    label,
    text: word,
    note: '',
    createdAt: 1,
    updatedAt: 1,
  };
};
const record = (r: SyncRecord): RemoteChange => ({ kind: 'record', id: `x:${JSON.stringify(r).length}`, record: r });
const batch = (changes: RemoteChange[], last: number): SyncPullBatch => ({ changes, problems: [], last, done: true });

describe('applyRemoteChanges', () => {
  it('stores new documents and spans with the pulled mark, and the same batch again writes nothing', async () => {
    const db = openWorkbenchDb(`test-sync-apply-${n++}`);
    const first = batch([record(doc()), record(span('s1', 'Priti Patel')), record(span('s2', 'Italy', 'country'))], 7);
    const applied = await applyRemoteChanges(db, first, 'me');
    expect(applied.documentsAdded).toBe(1);
    expect(applied.problems).toEqual([]);
    const spans = await db.spans.orderBy('id').toArray();
    expect(spans.map((s) => [s.id, s.text, s.label, s.version, TEXT.slice(s.start, s.end)])).toEqual([
      ['s1', 'Priti Patel', 'actor', 1, 'Priti Patel'],
      ['s2', 'Italy', 'country', 1, 'Italy'],
    ]);
    expect(await pulledSeq(db)).toBe(7);
    const again = await applyRemoteChanges(db, { ...first, last: 8 }, 'me');
    expect(again.touched.size).toBe(0);
    expect((await db.spans.toArray()).map((s) => s.version)).toEqual([1, 1]);
    expect(await pulledSeq(db)).toBe(8);
    db.close();
  });

  it('versions a changed span, deletes a removed one, and leaves one with a waiting local change alone', async () => {
    const db = openWorkbenchDb(`test-sync-apply-${n++}`);
    await applyRemoteChanges(
      db,
      batch(
        [
          record(doc()),
          record(span('s1', 'Priti Patel')),
          record(span('s2', 'Italy', 'country')),
          record(span('s3', 'France', 'country')),
        ],
        1,
      ),
      'me',
    );
    await db.table(OUTBOX_TABLE).put({ key: 'spans|s3', table: 'spans', id: 's3', stamp: 'local' });
    const result = await applyRemoteChanges(
      db,
      batch(
        [
          record(span('s1', 'Priti Patel', 'commitment')),
          { kind: 'removed', id: 'span:…:s2', what: { type: 'span', sha256: SHA, annotator: 'other', key: 's2' } },
          record(span('s3', 'France', 'money')),
        ],
        2,
      ),
      'me',
    );
    expect(result.problems).toEqual([]);
    const spans = await db.spans.orderBy('id').toArray();
    expect(spans.map((s) => [s.id, s.label, s.version])).toEqual([
      ['s1', 'commitment', 2],
      ['s3', 'country', 1], // its local change goes out first; the server's revision tree decides
    ]);
    db.close();
  });

  it('names a span that does not fit its text, or has no document here, and stores the rest', async () => {
    const db = openWorkbenchDb(`test-sync-apply-${n++}`);
    const wrong = { ...span('bad', 'Italy', 'country'), text: 'Spain' } as SyncRecord;
    const result = await applyRemoteChanges(
      db,
      batch(
        [
          record(doc()),
          record(wrong),
          record(span('lost', 'Italy', 'country', 'c'.repeat(64))),
          record(span('ok', 'France', 'country')),
        ],
        3,
      ),
      'me',
    );
    expect(result.problems).toHaveLength(2);
    expect(result.problems[0]).toMatch(/span bad: its text "Spain" is not the document's "Italy"/);
    expect(result.problems[1]).toMatch(/its document is not here/);
    expect((await db.spans.toArray()).map((s) => s.id)).toEqual(['ok']);
    db.close();
  });
});
