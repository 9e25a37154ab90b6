import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { estimateJaccard } from '../../../core/align';
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

/** A version of `text` with about `rate` of its words replaced by words of its own (deterministic in `seed`). */
function versionOf(text: string, rate: number, seed: number): string {
  let state = seed * 2654435761;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return text
    .split(' ')
    .map((word) => (next() < rate ? `v${seed}w${Math.floor(next() * 1e6)}` : word))
    .join(' ');
}

describe('similar documents from stored signatures', () => {
  it('counts min-hash values very many documents share only when the rare ones find too few', async () => {
    const db = openWorkbenchDb('test-similar-common');
    const sig = (...values: number[]) => Uint32Array.from(values);
    // 'a' and 'b' share the rare values 7 and 8; every document shares the common value 1.
    const crowd = Array.from({ length: COMMON_VALUE + 5 }, (_, i) => ({
      id: `c${i}`,
      sig: sig(1, 100 + i, 200 + i),
      mins: [1, 100 + i, 200 + i],
    }));
    await db.signatures.bulkPut([
      { id: 'a', sig: sig(1, 7, 8), mins: [1, 7, 8] },
      { id: 'b', sig: sig(1, 7, 8), mins: [1, 7, 8] },
      ...crowd,
    ]);
    expect((await similarDocuments(db, 'a', 1)).map((m) => m.id)).toEqual(['b']); // the rare values were enough
    const three = await similarDocuments(db, 'a', 3);
    expect(three.map((m) => m.score)).toEqual([1, 1 / 3, 1 / 3]); // 'b', then the crowd fills up
    expect(three[0].id).toBe('b');
    const crowdOnly = await similarDocuments(db, 'c0', 3);
    expect(crowdOnly.map((m) => m.score)).toEqual([1 / 3, 1 / 3, 1 / 3]); // nothing rare: the common value's sharers
  });

  it('finds among families of versions what a scan of every signature finds, in a family of 60 near-copies too', async () => {
    const db = openWorkbenchDb('test-similar-families');
    const versions = seeds.flatMap((seed) =>
      [0.02, 0.1, 0.2, 0.3, 0.4].map((rate, v) => ({
        ...seed,
        id: `${seed.id}-v${v}`,
        text: versionOf(seed.text, rate, v + 1),
      })),
    );
    const copies = Array.from({ length: 60 }, (_, i) => ({
      ...seeds[3],
      id: `copy-${String(i).padStart(2, '0')}`,
      text: versionOf(seeds[3].text, 0.01, 100 + i),
    }));
    const stamped = (docs: typeof seeds) => docs.map((d) => ({ ...d, sha256: d.id, source: d.id }));
    await storeDocuments(db, stamped([...seeds, ...versions]));
    await new BackgroundIndexer(db).drained();
    const stored = await db.signatures.toArray();
    expect(stored).toHaveLength(seeds.length + versions.length);
    const scan = (id: string) => {
      const own = stored.find((r) => r.id === id)!;
      return stored
        .filter((r) => r.id !== id)
        .map((r) => ({ id: r.id, score: estimateJaccard(own.sig, r.sig) }))
        .filter((m) => m.score > 0)
        .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1))
        .slice(0, 5);
    };
    for (const doc of [...seeds, ...versions]) {
      const found = await similarDocuments(db, doc.id, 5);
      // Every match a full scan ranks with a tenth or more of the shingles in common, the lookup ranks the same.
      const expected = scan(doc.id).filter((m) => m.score >= 0.1);
      expect(found.slice(0, expected.length), doc.id).toEqual(expected);
    }
    // Every value of a near-copy is shared by the 60 others (common): they are still found.
    await storeDocuments(db, stamped(copies));
    await new BackgroundIndexer(db).drained();
    const ofCopy = await similarDocuments(db, 'copy-07', 5);
    expect(ofCopy).toHaveLength(5);
    expect(ofCopy.every((m) => (m.id === '003' || m.id.startsWith('copy-')) && m.score >= 0.9)).toBe(true);
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
