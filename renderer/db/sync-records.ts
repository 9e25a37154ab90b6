// What the outbox's notes mean as CouchDB records: each noted row read as it
// is now (many edits of one span send its last state once), a row that is
// gone as a removal. Only the local annotator's spans, relations and document
// states are sent; another annotator's, pulled from the server, are theirs to write.
import type { DocumentRecord, Label, Relation, Span } from '../../core/model';
import {
  documentToRecord,
  labelToRecord,
  relationToRecord,
  spanToRecord,
  stateToRecord,
} from '../../core/sync/app-records';
import { couchId, type SyncRecord } from '../../core/sync/couch-records';
import type { WorkbenchDb } from './schema';
import type { OutboxEntry } from './sync-outbox';

export interface PushPayload {
  records: SyncRecord[];
  removed: string[];
  /** Removals noted without their document: main finds the local annotator's record by the span's or relation's id. */
  removedKeys: Array<{ type: 'span' | 'relation'; key: string }>;
  /** Notes that need nothing sent (another annotator's rows, a document gone). */
  skipped: number;
  problems: string[];
}

export const hasTable = (db: WorkbenchDb, name: string) => db.tables.some((t) => t.name === name);

/** Each document's sha256 and text, read once per payload. */
function docCache(db: WorkbenchDb) {
  const cache = new Map<string, Promise<{ doc?: DocumentRecord; text?: string }>>();
  return (id: string) => {
    let hit = cache.get(id);
    if (!hit) {
      hit = Promise.all([db.documents.get(id), db.texts.get(id)]).then(([doc, text]) => ({ doc, text: text?.text }));
      cache.set(id, hit);
    }
    return hit;
  };
}

export async function payloadFor(
  db: WorkbenchDb,
  entries: readonly OutboxEntry[],
  annotator: string,
): Promise<PushPayload> {
  const out: PushPayload = { records: [], removed: [], removedKeys: [], skipped: 0, problems: [] };
  const docOf = docCache(db);
  const mine = (who: string | undefined) => (who ?? annotator) === annotator;
  for (const entry of entries) {
    if (entry.table === 'documents') {
      const { doc, text } = await docOf(entry.id);
      if (!doc || text === undefined) out.skipped++;
      else out.records.push(documentToRecord(doc, text), stateToRecord(doc, annotator));
    } else if (entry.table === 'labels') {
      const label = (await db.labels.get(entry.id)) as Label | undefined;
      if (label) out.records.push(labelToRecord(label));
      else out.removed.push(couchId.label(entry.id));
    } else {
      const row = (await db.table(entry.table).get(entry.id)) as (Span & Relation) | undefined;
      const type = entry.table === 'spans' ? 'span' : 'relation';
      if (!row && !entry.docId) {
        out.removedKeys.push({ type, key: entry.id });
        continue;
      }
      const docId = row?.docId ?? entry.docId;
      const who = row ? row.annotator : entry.annotator;
      const { doc, text } = docId ? await docOf(docId) : {};
      if (!mine(who) || !doc || text === undefined) {
        out.skipped++;
        continue;
      }
      if (!row) {
        const id = entry.table === 'spans' ? couchId.span : couchId.relation;
        out.removed.push(id(doc.sha256, annotator, entry.id));
      } else if (entry.table === 'spans') {
        try {
          out.records.push(spanToRecord(row, doc.sha256, text, annotator));
        } catch (error) {
          out.problems.push(`span ${row.id} of ${doc.name}: ${(error as Error).message}`);
        }
      } else {
        out.records.push(relationToRecord(row, doc.sha256, annotator));
      }
    }
  }
  return out;
}

/**
 * Notes every record already stored, a chunk at a time: what switching sync on sends first. With `since`,
 * only documents, spans and relations changed at or after it (by `updatedAt`), and every label (labels
 * carry no time; there are few): what a start after a crash sends again (sync-state.ts sweepRecent).
 */
export async function everyRecordKey(
  db: WorkbenchDb,
  each: (rows: Array<Pick<OutboxEntry, 'table' | 'id' | 'docId' | 'annotator'>>) => Promise<void>,
  chunk = 2000,
  since?: number,
): Promise<void> {
  const recent = (r: { updatedAt?: number }) => since === undefined || (r.updatedAt ?? 0) >= since;
  for (const table of ['labels', 'documents', 'spans', 'relations'] as const) {
    if (!hasTable(db, table)) continue;
    const keys = (await db.table(table).toCollection().primaryKeys()) as string[];
    for (let i = 0; i < keys.length; i += chunk) {
      const part = keys.slice(i, i + chunk);
      if (table === 'spans' || table === 'relations') {
        const rows = (await db.table(table).bulkGet(part)) as Array<Span | undefined>;
        await each(
          rows
            .filter((r): r is Span => r !== undefined && recent(r))
            .map((r) => ({ table, id: r.id, docId: r.docId, ...(r.annotator ? { annotator: r.annotator } : {}) })),
        );
      } else if (table === 'documents' && since !== undefined) {
        const rows = (await db.table(table).bulkGet(part)) as Array<{ id: string; updatedAt?: number } | undefined>;
        await each(rows.filter((r) => r !== undefined && recent(r)).map((r) => ({ table, id: r!.id })));
      } else await each(part.map((id) => ({ table, id })));
    }
  }
}
