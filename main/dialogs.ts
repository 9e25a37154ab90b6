// Electron's open and save dialogs, shaped as the plain functions MainDeps
// takes. These are the only places import and export paths come from: the
// page can ask for a dialog, never name a file.
import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron';
import type { ImportKind } from '../core/io-shapes';
import type { IoDialogs } from './io-handlers';

const CORPUS_FILTERS = [
  {
    name: 'Corpus and annotation files',
    extensions: [
      'jsonl',
      'ndjson',
      'json',
      'jsonld',
      'txt',
      'md',
      'ann',
      'conll',
      'conllu',
      'iob',
      'bio',
      'tsv',
      'xmi',
      'xml',
    ],
  },
  { name: 'All files', extensions: ['*'] },
];

export function openOptions(kind: ImportKind): OpenDialogOptions {
  return kind === 'folder'
    ? { title: 'Import a folder', properties: ['openDirectory'] }
    : { title: 'Import files', properties: ['openFile', 'multiSelections'], filters: CORPUS_FILTERS };
}

// Modal to the app's window when there is one, so the dialog cannot hide behind it.
const parent = (): BrowserWindow | undefined => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];

export const electronDialogs: Required<IoDialogs> = {
  async showOpenDialog(kind) {
    const window = parent();
    const result = window
      ? await dialog.showOpenDialog(window, openOptions(kind))
      : await dialog.showOpenDialog(openOptions(kind));
    return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
  },
  async showSaveDialog(suggestedName) {
    const options = {
      title: 'Export annotations',
      defaultPath: suggestedName,
      filters: [{ name: 'JSON Lines', extensions: ['jsonl'] }],
    };
    const window = parent();
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  },
};
