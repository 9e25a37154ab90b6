// Shapes of the backup channels: the guards main runs on every call and the
// result types the renderer gets back. Strict like every bridge guard (exact
// keys, bounded sizes). A snapshot is named by its id, a time stamp checked
// against a fixed pattern, never by a path; sessions are opaque ids from main.
import { isExportRecord } from './io-shapes';
import type { ExportRecord } from './jsonl/records';
import type { CorpusLoad } from './model';
import { isArrayOf, isBoolean, isOptional, isRecord, isString, type Guard } from './shape';

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
export const isBackupId: Guard<string> = (v): v is string => typeof v === 'string' && BACKUP_ID_PATTERN.test(v);

const isSession: Guard<string> = (v): v is string => isString(64)(v) && v !== '';

/** A snapshot holds the same records an export does, under the same limits. */
export const isBackupRecord: Guard<ExportRecord> = isExportRecord;

export const isBackupSessionArg = isRecord({ session: isSession });
export const isBackupWriteArg = isRecord({ session: isSession, records: isArrayOf(isBackupRecord, BACKUP_WRITE_MAX_RECORDS) });
export const isBackupEndArg = isRecord({ session: isSession, abort: isOptional(isBoolean) });
export const isBackupIdArg = isRecord({ id: isBackupId });
