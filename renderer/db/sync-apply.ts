// Applies a batch of main's changes (the server's, and this profile's own
// coming back) to Dexie in ONE transaction, together with how far the feed has
// been applied: a crash replays the batch, and every step is idempotent
// (same content: nothing written). A record whose local copy has a change not
// yet handed to main is left alone; that change goes out and the server's
// revision tree decides. The transaction is marked, so nothing applied here
// is noted for sending back.
import { makeOffsetConverter, type OffsetConverter } from '../../core/codepoints';
import type { IncomingDocument, Label, Span } from '../../core/model';
import { labelFromRecord, relationFromRecord, spanFromRecord, statusFromRecord } from '../../core/sync/app-records';
import type { RemoteChange } from '../../core/sync/couch-docs';
import type { SpanSyncRecord } from '../../core/sync/couch-records';
import type { SyncPullBatch } from '../../core/sync/sync-shapes';
import { storeDocuments } from './documents-repo';
import type { WorkbenchDb } from './schema';
import { recountSpans } from './spans-repo';
import { markFromServer, pendingKeys } from './sync-outbox';
import { hasTable } from './sync-records';
import { PULLED_SEQ_KEY } from './sync-state';

export interface ApplyResult {
  documentsAdded: number;
  /** Documents whose spans changed (the open one is redrawn). */
  touched: Set<string>;
  labelsChanged: boolean;
  problems: string[];
}

const sameSpan = (a: Span, b: Span) =>
  a.start === b.start &&
  a.end === b.end &&
  a.label === b.label &&
  a.note === b.note &&
  !!a.projected === !!b.projected &&
  a.docId === b.docId &&
  (a.annotator ?? '') === (b.annotator ?? '');

function incoming(record: Extract<RemoteChange, { kind: 'record' }>['record']): IncomingDocument | undefined {
  if (record.type !== 'document') return undefined;
  return {
    id: record.sha256.slice(0, 16),
    idFromText: true,
    name: record.name,
    source: record.source,
    text: record.text,
    sha256: record.sha256,
  };
}

export async function applyRemoteChanges(
  db: WorkbenchDb,
  batch: SyncPullBatch,
  annotator: string,
): Promise<ApplyResult> {
  const result: ApplyResult = { documentsAdded: 0, touched: new Set(), labelsChanged: false, problems: [] };
  // Every table: storing new documents (nested below) writes whatever the import writes (relations, suggestions…).
  await db.transaction('rw', db.tables, async () => {
    markFromServer();
    const records = batch.changes.flatMap((c) => (c.kind === 'record' ? [c.record] : []));
    const docs = records.map(incoming).filter((d): d is IncomingDocument => d !== undefined);
    if (docs.length > 0) result.documentsAdded = (await storeDocuments(db, docs)).added;
    const shas = [
      ...new Set(
        records
          .flatMap((r) => ('sha256' in r ? [r.sha256] : []))
          .concat(batch.changes.flatMap((c) => (c.kind === 'removed' && c.what.sha256 ? [c.what.sha256] : []))),
      ),
    ];
    const docIdBySha = new Map<string, string>();
    for (const doc of await db.documents.where('sha256').anyOf(shas).toArray())
      if (!docIdBySha.has(doc.sha256)) docIdBySha.set(doc.sha256, doc.id);
    const texts = new Map<string, string>();
    const spanDocs = [...new Set(records.flatMap((r) => (r.type === 'span' ? [docIdBySha.get(r.sha256)] : [])))];
    const wanted = spanDocs.filter((id): id is string => id !== undefined);
    (await db.texts.bulkGet(wanted)).forEach((t, i) => texts.set(wanted[i], t?.text ?? ''));
    const keyOf = (c: RemoteChange): string | undefined => {
      if (c.kind === 'record') {
        const r = c.record;
        if (r.type === 'span') return `spans|${r.spanId}`;
        if (r.type === 'relation') return `relations|${r.relationId}`;
        if (r.type === 'label') return `labels|${r.name}`;
        if (r.type === 'state') return docIdBySha.has(r.sha256) ? `documents|${docIdBySha.get(r.sha256)}` : undefined;
        return undefined;
      }
      if (c.what.type === 'span') return `spans|${c.what.key}`;
      if (c.what.type === 'relation') return `relations|${c.what.key}`;
      if (c.what.type === 'label') return `labels|${c.what.key}`;
      return undefined;
    };
    const keys = batch.changes.map(keyOf).filter((k): k is string => k !== undefined);
    const pending = await pendingKeys(db, keys);
    // Spans are most of any batch: read them in one request and write them in one, not two requests a span.
    const spanIds = batch.changes.flatMap((c) =>
      c.kind === 'record' && c.record.type === 'span' ? [c.record.spanId] : [],
    );
    const spans: SpanWrites = { stored: new Map(), puts: new Map() };
    for (const s of await storedSpans(db, wanted, spanIds)) spans.stored.set(s.id, s);
    const context: ApplyContext = { annotator, docIdBySha, texts, offsets: new Map(), result, spans };
    for (const change of batch.changes) {
      const key = keyOf(change);
      if (key && pending.has(key)) continue;
      // A span record needs no request of its own (read above, written below): no await, so the loop does not
      // hand control back 500 times inside the transaction (Dexie then saw it commit early).
      if (change.kind === 'record' && change.record.type === 'span') applySpan(change.id, change.record, context);
      else await applyOne(db, change, context);
    }
    await db.spans.bulkPut([...spans.puts.values()]);
    for (const docId of result.touched) await recountSpans(db, docId, Date.now());
    await db.settings.put({ key: PULLED_SEQ_KEY, value: batch.last });
  });
  return result;
}

