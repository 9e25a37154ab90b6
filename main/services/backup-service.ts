// The main-process side of backups as the bridge sees it: a snapshot is
// streamed in by the renderer (begin, write batches, end) and read back out
// the same way (open, next batch until done). Sessions are opaque random ids,
// so the renderer never names a file; one write and one read at a time is
// enough for one window, and a new one replaces an abandoned one (a reload
// mid-backup), whose temporary file is removed.
import type { BackupBatch } from '../../core/backup-shapes';
import type { ExportRecord } from '../../core/jsonl/records';
import type { CorpusLoad } from '../../core/model';
import {
  ensureBackupDir,
  freshBackupId,
  listBackups,
  pruneBackups,
  readSnapshot,
  recordSummary,
  snapshotIds,
  snapshotPath,
  KEEP_BACKUPS,
  type BackupInfo,
} from './backups';
import { openJsonlWriter, type JsonlWriter } from './jsonl-writer';
import { SessionTable } from './session-table';

interface WriteSession {
  backupId: string;
  writer: JsonlWriter;
}

export class BackupService {
  // At most one of each: a new session replaces an abandoned one.
  private readonly writing = new SessionTable<WriteSession>('backup');
  private readonly reading = new SessionTable<AsyncGenerator<CorpusLoad>>('backup read');

  constructor(
    readonly dir: string,
    private readonly keep = KEEP_BACKUPS,
    private readonly now = () => Date.now(),
  ) {}

  async begin(): Promise<{ session: string }> {
    await this.abortWrites();
    await ensureBackupDir(this.dir);
    const backupId = await freshBackupId(this.dir, this.now());
    const writer = await openJsonlWriter(snapshotPath(this.dir, backupId), 'prodigy');
    return { session: this.writing.add({ backupId, writer }) };
  }

  async write(session: string, records: ExportRecord[]): Promise<void> {
    const live = this.writing.get(session);
    try {
      await live.writer.write(records);
    } catch (error) {
      await this.abortWrites();
      throw error;
    }
  }

  /** Completes the snapshot (or drops it when `abort`), then prunes to the newest `keep`. */
  async end(session: string, abort = false): Promise<BackupInfo | null> {
    const live = this.writing.get(session);
    if (abort) return this.abortWrites().then(() => null);
    this.writing.take(session);
    const summary = await live.writer.close();
    const info = await recordSummary(this.dir, live.backupId, summary);
    await pruneBackups(this.dir, this.keep);
    return info;
  }

  private async abortWrites(): Promise<void> {
    for (const live of this.writing.takeAll()) await live.writer.abort();
  }

  list(): Promise<BackupInfo[]> {
    return listBackups(this.dir);
  }

  async open(backupId: string): Promise<{ session: string }> {
    for (const batches of this.reading.takeAll()) await batches.return(undefined);
    snapshotPath(this.dir, backupId); // throws on a malformed id before anything is read
    if (!(await snapshotIds(this.dir)).includes(backupId)) throw new Error(`no backup ${backupId}`);
    return { session: this.reading.add(readSnapshot(this.dir, backupId)) };
  }

  async next(session: string): Promise<BackupBatch> {
    const step = await this.reading.get(session).next();
    if (step.done) {
      this.reading.take(session);
      return { documents: [], problems: [], done: true };
    }
    return { ...step.value, done: false };
  }
}
