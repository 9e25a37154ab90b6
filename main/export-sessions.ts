// Open exports: the user picks the target in main's save dialog; the renderer
// then streams records to a session and finally ends or aborts it. The JSONL
// writer puts everything in a temporary file beside the target and renames it
// only at the end, so an aborted or crashed export never leaves a half file.
import path from 'node:path';
import type { OutputFileFormat } from '../core/formats/output-formats';
import type { ExportFinished, ExportStarted, ExportWritten } from '../core/io-shapes';
import type { ExportRecord, JsonlFormat } from '../core/jsonl/records';
import { ExportError } from '../core/jsonl/writer';
import { openConvertedExport, type ConvertedExport } from './services/converted-export';
import { openJsonlWriter, type JsonlWriter } from './services/jsonl-writer';
import { SessionTable } from './services/session-table';

export type SaveDialog = (suggestedName: string) => Promise<string | null>;

export class ExportSessions {
  private readonly exports = new SessionTable<JsonlWriter | ConvertedExport>('export');

  constructor(private readonly showSaveDialog: SaveDialog) {}

  get open(): number {
    return this.exports.size;
  }

  /** With `into`, the records are converted into that tool's format at the end (services/converted-export.ts). */
  async begin(format: JsonlFormat, suggestedName: string, into?: OutputFileFormat): Promise<ExportStarted | null> {
    // Only a name goes to the dialog: the folder is the user's choice, never the page's.
    const target = await this.showSaveDialog(path.basename(suggestedName));
    if (!target) return null;
    const writer = into ? await openConvertedExport(target, into) : await openJsonlWriter(target, format);
    const session = this.exports.add(writer);
    return { session, path: target };
  }

  /**
   * Appends records. A record the writer refuses (ExportError) aborts the whole
   * export and comes back as { ok: false, message }; other failures rethrow.
   */
  async write(session: string, records: ExportRecord[]): Promise<ExportWritten> {
    const writer = this.exports.get(session);
    try {
      await writer.write(records);
    } catch (error) {
      await this.abort(session);
      if (error instanceof ExportError) return { ok: false, message: error.message };
      throw error;
    }
    return { ok: true, bytes: writer.bytes };
  }

  async end(session: string): Promise<ExportFinished> {
    const writer = this.exports.get(session);
    this.exports.take(session);
    return 'finish' in writer ? writer.finish() : writer.close();
  }

  /** Drops the temporary file; the target is left as it was. Unknown sessions are ignored. */
  async abort(session: string): Promise<void> {
    await this.exports.take(session)?.abort();
  }
}
