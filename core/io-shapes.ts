// Shapes of the import/export channels: the guards main runs on every call
// and the result types the renderer gets back. Kept out of core/bridge.ts so
// the bridge stays a list of channels. Every guard is strict (exact keys,
// bounded sizes): a renderer bug or a compromised page cannot push unbounded
// data or a file path through them. Paths only ever come from main's dialogs.
import type { ExportRecord, ExportSpan, JsonlFormat } from './jsonl/records';
import type { ImportBatch } from './jsonl/import-batch';
import { DOC_STATUSES } from './model';
import { isArrayOf, isBytes, isInteger, isOneOf, isOptional, isRecord, isString, type Guard } from './shape';

/** Documents main reads per importNext call: bounds the memory of one round trip. */
export const IMPORT_BATCH_DOCUMENTS = 200;
/** Records one exportWrite call may carry. */
export const EXPORT_WRITE_MAX_RECORDS = 1000;
/** A dropped file larger than this must go through "Import files…" (streamed from disk). */
export const DROP_MAX_BYTES = 64 * 1024 * 1024;
/** Longest file name a dropped file may have (a name, never a path). */
export const FILE_NAME_MAX = 255;
/** Longest document text an export record may carry, in UTF-16 units. */
export const EXPORT_TEXT_MAX = 32 * 1024 * 1024;
const SPANS_MAX = 200_000;
const MAX_OFFSET = EXPORT_TEXT_MAX;
const HANDLE_MAX = 64;

export type ImportKind = 'files' | 'folder';

/** An opaque id main hands out for a session or an open export; never a path. */
export const isHandle = isString(HANDLE_MAX);

/** A non-empty string of at most `max` characters. */
const isName = (max: number): Guard<string> => (v): v is string => isString(max)(v) && v !== '';

export const isChooseImportArg = isRecord({ kind: isOneOf<ImportKind>('files', 'folder') });
export const isSessionArg = isRecord({ session: isHandle });
export const isImportBytesArg = isRecord({ name: isName(FILE_NAME_MAX), bytes: isBytes(DROP_MAX_BYTES) });

const isExportSpan: Guard<ExportSpan> = isRecord({
  start: isInteger(0, MAX_OFFSET),
  end: isInteger(0, MAX_OFFSET),
  label: isName(200),
  text: isString(EXPORT_TEXT_MAX),
  note: isOptional(isString(100_000)),
});

export const isExportRecord: Guard<ExportRecord> = isRecord({
  id: isName(1024),
  name: isString(4096),
  text: isString(EXPORT_TEXT_MAX),
  sha256: isString(128),
  source: isString(8192),
  status: isOneOf(...DOC_STATUSES),
  updatedAt: isInteger(0, 8.64e15),
  spans: isArrayOf(isExportSpan, SPANS_MAX),
});

export const isExportBeginArg = isRecord({
  format: isOneOf<JsonlFormat>('prodigy', 'doccano'),
  suggestedName: isName(FILE_NAME_MAX),
});
export const isExportWriteArg = isRecord({ handle: isHandle, records: isArrayOf(isExportRecord, EXPORT_WRITE_MAX_RECORDS) });
export const isHandleArg = isRecord({ handle: isHandle });

export interface ImportStarted {
  session: string;
  /** Files the picked paths hold (a folder counts its files). */
  files: number;
}

export type ImportStep = ImportBatch & { done: boolean };

export interface ExportStarted {
  handle: string;
  /** Where the file will be written, for the summary line. */
  path: string;
}

export interface ExportFinished {
  path: string;
  bytes: number;
  documents: number;
  spans: number;
}
