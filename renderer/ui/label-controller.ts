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
  /** Label edits touch spans of any document: reload labels, the open documents and the list. */
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

  private editorActions(): LabelEditorActions {
    const db = this.host.db;
    return {
      add: async (name) => void (await addLabel(db, name)),
      rename: (from, to) => renameLabel(db, from, to),
      update: (name, patch) => updateLabel(db, name, patch),
      countUses: (name) => countSpansWithLabel(db, name),
      remove: async (name) => {
        await this.host.saved(); // the spans deleted (and kept for undo) include every change already made
        const deleted = await deleteLabel(db, name);
        return deleted && (() => restoreLabel(db, deleted));
      },
    };
  }

  private relationEditorActions(): RelationLabelEditorActions {
    const db = this.host.db;
    return {
      list: () => listRelationLabels(db),
      spanLabels: () => listLabels(db),
      add: async (name) => void (await addRelationLabel(db, name)),
      rename: async (from, to) => {
        await this.host.saved(); // a relation made a moment ago is renamed too
        await renameRelationLabel(db, from, to);
      },
      update: (name, patch) => updateRelationLabel(db, name, patch),
      countUses: (name) => countRelationsWithLabel(db, name),
      remove: async (name) => {
        await this.host.saved();
        const deleted = await deleteRelationLabel(db, name);
        return deleted && (() => restoreRelationLabel(db, deleted));
      },
    };
  }

  openEditor(): void {
    openLabelEditor(
      () => listLabels(this.host.db),
      this.editorActions(),
      () => void this.host.labelsChanged(),
      [relationLabelSection(this.relationEditorActions())],
    );
  }
}
