// Main's replica as the renderer reads it (readChanges), on a LevelDB replica
// in a temporary folder: a batch is cut once it carries the text budget, the
// next one starts where it was cut, and the spans of a document sent in an
// earlier batch come with their document again.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncRecord } from '../../../../core/sync/couch-records';
import { LocalStore } from '../../../../main/services/sync/local-store';
import { openPouch } from '../../../../main/services/sync/pouch';
import { spanRecord } from './sync-helpers';

const doc = (i: number): SyncRecord => ({
  type: 'document',
  sha256: String(i).repeat(64),
  name: `${i}.txt`,
  source: `${i}.txt`,
  text: `Priti Patel ${i}`, // 13 characters
});

let store: LocalStore | undefined;
afterEach(async () => store?.db.close());

async function freshStore(): Promise<LocalStore> {
  const dir = await mkdtemp(path.join(tmpdir(), 'seed-local-store-'));
  return (store = new LocalStore(openPouch(path.join(dir, 'replica'))));
}

const names = (batch: Awaited<ReturnType<LocalStore['readChanges']>>) =>
  batch.changes.map((c) =>
    c.kind === 'record' ? `${c.record.type}:${'name' in c.record ? c.record.name : ''}` : c.id,
  );

describe('LocalStore.readChanges', () => {
  it('cuts a batch after its text budget and goes on from the cut', async () => {
    const local = await freshStore();
    await local.writeRecords([doc(1), doc(2), doc(3)], []);
    const first = await local.readChanges(0, 1000, 20);
    // 13 characters, then 26 > 20: the third document waits for the next batch.
    expect(names(first)).toEqual(['document:1.txt', 'document:2.txt']);
    expect(first.done).toBe(false);
    const second = await local.readChanges(first.last, 1000, 20);
    expect(names(second)).toEqual(['document:3.txt']);
    expect(second.done).toBe(true);
    const all = await local.readChanges(0, 1000);
    expect(all.changes).toHaveLength(3);
    expect(all.done).toBe(true);
  });

  it("sends a span's document again with it when the document came in an earlier batch", async () => {
    const local = await freshStore();
    await local.writeRecords([doc(4)], []);
    const first = await local.readChanges(0, 1000);
    await local.writeRecords([spanRecord({ sha256: '4'.repeat(64), text: 'Priti' })], []);
    const second = await local.readChanges(first.last, 1000);
    expect(names(second)).toEqual(['document:4.txt', 'span:']);
  });
});
