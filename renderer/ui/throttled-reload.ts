// A re-read that may be asked for far more often than it should run: during
// an import every stored batch asks the list to re-read its order (every id
// by name: 100,000 keys at full size). It runs one at a time, spaced so that
// it takes a small share of the time, and a request made meanwhile is served
// by one trailing run, so the last state is always picked up.

/** Re-read at most once per this many times the re-read's own last duration (~10% of the time)… */
export const SPACING = 10;
/**
 * …but never wait longer than this for the next one. It was 3 s: as a million-record import grew the
 * corpus, the re-read of every id took 1-3 s, so the cap, not the share, set the pace and the re-reads
 * took a third of the import and more, the import slowing as it went (5.6 -> 3.5 MB of JSONL a minute).
 */
export const MAX_WAIT_MS = 30_000;

export class ThrottledReload {
  private running?: Promise<void>;
  private again = false;
  private readyAt = 0;

  constructor(private readonly reload: () => Promise<void>) {}

  schedule(): void {
    if (this.running) return void (this.again = true);
    this.running = (async () => {
      const wait = this.readyAt - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      this.again = false; // this run sees every change made so far
      const started = performance.now();
      await this.reload();
      this.readyAt = performance.now() + Math.min(MAX_WAIT_MS, SPACING * (performance.now() - started));
    })().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    });
  }
}
