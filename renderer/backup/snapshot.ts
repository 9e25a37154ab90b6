// Streams the whole corpus out of IndexedDB to main as one snapshot: documents
// in id order, a chunk at a time, each chunk read in one transaction (the
// export's own read, db/export-query.ts) so a document and its spans are
// always seen at the same moment. Only the chunk in hand is held in memory,
// whatever the corpus size.
import type { BackupInfo } from '../../core/backup-shapes';
import type { WorkbenchBridge } from '../../core/bridge';
import type { ExportRecord } from '../../core/jsonl/records';
import type { DocumentRecord, Relation, Span } from '../../core/model';
import { readExportChunk } from '../db/export-query';
import type { WorkbenchDb } from '../db/schema';
import { toExportRecord } from '../io/export-record';

export const SNAPSHOT_CHUNK = 200;

type BackupBridge = Pick<WorkbenchBridge, 'backupBegin' | 'backupWrite' | 'backupEnd'>;

/** A span the JSONL writer would refuse (its quote no longer matches the text) cannot be backed up as it is. */
const fits = (text: string) => (span: Span) => span.start <= span.end && text.slice(span.start, span.end) === span.text;

function toRecord(doc: DocumentRecord, text: string, spans: Span[], relations: Relation[]): ExportRecord {
  const updatedAt = Math.max(0, Math.trunc(doc.updatedAt));
  return toExportRecord({ ...doc, updatedAt }, text, spans.filter(fits(text)), relations);
}

/** Writes one snapshot of the whole corpus; on any failure the partial snapshot is dropped by main. */
export async function writeSnapshot(db: WorkbenchDb, bridge: BackupBridge): Promise<BackupInfo | null> {
  const { session } = await bridge.backupBegin(undefined);
  try {
    let after: string | undefined = undefined;
    do {
      // A document without its text cannot be restored from a backup; the read leaves it out rather than failing the snapshot.
      const chunk = await readExportChunk(db, { after, limit: SNAPSHOT_CHUNK });
      const records = chunk.documents.map(({ doc, text, spans, relations }) => toRecord(doc, text, spans, relations));
      if (records.length > 0) await bridge.backupWrite({ session, records });
      after = chunk.next;
    } while (after !== undefined);
    return await bridge.backupEnd({ session });
  } catch (error) {
    await bridge.backupEnd({ session, abort: true }).catch(() => undefined);
    throw error;
  }
}
