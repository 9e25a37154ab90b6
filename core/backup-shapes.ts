// Shapes of the backup channels: the guards main runs on every call and the
// result types the renderer gets back. Strict like every bridge guard (exact
// keys, bounded sizes). A snapshot is named by its id, a time stamp checked
// against a fixed pattern, never by a path; sessions are opaque ids from main.
import type { ExportRecord, ExportSpan } from './jsonl/records';
import { DOC_STATUSES, type CorpusLoad } from './model';
import { isArrayOf, isBoolean, isInteger, isOneOf, isOptional, isRecord, isString, type Guard } from './shape';

/** Documents the renderer sends per backupWrite call. */
export const BACKUP_WRITE_MAX_RECORDS = 500;
const TEXT_MAX = 32 * 1024 * 1024;
const SPANS_MAX = 200_000;

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
const isName = (max: number): Guard<string> => (v): v is string => isString(max)(v) && v !== '';

const isBackupSpan: Guard<ExportSpan> = isRecord({
  start: isInteger(0, TEXT_MAX),
  end: isInteger(0, TEXT_MAX),
  label: isName(200),
  text: isString(TEXT_MAX),
  note: isOptional(isString(100_000)),
});

export const isBackupRecord: Guard<ExportRecord> = isRecord({
  id: isName(1024),
  name: isString(4096),
  text: isString(TEXT_MAX),
  sha256: isString(128),
  source: isString(8192),
  status: isOneOf(...DOC_STATUSES),
  updatedAt: isInteger(0, 8.64e15),
  spans: isArrayOf(isBackupSpan, SPANS_MAX),
});

export const isBackupSessionArg = isRecord({ session: isSession });
export const isBackupWriteArg = isRecord({ session: isSession, records: isArrayOf(isBackupRecord, BACKUP_WRITE_MAX_RECORDS) });
export const isBackupEndArg = isRecord({ session: isSession, abort: isOptional(isBoolean) });
export const isBackupIdArg = isRecord({ id: isBackupId });
