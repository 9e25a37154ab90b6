// Streams the whole corpus out of IndexedDB to main as one snapshot: documents
// in id order, a chunk at a time, each chunk read in one transaction so a
// document and its spans are always seen at the same moment. Only the chunk
// in hand is held in memory, whatever the corpus size.
import type { WorkbenchBridge } from '../../core/bridge';
import type { BackupInfo } from '../../core/backup-shapes';
import type { ExportRecord } from '../../core/jsonl/records';
import { spansByDoc, toExportRecord } from '../io/export-record';
import type { DocumentRecord, Span } from '../../core/model';
import type { WorkbenchDb } from '../db/schema';

export const SNAPSHOT_CHUNK = 200;

type BackupBridge = Pick<WorkbenchBridge, 'backupBegin' | 'backupWrite' | 'backupEnd'>;

/** A span the JSONL writer would refuse (its quote no longer matches the text) cannot be backed up as it is. */
const fits = (text: string) => (span: Span) => span.start <= span.end && text.slice(span.start, span.end) === span.text;

function toRecord(doc: DocumentRecord, text: string, spans: Span[]): ExportRecord {
  return toExportRecord({ ...doc, updatedAt: Math.max(0, Math.trunc(doc.updatedAt)) }, text, spans.filter(fits(text)));
}

interface Chunk {
  records: ExportRecord[];
  /** Id of the chunk's last document, where the next chunk starts; undefined after the last. */
  next?: string;
}

/** One chunk of documents after `afterId`, with texts and spans, as export records. */
async function readChunk(db: WorkbenchDb, afterId: string | undefined): Promise<Chunk> {
  return db.transaction('r', [db.documents, db.texts, db.spans], async () => {
    const docs = afterId === undefined
      ? await db.documents.orderBy('id').limit(SNAPSHOT_CHUNK).toArray()
      : await db.documents.where('id').above(afterId).limit(SNAPSHOT_CHUNK).toArray();
    const ids = docs.map((d) => d.id);
    const texts = await db.texts.bulkGet(ids);
    const spans = await db.spans.where('docId').anyOf(ids).toArray();
    const byDoc = spansByDoc(spans);
    // A document without its text cannot be restored from a backup; it is left out rather than failing the whole snapshot.
    const records = docs.flatMap((doc, i) => (texts[i] ? [toRecord(doc, texts[i]!.text, byDoc.get(doc.id) ?? [])] : []));
    return { records, next: docs.length === SNAPSHOT_CHUNK ? docs[docs.length - 1].id : undefined };
  });
}

/** Writes one snapshot of the whole corpus; on any failure the partial snapshot is dropped by main. */
export async function writeSnapshot(db: WorkbenchDb, bridge: BackupBridge): Promise<BackupInfo | null> {
  const { session } = await bridge.backupBegin(undefined);
  try {
    let after: string | undefined = undefined;
    do {
      const chunk = await readChunk(db, after);
      if (chunk.records.length > 0) await bridge.backupWrite({ session, records: chunk.records });
      after = chunk.next;
    } while (after !== undefined);
    return await bridge.backupEnd({ session });
  } catch (error) {
    await bridge.backupEnd({ session, abort: true }).catch(() => undefined);
    throw error;
  }
}
