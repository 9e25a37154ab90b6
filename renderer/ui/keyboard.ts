// The keyboard map, as a table from keys to command names (ui/commands.ts
// runs them; the application menu sends the same names). The key help in the
// status bar is generated from this table, so a key and its help are written
// once. Label keys (1-4 by default, set in the label editor) tag. Keys typed
// into a field (note, label editor) are left to the field.
import type { CommandName, KeyTarget } from './commands';

export interface KeyBinding {
  /** KeyboardEvent.key; letters in lower case. */
  key: string;
  /** true: Shift must be held; false: must not be; absent: either. */
  shift?: boolean;
  /** Ctrl (Cmd on macOS) held. */
  mod?: boolean;
  command: CommandName;
}

export const KEY_BINDINGS: readonly KeyBinding[] = [
  { key: 'tab', shift: false, command: 'nextSpan' },
  { key: 'tab', shift: true, command: 'previousSpan' },
  { key: 'delete', command: 'deleteSpan' },
  { key: 'backspace', command: 'deleteSpan' },
  { key: 'escape', command: 'clearSelection' },
  { key: 'n', shift: false, command: 'focusNote' },
  { key: 'z', mod: true, shift: false, command: 'undo' },
  { key: 'z', mod: true, shift: true, command: 'redo' },
  { key: 'y', mod: true, command: 'redo' },
  { key: 'd', shift: false, command: 'markDone' },
  { key: 'i', shift: false, command: 'markInProgress' },
  { key: 't', shift: false, command: 'markTodo' },
  { key: '[', command: 'previousDocument' },
  { key: ']', command: 'nextDocument' },
  { key: 'w', command: 'toggleSnap' },
  { key: 's', command: 'toggleSplit' },
  { key: 'p', shift: false, command: 'projectSpan' },
  { key: 'p', shift: true, command: 'projectPassage' },
  { key: 'a', shift: false, command: 'acceptSelected' },
  { key: 'a', shift: true, command: 'acceptAll' },
  { key: 'r', shift: false, command: 'relateSpan' },
  { key: 'x', shift: false, command: 'rejectSuggestion' },
  { key: 'j', shift: false, command: 'nextSuggestion' },
  { key: 'k', shift: false, command: 'previousSuggestion' },
  { key: 'o', shift: false, command: 'findEverywhere' },
];

/** The key help: each line names its commands; the keys shown come from KEY_BINDINGS. */
const HELP: ReadonlyArray<[readonly CommandName[], string]> = [
  [['nextSpan', 'previousSpan'], 'next / previous span'],
  [['deleteSpan'], 'delete span'],
  [['focusNote'], 'note'],
  [['undo', 'redo'], 'undo / redo'],
  [['markDone', 'markInProgress', 'markTodo'], 'done / in progress / to do'],
  [['previousDocument', 'nextDocument'], 'previous / next document'],
  [['toggleSnap'], 'word snapping'],
  [['toggleSplit'], 'side by side'],
  [['projectSpan', 'projectPassage'], 'project span / passage'],
  [['acceptSelected', 'acceptAll'], 'accept suggestion / all of its label'],
  [['rejectSuggestion'], 'reject suggestion'],
  [['nextSuggestion', 'previousSuggestion'], 'next / previous suggestion'],
  [['findEverywhere'], 'suggest span in every document'],
  [['relateSpan'], 'relation (then Tab, a relation key)'],
];

const KEY_NAMES: Record<string, string> = { tab: 'Tab', delete: 'Del', backspace: '⌫', escape: 'Esc' };

function keyName(b: KeyBinding): string {
  const key = KEY_NAMES[b.key] ?? b.key.toUpperCase();
  return `${b.mod ? 'Ctrl+' : ''}${b.shift ? '⇧' : ''}${key}`;
}

/** [keys, what they do] for the status bar, the first binding of each command. */
export function keyHelp(labelKeys: string): Array<[string, string]> {
  const first = (c: CommandName) => KEY_BINDINGS.find((b) => b.command === c);
  const lines = HELP.map(([commands, what]): [string, string] => [
    commands.map((c) => (first(c) ? keyName(first(c)!) : '')).join(' / '),
    what,
  ]);
  return [[labelKeys, 'tag selection'], ...lines];
}

function isField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.matches('input, textarea, select') || target.closest('dialog') !== null)
  );
}

/** The command a key press means, if any (label keys are not in the table: see handleKeydown). */
export function commandFor(
  event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>,
): CommandName | undefined {
  if (event.altKey) return undefined;
  const key = event.key.toLowerCase();
  const mod = event.ctrlKey || event.metaKey;
  return KEY_BINDINGS.find(
    (b) => b.key === key && Boolean(b.mod) === mod && (b.shift === undefined || b.shift === event.shiftKey),
  )?.command;
}

/** Handles a keydown for the workbench; returns true (and stops the event) when it was ours. */
export function handleKeydown(event: KeyboardEvent, target: KeyTarget): boolean {
  if (isField(event.target)) {
    if (event.key === 'Escape' && event.target instanceof HTMLElement && !event.target.closest('dialog'))
      event.target.blur();
    return false;
  }
  // While a relation is being made, Tab, Esc and the relation keys are its own.
  if (target.modal?.(event)) {
    event.preventDefault();
    return true;
  }
  const command = commandFor(event);
  let handled = false;
  if (command) {
    target.run(command);
    handled = true;
  } else if (!event.ctrlKey && !event.metaKey && !event.altKey) {
    handled = target.tagWithKey(event.key);
  }
  if (handled) event.preventDefault();
  return handled;
}
