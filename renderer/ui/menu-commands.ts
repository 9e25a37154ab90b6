// What each application-menu command does in the page. The keyboard map
// reaches the same app methods; the menu is the way in for people who look
// for a command rather than remember its key.
import type { MenuCommand } from '../../core/commands';
import type { WorkbenchApp } from './app';

export type CommandActions = Record<MenuCommand, () => void>;

export function commandActions(app: WorkbenchApp, openBackups: () => void): CommandActions {
  const keys = app.labelsUi.commands();
  return {
    importFiles: () => void app.io.importFrom('files'),
    importFolder: () => void app.io.importFrom('folder'),
    export: () => void app.io.openExport(),
    backups: openBackups,
    undo: keys.undo,
    redo: keys.redo,
    editLabels: () => app.labelsUi.openEditor(),
    toggleSnap: keys.toggleSnap,
    toggleSplit: keys.toggleSplit,
    projectSpan: () => keys.project('span'),
    projectPassage: () => keys.project('passage'),
    projectAll: () => app.split.view.project('document'),
    acceptAll: () => keys.accept(true),
    markTodo: () => keys.setStatus('todo'),
    markInProgress: () => keys.setStatus('in_progress'),
    markDone: () => keys.setStatus('done'),
    previousDocument: () => keys.stepDocument(-1),
    nextDocument: () => keys.stepDocument(1),
  };
}
