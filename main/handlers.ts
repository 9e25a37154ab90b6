// The main process's answers to bridge calls, as plain Node code: no Electron
// import, so the same handlers serve the app (main/ipc.ts) and the Chromium
// test host (tests/support/bridge-host.ts). Whatever needs Electron (dialogs,
// paths) comes in through MainDeps.
import type { BridgeHandlers } from '../core/bridge';
import { backupHandlers } from './backup-handlers';
import { createIoHandlers, type IoDialogs } from './io-handlers';
import { readCorpusFolder } from './services/corpus-folder';

export interface MainDeps extends IoDialogs {
  /** Folder holding the bundled seed corpus. */
  seedsDir: string;
  /** The app's own data folder (Electron's userData): backups live in its backups/. */
  dataDir: string;
}

export function createHandlers(deps: MainDeps): BridgeHandlers {
  return {
    loadSeedCorpus: async () => readCorpusFolder(deps.seedsDir),
    ...backupHandlers(deps.dataDir),
    ...createIoHandlers(deps),
  };
}
