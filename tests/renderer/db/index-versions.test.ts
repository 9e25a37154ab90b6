// The derived indexes carry the fingerprint of the code that filled them, and
// are rebuilt from the stored texts when today's code would fill them
// differently (a changed word pattern, a changed shingle size).
import { describe, expect, it } from 'vitest';
import { BackgroundIndexer } from '../../../renderer/db/background-index';
import { storeDocuments } from '../../../renderer/db/documents-repo';
import { FIRST_FINGERPRINTS, signaturesFingerprint, termsFingerprint } from '../../../renderer/db/index-fingerprints';
import { ensureIndexVersions } from '../../../renderer/db/index-versions';
import { openWorkbenchDb } from '../../../renderer/db/schema';
import { getSetting, putSetting } from '../../../renderer/db/settings-repo';
import { searchText } from '../../../renderer/db/terms-index';

let n = 0;
async function corpus() {
  const db = openWorkbenchDb(`test-index-versions-${n++}`);
  await storeDocuments(db, [
    { id: 'a', name: 'a.txt', text: 'EU cooperation with Italy on migration.', sha256: 'a', source: 'a.txt' },
    { id: 'b', name: 'b.txt', text: 'The Home Secretary met the minister.', sha256: 'b', source: 'b.txt' },
  ]);
  await new BackgroundIndexer(db).drained();
  return db;
}

describe('derived index versions', () => {
  it("a new database is stamped with today's fingerprints, and nothing is rebuilt", async () => {
    const db = await corpus();
    expect(await getSetting(db, 'termsIndexVersion', '')).toBe(termsFingerprint());
    expect(await getSetting(db, 'signaturesIndexVersion', '')).toBe(signaturesFingerprint());
    await db.terms.put({ term: 'sentinel', batch: 'x', ids: ['a'] });
    expect(await ensureIndexVersions(db)).toEqual([]);
    expect(await db.terms.get(['sentinel', 'x'])).toBeDefined();
  });

  it('rebuilds the search index and the signatures when they were filled by other code', async () => {
    const db = await corpus();
    // What older code might have left: a term form today's code no longer writes, and no signatures.
    await db.terms.clear();
    await db.terms.put({ term: 'co', batch: 'old', ids: ['a'] });
    await db.signatures.clear();
    await putSetting(db, 'termsIndexVersion', '0:older-code');
    await putSetting(db, 'signaturesIndexVersion', '0:older-code');
    expect(await searchText(db, 'cooperation')).toEqual(new Set());
    expect((await ensureIndexVersions(db)).sort()).toEqual(['signaturesIndexVersion', 'termsIndexVersion']);
    expect(await searchText(db, 'cooperation')).toEqual(new Set(['a']));
    expect(await searchText(db, 'secretary')).toEqual(new Set(['b']));
    expect(await db.terms.where('[term+batch]').between(['co', ''], ['co', '\uffff']).count()).toBe(0);
    expect(await db.signatures.count()).toBe(2);
    expect(await getSetting(db, 'termsIndexVersion', '')).toBe(termsFingerprint());
  });

  it('leaves documents still marked unindexed to the background indexer (no index row twice)', async () => {
    const db = await corpus();
    await storeDocuments(db, [
      { id: 'c', name: 'c.txt', text: 'Coastguard cooperation.', sha256: 'c', source: 'c.txt' },
    ]);
    await putSetting(db, 'termsIndexVersion', '0:older-code');
    await putSetting(db, 'signaturesIndexVersion', '0:older-code');
    await ensureIndexVersions(db);
    expect(await db.signatures.count()).toBe(2);
    expect(await db.unindexed.count()).toBe(1);
    await new BackgroundIndexer(db).drained();
    const cooperation = await db.terms
      .where('[term+batch]')
      .between(['cooperation', ''], ['cooperation', '\uffff'])
      .toArray();
    expect(cooperation.flatMap((row) => row.ids).sort()).toEqual(['a', 'c']);
    expect(await db.signatures.count()).toBe(3);
  });

  it("a database from before fingerprints counts as filled by the first release's code", async () => {
    const db = await corpus();
    await db.settings.bulkDelete(['termsIndexVersion', 'signaturesIndexVersion']);
    const expected = [
      termsFingerprint() !== FIRST_FINGERPRINTS.terms && 'termsIndexVersion',
      signaturesFingerprint() !== FIRST_FINGERPRINTS.signatures && 'signaturesIndexVersion',
    ].filter(Boolean);
    expect((await ensureIndexVersions(db)).sort()).toEqual(expected.sort());
  });
});
