// The status bar's word on the background indexer (renderer/db/background-index.ts):
// how many documents still wait for their search terms and signatures (search
// already finds them; similar documents list them once indexed), and, if it
// stopped, why, on screen rather than in the console. A run shorter than
// SHOW_AFTER_MS (a few documents) says nothing: a line that flickers in and
// out tells nobody anything and moves what is under the pointer.
import type { IndexerState } from '../db/background-index';
import { h } from '../dom';

export const SHOW_AFTER_MS = 1000;

export class IndexStatus {
  readonly element = h('span', { class: 'index-status', 'data-testid': 'index-status', hidden: true });
  private pendingBefore = 0;
  private timer?: ReturnType<typeof setTimeout>;

  /** Shows `state`; true when a run of indexing has just finished (what waited on it can look again). */
  show(state: IndexerState): boolean {
    const finished = this.pendingBefore > 0 && state.pending === 0 && !state.error;
    this.pendingBefore = state.pending;
    const documents = `${state.pending.toLocaleString('en-US')} ${state.pending === 1 ? 'document' : 'documents'}`;
    this.element.classList.toggle('error', state.error !== undefined);
    this.element.setAttribute('role', state.error ? 'alert' : 'status');
    this.element.textContent = state.error
      ? `Indexing stopped (${state.error}); ${documents} wait, and indexing tries again at the next import or start. Search still finds them.`
      : `Indexing ${documents}…`;
    this.element.title = state.error
      ? ''
      : 'Their search terms and similarity signatures are being written. Search finds them already; similar documents list them once indexed.';
    if (state.error) this.reveal();
    else if (state.pending === 0) this.hide();
    else this.timer ??= setTimeout(() => this.reveal(), SHOW_AFTER_MS);
    return finished;
  }

  private reveal(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.element.hidden = false;
  }

  private hide(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.element.hidden = true;
  }
}
