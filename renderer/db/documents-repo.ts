// Documents in IndexedDB: storing a loaded corpus idempotently, listing, reading.
// UI code reaches the database only through these repository modules.
import Dexie from 'dexie';
import { addNewSpans, idCandidates, spanKey } from '../../core/incoming';
import type { DocStatus, DocumentRecord, IncomingDocument, Span, SpanDraft } from '../../core/model';
import { previewOf } from '../../core/preview';
import { newRecordId } from '../../core/record-id';
import { nextDocumentId } from './document-ids';
import { storeIncomingSuggestions } from './incoming-suggestions';
import { addMissingLabels } from './labels-repo';
import { storeIncomingRelations } from './relations-repo';
import { newBatchKey } from './rows';
import type { WorkbenchDb } from './schema';
import { recountSpans, statusAfter } from './spans-repo';

type Incoming = IncomingDocument;

export interface StoreResult {
  added: number;
  existing: number;
  spansAdded: number;
  /** Labels the spans brought that the label set lacked, now created (absent when none). */
  labelsAdded?: string[];
  /** Relations the documents brought that were stored (absent when none). */
  relationsAdded?: number;
  /** Suggestions the documents brought (Label Studio predictions, a backup's), now offered (absent when none). */
  suggestionsAdded?: number;
  /** Rejected suggestions the documents brought (Prodigy answer "reject", a backup's), now remembered. */
  rejectionsAdded?: number;
}

function toRecord(doc: Incoming, now: number): DocumentRecord {
  const spanCount = doc.spans?.length ?? 0;
  const status: DocStatus = doc.status ?? statusAfter('todo', spanCount);
  return {
    id: doc.id,
    name: doc.name,
    sha256: doc.sha256,
    source: doc.source,
    preview: previewOf(doc.text),
    // A record's own meta.updated_at (JSONL import) is kept: export -> import -> export gives the same file.
    length: doc.text.length,
    status,
    spanCount,
    ...(doc.categories?.length ? { categories: [...new Set(doc.categories)] } : {}),
    addedAt: now,
    updatedAt: doc.updatedAt ?? now,
  };
}

export function spanFromDraft(docId: string, text: string, draft: SpanDraft, now: number): Span {
  return {
    id: newRecordId(),
    docId,
    start: draft.start,
    end: draft.end,
    label: draft.label,
    text: text.slice(draft.start, draft.end),
    note: draft.note ?? '',
    // Who made it travels with it: a colleague's imported spans stay her layer.
    ...(draft.annotator !== undefined && { annotator: draft.annotator }),
    createdAt: now,
    updatedAt: now,
  };
}

/** The first of `doc`'s other ids (idCandidates' order) no document of this batch holds. */
function batchFreeId(doc: Incoming, takenInBatch: Set<string>): string {
  for (const candidate of idCandidates(doc.id, doc.sha256)) if (!takenInBatch.has(candidate)) return candidate;
  throw new Error('unreachable: idCandidates never ends');
}

/** An id for `doc`, whose own id a stored document holds: one no stored document and no document of this batch holds. */
async function freeId(db: WorkbenchDb, doc: Incoming, takenInBatch: Set<string>): Promise<string> {
  for (const candidate of idCandidates(doc.id, doc.sha256)) {
    if (candidate === doc.id || takenInBatch.has(candidate)) continue;
    if ((await db.documents.get(candidate)) === undefined) return candidate;
  }
  throw new Error('unreachable: idCandidates never ends');
}

/**
 * The documents of a batch, one per text: a later record with the same text
 * gives its spans to the first (identical spans once), as a later batch
 * would. An id taken earlier in the batch is replaced by the next candidate
 * (one a stored document holds is found when it is added: addNewDocuments).
 */
function batchDocuments(docs: Incoming[], local?: string): Incoming[] {
  const bySha = new Map<string, { doc: Incoming; have: Set<string> }>();
  const takenInBatch = new Set<string>();
  const fresh: Incoming[] = [];
  for (const doc of docs) {
    const seen = bySha.get(doc.sha256);
    if (seen) {
      addNewSpans(seen.doc.spans!, doc.spans, seen.have, local);
      continue;
    }
    const id = takenInBatch.has(doc.id) ? batchFreeId(doc, takenInBatch) : doc.id;
    takenInBatch.add(id);
    const kept: Incoming = { ...doc, id, spans: [] };
    const have = new Set<string>();
    addNewSpans(kept.spans!, doc.spans, have, local);
    bySha.set(doc.sha256, { doc: kept, have });
    fresh.push(kept);
  }
  return fresh;
}

