// Commands the application menu sends to the page: the one list of them, with
// the event name, shared by main (menu), preload (forwarding) and renderer.
import { isOneOf } from './shape';

export const MENU_COMMANDS = [
  'importFiles',
  'importFolder',
  'export',
  'backups',
  'undo',
  'redo',
  'editLabels',
  'toggleSnap',
  'toggleSplit',
  'projectSpan',
  'projectPassage',
  'projectAll',
  'acceptAll',
  'markTodo',
  'markInProgress',
  'markDone',
  'previousDocument',
  'nextDocument',
] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const isMenuCommand = isOneOf(...MENU_COMMANDS);

/** The one main -> renderer message: "the user chose this menu command". */
export const COMMAND_EVENT = 'workbench:command';

/** What the preload adds to the bridge for main -> renderer events. */
export interface WorkbenchEvents {
  /** Calls `listener` for each menu command; returns a function that stops listening. */
  onCommand(listener: (command: MenuCommand) => void): () => void;
}
