// The search index and the similarity signatures are derived from the texts
// by code (core/search/terms, core/align/minhash). Rows written by older code
// stay in the older form unless something notices: each index's fingerprint
// is kept in settings, and an index whose fingerprint differs from what
// today's code gives is rebuilt from the stored texts.
//
// (The fingerprints themselves: index-fingerprints.ts.)
import { unindexedIds } from './background-index';
import { FIRST_FINGERPRINTS, signaturesFingerprint, termsFingerprint } from './index-fingerprints';
import { newBatchKey, postingsFor, signatureOf, type SettingKey } from './rows';
import type { WorkbenchDb } from './schema';
import { getSetting, putSetting } from './settings-repo';
import { UPGRADE_CHUNK } from './upgrades';

/** The stored texts a chunk at a time, but those still marked unindexed: the background indexer writes theirs. */
async function eachTextChunk(
  db: WorkbenchDb,
  visit: (rows: Array<{ id: string; text: string }>) => Promise<void>,
): Promise<void> {
  const unindexed = new Set(await unindexedIds(db));
  const ids = ((await db.texts.toCollection().primaryKeys()) as string[]).filter((id) => !unindexed.has(id));
  for (let i = 0; i < ids.length; i += UPGRADE_CHUNK) {
    const rows = await db.texts.bulkGet(ids.slice(i, i + UPGRADE_CHUNK));
    await visit(rows.filter((r): r is { id: string; text: string } => !!r));
  }
}

async function rebuildTerms(db: WorkbenchDb): Promise<void> {
  await db.terms.clear();
  await eachTextChunk(db, (rows) => db.terms.bulkPut(postingsFor(rows, newBatchKey())).then(() => undefined));
}

async function rebuildSignatures(db: WorkbenchDb): Promise<void> {
  await db.signatures.clear();
  await eachTextChunk(db, (rows) =>
    db.signatures.bulkPut(rows.map((r) => signatureOf(r.id, r.text))).then(() => undefined),
  );
}

/**
 * Rebuilds each derived index whose fingerprint is not today's; returns the
 * settings keys of those rebuilt. A database that never stored a fingerprint
 * was filled by the code of the first release (FIRST_FINGERPRINTS).
 */
export async function ensureIndexVersions(
  db: WorkbenchDb,
  initial = FIRST_FINGERPRINTS,
  onRebuild: (what: string) => void = () => {},
): Promise<string[]> {
  const rebuilt: string[] = [];
  const check = async (
    key: SettingKey & ('termsIndexVersion' | 'signaturesIndexVersion'),
    current: string,
    stored: string,
    rebuild: () => Promise<void>,
  ) => {
    if ((await getSetting(db, key, stored)) === current) return;
    onRebuild(key === 'termsIndexVersion' ? 'the text search index' : 'the similar-documents index');
    // One transaction: a crash mid-rebuild leaves the old index and the old fingerprint, so the next start rebuilds again.
    await db.transaction('rw', [db.texts, db.terms, db.signatures, db.settings, db.unindexed], async () => {
      await rebuild();
      await putSetting(db, key, current);
    });
    rebuilt.push(key);
  };
  await check('termsIndexVersion', termsFingerprint(), initial.terms, () => rebuildTerms(db));
  await check('signaturesIndexVersion', signaturesFingerprint(), initial.signatures, () => rebuildSignatures(db));
  return rebuilt;
}
