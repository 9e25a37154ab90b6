// Writes go to IndexedDB one after another, in the order they were made.
// The page shows how many are still pending and how many have been saved:
// a change counts as saved (acknowledged) only after its transaction committed.

export class SaveQueue {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;
  private saved = 0;

  constructor(private readonly onState: (pending: number, saved: number, error?: unknown) => void = () => {}) {}

  enqueue(write: () => Promise<void>): Promise<void> {
    this.pending++;
    this.report();
    const run = this.tail.then(write).then(
      () => { this.pending--; this.saved++; this.report(); },
      (error: unknown) => { this.pending--; this.report(error); },
    );
    this.tail = run;
    return run;
  }

  /** Resolves when every write queued so far has finished. */
  idle(): Promise<void> {
    return this.tail;
  }

  private report(error?: unknown): void {
    this.onState(this.pending, this.saved, error);
  }
}
