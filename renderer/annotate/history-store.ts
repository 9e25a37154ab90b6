// The undo histories of the session, one a document, kept across document
// switches. A pane hands a document's history to the spans plugin when it
// opens it and writes it back after every change it observes; nothing else
// writes here. Owned by the app (the session), not by an annotator.
import { emptyHistory, type Change, type History, type Step } from '../../core/spans/history';

/** True when `recorded` is, or was merged from, the change `failed`. */
function sameChange(recorded: Change, failed: Change): boolean {
  if (recorded === failed) return true;
  return recorded.kind === 'update' && failed.kind === 'update' && recorded.after === failed.after;
}

const holds = (step: Step, failed: Step) => step === failed || step.some((c) => failed.some((f) => sameChange(c, f)));

export class HistoryStore {
  private readonly byDoc = new Map<string, History>();

  get(docId: string): History {
    return this.byDoc.get(docId) ?? emptyHistory;
  }

  set(docId: string, history: History): void {
    this.byDoc.set(docId, history);
  }

  /**
   * A step that could not be saved leaves the history: undoing it would
   * "undo" a change the database never had. If the step is not found (an undo
   * or redo failed: the history already moved), the document's history is
   * cleared, since its steps no longer describe what is stored.
   */
  dropUnsaved(docId: string, failed: Step): void {
    const history = this.get(docId);
    const done = history.done.filter((s) => !holds(s, failed));
    if (done.length === history.done.length) this.byDoc.delete(docId);
    else this.byDoc.set(docId, { done, undone: [] });
  }
}
