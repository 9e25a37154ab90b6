// The text search index. Rather than one row per (term, document) — some
// 150 rows for every 2 KB document, 15 million for 100,000 — each stored
// batch writes one posting row per distinct term it holds: { term, batch,
// ids }. A batch of 500 documents shares most of its words, so an import
// writes several times fewer index rows, and a query reads one range of the
// primary key [term+batch] per term.
// Rows are written in the transaction that stores their documents, so a
// document is searchable exactly when it is stored (a cancelled import
// leaves no document without its terms and no terms without a document).
import Dexie, { type Transaction } from 'dexie';
import { queryTerms, termsOf } from '../../core/search/terms';
import type { WorkbenchDb } from './schema';

export interface TermPosting {
  term: string;
  /** Which stored batch these ids came from: keeps the key unique. */
  batch: string;
  ids: string[];
}

/** A key for one storeDocuments call (or upgrade chunk). */
export function newBatchKey(now = Date.now()): string {
  return `${now.toString(36)}-${crypto.randomUUID().slice(0, 8)}`;
}

/** One posting row per distinct term of `docs`. */
export function postingsFor(docs: ReadonlyArray<{ id: string; text: string }>, batch: string): TermPosting[] {
  return postingsOfTerms(docs.map((d) => d.id), docs.map((d) => termsOf(d.text)), batch);
}

/** The same from each document's terms already at hand (`terms[i]` are those of `ids[i]`). */
export function postingsOfTerms(ids: readonly string[], terms: ReadonlyArray<readonly string[]>, batch: string): TermPosting[] {
  const byTerm = new Map<string, string[]>();
  ids.forEach((id, i) => {
    for (const term of terms[i]) {
      const list = byTerm.get(term);
      if (list) list.push(id);
      else byTerm.set(term, [id]);
    }
  });
  return [...byTerm].map(([term, list]) => ({ term, batch, ids: list }));
}

const UPGRADE_CHUNK = 500;

/** Schema version 2's upgrade: indexes every text stored by version 1, 500 at a time. */
export async function indexExistingTexts(tx: Transaction): Promise<void> {
  const postings: TermPosting[] = [];
  let chunk: Array<{ id: string; text: string }> = [];
  let n = 0;
  const flush = () => {
    postings.push(...postingsFor(chunk, `v2-upgrade-${n++}`));
    chunk = [];
  };
  await tx.table('texts').each((t: { id: string; text: string }) => {
    chunk.push(t);
    if (chunk.length >= UPGRADE_CHUNK) flush();
  });
  if (chunk.length > 0) flush();
  await tx.table('terms').bulkPut(postings);
}

/** Ids of documents holding `term` (exactly, or as a prefix). */
async function idsFor(db: WorkbenchDb, term: string, prefix: boolean): Promise<Set<string>> {
  const upper = prefix ? `${term}\uffff` : term;
  const rows = await db.terms.where('[term+batch]').between([term, Dexie.minKey], [upper, Dexie.maxKey], true, true).toArray();
  const ids = new Set<string>();
  for (const row of rows) for (const id of row.ids) ids.add(id);
  return ids;
}

/**
 * Ids of documents whose text holds every word of `query` (the last word
 * as a prefix while still being typed); undefined for a query with no words.
 */
export async function searchText(db: WorkbenchDb, query: string): Promise<Set<string> | undefined> {
  const { whole, prefix } = queryTerms(query);
  const lookups = whole.map((t) => idsFor(db, t, false));
  if (prefix !== undefined) lookups.push(idsFor(db, prefix, true));
  if (lookups.length === 0) return undefined;
  const sets = (await Promise.all(lookups)).sort((a, b) => a.size - b.size);
  const [smallest, ...rest] = sets;
  return new Set([...smallest].filter((id) => rest.every((s) => s.has(id))));
}
