// The keyboard map. Label keys tag, Tab walks spans, Delete removes, Ctrl+Z
// undoes; D/I/T set the document status and [ ] move between documents.
// Keys typed into a field (note, label editor) are left to the field.
import type { DocStatus } from '../../core/model';

export interface KeyCommands {
  tagWithKey(key: string): boolean;
  stepSpan(direction: 1 | -1): void;
  deleteSpan(): void;
  clearSelection(): void;
  undo(): void;
  redo(): void;
  focusNote(): void;
  setStatus(status: DocStatus): void;
  stepDocument(direction: 1 | -1): void;
  toggleSnap(): void;
  toggleSplit(): void;
  project(scope: 'span' | 'passage'): void;
  accept(all: boolean): void;
}

export const KEY_HELP: ReadonlyArray<[string, string]> = [
  ['1–4', 'tag selection'], ['Tab / ⇧Tab', 'next / previous span'], ['Del', 'delete span'], ['N', 'note'],
  ['Ctrl+Z / Ctrl+⇧Z', 'undo / redo'], ['D / I / T', 'done / in progress / to do'], ['[ / ]', 'previous / next document'], ['W', 'word snapping'],
  ['S', 'side by side'], ['P / ⇧P', 'project span / passage'], ['A / ⇧A', 'accept projected'],
];

function isField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.matches('input, textarea, select') || target.closest('dialog') !== null);
}

const STATUS_KEYS: Record<string, DocStatus> = { d: 'done', i: 'in_progress', t: 'todo' };

function modified(event: KeyboardEvent, c: KeyCommands): boolean {
  const key = event.key.toLowerCase();
  if (key === 'z' && event.shiftKey) c.redo();
  else if (key === 'z') c.undo();
  else if (key === 'y') c.redo();
  else return false;
  return true;
}

function plain(event: KeyboardEvent, c: KeyCommands): boolean {
  const key = event.key;
  if (key === 'Tab') c.stepSpan(event.shiftKey ? -1 : 1);
  else if (key === 'Delete' || key === 'Backspace') c.deleteSpan();
  else if (key === 'Escape') c.clearSelection();
  else if (key === '[' || key === ']') c.stepDocument(key === ']' ? 1 : -1);
  else if (key.toLowerCase() === 'n' && !event.shiftKey) c.focusNote();
  else if (key.toLowerCase() === 'w') c.toggleSnap();
  else if (key.toLowerCase() === 's') c.toggleSplit();
  else if (key.toLowerCase() === 'p') c.project(event.shiftKey ? 'passage' : 'span');
  else if (key.toLowerCase() === 'a') c.accept(event.shiftKey);
  else if (STATUS_KEYS[key.toLowerCase()] && !event.shiftKey) c.setStatus(STATUS_KEYS[key.toLowerCase()]);
  else return c.tagWithKey(key);
  return true;
}

/** Handles a keydown for the workbench; returns true (and stops the event) when it was ours. */
export function handleKeydown(event: KeyboardEvent, commands: KeyCommands): boolean {
  if (isField(event.target)) {
    if (event.key === 'Escape' && event.target instanceof HTMLElement && !event.target.closest('dialog')) event.target.blur();
    return false;
  }
  const handled = event.ctrlKey || event.metaKey ? modified(event, commands) : !event.altKey && plain(event, commands);
  if (handled) event.preventDefault();
  return handled;
}
