// Labels and nothing else: the label bar's buttons and the label editor's
// actions. It reaches the rest of the app only through LabelHost; tagging
// itself is a command (ui/commands.ts) the host hands over.
import type { Label } from '../../core/model';
import {
  addLabel,
  countSpansWithLabel,
  deleteLabel,
  listLabels,
  renameLabel,
  restoreLabel,
  updateLabel,
} from '../db/labels-repo';
import {
  addRelationLabel,
  countRelationsWithLabel,
  deleteRelationLabel,
  renameRelationLabel,
  restoreRelationLabel,
  updateRelationLabel,
} from '../db/relation-labels-repo';
import { listRelationLabels } from '../db/relations-repo';
import type { WorkbenchDb } from '../db/schema';
import type { LabelBarActions } from './label-bar';
import { openLabelEditor, type LabelEditorActions } from './label-editor';
import { relationLabelSection, type RelationLabelEditorActions } from './relation-label-editor';

export interface LabelHost {
  readonly db: WorkbenchDb;
  tag(label: Label): void;
  toggleSnap(): Promise<void>;
  /** Waits for every annotation change already made to be stored. */
  saved(): Promise<void>;
  /** Label edits touch spans of any document: reload labels, the open documents (in place) and the list. */
  labelsChanged(): Promise<void>;
}

export class LabelController {
  constructor(private readonly host: LabelHost) {}

  barActions(): LabelBarActions {
    return {
      tag: (l) => this.host.tag(l),
      toggleSnap: () => void this.host.toggleSnap(),
      editLabels: () => this.openEditor(),
    };
  }

  /**
   * `action`, after which the screen behind the editor shows the stored change at once: the label bar,
   * the open documents (in place) and the list, not only when the editor closes.
   */
  private live<A extends unknown[], R>(action: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
    return async (...args) => {
      const result = await action(...args);
      void this.host.labelsChanged();
      return result;
    };
  }

  private editorActions(): LabelEditorActions {
    const db = this.host.db;
    return {
      add: this.live(async (name: string) => void (await addLabel(db, name))),
      rename: this.live((from: string, to: string) => renameLabel(db, from, to)),
      update: this.live((name: string, patch: Parameters<typeof updateLabel>[2]) => updateLabel(db, name, patch)),
      countUses: (name) => countSpansWithLabel(db, name),
      remove: this.live(async (name: string) => {
        await this.host.saved(); // the spans deleted (and kept for undo) include every change already made
        const deleted = await deleteLabel(db, name);
        return deleted && this.live(() => restoreLabel(db, deleted));
      }),
    };
  }

  private relationEditorActions(): RelationLabelEditorActions {
    const db = this.host.db;
    return {
      list: () => listRelationLabels(db),
      spanLabels: () => listLabels(db),
      add: this.live(async (name: string) => void (await addRelationLabel(db, name))),
      rename: this.live(async (from: string, to: string) => {
        await this.host.saved(); // a relation made a moment ago is renamed too
        await renameRelationLabel(db, from, to);
      }),
      update: this.live((name: string, patch: Parameters<typeof updateRelationLabel>[2]) =>
        updateRelationLabel(db, name, patch),
      ),
      countUses: (name) => countRelationsWithLabel(db, name),
      remove: this.live(async (name: string) => {
        await this.host.saved();
        const deleted = await deleteRelationLabel(db, name);
        return deleted && this.live(() => restoreRelationLabel(db, deleted));
      }),
    };
  }

  openEditor(): void {
    openLabelEditor(() => listLabels(this.host.db), this.editorActions(), [
      relationLabelSection(this.relationEditorActions()),
    ]);
  }
}
