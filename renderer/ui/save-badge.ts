// The top bar's save state: "Saving…", "All changes saved", or, after a write
// that failed, "Not saved" until the next change is stored. The body's data
// attributes let tests and the crash harness wait for acknowledged writes.
import type { SaveState } from '../annotate/save-queue';
import { h } from '../dom';

export class SaveBadge {
  readonly element = h('span', { class: 'save-state', 'data-testid': 'save-state' }, 'All changes saved');
  /** How many writes had been saved when the last one failed; cleared by the next saved write. */
  private failedAt?: number;

  show({ pending, saved, error }: SaveState): void {
    document.body.dataset.savedWrites = String(saved);
    document.body.dataset.pendingWrites = String(pending);
    if (error) this.failedAt = saved;
    else if (this.failedAt !== undefined && saved > this.failedAt) this.failedAt = undefined;
    const failed = this.failedAt !== undefined;
    this.element.textContent = failed ? 'Not saved' : pending > 0 ? 'Saving…' : 'All changes saved';
    this.element.title = failed
      ? 'A change could not be written; the document shows what is stored (see the status line).'
      : '';
    this.element.classList.toggle('error', failed);
  }
}
