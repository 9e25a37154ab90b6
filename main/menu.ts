// The application menu, as plain data (type import only) so a test can read
// it without Electron. App items send a command to the page, which does the
// work; single-key shortcuts are shown but not registered with the menu, so
// typing a note never triggers them (the page's own keyboard map handles keys).
//
// Undo and redo are two things here. Text fields (notes, search, the label
// editor) need Electron's roles: on macOS Cmd+Z/X/C/V/A reach a field only
// through menu items with these roles. Span edits have the app's own history.
// Both can share Cmd+Z because Electron lets the page see a key first and runs
// a menu accelerator only for keys the page left unhandled: outside a field
// the page's keyboard map takes Cmd+Z for span undo (and prevents the
// default), so the role never fires there; inside a field the page leaves the
// key alone and the role undoes typing. Span undo also has its own items,
// which send the app command, so it can be reached with the mouse.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../core/commands';

type Send = (command: MenuCommand) => void;

export interface MenuOptions {
  isMac?: boolean;
  /** `npm start`: adds reload and the developer tools, which a shipped app never offers. */
  development?: boolean;
}

function item(label: string, command: MenuCommand, send: Send, accelerator?: string): MenuItemConstructorOptions {
  return { label, accelerator, registerAccelerator: false, click: () => send(command) };
}

const sep: MenuItemConstructorOptions = { type: 'separator' };

function editMenu(send: Send): MenuItemConstructorOptions {
  return {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      sep,
      item('Undo Span Change', 'undo', send),
      item('Redo Span Change', 'redo', send),
      sep,
      item('Labels…', 'editLabels', send),
      item('Snap to Words', 'toggleSnap', send, 'W'),
    ],
  };
}

function viewMenu(send: Send, development: boolean): MenuItemConstructorOptions {
  const developer: MenuItemConstructorOptions[] = development
    ? [sep, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }]
    : [];
  return {
    label: '&View',
    submenu: [
      item('Side by Side', 'toggleSplit', send, 'S'),
      sep,
      item('Project Span', 'projectSpan', send, 'P'),
      item('Project Passage', 'projectPassage', send, 'Shift+P'),
      item('Project All Spans', 'projectAll', send),
      item('Accept All Suggestions of This Label / Projected Spans', 'acceptAll', send, 'Shift+A'),
      sep,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { role: 'togglefullscreen' },
      ...developer,
    ],
  };
}

export function menuTemplate(
  send: Send,
  { isMac = process.platform === 'darwin', development = false }: MenuOptions = {},
): MenuItemConstructorOptions[] {
  return [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [
        item('Import Files…', 'importFiles', send, 'CmdOrCtrl+O'),
        item('Import Folder…', 'importFolder', send, 'CmdOrCtrl+Shift+O'),
        item('Export JSONL…', 'export', send, 'CmdOrCtrl+E'),
        sep,
        item('Backups…', 'backups', send),
        sep,
        { role: isMac ? 'close' : 'quit' },
      ],
    },
    editMenu(send),
    viewMenu(send, development),
    {
      label: '&Document',
      submenu: [
        item('Mark To Do', 'markTodo', send, 'T'),
        item('Mark In Progress', 'markInProgress', send, 'I'),
        item('Mark Done', 'markDone', send, 'D'),
        sep,
        item('Previous Document', 'previousDocument', send, '['),
        item('Next Document', 'nextDocument', send, ']'),
      ],
    },
  ];
}
