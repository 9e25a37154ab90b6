// Writes go to IndexedDB one after another, in the order they were made.
// The page shows how many are still pending and how many have been saved:
// a change counts as saved (acknowledged) only after its transaction committed.
//
// A failed write stops the queue (RELIABILITY.md, "A failed save"): every
// write queued behind it was made on top of the change that was not saved,
// so none of them runs (each rejects with QueueStoppedError) until the owner
// has put the view back on the database's truth and calls resume().

export class QueueStoppedError extends Error {
  constructor() {
    super('not written: an earlier change in the queue could not be saved');
    this.name = 'QueueStoppedError';
  }
}

export type SaveState = { pending: number; saved: number; error?: unknown; stopped: boolean };

export class SaveQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private saved = 0;
  private stopped = false;

  constructor(private readonly onState: (state: SaveState) => void = () => {}) {}

  enqueue<T>(write: () => Promise<T>): Promise<T> {
    this.pending++;
    this.report();
    const run = this.tail.then(() => {
      if (this.stopped) throw new QueueStoppedError();
      return write();
    });
    this.tail = run.then(
      () => {
        this.pending--;
        this.saved++;
        this.report();
      },
      (error: unknown) => {
        this.pending--;
        const first = !this.stopped;
        this.stopped = true;
        if (first) this.report(error);
        else this.report();
      },
    );
    return run;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Lets writes run again, once the view shows what the database holds. */
  resume(): void {
    this.stopped = false;
    this.report();
  }

  /** Resolves when every write queued so far has finished (saved or not). */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }

  private report(error?: unknown): void {
    this.onState({ pending: this.pending, saved: this.saved, error, stopped: this.stopped });
  }
}
