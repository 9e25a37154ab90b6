// The background indexer writes the search terms and signatures of stored
// documents after their import: held while an import runs, resumable after a
// crash (the mark stays until the rows are written), never writing a row twice.
import { describe, expect, it } from 'vitest';
import type { IncomingDocument } from '../../../core/model';
import {
  BackgroundIndexer,
  deriveHere,
  INDEX_CHUNK,
  type Derive,
  type IndexerState,
} from '../../../renderer/db/background-index';
import { storeDocuments } from '../../../renderer/db/documents-repo';
import { openWorkbenchDb } from '../../../renderer/db/schema';
import { searchText } from '../../../renderer/db/terms-index';

let n = 0;
const freshDb = () => openWorkbenchDb(`test-background-index-${n++}`);
const doc = (i: number, text = `Report ${i} on coastguard budgets, item ${i}`): IncomingDocument => ({
  id: `d${i}`,
  name: `d${i}.txt`,
  text,
  sha256: `sha-${i}`,
  source: `d${i}.txt`,
});
const docs = (count: number) => Array.from({ length: count }, (_, i) => doc(i));

/** How many posting rows name each id for `term`: 1 each when nothing was indexed twice. */
async function postingsPerId(db: ReturnType<typeof freshDb>, term: string): Promise<Map<string, number>> {
  const rows = await db.terms.where('[term+batch]').between([term, ''], [term, '\uffff']).toArray();
  const counts = new Map<string, number>();
  for (const row of rows) for (const id of row.ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

describe('background indexer', () => {
  it('waits while held and indexes once released, in chunks, reporting what is left', async () => {
    const db = freshDb();
    await storeDocuments(db, docs(INDEX_CHUNK + 50));
    const states: IndexerState[] = [];
    const indexer = new BackgroundIndexer(db, deriveHere, (s) => states.push(s));
    const release = indexer.hold();
    indexer.kick();
    await indexer.idle();
    expect(await db.terms.count()).toBe(0);
    release();
    await indexer.drained();
    expect(await db.unindexed.count()).toBe(0);
    expect(await db.signatures.count()).toBe(INDEX_CHUNK + 50);
    expect((await postingsPerId(db, 'coastguard')).size).toBe(INDEX_CHUNK + 50);
    expect([...(await postingsPerId(db, 'coastguard')).values()].every((c) => c === 1)).toBe(true);
    expect(states.map((s) => s.pending)).toEqual([INDEX_CHUNK + 50, 50, 0]);
  });

  it('keeps the mark of what it could not index, says why, and goes on at the next try (a crash mid-way)', async () => {
    const db = freshDb();
    await storeDocuments(db, docs(INDEX_CHUNK + 10));
    let calls = 0;
    const failSecond: Derive = (texts) =>
      ++calls === 2 ? Promise.reject(new Error('worker died')) : deriveHere(texts);
    const states: IndexerState[] = [];
    const first = new BackgroundIndexer(db, failSecond, (s) => states.push(s));
    await expect(first.drained()).rejects.toThrow('worker died');
    expect(states.find((s) => s.error)).toEqual({ pending: 10, error: 'worker died' });
    // After the failure the first chunk is indexed and the rest still marked.
    expect((await db.unindexed.toArray()).flatMap((r) => r.ids)).toHaveLength(10);
    expect(await db.signatures.count()).toBe(INDEX_CHUNK);
    expect(await searchText(db, 'coastguard')).toHaveProperty('size', INDEX_CHUNK + 10); // marked ones too
    await new BackgroundIndexer(db).drained(); // the next start
    expect(await db.unindexed.count()).toBe(0);
    expect(await db.signatures.count()).toBe(INDEX_CHUNK + 10);
    expect([...(await postingsPerId(db, 'coastguard')).values()].every((c) => c === 1)).toBe(true);
  });

  it('two windows indexing the same batch write each row once', async () => {
    const db = freshDb();
    await storeDocuments(db, docs(30));
    const slow: Derive = async (texts) => (await new Promise((r) => setTimeout(r, 20)), deriveHere(texts));
    const a = new BackgroundIndexer(db, slow);
    const b = new BackgroundIndexer(db, slow);
    await Promise.all([a.drained(), b.drained()]);
    const counts = await postingsPerId(db, 'coastguard');
    expect(counts.size).toBe(30);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
  });

  it('once started, indexes what any writer stores later, without being asked', async () => {
    const db = freshDb();
    const indexer = new BackgroundIndexer(db);
    indexer.start();
    await storeDocuments(db, [doc(1, 'Interpol warned the ministers')]);
    for (let i = 0; i < 100 && (await db.unindexed.count()) > 0; i++) await new Promise((r) => setTimeout(r, 20));
    await indexer.idle();
    indexer.stop();
    expect(await db.unindexed.count()).toBe(0);
    expect(await postingsPerId(db, 'interpol')).toEqual(new Map([['d1', 1]]));
  });
});
