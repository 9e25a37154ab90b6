// Similar documents at scale: each document's MinHash signature is stored with
// its distinct min-hash values in a multiEntry index. Two documents share a
// value in a slot with probability equal to their Jaccard similarity, so a
// lookup of each of a document's 64 values returns every candidate, once per
// shared value: the tally is the estimate, and the corpus is never scanned.
// Values shared by very many documents are left out (COMMON_VALUE).
// (LSH banding would miss loosely related versions such as seeds 002/004.)
import { estimateJaccard } from '../../core/align';
import { signatureOf, type SignatureRecord } from './rows';
import type { WorkbenchDb } from './schema';

export { signatureOf, signatureOfKeys, type SignatureRecord } from './rows';

export interface SimilarDocument {
  id: string;
  score: number;
}

/** How many top candidates by tally are re-scored exactly from their signatures. */
const RESCORE = 50;

function tally(ids: string[], self: string): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const id of ids) if (id !== self) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1]).slice(0, RESCORE);
}

/**
 * A min-hash value more than this many documents share says little about any of them (as a stop word
 * says little in a search): it is left out of the tally. Rare shared values are what versions of one
 * text have in common. Each value's lookup reads at most this many keys plus one, so a document's 64
 * lookups cost about the same among 3,000 documents as among 100,000; `anyOf` over all values read
 * every document sharing a common value. In `npm run bench` among 3,000 synthetic documents: 174 ms
 * before, 51-68 ms with a cut at 200, 67 ms at 50 (the rest is the 64 requests themselves, made while
 * the opened document's other reads run).
 */
export const COMMON_VALUE = 50;

/** The documents sharing each informative value of `mins`, once per shared value. */
async function sharers(db: WorkbenchDb, mins: readonly number[]): Promise<string[]> {
  const lists = await db.transaction('r', db.signatures, () =>
    Promise.all(
      [...new Set(mins)].map(
        (value) =>
          db.signatures
            .where('mins')
            .equals(value)
            .limit(COMMON_VALUE + 1)
            .primaryKeys() as Promise<string[]>,
      ),
    ),
  );
  return lists.filter((ids) => ids.length <= COMMON_VALUE).flat();
}

/** A document's signature: stored, or worked out from its text while it waits to be indexed. */
async function signatureFor(db: WorkbenchDb, id: string): Promise<SignatureRecord | undefined> {
  const stored = await db.signatures.get(id);
  if (stored) return stored;
  const text = (await db.texts.get(id))?.text;
  return text === undefined ? undefined : signatureOf(id, text);
}

/**
 * The `k` documents most like `id`, best first, by estimated Jaccard similarity of word shingles.
 * Documents still waiting to be indexed (background-index.ts) are found once they are.
 */
export async function similarDocuments(db: WorkbenchDb, id: string, k = 5): Promise<SimilarDocument[]> {
  const own = await signatureFor(db, id);
  if (!own || own.mins.length === 0) return [];
  const top = tally(await sharers(db, own.mins), id);
  const rows = await db.signatures.bulkGet(top.map(([candidate]) => candidate));
  return rows
    .filter((r): r is SignatureRecord => !!r)
    .map((r) => ({ id: r.id, score: estimateJaccard(own.sig, r.sig) }))
    .filter((m) => m.score > 0)
    .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1))
    .slice(0, k);
}
