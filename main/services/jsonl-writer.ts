// Writes an export as JSONL, batch by batch, into a temporary file beside the
// target and renames it over the target only at close(): a crash or an abort
// never leaves a half-written export where the user expects a whole one.
// (rename within one folder is atomic on the file systems we target.)
import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { ExportRecord, JsonlFormat } from '../../core/jsonl/records';
import { toJsonlLine, type LineOptions } from '../../core/jsonl/writer';

export interface ExportSummary {
  path: string;
  bytes: number;
  documents: number;
  spans: number;
}

export interface JsonlWriter {
  /** Appends one line per record. Rejects (writing nothing of the batch) if a record cannot be written correctly. */
  write(records: ExportRecord[]): Promise<void>;
  /** Flushes, renames the temporary file onto the target and tells what was written. */
  close(): Promise<ExportSummary>;
  /** Removes the temporary file; the target is left as it was. */
  abort(): Promise<void>;
  /** Bytes written so far (shown as progress). */
  readonly bytes: number;
}

/** FileHandle.write may write less than asked (rare, for big buffers): loop until all is written. */
async function writeAll(file: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let at = 0; at < bytes.length;) at += (await file.write(bytes, at, bytes.length - at)).bytesWritten;
}

export function tempPathFor(target: string): string {
  const dir = path.dirname(target);
  return path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

export async function openJsonlWriter(
  target: string,
  format: JsonlFormat,
  options: LineOptions = {},
): Promise<JsonlWriter> {
  const temp = tempPathFor(target);
  let handle: FileHandle | undefined = await open(temp, 'wx');
  const summary: ExportSummary = { path: target, bytes: 0, documents: 0, spans: 0 };
  const live = (): FileHandle => {
    if (!handle) throw new Error(`export to ${target} is already closed`);
    return handle;
  };

  return {
    get bytes() {
      return summary.bytes;
    },
    async write(records) {
      const file = live();
      // Build the whole batch first, so a refused record writes nothing of it; then one write of the whole chunk.
      let chunk = '';
      for (const record of records) chunk += `${toJsonlLine(record, format, options)}\n`;
      const bytes = Buffer.from(chunk, 'utf8');
      await writeAll(file, bytes);
      summary.bytes += bytes.length;
      summary.documents += records.length;
      summary.spans += records.reduce((n, r) => n + r.spans.length, 0);
    },
    async close() {
      const file = live();
      handle = undefined;
      await file.sync();
      await file.close();
      await rename(temp, target);
      return { ...summary };
    },
    async abort() {
      const file = handle;
      handle = undefined;
      await file?.close().catch(() => undefined);
      await rm(temp, { force: true });
    },
  };
}
