// Runs an export: main's save dialog, then the scope's documents streamed to
// main chunk by chunk, then the rename into place. Any failure or a cancel
// aborts the export, so the target file is either complete or untouched.
import type { WorkbenchBridge } from '../../core/bridge';
import { OUTPUT_FORMAT_INFO, type OutputFileFormat } from '../../core/formats/output-formats';
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
  /** Another tool's format, which main converts the records into (absent: JSON Lines in `format`). */
  target?: OutputFileFormat;
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
  const started = await bridge.exportBegin({
    format: request.format,
    suggestedName: request.suggestedName,
    ...(request.target ? { target: request.target } : {}),
  });
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

/**
 * A name for the save dialog: scope, format and date, e.g. annotations-done-prodigy-2025-01-31.jsonl;
 * a folder name for brat and W3C (annotations-brat-2025-01-31), the format's extension for the others.
 */
export function suggestedFileName(
  scope: ExportScope,
  format: JsonlFormat | OutputFileFormat,
  now = new Date(),
): string {
  const date = now.toISOString().slice(0, 10);
  const what =
    scope.kind === 'all'
      ? 'annotations'
      : scope.kind === 'status'
        ? `annotations-${scope.status.replace('_', '-')}`
        : 'document';
  const extension = format in OUTPUT_FORMAT_INFO ? OUTPUT_FORMAT_INFO[format as OutputFileFormat].extension : '.jsonl';
  return `${what}-${format}-${date}${extension}`;
}
