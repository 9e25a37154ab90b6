// The suggestion worker's warm-up: once a session, at the first quiet moment
// after a document opens, the worker compiles its suggesters before a large
// text needs them. An import or a sync pull holds it (no key is pressed while
// a large import runs, and its quiet is not the researcher's): a quiet moment
// that comes while held waits for the release, then for another quiet moment.
import { Holds } from '../../core/holds';
import { afterQuiet } from './quiet-moment';
import type { SuggestClient } from './suggest-client';

/** How long without input counts as a quiet moment for the warm-up. */
export const WARM_UP_QUIET_MS = 3_000;

export class WorkerWarmUp {
  private asked = false;
  private due = false;
  private readonly holds = new Holds(() => {
    if (!this.due) return;
    this.due = false;
    this.atQuiet();
  });

  constructor(private readonly client: SuggestClient) {}

  /** A document opened: the first time in a session, the warm-up waits for a quiet moment. */
  whenQuiet(): void {
    if (this.asked) return;
    this.asked = true;
    this.atQuiet();
  }

  /** Holds the warm-up; returns the release. */
  hold(): () => void {
    return this.holds.take();
  }

  private atQuiet(): void {
    afterQuiet(() => this.run(), WARM_UP_QUIET_MS);
  }

  private run(): void {
    if (this.holds.held) {
      this.due = true;
      return;
    }
    const started = performance.now();
    this.client.request({ type: 'warm-up' }).then(
      (result) => performance.measure('suggest-warm-up', { start: started, detail: result }),
      () => undefined, // a worker that fails says so on the next suggestion request
    );
  }
}