/** Spans re-imported documents bring that their stored copy lacks (identical ones once, however many records bring them). */
async function spansForKnown(
  db: WorkbenchDb,
  docs: Incoming[],
  idBySha: Map<string, string>,
  now: number,
  local?: string,
): Promise<Span[]> {
  const haveById = new Map<string, Set<string>>();
  const out: Span[] = [];
  for (const doc of docs) {
    const id = idBySha.get(doc.sha256);
    if (!id || !doc.spans?.length) continue;
    let have = haveById.get(id);
    if (!have) {
      const stored = await db.spans.where('docId').equals(id).toArray();
      haveById.set(id, (have = new Set(stored.map((span) => spanKey(span, local)))));
    }
    const added: SpanDraft[] = [];
    addNewSpans(added, doc.spans, have, local);
    for (const draft of added) out.push(spanFromDraft(id, doc.text, draft, now));
  }
  return out;
}

/** Span counts and statuses of the documents that gained merged spans (the one way counts are kept: recountSpans). */
async function bumpSpanCounts(db: WorkbenchDb, spans: Span[], now: number): Promise<void> {
  for (const docId of new Set(spans.map((s) => s.docId))) await recountSpans(db, docId, now);
}

/**
 * The ids of stored documents with one of `shas`, by sha256. One index get a
 * hash, all sent at once (an anyOf cursor would walk them one round trip at a time).
 */
async function idsBySha(db: WorkbenchDb, shas: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(shas)];
  const hits = await Promise.all(unique.map((sha) => db.documents.where('sha256').equals(sha).primaryKeys()));
  const out = new Map<string, string>();
  unique.forEach((sha, i) => {
    if (hits[i].length > 0) out.set(sha, hits[i][0] as string);
  });
  return out;
}

/**
 * Adds the records of a batch's documents; returns those stored, and the ids of stored documents that hold
 * the text of others (by sha256). The unique indexes decide what is taken, in the add itself: a look-up of
 * every document's hash and id before adding was about 40% of a batch's time in Chromium, and an import
 * brings new texts far more often than known ones. A refused document is looked up after: its text stored
 * (it gives its spans to that document), or only its id taken (it takes the next free one).
 */
async function addNewDocuments(
  db: WorkbenchDb,
  batch: Incoming[],
  now: number,
): Promise<{ fresh: Incoming[]; knownIds: Map<string, string> }> {
  const refused = await addRefusing(db, batch, now);
  if (refused.length === 0) return { fresh: batch, knownIds: new Map() };
  const knownIds = await idsBySha(
    db,
    refused.map((d) => d.sha256),
  );
  const takenInBatch = new Set(batch.map((d) => d.id));
  const moved = new Map<Incoming, Incoming>();
  for (const doc of refused) {
    if (knownIds.has(doc.sha256)) continue;
    const id = await freeId(db, doc, takenInBatch);
    takenInBatch.add(id);
    moved.set(doc, { ...doc, id });
  }
  if (moved.size > 0) await db.documents.bulkAdd([...moved.values()].map((doc) => toRecord(doc, now)));
  const fresh = batch.filter((d) => !knownIds.has(d.sha256)).map((d) => moved.get(d) ?? d);
  return { fresh, knownIds };
}

/** Adds the documents' records; returns those refused because a stored document holds their text or id. */
async function addRefusing(db: WorkbenchDb, docs: Incoming[], now: number): Promise<Incoming[]> {
  try {
    await db.documents.bulkAdd(docs.map((doc) => toRecord(doc, now)));
    return [];
  } catch (error) {
    if (!(error instanceof Dexie.BulkError)) throw error;
    const failures = Object.entries(error.failuresByPos);
    // Anything else (a full disk) fails the batch as before: nothing of it is stored.
    if (failures.some(([, failure]) => failure.name !== 'ConstraintError')) throw error;
    return failures.map(([pos]) => docs[Number(pos)]);
  }
}

