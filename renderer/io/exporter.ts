// Runs an export: main's save dialog, then the scope's documents streamed to
// main chunk by chunk, then the rename into place. Any failure or a cancel
// aborts the export, so the target file is either complete or untouched.
import type { WorkbenchBridge } from '../../core/bridge';
import type { ExportFinished } from '../../core/io-shapes';
import type { JsonlFormat } from '../../core/jsonl/records';
import type { WorkbenchDb } from '../db/schema';
import { EXPORT_CHUNK, idsInScope, readExportRecords, type ExportLayer, type ExportScope } from './export-source';

export interface ExportRequest {
  scope: ExportScope;
  format: JsonlFormat;
  suggestedName: string;
  /** Which annotators' spans (absent: every span, no annotator field). */
  layer?: ExportLayer;
}

export interface ExportProgress {
  done: number;
  total: number;
  bytes: number;
  path: string;
}

export type ExportOutcome = { kind: 'cancelled' } | { kind: 'finished'; summary: ExportFinished };

/** Main refused a record (it cannot write its offsets correctly): the export is dropped, nothing half-written. */
export class ExportRefused extends Error {
  override name = 'ExportRefused';
}

type Bridge = Pick<WorkbenchBridge, 'exportBegin' | 'exportWrite' | 'exportEnd' | 'exportAbort'>;

export async function runExport(
  db: WorkbenchDb,
  bridge: Bridge,
  request: ExportRequest,
  onProgress: (p: ExportProgress) => void,
  signal?: AbortSignal,
): Promise<ExportOutcome> {
  const started = await bridge.exportBegin({ format: request.format, suggestedName: request.suggestedName });
  if (!started) return { kind: 'cancelled' };
  const { session, path } = started;
  try {
    const ids = await idsInScope(db, request.scope);
    const progress: ExportProgress = { done: 0, total: ids.length, bytes: 0, path };
    onProgress({ ...progress });
    for (let at = 0; at < ids.length; at += EXPORT_CHUNK) {
      if (signal?.aborted) return await abort(bridge, session);
      const records = await readExportRecords(db, ids.slice(at, at + EXPORT_CHUNK), request.layer);
      const written = await bridge.exportWrite({ session, records });
      // A record main refused: main has already dropped the file; the message says which record and why.
      if (!written.ok) throw new ExportRefused(written.message);
      progress.bytes = written.bytes;
      progress.done = Math.min(at + EXPORT_CHUNK, ids.length);
      onProgress({ ...progress });
    }
    if (signal?.aborted) return await abort(bridge, session);
    return { kind: 'finished', summary: await bridge.exportEnd({ session }) };
  } catch (error) {
    await bridge.exportAbort({ session }).catch(() => undefined);
    throw error;
  }
}

async function abort(bridge: Bridge, session: string): Promise<ExportOutcome> {
  await bridge.exportAbort({ session });
  return { kind: 'cancelled' };
}

/** A file name for the save dialog: corpus name, scope and date, e.g. annotations-done-2025-01-31.jsonl. */
export function suggestedFileName(scope: ExportScope, format: JsonlFormat, now = new Date()): string {
  const date = now.toISOString().slice(0, 10);
  const what =
    scope.kind === 'all'
      ? 'annotations'
      : scope.kind === 'status'
        ? `annotations-${scope.status.replace('_', '-')}`
        : 'document';
  return `${what}-${format}-${date}.jsonl`;
}
