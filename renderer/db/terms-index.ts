// The text search index. Rather than one row per (term, document) — some
// 150 rows for every 2 KB document, 15 million for 100,000 — each stored
// batch writes one posting row per distinct term it holds: { term, batch,
// ids }. A batch of 500 documents shares most of its words, so an import
// writes several times fewer index rows, and a query reads one range of the
// primary key [term+batch] per term.
// Rows are written in the transaction that stores their documents, so a
// document is searchable exactly when it is stored (a cancelled import
// leaves no document without its terms and no terms without a document).
import Dexie from 'dexie';
import { queryTerms } from '../../core/search/terms';
import type { WorkbenchDb } from './schema';

export { postingsFor, postingsOfTerms, type TermPosting } from './rows';

/** A key for one storeDocuments call (or upgrade chunk). */
export function newBatchKey(now = Date.now()): string {
  return `${now.toString(36)}-${crypto.randomUUID().slice(0, 8)}`;
}

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

/**
 * Ids of documents whose text holds every word of `query`, each as a whole
 * word, or as a word's start when it ends in `*` or `prefix` is set ("Cooper"
 * finds Cooper, not cooperation); undefined for a query with no words.
 */
export async function searchText(
  db: WorkbenchDb,
  query: string,
  options: { prefix?: boolean } = {},
): Promise<Set<string> | undefined> {
  const terms = queryTerms(query, options);
  if (terms.length === 0) return undefined;
  const sets = (await Promise.all(terms.map((t) => idsFor(db, t.key, t.prefix)))).sort((a, b) => a.size - b.size);
  const [smallest, ...rest] = sets;
  return new Set([...smallest].filter((id) => rest.every((s) => s.has(id))));
}
