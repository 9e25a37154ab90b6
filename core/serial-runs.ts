// One run at a time, and a request made while one runs is served by exactly
// one more run after it: the shape of work that must see every change but
// never overlap itself (the sync agent's rounds, the background indexer's
// drains). Requests made meanwhile collapse into that one trailing run.

export class SerialRuns {
  private running?: Promise<void>;
  private again = false;

  constructor(private readonly run: () => Promise<void>) {}

  /** Starts a run now, or asks for one more after the run under way. */
  request(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.request();
      }
    });
  }

  /** Resolves once no run is under way (the trailing one included). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }
}
