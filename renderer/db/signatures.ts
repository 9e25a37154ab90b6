// Similar documents at scale: each document's MinHash signature is stored with
// its distinct min-hash values in a multiEntry index. Two documents share a
// value in a slot with probability equal to their Jaccard similarity, so one
// `anyOf` query over a document's 64 values returns every candidate, once per
// shared value: the tally is the estimate, and the corpus is never scanned.
// (LSH banding would miss loosely related versions such as seeds 002/004.)
import { estimateJaccard } from '../../core/align';
import type { SignatureRecord } from './rows';
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

/** The `k` documents most like `id`, best first, by estimated Jaccard similarity of word shingles. */
export async function similarDocuments(db: WorkbenchDb, id: string, k = 5): Promise<SimilarDocument[]> {
  const own = await db.signatures.get(id);
  if (!own || own.mins.length === 0) return [];
  const hits = (await db.signatures.where('mins').anyOf(own.mins).primaryKeys()) as string[];
  const top = tally(hits, id);
  const rows = await db.signatures.bulkGet(top.map(([candidate]) => candidate));
  return rows
    .filter((r): r is SignatureRecord => !!r)
    .map((r) => ({ id: r.id, score: estimateJaccard(own.sig, r.sig) }))
    .filter((m) => m.score > 0)
    .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1))
    .slice(0, k);
}
