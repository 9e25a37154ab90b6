// Saves the span changes a pane observed, in order, and keeps the view and
// the database in agreement when a write does not go as made:
//
// - A write that fails (RELIABILITY.md, "A failed save"): the queue stops,
//   the step leaves the undo history, every pane showing the document is put
//   back on what the database holds, the researcher is told plainly that the
//   change was not saved, and only then does the queue run again.
// - A stale write (another window changed the span first): the database
//   merged or refused it (db/spans-repo.ts); the panes show the stored result
//   and the researcher is told what happened.
// After each write, other windows are told (ChangeFeed).
import type { Step } from '../../core/spans/history';
import type { WorkbenchDb } from '../db/schema';
import { writeSpanChanges, type StaleChange } from '../db/spans-repo';
import type { HistoryStore } from './history-store';
import { QueueStoppedError, type SaveQueue } from './save-queue';

export interface SaverHost {
  /** Shows the stored spans of `docId` in every pane that shows it. */
  reloadSpans(docId: string): Promise<void>;
  /** Re-reads the document's record (count, status) after a write. */
  reloadRecord(docId: string): Promise<void>;
  say(message: string): void;
  /** Announces a write to other windows. */
  announce(docId: string): void;
}

function staleMessage(stale: readonly StaleChange[]): string {
  const merged = stale.filter((s) => s.outcome === 'merged').length;
  const refused = stale.length - merged;
  const parts = [];
  if (merged)
    parts.push(`${merged} change${merged === 1 ? ' was' : 's were'} merged with edits made in another window`);
  if (refused)
    parts.push(
      `${refused} change${refused === 1 ? ' was' : 's were'} not made because another window had deleted or changed the span`,
    );
  return `This document was changed in another window: ${parts.join('; ')}. It now shows what is stored.`;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class SpanSaver {
  constructor(
    private readonly db: WorkbenchDb,
    private readonly queue: SaveQueue,
    private readonly histories: HistoryStore,
    private readonly host: SaverHost,
  ) {}

  save(docId: string, step: Step): void {
    void this.queue
      .enqueue(() => writeSpanChanges(this.db, docId, step))
      .then(
        async ({ stale }) => {
          this.host.announce(docId);
          if (stale.length > 0) {
            await this.host.reloadSpans(docId);
            this.host.say(staleMessage(stale));
          }
          await this.host.reloadRecord(docId);
        },
        (error: unknown) => this.failed(docId, step, error),
      );
  }

  private async failed(docId: string, step: Step, error: unknown): Promise<void> {
    this.histories.dropUnsaved(docId, step);
    try {
      await this.host.reloadSpans(docId);
      await this.host.reloadRecord(docId);
    } finally {
      // Writes stopped behind the failed one are reloaded too, but the first failure's message is the one to keep on screen.
      if (!(error instanceof QueueStoppedError)) {
        this.host.say(
          `Your last change was NOT saved (${messageOf(error)}). The document shows what is stored; please make the change again.`,
        );
      }
      this.queue.resume();
    }
  }
}