/**
 * The stored spans among `ids` (spans of the documents `docIds`). IndexedDB answers a get a key, and
 * most keys of a pull are new (all of them in a fresh profile's first pull): the keys each document
 * already has are read first, one request a document, and only those present are fetched.
 */
async function storedSpans(db: WorkbenchDb, docIds: readonly string[], ids: readonly string[]): Promise<Span[]> {
  const present = new Set<string>();
  for (const docId of docIds)
    for (const key of await db.spans.where('docId').equals(docId).primaryKeys()) present.add(key);
  const found = await db.spans.bulkGet(ids.filter((id) => present.has(id)));
  return found.filter((s): s is Span => s !== undefined);
}

/** The batch's stored spans (read at once) and the spans it writes (written at once, after the loop). */
interface SpanWrites {
  stored: Map<string, Span>;
  puts: Map<string, Span>;
}

interface ApplyContext {
  annotator: string;
  docIdBySha: Map<string, string>;
  /** The texts of the documents the batch's spans are in, and their offset converters (made once a text). */
  texts: Map<string, string>;
  offsets: Map<string, OffsetConverter>;
  result: ApplyResult;
  spans: SpanWrites;
}

async function applyOne(db: WorkbenchDb, change: RemoteChange, context: ApplyContext): Promise<void> {
  const { annotator, docIdBySha, result, spans } = context;
  if (change.kind === 'removed') {
    const { what } = change;
    if (what.type === 'span' && what.key) {
      const stored = spans.puts.get(what.key) ?? (await db.spans.get(what.key));
      spans.puts.delete(what.key);
      spans.stored.delete(what.key);
      if (stored) {
        await db.spans.delete(what.key);
        result.touched.add(stored.docId);
      }
    } else if (what.type === 'relation' && what.key && hasTable(db, 'relations')) {
      await db.table('relations').delete(what.key);
    } else if (what.type === 'label' && what.key && (await db.spans.where('label').equals(what.key).count()) === 0) {
      result.labelsChanged = (await db.labels.where('name').equals(what.key).delete()) > 0 || result.labelsChanged;
    }
    return;
  }
  const record = change.record;
  if (record.type === 'document') return;
  if (record.type === 'label') {
    const label = labelFromRecord(record);
    const stored = await db.labels.get(label.name);
    if (stored && JSON.stringify(stored) === JSON.stringify({ ...stored, ...label })) return;
    const holder = label.key
      ? (await db.labels.toArray()).find((l: Label) => l.key === label.key && l.name !== label.name)
      : undefined;
    await db.labels.put(holder ? { ...label, key: '' } : label);
    result.labelsChanged = true;
    return;
  }
  const docId = docIdBySha.get(record.sha256);
  if (!docId) {
    result.problems.push(`${change.id}: its document is not here (yet)`);
    return;
  }
  if (record.type === 'state') {
    if (record.annotator !== annotator) return;
    const doc = await db.documents.get(docId);
    const next = statusFromRecord(record);
    if (
      doc &&
      (doc.status !== next.status || JSON.stringify(doc.categories ?? []) !== JSON.stringify(next.categories ?? []))
    )
      await db.documents.update(docId, { ...next, updatedAt: record.updatedAt });
    return;
  }
  if (record.type === 'relation') {
    if (hasTable(db, 'relations')) await db.table('relations').put(relationFromRecord(record, docId));
    return;
  }
}

/** A span from the server, checked against its document's text, into the batch's writes unless it is the same. */
function applySpan(changeId: string, record: SpanSyncRecord, context: ApplyContext): void {
  const { docIdBySha, texts, result, spans } = context;
  const docId = docIdBySha.get(record.sha256);
  if (!docId) {
    result.problems.push(`${changeId}: its document is not here (yet)`);
    return;
  }
  const text = texts.get(docId) ?? '';
  let offsets = context.offsets.get(docId);
  if (!offsets) context.offsets.set(docId, (offsets = makeOffsetConverter(text)));
  const span = spanFromRecord(record, docId, text, offsets);
  if (!span.ok) {
    result.problems.push(`${changeId}: ${span.message}`);
    return;
  }
  const stored = spans.puts.get(span.value.id) ?? spans.stored.get(span.value.id);
  if (stored && sameSpan(stored, span.value)) return;
  spans.puts.set(span.value.id, { ...span.value, version: (stored?.version ?? 0) + 1 });
  result.touched.add(docId);
}
