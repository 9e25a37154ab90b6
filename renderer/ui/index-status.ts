// The status bar's word on the background indexer (renderer/db/background-index.ts):
// how many documents still wait for their search terms and signatures (search
// already finds them; similar documents list them once indexed), and, if it
// stopped, why, on screen rather than in the console.
import type { IndexerState } from '../db/background-index';
import { h } from '../dom';

export class IndexStatus {
  readonly element = h('span', { class: 'index-status', 'data-testid': 'index-status', hidden: true });
  private pendingBefore = 0;

  /** Shows `state`; true when a run of indexing has just finished (what waited on it can look again). */
  show(state: IndexerState): boolean {
    const finished = this.pendingBefore > 0 && state.pending === 0 && !state.error;
    this.pendingBefore = state.pending;
    this.element.hidden = state.pending === 0 && !state.error;
    this.element.classList.toggle('error', state.error !== undefined);
    this.element.setAttribute('role', state.error ? 'alert' : 'status');
    const documents = `${state.pending.toLocaleString('en-US')} ${state.pending === 1 ? 'document' : 'documents'}`;
    this.element.textContent = state.error
      ? `Indexing stopped (${state.error}); ${documents} wait, and indexing tries again at the next import or start. Search still finds them.`
      : `Indexing ${documents} for similar documents…`;
    return finished;
  }
}
