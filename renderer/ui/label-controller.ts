// Wires labels and keys to the app: the label bar's buttons, the label editor's
// actions and the keyboard commands all act on the active document.
import type { Label } from '../../core/model';
import { addLabel, countSpansWithLabel, deleteLabel, listLabels, renameLabel, updateLabel } from '../db/labels-repo';
import { putSetting } from '../db/settings-repo';
import type { WorkbenchApp } from './app';
import type { KeyCommands } from './keyboard';
import type { LabelBarActions } from './label-bar';
import { openLabelEditor, type LabelEditorActions } from './label-editor';

export class LabelController {
  constructor(private readonly app: WorkbenchApp) {}

  private get annotator() {
    return this.app.active.annotator;
  }

  tag(label: Label): void {
    const span = this.annotator?.tag(label);
    if (!span) this.app.say('Select some text first, then press a label key or click a label.');
  }

  barActions(): LabelBarActions {
    return { tag: (l) => this.tag(l), toggleSnap: () => void this.toggleSnap(), editLabels: () => this.openEditor() };
  }

  async toggleSnap(): Promise<void> {
    this.app.snap = this.app.snap === 'word' ? 'exact' : 'word';
    await putSetting(this.app.db, 'snapMode', this.app.snap);
    this.app.renderLabelBar();
    this.app.say(this.app.snap === 'word' ? 'Selections snap to whole words.' : 'Selections keep their exact characters.');
  }

  private editorActions(): LabelEditorActions {
    const db = this.app.db;
    return {
      add: async (name) => void (await addLabel(db, name)),
      rename: (from, to) => renameLabel(db, from, to),
      update: (name, patch) => updateLabel(db, name, patch),
      countUses: (name) => countSpansWithLabel(db, name),
      remove: async (name) => void (await deleteLabel(db, name)),
    };
  }

  openEditor(): void {
    openLabelEditor(() => listLabels(this.app.db), this.editorActions(), () => void this.afterEdit());
  }

  /** Label edits touch spans of any document: reload labels, the open document and the list. */
  private async afterEdit(): Promise<void> {
    await this.app.reloadLabels();
    const id = this.app.active.record?.id;
    if (id) await this.app.openDocument(id);
    await this.app.refreshList();
  }

  commands(): KeyCommands {
    const a = () => this.annotator;
    return {
      tagWithKey: (key) => {
        const label = this.app.labels.find((l) => l.key !== '' && l.key === key);
        if (label) this.tag(label);
        return Boolean(label);
      },
      stepSpan: (d) => {
        const span = a()?.step(d);
        if (span) this.app.active.scrollToSpan(span.id);
      },
      deleteSpan: () => void a()?.deleteSelected(),
      clearSelection: () => a()?.select(undefined),
      undo: () => { if (!a()?.undo()) this.app.say('Nothing to undo in this document.'); },
      redo: () => { if (!a()?.redo()) this.app.say('Nothing to redo in this document.'); },
      focusNote: () => this.app.spanPanel.focusNote(),
      setStatus: (s) => void this.app.setStatus(s),
      stepDocument: (d) => this.app.stepDocument(d),
      toggleSnap: () => void this.toggleSnap(),
      toggleSplit: () => void this.app.split.toggle(),
      project: (scope) => this.app.split.view.project(scope),
      accept: (all) => this.app.split.view.accept(all),
    };
  }
}
