// Shapes of the import/export channels: the argument schemas main checks on
// every call and the result types the renderer gets back. Kept out of
// core/bridge.ts so the bridge stays a list of channels. Every schema is
// strict (own keys only, bounded sizes): a renderer bug or a compromised page
// cannot push unbounded data or a file path through them. Paths only ever
// come from main's dialogs.
import { OUTPUT_FILE_FORMATS } from './formats/output-formats';
import type { ImportBatch } from './jsonl/import-batch';
import { ExportRecordSchema, JsonlFormatSchema } from './jsonl/records';
import { OFFSET_UNITS } from './jsonl/span-check';
import { bytes, list, name, sessionId, v, type Infer } from './shape';

/**
 * Documents main reads per importNext call, and the renderer stores in one transaction. 500, not 200:
 * each transaction is flushed to disk before it reports (strict durability), and at 200 those flushes made
 * the import of 3,000 documents 1.25-1.44x raw IndexedDB puts of the same batches; at 500, 1.14-1.18x.
 */
export const IMPORT_BATCH_DOCUMENTS = 500;
/** A batch also ends once its texts hold this many characters, so a batch of long texts stays small in memory. */
export const IMPORT_BATCH_CHARS = 8_000_000;
/** Records one exportWrite call may carry. */
export const EXPORT_WRITE_MAX_RECORDS = 1000;
/** A dropped file larger than this must go through "Import files…" (streamed from disk). */
export const DROP_MAX_BYTES = 64 * 1024 * 1024;
/** Longest file name a dropped file may have (a name, never a path). */
export const FILE_NAME_MAX = 255;

export const ImportKindSchema = v.picklist(['files', 'folder']);
export type ImportKind = Infer<typeof ImportKindSchema>;

/** How the offsets of the files to import count (doccano's web UI and INCEpTION count UTF-16 units). */
export const OffsetUnitSchema = v.picklist(OFFSET_UNITS);

export const ChooseImportArg = v.strictObject({ kind: ImportKindSchema, offsets: v.optional(OffsetUnitSchema) });
/** Any call that names one session: import, export or backup. */
export const SessionArg = v.strictObject({ session: sessionId });
export const ImportBytesArg = v.strictObject({
  name: name(FILE_NAME_MAX),
  bytes: bytes(DROP_MAX_BYTES),
  offsets: v.optional(OffsetUnitSchema),
  /** The .txt dropped with a brat .ann or a W3C .w3c.json of the same name. */
  companion: v.optional(v.strictObject({ name: name(FILE_NAME_MAX), bytes: bytes(DROP_MAX_BYTES) })),
});
export const ExportBeginArg = v.strictObject({
  format: JsonlFormatSchema,
  suggestedName: name(FILE_NAME_MAX),
  /** Another tool's format: main writes the records as JSON Lines first, then converts them into it at the end. */
  target: v.optional(v.picklist(OUTPUT_FILE_FORMATS)),
});
export const ExportWriteArg = v.strictObject({
  session: sessionId,
  records: list(ExportRecordSchema, EXPORT_WRITE_MAX_RECORDS),
});

export interface ImportStarted {
  session: string;
  /** Files the picked paths hold (a folder counts its files). */
  files: number;
}

export type ImportStep = ImportBatch & { done: boolean };

export interface ExportStarted {
  session: string;
  /** Where the file will be written, for the summary line. */
  path: string;
}

/** An expected refusal (a record the writer cannot vouch for) comes back as data, not as a thrown string. */
export type ExportWritten = { ok: true; bytes: number } | { ok: false; message: string };

export interface ExportFinished {
  path: string;
  bytes: number;
  documents: number;
  spans: number;
  /** With a target format: the files written, and what that format could not hold (said, never dropped silently). */
  files?: number;
  problems?: string[];
}
