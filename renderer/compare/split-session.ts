// Opening and closing the split view, choosing the second document (the last
// pair, else the most similar one), and remembering the pair across restarts.
import type { Label, Suggestion } from '../../core/model';
import type { WorkbenchDb } from '../db/schema';
import { getSetting, putSetting } from '../db/settings-repo';
import { similarDocuments } from '../db/signatures';
import { h } from '../dom';
import { renderCompareBar } from './compare-bar';
import type { ComparePane } from './compare-pane';
import './side-by-side.css';
import { SplitController, type ProjectScope } from './split-view';

export interface SplitApp {
  readonly db: WorkbenchDb;
  readonly panes: readonly [ComparePane, ComparePane];
  readonly active: ComparePane;
  readonly labels: readonly Label[];
  openDocument(id: string, pane?: ComparePane, takeFocus?: boolean): Promise<void>;
  activate(pane: ComparePane): void;
  /** Redraws what depends on which documents are on screen (the similar documents). */
  shownChanged(): void;
  say(message: string): void;
  /** Stores and draws proposals for a pane's document as suggestions. */
  offer(pane: ComparePane, suggestions: readonly Suggestion[]): Promise<void>;
  /** Accepts the suggestions of a pane that `which` picks, as one undo step; false when none is shown. */
  acceptIn(pane: ComparePane, which: (s: Suggestion) => boolean): boolean;
}

interface SavedPair {
  open: boolean;
  left?: string;
  right?: string;
}

export class SplitSession {
  isOpen = false;
  readonly view: SplitController;
  private readonly bar = h('div', { class: 'compare-bar', 'data-testid': 'compare-bar' });

  constructor(
    private readonly app: SplitApp,
    private readonly host: HTMLElement,
  ) {
    this.view = new SplitController(app);
    host.append(
      this.bar,
      this.view.report.element,
      h('div', { class: 'panes' }, app.panes[0].element, app.panes[1].element),
    );
    this.show(false);
  }

  private show(open: boolean): void {
    this.isOpen = open;
    this.host.classList.toggle('split', open);
    this.app.panes[1].element.hidden = !open;
    this.bar.hidden = !open;
    this.renderBar();
  }

  private renderBar(): void {
    renderCompareBar(this.bar, this.view.sync, {
      project: (scope: ProjectScope) => this.view.project(scope),
      accept: (all) => this.view.accept(all),
      toggleSync: () => {
        this.view.sync = !this.view.sync;
        this.renderBar();
      },
      swap: () => void this.swap(),
      close: () => void this.close(),
    });
  }

  /** The document to open beside the left one: the last partner, else the most similar. */
  private async partnerFor(id: string): Promise<string | undefined> {
    const saved: SavedPair = await getSetting(this.app.db, 'splitPair', { open: false });
    if (saved.left === id && saved.right) return saved.right;
    return (await similarDocuments(this.app.db, id, 1))[0]?.id;
  }

  async toggle(): Promise<void> {
    if (this.isOpen) return this.close();
    const left = this.app.panes[0].record?.id;
    const right = left && (await this.partnerFor(left));
    if (!right) return this.app.say('Open a document first; the split view shows it beside its most similar one.');
    await this.openBeside(right, this.app.panes[1]);
  }

  /**
   * Opens `id` in the pane that is not active (or in `pane`), opening the split
   * view if needed. The researcher keeps working where she was: the pane she
   * was in keeps the focus, the keys and the span panel.
   */
  async openBeside(id: string, pane?: ComparePane): Promise<void> {
    const keep = this.app.active;
    const target = pane ?? (keep === this.app.panes[0] ? this.app.panes[1] : this.app.panes[0]);
    if (!this.isOpen) this.show(true);
    // the pane she was in keeps the focus; the similar list is redrawn, now marking the one beside as open
    await this.app.openDocument(id, target, target === keep || !keep.record);
  }

  /** Called after any pane opened a document: realign and remember the pair. */
  async opened(): Promise<void> {
    if (!this.isOpen) return;
    this.view.refresh();
    await this.remember(true);
  }

  private async remember(open: boolean): Promise<void> {
    const [left, right] = this.app.panes.map((p) => p.record?.id);
    await putSetting(this.app.db, 'splitPair', { open, left, right } satisfies SavedPair);
  }

  async close(): Promise<void> {
    this.view.clear();
    this.app.activate(this.app.panes[0]);
    this.show(false);
    this.app.shownChanged();
    await this.remember(false);
  }

  private async swap(): Promise<void> {
    const [left, right] = this.app.panes.map((p) => p.record?.id);
    if (!left || !right) return;
    await this.app.openDocument(right, this.app.panes[0]);
    await this.app.openDocument(left, this.app.panes[1]);
  }

  /** Reopens the last pair on start, if the split view was open when the app closed. */
  async restore(): Promise<void> {
    const saved: SavedPair = await getSetting(this.app.db, 'splitPair', { open: false });
    if (!saved.open || !saved.right) return;
    if (saved.left && saved.left !== this.app.panes[0].record?.id)
      await this.app.openDocument(saved.left, this.app.panes[0]);
    await this.openBeside(saved.right, this.app.panes[1]);
  }
}
