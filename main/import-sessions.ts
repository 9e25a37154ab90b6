// Import sessions: the user picks files or a folder in main's open dialog;
// the renderer then pulls the documents batch by batch (importNext). Pulling
// gives natural backpressure: main reads the next batch only when the
// renderer has stored the last one, so a 300 MB corpus never sits in memory.
// The renderer only ever holds a session id; the paths stay here.
import { randomUUID } from 'node:crypto';
import type { ImportKind, ImportStarted, ImportStep } from '../core/io-shapes';
import { IMPORT_BATCH_DOCUMENTS } from '../core/io-shapes';
import type { ImportBatch } from '../core/jsonl/import-batch';
import { planImport, readImportPaths } from './services/import-paths';

export type OpenDialog = (kind: ImportKind) => Promise<string[] | null>;

interface Session {
  batches: AsyncGenerator<ImportBatch>;
  /** Set while a batch is being read: a second importNext must wait its turn, not interleave. */
  busy?: Promise<unknown>;
}

export class UnknownSessionError extends Error {
  override name = 'UnknownSessionError';
}

export class ImportSessions {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly showOpenDialog: OpenDialog, private readonly batchSize = IMPORT_BATCH_DOCUMENTS) {}

  get open(): number {
    return this.sessions.size;
  }

  async choose(kind: ImportKind): Promise<ImportStarted | null> {
    const paths = await this.showOpenDialog(kind);
    if (!paths || paths.length === 0) return null;
    // Counted up front so the progress bar knows its length before the first batch.
    const files = (await planImport(paths)).files.length;
    const session = randomUUID();
    this.sessions.set(session, { batches: readImportPaths(paths, { batchSize: this.batchSize }) });
    return { session, files };
  }

  async next(id: string): Promise<ImportStep> {
    const session = this.sessions.get(id);
    if (!session) throw new UnknownSessionError(`no import session ${id}`);
    const step = session.batches.next();
    session.busy = step;
    const { value, done } = await step;
    if (done) return this.finish(id, { documents: [], problems: [], progress: { filesDone: 0, filesTotal: 0 } });
    // readImportPaths marks its last batch by filesDone === filesTotal.
    if (value.progress.filesDone === value.progress.filesTotal) return this.finish(id, value);
    return { ...value, done: false };
  }

  /** Stops reading (closing any open file); what the renderer stored stays stored. Unknown ids are ignored. */
  async cancel(id: string): Promise<void> {
    const session = this.sessions.get(id);
    if (!session) return;
    this.sessions.delete(id);
    await session.busy?.catch(() => undefined);
    await session.batches.return(undefined);
  }

  private async finish(id: string, batch: ImportBatch): Promise<ImportStep> {
    const session = this.sessions.get(id);
    this.sessions.delete(id);
    await session?.batches.return(undefined);
    return { ...batch, done: true };
  }
}
