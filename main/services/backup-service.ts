// The main-process side of backups as the bridge sees it: a snapshot is
// streamed in by the renderer (begin, write batches, end) and read back out
// the same way (open, next batch until done). Sessions are opaque random ids,
// so the renderer never names a file; one write and one read at a time is
// enough for one window, and a new one replaces an abandoned one (a reload
// mid-backup), whose temporary file is removed.
import { randomUUID } from 'node:crypto';
import type { ExportRecord } from '../../core/jsonl/records';
import type { BackupBatch } from '../../core/backup-shapes';
import type { CorpusLoad } from '../../core/model';
import {
  ensureBackupDir, freshBackupId, listBackups, pruneBackups, readSnapshot, recordSummary, snapshotIds, snapshotPath, KEEP_BACKUPS, type BackupInfo,
} from './backups';
import { openJsonlWriter, type JsonlWriter } from './jsonl-writer';

interface WriteSession {
  id: string;
  backupId: string;
  writer: JsonlWriter;
}

interface ReadSession {
  id: string;
  batches: AsyncGenerator<CorpusLoad>;
}

export class BackupService {
  private writing?: WriteSession;
  private reading?: ReadSession;

  constructor(readonly dir: string, private readonly keep = KEEP_BACKUPS, private readonly now = () => Date.now()) {}

  async begin(): Promise<{ session: string }> {
    await this.abortWrite();
    await ensureBackupDir(this.dir);
    const backupId = await freshBackupId(this.dir, this.now());
    const writer = await openJsonlWriter(snapshotPath(this.dir, backupId), 'prodigy');
    this.writing = { id: randomUUID(), backupId, writer };
    return { session: this.writing.id };
  }

  private liveWrite(session: string): WriteSession {
    if (!this.writing || this.writing.id !== session) throw new Error('no such backup in progress');
    return this.writing;
  }

  async write(session: string, records: ExportRecord[]): Promise<void> {
    const live = this.liveWrite(session);
    try {
      await live.writer.write(records);
    } catch (error) {
      await this.abortWrite();
      throw error;
    }
  }

  /** Completes the snapshot (or drops it when `abort`), then prunes to the newest `keep`. */
  async end(session: string, abort = false): Promise<BackupInfo | null> {
    const live = this.liveWrite(session);
    if (abort) return this.abortWrite().then(() => null);
    this.writing = undefined;
    const summary = await live.writer.close();
    const info = await recordSummary(this.dir, live.backupId, summary);
    await pruneBackups(this.dir, this.keep);
    return info;
  }

  private async abortWrite(): Promise<void> {
    const live = this.writing;
    this.writing = undefined;
    await live?.writer.abort();
  }

  list(): Promise<BackupInfo[]> {
    return listBackups(this.dir);
  }

  async open(backupId: string): Promise<{ session: string }> {
    await this.reading?.batches.return(undefined);
    snapshotPath(this.dir, backupId); // throws on a malformed id before anything is read
    if (!(await snapshotIds(this.dir)).includes(backupId)) throw new Error(`no backup ${backupId}`);
    this.reading = { id: randomUUID(), batches: readSnapshot(this.dir, backupId) };
    return { session: this.reading.id };
  }

  async next(session: string): Promise<BackupBatch> {
    const live = this.reading;
    if (!live || live.id !== session) throw new Error('no such backup being read');
    const step = await live.batches.next();
    if (step.done) {
      this.reading = undefined;
      return { documents: [], problems: [], done: true };
    }
    return { ...step.value, done: false };
  }
}
