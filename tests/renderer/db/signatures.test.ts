import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { BackgroundIndexer } from '../../../renderer/db/background-index';
import { storeDocuments } from '../../../renderer/db/documents-repo';
import { openWorkbenchDb, schemaHistory } from '../../../renderer/db/schema';
import { COMMON_VALUE, similarDocuments } from '../../../renderer/db/signatures';

const SEEDS = path.resolve(import.meta.dirname, '../../../seeds');
const seeds = readdirSync(SEEDS)
  .sort()
  .map((name) => ({
    id: name.slice(0, 3),
    name,
    text: readFileSync(path.join(SEEDS, name), 'utf8'),
    sha256: name,
    source: name,
  }));

describe('similar documents from stored signatures', () => {
  it('leaves out min-hash values very many documents share, and still finds the ones sharing rare values', async () => {
    const db = openWorkbenchDb('test-similar-common');
    const sig = (...values: number[]) => Uint32Array.from(values);
    // 'a' and 'b' share the rare values 7 and 8; every document shares the common value 1.
    const crowd = Array.from({ length: COMMON_VALUE + 5 }, (_, i) => ({
      id: `c${i}`,
      sig: sig(1, 100 + i),
      mins: [1, 100 + i],
    }));
    await db.signatures.bulkPut([
      { id: 'a', sig: sig(1, 7, 8), mins: [1, 7, 8] },
      { id: 'b', sig: sig(1, 7, 8), mins: [1, 7, 8] },
      ...crowd,
    ]);
    const found = await similarDocuments(db, 'a', 3);
    expect(found.map((m) => m.id)).toEqual(['b']); // the crowd shares only the common value: not a candidate
    expect(await similarDocuments(db, 'c0', 3)).toEqual([]);
  });

  it('finds each seed pair as the other half’s top match', async () => {
    const db = openWorkbenchDb('test-similar');
    await storeDocuments(db, seeds);
    await new BackgroundIndexer(db).drained();
    const top = async (id: string) => (await similarDocuments(db, id, 3))[0]?.id;
    expect([await top('000'), await top('001'), await top('002'), await top('004')]).toEqual([
      '001',
      '000',
      '004',
      '002',
    ]);
    const scores = await similarDocuments(db, '000', 5);
    expect(scores.every((m, i) => i === 0 || scores[i - 1].score >= m.score)).toBe(true);
    expect(await similarDocuments(db, 'missing')).toEqual([]);
  });

  it('finds the documents like one still waiting to be indexed, from its text', async () => {
    const db = openWorkbenchDb('test-similar-unindexed');
    await storeDocuments(
      db,
      seeds.filter((s) => s.id !== '001'),
    );
    await new BackgroundIndexer(db).drained();
    await storeDocuments(
      db,
      seeds.filter((s) => s.id === '001'),
    );
    expect(await db.signatures.get('001')).toBeUndefined();
    expect((await similarDocuments(db, '001', 1))[0]?.id).toBe('000');
  });

  it('signs texts stored before version 3 during the upgrade', async () => {
    const old = new Dexie('test-similar-upgrade');
    for (const declare of schemaHistory.slice(0, 2)) declare(old);
    await old.open();
    await old.table('texts').bulkPut(seeds.map(({ id, text }) => ({ id, text })));
    old.close();
    const db = openWorkbenchDb('test-similar-upgrade');
    expect(await db.signatures.count()).toBe(5);
    expect((await similarDocuments(db, '002', 1))[0]?.id).toBe('004');
  });
});
