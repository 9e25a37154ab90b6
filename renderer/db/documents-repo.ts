// Documents in IndexedDB: storing a loaded corpus idempotently, listing, reading.
// UI code reaches the database only through these repository modules.
import type { CorpusLoad, DocStatus, DocumentRecord, Label, Span, SpanDraft } from '../../core/model';
import { previewOf } from '../../core/preview';
import { pickColor } from './labels-repo';
import type { WorkbenchDb } from './schema';
import { recountSpans, statusAfter } from './spans-repo';
import { signatureOfKeys, type SignatureRecord } from './signatures';
import { newBatchKey, postingsOfTerms } from './terms-index';
import { termsOfKeys } from '../../core/search/terms';
import { wordKeys } from '../../core/text/words';

type Incoming = CorpusLoad['documents'][number];

export interface StoreResult {
  added: number;
  existing: number;
  spansAdded: number;
}

function toRecord(doc: Incoming, now: number): DocumentRecord {
  const spanCount = doc.spans?.length ?? 0;
  const status: DocStatus = doc.status ?? statusAfter('todo', spanCount);
  return {
    id: doc.id, name: doc.name, sha256: doc.sha256, source: doc.source, preview: previewOf(doc.text),
    // A record's own meta.updated_at (JSONL import) is kept: export -> import -> export gives the same file.
    length: doc.text.length, status, spanCount, addedAt: now, updatedAt: doc.updatedAt ?? now,
  };
}

export function spanFromDraft(docId: string, text: string, draft: SpanDraft, now: number): Span {
  return {
    id: crypto.randomUUID(), docId, start: draft.start, end: draft.end, label: draft.label,
    text: text.slice(draft.start, draft.end), note: draft.note ?? '', createdAt: now, updatedAt: now,
  };
}

/** Keeps the first of each sha256 and gives a fresh id to an id already taken by other text; `at` is the index in the batch. */
function freshDocuments(docs: Incoming[], knownSha: Set<string>, takenIds: Set<string>): Array<{ doc: Incoming; at: number }> {
  const fresh: Array<{ doc: Incoming; at: number }> = [];
  docs.forEach((doc, at) => {
    if (knownSha.has(doc.sha256)) return;
    knownSha.add(doc.sha256);
    const id = takenIds.has(doc.id) ? `${doc.id}-${doc.sha256.slice(0, 8)}` : doc.id;
    takenIds.add(id);
    fresh.push({ doc: { ...doc, id }, at });
  });
  return fresh;
}

async function addMissingLabels(db: WorkbenchDb, docs: Incoming[]): Promise<void> {
  const names = new Set(docs.flatMap((d) => d.spans?.map((s) => s.label) ?? []));
  if (names.size === 0) return;
  const known = new Set((await db.labels.toArray()).map((l) => l.name));
  const missing = [...names].filter((n) => !known.has(n));
  let order = known.size;
  const labels: Label[] = missing.map((name) => ({ name, color: pickColor(order), key: '', order: order++ }));
  await db.labels.bulkAdd(labels);
}

const spanKey = (s: { start: number; end: number; label: string }) => `${s.start}:${s.end}:${s.label}`;

/** Spans a re-imported document brings that its stored copy lacks (same offsets and label count as present). */
async function spansForKnown(db: WorkbenchDb, docs: Incoming[], known: Array<Pick<DocumentRecord, 'id' | 'sha256'>>, now: number): Promise<Span[]> {
  const idBySha = new Map(known.map((d) => [d.sha256, d.id]));
  const out: Span[] = [];
  for (const doc of docs) {
    const id = idBySha.get(doc.sha256);
    if (!id || !doc.spans?.length) continue;
    const have = new Set((await db.spans.where('docId').equals(id).toArray()).map(spanKey));
    for (const draft of doc.spans) {
      if (have.has(spanKey(draft))) continue;
      have.add(spanKey(draft));
      out.push(spanFromDraft(id, doc.text, draft, now));
    }
  }
  return out;
}

/** Span counts and statuses of the documents that gained merged spans (the one way counts are kept: recountSpans). */
async function bumpSpanCounts(db: WorkbenchDb, spans: Span[], now: number): Promise<void> {
  for (const docId of new Set(spans.map((s) => s.docId))) await recountSpans(db, docId, now);
}

/**
 * A batch with the CPU work of storing it done up front: each text's search
 * terms and MinHash signature. Preparing needs no database, so an import
 * prepares the next batch while the last one is still being written.
 */
export interface PreparedBatch {
  readonly docs: Incoming[];
  readonly terms: string[][];
  readonly signatures: SignatureRecord[];
}

const prepared = new WeakMap<Incoming[], PreparedBatch>();

/** Prepares `docs` (once: a second call with the same array returns the same result). */
export function prepareBatch(docs: Incoming[]): PreparedBatch {
  let batch = prepared.get(docs);
  if (!batch) {
    // One word segmentation a text, shared by its search terms and its signature.
    const keys = docs.map((d) => wordKeys(d.text));
    batch = { docs, terms: keys.map(termsOfKeys), signatures: docs.map((d, i) => signatureOfKeys(d.id, keys[i])) };
    prepared.set(docs, batch);
  }
  return batch;
}

/**
 * The ids of stored documents with one of `shas`, by sha256. One index get a
 * hash, all sent at once (an anyOf cursor would walk them one round trip at a time).
 */
async function idsBySha(db: WorkbenchDb, shas: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(shas)];
  const hits = await Promise.all(unique.map((sha) => db.documents.where('sha256').equals(sha).primaryKeys()));
  const out = new Map<string, string>();
  unique.forEach((sha, i) => { if (hits[i].length > 0) out.set(sha, hits[i][0] as string); });
  return out;
}

/** Stores new documents (deduplicated by sha256) with their spans, search terms and signatures, in one transaction. */
export async function storeDocuments(db: WorkbenchDb, docs: Incoming[], now = Date.now()): Promise<StoreResult> {
  const batch = prepareBatch(docs);
  return db.transaction('rw', [db.documents, db.texts, db.spans, db.labels, db.terms, db.signatures], async () => {
    const [knownIds, taken] = await Promise.all([idsBySha(db, docs.map((d) => d.sha256)), db.documents.bulkGet(docs.map((d) => d.id))]);
    const takenIds = new Set(taken.filter(Boolean).map((d) => d!.id));
    const fresh = freshDocuments(docs, new Set(knownIds.keys()), takenIds);
    const spans = fresh.flatMap(({ doc: d }) => (d.spans ?? []).map((s) => spanFromDraft(d.id, d.text, s, now)));
    const known: Array<Pick<DocumentRecord, 'id' | 'sha256'>> = [...knownIds].map(([sha256, id]) => ({ id, sha256 }));
    const merged = await spansForKnown(db, docs, known, now);
    // One table after the other: measured in Chromium, this beat sending every write at once.
    await db.documents.bulkAdd(fresh.map(({ doc }) => toRecord(doc, now)));
    await db.texts.bulkAdd(fresh.map(({ doc }) => ({ id: doc.id, text: doc.text })));
    if (fresh.length > 0) await db.terms.bulkAdd(postingsOfTerms(fresh.map(({ doc }) => doc.id), fresh.map(({ at }) => batch.terms[at]), newBatchKey(now)));
    await db.signatures.bulkPut(fresh.map(({ doc, at }) => ({ ...batch.signatures[at], id: doc.id })));
    await db.spans.bulkAdd([...spans, ...merged]);
    await bumpSpanCounts(db, merged, now);
    await addMissingLabels(db, docs);
    return { added: fresh.length, existing: docs.length - fresh.length, spansAdded: spans.length + merged.length };
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
