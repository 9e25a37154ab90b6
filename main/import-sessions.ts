// Import sessions: the user picks files or a folder in main's open dialog;
// the renderer then pulls the documents batch by batch (importNext). Pulling
// gives natural backpressure: main reads the next batch only when the
// renderer has stored the last one, so a 300 MB corpus never sits in memory.
// The renderer only ever holds a session id; the paths stay here. A session
// that fails is closed at once (its generator returned, so its file is closed).
import type { ImportKind, ImportStarted, ImportStep } from '../core/io-shapes';
import { IMPORT_BATCH_DOCUMENTS } from '../core/io-shapes';
import type { ImportBatch } from '../core/jsonl/import-batch';
import type { OffsetUnit } from '../core/jsonl/span-check';
import { planImport, readImportPaths } from './services/import-paths';
import { SessionTable } from './services/session-table';

export { UnknownSessionError } from './services/session-table';

export type OpenDialog = (kind: ImportKind) => Promise<string[] | null>;

interface Session {
  batches: AsyncGenerator<ImportBatch>;
  /** Set while a batch is being read: a second importNext must wait its turn, not interleave. */
  busy?: Promise<unknown>;
}

export class ImportSessions {
  private readonly sessions = new SessionTable<Session>('import');

  constructor(
    private readonly showOpenDialog: OpenDialog,
    private readonly batchSize = IMPORT_BATCH_DOCUMENTS,
  ) {}

  get open(): number {
    return this.sessions.size;
  }

  async choose(kind: ImportKind, offsets?: OffsetUnit): Promise<ImportStarted | null> {
    const paths = await this.showOpenDialog(kind);
    if (!paths || paths.length === 0) return null;
    // Counted up front so the progress bar knows its length before the first batch.
    const files = (await planImport(paths)).files.length;
    const session = this.sessions.add({ batches: readImportPaths(paths, { batchSize: this.batchSize, offsets }) });
    return { session, files };
  }

  async next(id: string): Promise<ImportStep> {
    const session = this.sessions.get(id);
    const step = session.batches.next();
    session.busy = step;
    let result: IteratorResult<ImportBatch>;
    try {
      result = await step;
    } catch (error) {
      await this.cancel(id);
      throw error;
    }
    if (result.done) return this.finish(id, { documents: [], problems: [], progress: { filesDone: 0, filesTotal: 0 } });
    // readImportPaths marks its last batch by filesDone === filesTotal.
    if (result.value.progress.filesDone === result.value.progress.filesTotal) return this.finish(id, result.value);
    return { ...result.value, done: false };
  }

  /** Stops reading (closing any open file); what the renderer stored stays stored. Unknown ids are ignored. */
  async cancel(id: string): Promise<void> {
    const session = this.sessions.take(id);
    if (!session) return;
    await session.busy?.catch(() => undefined);
    await session.batches.return(undefined).catch(() => undefined);
  }

  private async finish(id: string, batch: ImportBatch): Promise<ImportStep> {
    await this.sessions.take(id)?.batches.return(undefined);
    return { ...batch, done: true };
  }
}
