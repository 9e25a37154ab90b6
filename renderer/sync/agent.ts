// The renderer's side of sync, one round at a time and never more than one:
// hand the outbox's notes to main (main writes them to its replica on disk and
// answers; only then are the notes settled), then apply main's changes batch
// by batch, then read the status for the top bar. Every step is a small
// transaction, so the editor never waits on sync; a round that fails is
// retried on the next tick and the error is shown.
import type { WorkbenchBridge } from '../../core/bridge';
import { SerialRuns } from '../../core/serial-runs';
import { SYNC_BATCH, type SyncPullBatch, type SyncStatus } from '../../core/sync/sync-shapes';
import type { WorkbenchDb } from '../db/schema';
import { applyRemoteChanges, type ApplyResult } from '../db/sync-apply';
import { countOutbox, notesWritten, readOutbox, settleOutbox } from '../db/sync-outbox';
import { payloadFor } from '../db/sync-records';
import {
  enrollAndBackfill,
  isEnrolled,
  localAnnotator,
  markNotedThrough,
  pulledSeq,
  sweepRecent,
} from '../db/sync-state';
import { timed } from '../timing';

/** How often the agent writes the noted-through mark (sync-state.ts markNotedThrough). */
const MARK_EVERY_MS = 30_000;

/** How often a long pull tells the screen what it applied (report). */
const REPORT_EVERY_MS = 500;

const mergeResults = (a: ApplyResult, b: ApplyResult): ApplyResult => ({
  documentsAdded: a.documentsAdded + b.documentsAdded,
  touched: new Set([...a.touched, ...b.touched]),
  labelsChanged: a.labelsChanged || b.labelsChanged,
  problems: [...a.problems, ...b.problems],
});

export interface AgentView {
  status: SyncStatus;
  /** Notes in this profile's outbox not yet handed to main. */
  outbox: number;
  /** The last round's failure, in words. */
  failure?: string;
}

export interface AgentEvents {
  applied(result: ApplyResult): void;
  view(view: AgentView): void;
  /**
   * Holds background work (the search indexer, automatic backups) while pulled batches are applied, as
   * an import does; returns its release. A fresh profile's first pull stores thousands of documents:
   * indexing them and backing up a half-pulled corpus meanwhile would take the CPU the pull needs.
   */
  holdBackground?(): () => void;
}

export class SyncAgent {
  private readonly rounds = new SerialRuns(() => this.round());
  /** Whether this session's sweep for notes a crash may have lost has run (sync-state.ts sweepRecent). */
  private swept = false;
  /** When the noted-through mark was last written (one write every MARK_EVERY_MS is enough). */
  private marked = 0;
  private timer?: ReturnType<typeof setInterval>;
  /** What was applied and not yet told to the screen (report). */
  private unreported?: ApplyResult;
  private reportTimer?: ReturnType<typeof setTimeout>;
  last?: AgentView;

  constructor(
    private readonly db: WorkbenchDb,
    private readonly bridge: WorkbenchBridge,
    private readonly events: AgentEvents,
    private readonly everyMs = 2000,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => this.poke(), this.everyMs);
    this.poke();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Asks for a round soon (a write was made); rounds never overlap. */
  poke(): void {
    this.rounds.request();
  }

  /** Resolves when no round runs (tests, and before a settings change). */
  idle(): Promise<void> {
    return this.rounds.idle();
  }

  private async round(): Promise<void> {
    let failure: string | undefined;
    let status = await this.bridge.syncStatus(undefined).catch((e: Error): SyncStatus => ({
      state: 'error',
      message: e.message,
      waiting: 0,
      conflicts: 0,
      problems: [],
    }));
    try {
      if (status.state !== 'off') {
        await enrollAndBackfill(this.db);
        await this.push();
        await this.pull();
        status = await this.bridge.syncStatus(undefined);
      } else if (await isEnrolled(this.db)) {
        // Sync paused: still hand changes to main, so they wait on disk there as well.
        await this.push();
      }
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    this.last = { status, outbox: await countOutbox(this.db), ...(failure ? { failure } : {}) };
    this.events.view(this.last);
  }

  private async push(): Promise<void> {
    if (!this.swept) {
      await sweepRecent(this.db);
      this.swept = true;
    }
    const annotator = await localAnnotator(this.db);
    const before = Date.now();
    await notesWritten();
    // A mark up to MARK_EVERY_MS old only widens the next session's sweep; a write every round is not needed.
    if (before - this.marked >= MARK_EVERY_MS) {
      await markNotedThrough(this.db, before);
      this.marked = before;
    }
    for (;;) {
      await notesWritten();
      const entries = await readOutbox(this.db, SYNC_BATCH / 2);
      if (entries.length === 0) return;
      const payload = await payloadFor(this.db, entries, annotator);
      const most = Math.max(payload.records.length, payload.removed.length, payload.removedKeys.length);
      for (let i = 0; i < most; i += SYNC_BATCH)
        await this.bridge.syncPush({
          annotator,
          records: payload.records.slice(i, i + SYNC_BATCH),
          removed: payload.removed.slice(i, i + SYNC_BATCH),
          removedKeys: payload.removedKeys.slice(i, i + SYNC_BATCH),
        });
      await settleOutbox(this.db, entries);
      if (entries.length < SYNC_BATCH / 2) return;
    }
  }

  /**
   * Main's next batch is asked for while this one is applied: main reads its replica while IndexedDB writes.
   * The next batch starts where this one ends, which is what the apply stores as the pulled mark; if the
   * apply fails, the round ends and the next round starts again from the stored mark.
   */
  private async pull(): Promise<void> {
    const annotator = await localAnnotator(this.db);
    let since = await pulledSeq(this.db);
    let next = this.ask(since);
    let release: (() => void) | undefined;
    try {
      for (;;) {
        const batch = await next;
        if (batch.changes.length === 0 && batch.last === since) return;
        release ??= this.events.holdBackground?.();
        if (!batch.done) next = this.ask(batch.last);
        const t = performance.now();
        const result = await applyRemoteChanges(this.db, batch, annotator);
        timed('sync: apply', t);
        since = batch.last;
        this.report(result);
        if (batch.done) return;
      }
    } finally {
      release?.();
      this.flushReport();
    }
  }

  /**
   * Tells the screen what was applied at most every REPORT_EVERY_MS while a long pull runs (a fresh
   * profile's first pull is hundreds of batches: redrawing the document list after each one cost a
   * seventh of the pull), and at once when the pull ends.
   */
  private report(result: ApplyResult): void {
    this.unreported = this.unreported ? mergeResults(this.unreported, result) : result;
    this.reportTimer ??= setTimeout(() => this.flushReport(), REPORT_EVERY_MS);
  }

  private flushReport(): void {
    clearTimeout(this.reportTimer);
    this.reportTimer = undefined;
    const result = this.unreported;
    this.unreported = undefined;
    if (result) this.events.applied(result);
  }

  private ask(since: number | string): Promise<SyncPullBatch> {
    const t = performance.now();
    const asked = this.bridge.syncPull({ since }).then((batch) => {
      timed('sync: bridge pull', t);
      return batch;
    });
    asked.catch(() => undefined); // a prefetch the round stopped waiting for is no unhandled rejection
    return asked;
  }
}
