// The application menu, as plain data (type import only) so a test can read
// it without Electron. Every item sends a command to the page, which does the
// work; single-key shortcuts are shown but not registered with the menu, so
// typing a note never triggers them (the page's own keyboard map handles keys).
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../core/commands';

type Send = (command: MenuCommand) => void;

function item(label: string, command: MenuCommand, send: Send, accelerator?: string): MenuItemConstructorOptions {
  return { label, accelerator, registerAccelerator: false, click: () => send(command) };
}

export function menuTemplate(send: Send, isMac = process.platform === 'darwin'): MenuItemConstructorOptions[] {
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  return [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { label: '&File', submenu: [
      item('Import Files…', 'importFiles', send, 'CmdOrCtrl+O'), item('Import Folder…', 'importFolder', send, 'CmdOrCtrl+Shift+O'),
      item('Export JSONL…', 'export', send, 'CmdOrCtrl+E'), sep, item('Backups…', 'backups', send), sep, { role: isMac ? 'close' : 'quit' }] },
    { label: '&Edit', submenu: [
      item('Undo', 'undo', send, 'CmdOrCtrl+Z'), item('Redo', 'redo', send, 'CmdOrCtrl+Shift+Z'), sep,
      { role: 'copy' }, { role: 'selectAll' }, sep, item('Labels…', 'editLabels', send), item('Snap to Words', 'toggleSnap', send, 'W')] },
    { label: '&View', submenu: [
      item('Side by Side', 'toggleSplit', send, 'S'), sep, item('Project Span', 'projectSpan', send, 'P'),
      item('Project Passage', 'projectPassage', send, 'Shift+P'), item('Project All Spans', 'projectAll', send),
      item('Accept Projected Spans', 'acceptAll', send, 'Shift+A'), sep, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { role: 'togglefullscreen' }] },
    { label: '&Document', submenu: [
      item('Mark To Do', 'markTodo', send, 'T'), item('Mark In Progress', 'markInProgress', send, 'I'), item('Mark Done', 'markDone', send, 'D'), sep,
      item('Previous Document', 'previousDocument', send, '['), item('Next Document', 'nextDocument', send, ']')] },
  ];
}
