// Open exports: the user picks the target in main's save dialog; the renderer
// then streams records to a handle and finally ends or aborts it. The JSONL
// writer puts everything in a temporary file beside the target and renames it
// only at the end, so an aborted or crashed export never leaves a half file.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ExportFinished, ExportStarted } from '../core/io-shapes';
import type { ExportRecord, JsonlFormat } from '../core/jsonl/records';
import { openJsonlWriter, type JsonlWriter } from './services/jsonl-writer';

export type SaveDialog = (suggestedName: string) => Promise<string | null>;

export class UnknownHandleError extends Error {
  override name = 'UnknownHandleError';
}

interface OpenExport {
  writer: JsonlWriter;
}

export class ExportSessions {
  private readonly exports = new Map<string, OpenExport>();

  constructor(private readonly showSaveDialog: SaveDialog) {}

  get open(): number {
    return this.exports.size;
  }

  async begin(format: JsonlFormat, suggestedName: string): Promise<ExportStarted | null> {
    // Only a name goes to the dialog: the folder is the user's choice, never the page's.
    const target = await this.showSaveDialog(path.basename(suggestedName));
    if (!target) return null;
    const handle = randomUUID();
    this.exports.set(handle, { writer: await openJsonlWriter(target, format) });
    return { handle, path: target };
  }

  /** Appends records; a record the writer refuses aborts the whole export and rethrows. */
  async write(handle: string, records: ExportRecord[]): Promise<{ bytes: number }> {
    const open = this.get(handle);
    try {
      await open.writer.write(records);
    } catch (error) {
      await this.abort(handle);
      throw error;
    }
    return { bytes: open.writer.bytes };
  }

  async end(handle: string): Promise<ExportFinished> {
    const open = this.get(handle);
    this.exports.delete(handle);
    return open.writer.close();
  }

  /** Drops the temporary file; the target is left as it was. Unknown handles are ignored. */
  async abort(handle: string): Promise<void> {
    const open = this.exports.get(handle);
    this.exports.delete(handle);
    await open?.writer.abort();
  }

  private get(handle: string): OpenExport {
    const open = this.exports.get(handle);
    if (!open) throw new UnknownHandleError(`no open export ${handle}`);
    return open;
  }
}
