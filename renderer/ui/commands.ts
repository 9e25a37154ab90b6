// Every command of the workbench, written once and keyed by name: the
// application menu sends these names (core/commands.ts), the keyboard table
// maps keys to them (keyboard.ts), and toolbar buttons call them. Label keys
// tag with the label whose key was pressed.
import type { MenuCommand } from '../../core/commands';
import type { DocStatus, Label } from '../../core/model';
import type { Annotator } from '../annotate/annotator';
import { RelationKeys } from './relation-keys';

/** Commands only a key reaches (the menu has no item for them). */
export type KeyOnlyCommand =
  | 'nextSpan'
  | 'previousSpan'
  | 'deleteSpan'
  | 'clearSelection'
  | 'focusNote'
  | 'acceptSelected'
  | 'rejectSuggestion'
  | 'nextSuggestion'
  | 'previousSuggestion'
  | 'findEverywhere'
  | 'relateSpan';
export type CommandName = MenuCommand | KeyOnlyCommand;

/** What the keyboard table drives (declared here, so keyboard.ts depends on this file and not the reverse). */
export interface KeyTarget {
  run(command: CommandName): void;
  /** Tags with the label bound to `key`; false when no label has that key. */
  tagWithKey(key: string): boolean;
  /** A key taken by a mode (making a relation) before the table sees it; true when it was. */
  modal?(event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean;
}

/** What the commands act on: the active document and the app's features, nothing more. */
export interface CommandHost {
  readonly labels: readonly Label[];
  readonly snapMode: 'word' | 'exact';
  /** The active pane's annotator, if a document is open. */
  annotator(): Annotator | undefined;
  scrollToSpan(id: string): void;
  say(message: string): void;
  stepDocument(direction: 1 | -1): void;
  setStatus(status: DocStatus): Promise<void>;
  toggleSnap(): Promise<void>;
  toggleSplit(): Promise<void>;
  project(scope: 'span' | 'passage' | 'document'): void;
  /** A / Shift+A: the current suggestion (all of its label), else projected spans. */
  accept(all: boolean): void;
  rejectSuggestion(): void;
  stepSuggestion(direction: 1 | -1): void;
  /** O: suggest the selected span's text, with its label, in every document. */
  findEverywhere(): void;
  importFrom(kind: 'files' | 'folder'): Promise<void>;
  openExport(): Promise<void>;
  openBackups(): void;
  openLabelEditor(): void;
  focusNote(): void;
}

/** What a key that would change a colleague's layer (or all layers at once) says instead. */
export const READ_ONLY =
  'This layer is shown for reading only: choose your layer or the adjudicated layer in the layer menu to edit.';

export class CommandRegistry implements KeyTarget {
  private readonly table: Record<CommandName, () => void>;

  constructor(private readonly host: CommandHost) {
    const a = () => host.annotator();
    const status = (s: DocStatus) => () => void host.setStatus(s);
    this.table = {
      importFiles: () => void host.importFrom('files'),
      importFolder: () => void host.importFrom('folder'),
      export: () => void host.openExport(),
      backups: () => host.openBackups(),
      undo: () => {
        if (!a()?.undo()) host.say('Nothing to undo in this document.');
      },
      redo: () => {
        if (!a()?.redo()) host.say('Nothing to redo in this document.');
      },
      editLabels: () => host.openLabelEditor(),
      toggleSnap: () => void host.toggleSnap(),
      toggleSplit: () => void host.toggleSplit(),
      projectSpan: () => host.project('span'),
      projectPassage: () => host.project('passage'),
      projectAll: () => host.project('document'),
      acceptSelected: () => host.accept(false),
      acceptAll: () => host.accept(true),
      rejectSuggestion: () => host.rejectSuggestion(),
      nextSuggestion: () => host.stepSuggestion(1),
      previousSuggestion: () => host.stepSuggestion(-1),
      findEverywhere: () => host.findEverywhere(),
      markTodo: status('todo'),
      markInProgress: status('in_progress'),
      markDone: status('done'),
      previousDocument: () => host.stepDocument(-1),
      nextDocument: () => host.stepDocument(1),
      nextSpan: () => this.stepSpan(1),
      previousSpan: () => this.stepSpan(-1),
      deleteSpan: () => {
        if (a()?.readOnly) host.say(READ_ONLY);
        else a()?.deleteSelected();
      },
      clearSelection: () => a()?.select(undefined),
      focusNote: () => host.focusNote(),
      relateSpan: () => this.relations.start(),
    };
  }

  /** Keys of the relation being made (relation-keys.ts). */
  readonly relations = new RelationKeys(
    () => this.host.annotator(),
    (id) => this.host.scrollToSpan(id),
    (m) => this.host.say(m),
  );

  modal(event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
    return this.relations.key(event);
  }

  run(name: CommandName): void {
    this.table[name]();
  }

  /** Tags the selection with `label` (or relabels the selected span). */
  tag(label: Label): void {
    if (this.host.annotator()?.readOnly) return this.host.say(READ_ONLY);
    if (!this.host.annotator()?.tag(label, this.host.snapMode))
      this.host.say('Select some text first, then press a label key or click a label.');
  }

  tagWithKey(key: string): boolean {
    const label = this.host.labels.find((l) => l.key !== '' && l.key === key);
    if (label) this.tag(label);
    return Boolean(label);
  }

  private stepSpan(direction: 1 | -1): void {
    const span = this.host.annotator()?.step(direction);
    if (span) this.host.scrollToSpan(span.id);
  }
}