/**
 * Stores new documents (deduplicated by sha256) with their spans, in one transaction, and marks them
 * unindexed: their search terms and signatures are written after, off the import's path
 * (background-index.ts), and a crash in between leaves the mark for the next start.
 * A text already stored gains the spans it lacks, layer by layer: `local` names the local annotator, so a span
 * of hers with no annotator and one naming her are the same annotation, while a colleague's identical span is not.
 */
export async function storeDocuments(
  db: WorkbenchDb,
  incoming: Incoming[],
  now = Date.now(),
  local?: string,
): Promise<StoreResult> {
  // Documents that came without an id take the next ones in insertion order (document-ids.ts says why).
  const docs = incoming.map((doc) => (doc.idFromText ? { ...doc, id: nextDocumentId() } : doc));
  const tables = [
    db.documents,
    db.texts,
    db.spans,
    db.labels,
    db.unindexed,
    db.relations,
    db.relationLabels,
    db.suggestions,
    db.rejections,
  ];
  return db.transaction('rw', tables, async () => {
    const { fresh, knownIds } = await addNewDocuments(db, batchDocuments(docs, local), now);
    const spans = fresh.flatMap((d) => (d.spans ?? []).map((s) => spanFromDraft(d.id, d.text, s, now)));
    const merged = await spansForKnown(db, docs, knownIds, now, local);
    // One table after the other: measured in Chromium, this beat sending every write at once.
    await db.texts.bulkAdd(fresh.map((doc) => ({ id: doc.id, text: doc.text })));
    if (fresh.length > 0) await db.unindexed.add({ batch: newBatchKey(now), ids: fresh.map((doc) => doc.id) });
    await db.spans.bulkAdd([...spans, ...merged]);
    await bumpSpanCounts(db, merged, now);
    const freshIds = new Map(fresh.map((doc) => [doc.sha256, doc.id]));
    const idBySha = (sha: string) => knownIds.get(sha) ?? freshIds.get(sha);
    const relationsAdded = await storeIncomingRelations(db, docs, idBySha, now);
    const suggested = await storeIncomingSuggestions(db, docs, idBySha, now);
    // A suggestion's label becomes a label too: one the project lacks would never be offered.
    const offeredLabels = docs.flatMap((d) => (d.suggestions ?? []).filter((s) => !s.rejected).map((s) => s.label));
    const labelsAdded = await addMissingLabels(db, [
      ...[...spans, ...merged].map((span) => span.label),
      ...offeredLabels,
    ]);
    const result: StoreResult = {
      added: fresh.length,
      existing: docs.length - fresh.length,
      spansAdded: spans.length + merged.length,
    };
    if (relationsAdded > 0) result.relationsAdded = relationsAdded;
    if (suggested.suggestions > 0) result.suggestionsAdded = suggested.suggestions;
    if (suggested.rejections > 0) result.rejectionsAdded = suggested.rejections;
    return labelsAdded.length > 0 ? { ...result, labelsAdded } : result;
  });
}

export function listDocuments(db: WorkbenchDb): Promise<DocumentRecord[]> {
  return db.documents.orderBy('name').toArray();
}

export async function readText(db: WorkbenchDb, id: string): Promise<string | undefined> {
  return (await db.texts.get(id))?.text;
}

export function getDocument(db: WorkbenchDb, id: string): Promise<DocumentRecord | undefined> {
  return db.documents.get(id);
}

export async function setStatus(db: WorkbenchDb, id: string, status: DocStatus, now = Date.now()): Promise<void> {
  await db.documents.update(id, { status, updatedAt: now });
}

/** Sets a document's categories (document-level labels); an empty list removes them. */
export async function setCategories(
  db: WorkbenchDb,
  id: string,
  categories: readonly string[],
  now = Date.now(),
): Promise<void> {
  const clean = [...new Set(categories.map((c) => c.trim()).filter((c) => c !== ''))];
  await db.documents.update(id, { categories: clean.length > 0 ? clean : undefined, updatedAt: now });
}
