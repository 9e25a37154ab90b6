// Wires backups into the app: a write watch on the database (installed before
// it opens), the debounced scheduler, and a "Backups…" button in the top bar.
// body.dataset.backups counts the snapshots this page has written (for tests).
import type { WorkbenchBridge } from '../../core/bridge';
import type { CorpusLoad } from '../../core/model';
import type { WorkbenchDb } from '../db/schema';
import { watchWrites } from '../db/write-watch';
import { h } from '../dom';
import { openBackupsDialog } from './dialog';
import { restoreBackup } from './restore';
import { BackupFailureNotice, BackupScheduler, timingFromQuery } from './scheduler';
import { writeSnapshot } from './snapshot';

/** What the backups need of the workbench screen. */
export interface BackupHost {
  importDocuments(docs: CorpusLoad['documents']): Promise<{ added: number; spansAdded: number }>;
  reloadLabels(): Promise<void>;
  refreshList(): Promise<void>;
  /** Re-shows the open document (or the first one) so restored spans appear. */
  reopen(): Promise<void>;
  say(message: string): void;
}

export class Backups {
  readonly scheduler: BackupScheduler;
  private written = 0;

  constructor(
    private readonly db: WorkbenchDb,
    private readonly bridge: WorkbenchBridge,
    search = location.search,
  ) {
    const notice = new BackupFailureNotice();
    this.scheduler = new BackupScheduler(
      () => this.snapshot(),
      timingFromQuery(search),
      (e) => notice.show(e),
      undefined,
      () => notice.clear(),
    );
    watchWrites(db, 'backup', () => this.scheduler.changed());
  }

  private async snapshot(): Promise<void> {
    await writeSnapshot(this.db, this.bridge);
    document.body.dataset.backups = String(++this.written);
  }

  /** Adds the "Backups…" button to the top bar. */
  attach(host: BackupHost, topbar: Element | null = document.querySelector('.topbar')): void {
    const button = h('button', { type: 'button', class: 'ghost', 'data-testid': 'open-backups' }, 'Backups…');
    button.addEventListener('click', () => void this.open(host));
    topbar?.append(button);
  }

  open(host: BackupHost): HTMLDialogElement {
    return openBackupsDialog({
      list: () => this.bridge.listBackups(undefined),
      backupNow: () => this.snapshot(),
      restore: (id, progress) => this.restore(host, id, progress),
    });
  }

  /** Restores one snapshot into the database and the screen; returns a sentence saying what came back. */
  async restore(host: BackupHost, id: string, progress: (documents: number) => void): Promise<string> {
    const summary = await restoreBackup(this.bridge, id, (docs) => host.importDocuments(docs), progress);
    await host.refreshList();
    await host.reloadLabels();
    await host.reopen();
    const problems = summary.problems.length ? `; ${summary.problems.length} problem(s) in the snapshot` : '';
    const layer = summary.suggestionsAdded + summary.rejectionsAdded;
    const suggestions = layer
      ? `; ${plural(summary.suggestionsAdded, 'kept suggestion')} and ${plural(summary.rejectionsAdded, 'rejection')} written back`
      : '';
    return `Restored: ${summary.added} documents and ${summary.spansAdded} spans added back (of ${summary.documents} documents in the backup)${suggestions}${problems}.`;
  }
}

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;
