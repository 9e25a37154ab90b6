// Shapes of the backup channels: the argument schemas main checks on every
// call and the result types the renderer gets back. Strict like every bridge
// schema (own keys only, bounded sizes). A snapshot is named by its id, a time
// stamp checked against a fixed pattern, never by a path; sessions are opaque
// ids from main. A snapshot holds the same records an export does, under the
// same limits (ExportRecordSchema), which are the import path's limits too.
import { ExportRecordSchema } from './jsonl/records';
import type { CorpusLoad } from './model';
import { guard, list, sessionId, v } from './shape';

/** Documents the renderer sends per backupWrite call. */
export const BACKUP_WRITE_MAX_RECORDS = 500;

export interface BackupInfo {
  id: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  documents: number;
  spans: number;
  bytes: number;
}

/** One batch of a snapshot being read back; `done` once the snapshot is exhausted. */
export interface BackupBatch extends CorpusLoad {
  done: boolean;
}

/** 2025-01-31T12-00-00-000Z: an ISO time with ':' and '.' made file-name safe. */
export const BACKUP_ID_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/;
export const BackupIdSchema = v.pipe(v.string(), v.regex(BACKUP_ID_PATTERN, 'not a backup id'));
export const isBackupId = guard(BackupIdSchema);

export const BackupWriteArg = v.strictObject({
  session: sessionId,
  records: list(ExportRecordSchema, BACKUP_WRITE_MAX_RECORDS),
});
export const BackupEndArg = v.strictObject({ session: sessionId, abort: v.optional(v.boolean()) });
export const BackupIdArg = v.strictObject({ id: BackupIdSchema });
