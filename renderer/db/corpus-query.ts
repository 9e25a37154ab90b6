// Questions about the whole corpus answered from indexes alone, so that with
// 100,000 documents nothing here loads a record or a text: the list order
// and names come from the `name` index, statuses and counts from `status`,
// labels from the spans' [label+docId] index.
import Dexie from 'dexie';
import type { DocStatus, DocumentRecord } from '../../core/model';
import type { WorkbenchDb } from './schema';

export type StatusCounts = Record<DocStatus, number> & { total: number };

/** Every document id, in list order (by name). Reads index keys only. */
export function idsByName(db: WorkbenchDb): Promise<string[]> {
  return db.documents.orderBy('name').primaryKeys();
}

/** Every name, in the same order as idsByName (index keys, no records). */
export async function namesInOrder(db: WorkbenchDb): Promise<string[]> {
  return (await db.documents.orderBy('name').keys()) as string[];
}

export function idsWithStatus(db: WorkbenchDb, status: DocStatus): Promise<string[]> {
  return db.documents.where('status').equals(status).primaryKeys();
}

/** Documents holding at least one span labelled `label`. */
export async function idsWithLabel(db: WorkbenchDb, label: string): Promise<Set<string>> {
  const keys = await db.spans
    .where('[label+docId]')
    .between([label, Dexie.minKey], [label, Dexie.maxKey], true, true)
    .uniqueKeys();
  return new Set(keys.map((k) => (k as unknown as [string, string])[1]));
}

/** Documents in category `category` (the multiEntry `categories` index, schema version 5). */
export function idsWithCategory(db: WorkbenchDb, category: string): Promise<string[]> {
  return db.documents.where('categories').equals(category).primaryKeys();
}

/** Every category some document has, sorted (unique index keys: no record is read). */
export async function allCategories(db: WorkbenchDb): Promise<string[]> {
  return (await db.documents.orderBy('categories').uniqueKeys()).map(String);
}

/** Counts per status from the status index (IndexedDB counts keys; no record is read). */
export async function statusCounts(db: WorkbenchDb): Promise<StatusCounts> {
  const [todo, in_progress, done, total] = await Promise.all([
    db.documents.where('status').equals('todo').count(),
    db.documents.where('status').equals('in_progress').count(),
    db.documents.where('status').equals('done').count(),
    db.documents.count(),
  ]);
  return { todo, in_progress, done, total };
}

/** The records of `ids` that exist, in the order asked. */
export async function recordsOf(db: WorkbenchDb, ids: string[]): Promise<DocumentRecord[]> {
  return (await db.documents.bulkGet(ids)).filter((d): d is DocumentRecord => d !== undefined);
}
