// Similar documents at scale: each document's MinHash signature is stored with
// its distinct min-hash values in a multiEntry index. Two documents share a
// value in a slot with probability equal to their Jaccard similarity, so a
// lookup of a document's values returns every candidate, once per shared
// value: the tally ranks them, the stored signatures score the best exactly,
// and the corpus is never scanned. Values shared by very many documents are
// read only as far as COMMON_VALUE and counted only when the rare ones find
// too little (a family of many near-copies shares nothing rare).
// (LSH banding would miss loosely related versions such as seeds 002/004.)
import { EMPTY_SLOT, estimateJaccard } from '../../core/align';
import { signatureOf, type SignatureRecord } from './rows';
import type { WorkbenchDb } from './schema';

export { signatureOf, signatureOfKeys, type SignatureRecord } from './rows';

export interface SimilarDocument {
  id: string;
  score: number;
}

/** How many top candidates by tally are re-scored exactly from their signatures. */
const RESCORE = 50;

/**
 * A min-hash value more than this many documents share says little about any of them (as a stop word
 * says little in a search): its sharers are counted only when the rare values find fewer than the
 * documents asked for. Each value's lookup reads at most this many keys plus one, so a lookup costs
 * about the same among 3,000 documents as among 100,000; `anyOf` over all values read every document
 * sharing a common value (174 ms among 3,000 synthetic documents, against 51-68 ms with this cut).
 */
export const COMMON_VALUE = 50;

/**
 * Only the values of the first LOOKUP_SLOTS of the 64 slots are looked up; the exact score still uses
 * all 64. A document sharing a tenth of its shingles shares none of 32 slots with probability
 * 0.9^32 = 3%, and at 15% (seeds 002/004) 0.5%; signatures.test.ts checks the lookup against a
 * full scan on families of versions. Half the lookups read half the keys: among 100,000 synthetic
 * documents, where most values reach COMMON_VALUE, 17-20 ms of raw IndexedDB reads instead of 33-39.
 */
export const LOOKUP_SLOTS = 32;

function tally(ids: readonly string[], skip: ReadonlySet<string>): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const id of ids) if (!skip.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1]).slice(0, RESCORE);
}

/** The documents sharing each looked-up value, once per shared value: rare values' sharers apart from common ones'. */
async function sharers(db: WorkbenchDb, values: readonly number[]): Promise<{ rare: string[]; common: string[] }> {
  const lists = await db.transaction('r', db.signatures, () =>
    Promise.all(
      values.map(
        (value) =>
          db.signatures
            .where('mins')
            .equals(value)
            .limit(COMMON_VALUE + 1)
            .primaryKeys() as Promise<string[]>,
      ),
    ),
  );
  return {
    rare: lists.filter((ids) => ids.length <= COMMON_VALUE).flat(),
    common: lists.filter((ids) => ids.length > COMMON_VALUE).flat(),
  };
}

/** The candidates to score exactly: by rare values first; common values' sharers fill up when those are fewer than `k`. */
function candidates(found: { rare: string[]; common: string[] }, self: string, k: number): string[] {
  const top = tally(found.rare, new Set([self])).map(([id]) => id);
  if (top.length >= k) return top;
  const more = tally(found.common, new Set([self, ...top])).map(([id]) => id);
  return [...top, ...more].slice(0, RESCORE);
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
  if (!own) return [];
  const values = [...new Set(Array.from(own.sig).slice(0, LOOKUP_SLOTS))].filter((v) => v !== EMPTY_SLOT);
  if (values.length === 0) return [];
  const rows = await db.signatures.bulkGet(candidates(await sharers(db, values), id, k));
  return rows
    .filter((r): r is SignatureRecord => !!r)
    .map((r) => ({ id: r.id, score: estimateJaccard(own.sig, r.sig) }))
    .filter((m) => m.score > 0)
    .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1))
    .slice(0, k);
}
