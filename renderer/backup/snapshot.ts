// Streams the whole corpus out of IndexedDB to main as one snapshot: documents
// in id order, a chunk at a time, each chunk read in one transaction (the
// export's own read, db/export-query.ts) so a document and its spans are
// always seen at the same moment. Only the chunk in hand is held in memory,
// whatever the corpus size.
import type { BackupInfo } from '../../core/backup-shapes';
import type { WorkbenchBridge } from '../../core/bridge';
import type { ExportRecord, ExportSuggestion } from '../../core/jsonl/records';
import { LIMITS } from '../../core/limits';
import type { DocumentRecord, Relation, Span } from '../../core/model';
import { readExportChunk } from '../db/export-query';
import type { WorkbenchDb } from '../db/schema';
import { suggestionLayers, type SuggestionLayer } from '../db/suggestions-repo';
import { toExportRecord } from '../io/export-record';

export const SNAPSHOT_CHUNK = 200;

type BackupBridge = Pick<WorkbenchBridge, 'backupBegin' | 'backupWrite' | 'backupEnd'>;

/** A span the JSONL writer would refuse (its quote no longer matches the text) cannot be backed up as it is. */
const fits =
  (text: string) =>
  (span: Pick<Span, 'start' | 'end' | 'text'>): boolean =>
    span.start <= span.end && text.slice(span.start, span.end) === span.text;

/** The kept suggestions and the rejections, as the backup line's "suggestions" (core/jsonl/suggestions-in.ts). */
function suggestionsOf(text: string, layer: SuggestionLayer | undefined): ExportSuggestion[] {
  if (!layer) return [];
  const kept = layer.kept.map(({ start, end, label, text, source, score }) => ({
    start,
    end,
    label,
    text,
    source,
    score,
  }));
  const rejected = layer.rejections.map(({ start, end, label, text, source }) => ({
    start,
    end,
    label,
    text,
    source: source || 'imported',
    rejected: true,
  }));
  return [...kept, ...rejected].filter(fits(text));
}

/**
 * A document as backup lines: one, unless it has more suggestions than one record may carry (the limit on
 * spans); then the rest follow in records of the same text with no spans, which a restore merges by text.
 */
function toRecords(
  doc: DocumentRecord,
  text: string,
  spans: Span[],
  relations: Relation[],
  layer: SuggestionLayer | undefined,
): ExportRecord[] {
  const updatedAt = Math.max(0, Math.trunc(doc.updatedAt));
  const record = toExportRecord({ ...doc, updatedAt }, text, spans.filter(fits(text)), relations);
  const suggestions = suggestionsOf(text, layer);
  if (suggestions.length === 0) return [record];
  const out: ExportRecord[] = [{ ...record, suggestions: suggestions.slice(0, LIMITS.spans) }];
  for (let at = LIMITS.spans; at < suggestions.length; at += LIMITS.spans) {
    const { relations: _relations, ...bare } = record;
    out.push({ ...bare, spans: [], suggestions: suggestions.slice(at, at + LIMITS.spans) });
  }
  return out;
}

/** Writes one snapshot of the whole corpus; on any failure the partial snapshot is dropped by main. */
export async function writeSnapshot(db: WorkbenchDb, bridge: BackupBridge): Promise<BackupInfo | null> {
  const { session } = await bridge.backupBegin(undefined);
  try {
    let after: string | undefined = undefined;
    do {
      // A document without its text cannot be restored from a backup; the read leaves it out rather than failing the snapshot.
      const chunk = await readExportChunk(db, { after, limit: SNAPSHOT_CHUNK });
      const layers = await suggestionLayers(
        db,
        chunk.documents.map(({ doc }) => doc.id),
      );
      const records = chunk.documents.flatMap(({ doc, text, spans, relations }) =>
        toRecords(doc, text, spans, relations, layers.get(doc.id)),
      );
      if (records.length > 0) await bridge.backupWrite({ session, records });
      after = chunk.next;
    } while (after !== undefined);
    return await bridge.backupEnd({ session });
  } catch (error) {
    await bridge.backupEnd({ session, abort: true }).catch(() => undefined);
    throw error;
  }
}
