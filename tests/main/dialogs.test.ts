// main/dialogs.ts with Electron's dialog replaced by a recorder: the options
// each kind of import asks for, and "cancelled" read as null.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electronDialogs, openOptions } from '../../main/dialogs';
import { BrowserWindow, dialog, resetFakeElectron } from '../support/fake-electron';

vi.mock('electron', () => import('../support/fake-electron'));

beforeEach(resetFakeElectron);

describe('Electron dialogs as MainDeps', () => {
  it('asks for files (several, corpus types) or one folder', () => {
    expect(openOptions('files').properties).toEqual(['openFile', 'multiSelections']);
    expect(openOptions('folder').properties).toEqual(['openDirectory']);
  });

  it('gives the picked paths, or null when cancelled, modal to the app window', async () => {
    const window = new BrowserWindow({});
    expect(await electronDialogs.showOpenDialog('files')).toBeNull();
    dialog.openResult = { canceled: false, filePaths: ['/data/a.jsonl'] };
    expect(await electronDialogs.showOpenDialog('files')).toEqual(['/data/a.jsonl']);
    expect(dialog.calls[0].window).toBe(window);
  });

  it('gives the chosen save path with the suggested name, or null', async () => {
    expect(await electronDialogs.showSaveDialog('corpus.jsonl')).toBeNull();
    dialog.saveResult = { canceled: false, filePath: '/data/corpus.jsonl' };
    expect(await electronDialogs.showSaveDialog('corpus.jsonl')).toBe('/data/corpus.jsonl');
    expect(dialog.calls[1].options.defaultPath).toBe('corpus.jsonl');
  });
});
