// The text search index. Rather than one row per (term, document) — some
// 150 rows for every 2 KB document, 15 million for 100,000 — each stored
// batch writes one posting row per distinct term it holds: { term, batch,
// ids }. A batch of 500 documents shares most of its words, so an import
// writes several times fewer index rows, and a query reads one range of the
// primary key [term+batch] per term.
// Rows are written after their documents are stored (background-index.ts);
// until then a search reads the texts of the documents still unindexed, so a
// document is found exactly when it is stored.
import Dexie from 'dexie';
import { queryTerms, termMatches, termsOf, type QueryTerm } from '../../core/search/terms';
import { unindexedIds } from './background-index';
import type { WorkbenchDb } from './schema';

export { newBatchKey, postingsFor, postingsOfTerms, type TermPosting } from './rows';

/** Ids of documents holding `term` (exactly, or as a prefix). */
async function idsFor(db: WorkbenchDb, term: string, prefix: boolean): Promise<Set<string>> {
  const upper = prefix ? `${term}\uffff` : term;
  const rows = await db.terms
    .where('[term+batch]')
    .between([term, Dexie.minKey], [upper, Dexie.maxKey], true, true)
    .toArray();
  const ids = new Set<string>();
  for (const row of rows) for (const id of row.ids) ids.add(id);
  return ids;
}

/** How a text search runs: word starts, and how many unindexed texts it may read (all by default). */
export interface SearchOptions {
  prefix?: boolean;
  /** Documents still waiting to be indexed whose texts a search reads at most (the oldest first). */
  scanLimit?: number;
  /** Told how many waiting documents were left unsearched past `scanLimit` (0 when none). */
  unsearched?: (count: number) => void;
}

/**
 * Ids of documents whose text holds every word of `query`, each as a whole
 * word, or as a word's start when it ends in `*` or `prefix` is set ("Cooper"
 * finds Cooper, not cooperation); undefined for a query with no words.
 */
export async function searchText(
  db: WorkbenchDb,
  query: string,
  options: SearchOptions = {},
): Promise<Set<string> | undefined> {
  const terms = queryTerms(query, options);
  if (terms.length === 0) return undefined;
  // One transaction: a chunk indexed between the two reads would otherwise be in neither.
  const [sets, unindexed] = await db.transaction('r', [db.terms, db.unindexed, db.texts], () =>
    Promise.all([
      Promise.all(terms.map((t) => idsFor(db, t.key, t.prefix))),
      unindexedMatches(db, terms, options.scanLimit ?? Infinity, options.unsearched),
    ]),
  );
  sets.sort((a, b) => a.size - b.size);
  const [smallest, ...rest] = sets;
  const found = new Set([...smallest].filter((id) => rest.every((s) => s.has(id))));
  for (const id of unindexed) found.add(id);
  return found;
}

/** Texts read at a time when searching documents not yet indexed. */
const SCAN_CHUNK = 200;

/** Documents not yet indexed whose text holds every term (the same terms the index would hold), up to `limit` read. */
async function unindexedMatches(
  db: WorkbenchDb,
  terms: readonly QueryTerm[],
  limit: number,
  unsearched: (count: number) => void = () => {},
): Promise<string[]> {
  const waiting = await unindexedIds(db);
  unsearched(Math.max(0, waiting.length - limit));
  const ids = waiting.length > limit ? waiting.slice(0, limit) : waiting;
  const found: string[] = [];
  for (let i = 0; i < ids.length; i += SCAN_CHUNK) {
    for (const row of await db.texts.bulkGet(ids.slice(i, i + SCAN_CHUNK))) {
      if (!row) continue;
      const keys = termsOf(row.text);
      if (terms.every((term) => keys.some((key) => termMatches(term, key)))) found.push(row.id);
    }
  }
  return found;
}
