// What the command registry, the label controller and the side panels may ask
// of the workbench: narrow views of WorkbenchApp, built of getters and calls (never
// copies), because the label set, the snap mode and the active pane change
// while the registry lives.
import type { Label } from '../../core/model';
import type { SaveQueue } from '../annotate/save-queue';
import type { SplitSession } from '../compare/split-session';
import type { WorkbenchDb } from '../db/schema';
import type { SuggestionController } from '../suggest/suggestion-controller';
import type { CommandHost, CommandRegistry } from './commands';
import type { DocumentPane } from './document-pane';
import { openGuidelines } from './guidelines-dialog';
import type { IoController } from './io-controller';
import type { LabelController, LabelHost } from './label-controller';
import { saveModelFile } from './model-file';
import type { RelationPanelHost } from './relation-panel';
import type { SnapSetting } from './snap-setting';
import type { SpanPanelController } from './span-panel-controller';
import type { SuggestionPanelHost } from './suggestion-panel';

/** The parts of the workbench the hosts reach (WorkbenchApp has them; named here so this module needs no app). */
export interface WorkbenchParts {
  readonly db: WorkbenchDb;
  readonly labels: readonly Label[];
  readonly snap: SnapSetting;
  readonly active: DocumentPane;
  readonly split: SplitSession;
  readonly suggestions: SuggestionController;
  readonly io: IoController;
  readonly labelController: LabelController;
  readonly spanPanel: SpanPanelController;
  readonly commands: CommandRegistry;
  readonly queue: SaveQueue;
  say(message: string): void;
  stepDocument(direction: 1 | -1): void;
  setStatus: CommandHost['setStatus'];
  toggleSnap(): Promise<void>;
  openBackups(): void;
  readonly panes: readonly DocumentPane[];
  reloadLabels(): Promise<void>;
  reloadSpans(docId: string): Promise<void>;
  reloadRecord(docId: string): Promise<void>;
  refreshList(): Promise<void>;
}

export function commandHostFor(app: WorkbenchParts): CommandHost {
  return {
    get labels() {
      return app.labels;
    },
    get snapMode() {
      return app.snap.mode;
    },
    annotator: () => app.active.annotator,
    scrollToSpan: (id) => app.active.scrollToSpan(id),
    say: (m) => app.say(m),
    stepDocument: (d) => app.stepDocument(d),
    setStatus: (s) => app.setStatus(s),
    toggleSnap: () => app.toggleSnap(),
    toggleSplit: () => app.split.toggle(),
    project: (scope) => app.split.view.project(scope),
    accept: (all) => {
      // A projection just made is an explicit choice; else the current suggestion.
      if (app.split.view.pending || !app.suggestions.accept(all)) app.split.view.accept(all);
    },
    findEverywhere: () => void app.suggestions.findEverywhere(),
    rejectSuggestion: () => app.suggestions.reject(),
    stepSuggestion: (d) => app.suggestions.step(d),
    importFrom: (kind) => app.io.importFrom(kind),
    openExport: () => app.io.openExport(),
    openBackups: () => app.openBackups(),
    openLabelEditor: () => app.labelController.openEditor(),
    focusNote: () => app.spanPanel.focusNote(),
  };
}

export function labelHostFor(app: WorkbenchParts): LabelHost {
  return {
    db: app.db,
    tag: (label) => app.commands.tag(label),
    toggleSnap: () => app.toggleSnap(),
    saved: () => app.queue.idle(),
    labelsChanged: async () => {
      const names = (labels: readonly Label[]) => labels.map((l) => l.name).join('\n');
      const before = names(app.labels);
      await app.reloadLabels();
      // A rename or a deletion changed stored spans and relations: each open document shows them where
      // she was reading (opening it again put it back at the top).
      const open = new Set(app.panes.flatMap((pane) => (pane.record ? [pane.record.id] : [])));
      for (const id of open) {
        await app.reloadSpans(id);
        await app.reloadRecord(id);
      }
      if (names(app.labels) !== before) app.suggestions.labelsChanged(); // not for a colour or a key
      await app.refreshList();
    },
  };
}

export function relationPanelHostFor(app: WorkbenchParts): RelationPanelHost {
  return {
    annotator: () => app.active.annotator,
    scrollToSpan: (id) => app.active.scrollToSpan(id),
    make: (label) => {
      const a = app.active.annotator;
      if (a) app.commands.relations.make(a, label);
    },
  };
}

export function suggestionPanelHostFor(app: WorkbenchParts): SuggestionPanelHost {
  return {
    get active() {
      return app.active;
    },
    get labels() {
      return app.labels;
    },
    get suggestions() {
      return app.suggestions;
    },
    openGuidelines: () => void openGuidelines(app.db, (m) => app.say(m)),
    saveModel: () => saveModelFile(app.suggestions.trainer, (m) => app.say(m)),
  };
}
