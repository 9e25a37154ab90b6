// The main process's answers to bridge calls, as plain Node code: no Electron
// import, so the same handlers serve the app (main/ipc.ts) and the Chromium
// test host (tests/support/bridge-host.ts). Whatever needs Electron (dialogs,
// paths) comes in through MainDeps.
import path from 'node:path';
import type { BridgeHandlers } from '../core/bridge';
import { backupHandlers } from './backup-handlers';
import { createIoHandlers, type IoDialogs } from './io-handlers';
import { readCorpusFolder } from './services/corpus-folder';
import { ProfileMarkerFile } from './services/profile-marker-file';
import type { SecretBox } from './services/sync/secret-box';
import { SyncService, type SyncServiceDeps } from './services/sync/sync-service';
import { syncHandlers } from './sync-handlers';

export interface MainDeps extends IoDialogs {
  /** Folder holding the bundled seed corpus. */
  seedsDir: string;
  /** The app's own data folder (Electron's userData): backups live in its backups/. */
  dataDir: string;
  /** Seals the sync password (Electron's safeStorage in the app). Absent: no password can be kept. */
  secrets?: SecretBox;
  /** Main's own confirmation before syncing with a server not used before. */
  confirmSyncServer?: (dbUrl: string) => Promise<boolean>;
  /** A sync service made by the caller (tests: short back-off, a fetch of their own). */
  sync?: SyncService;
  syncOptions?: Partial<SyncServiceDeps>;
}

/** Without a system keychain nothing is sealed, so no password is kept. */
export const NO_SECRETS: SecretBox = {
  available: () => false,
  encrypt: () => {
    throw new Error('no encrypted storage on this system');
  },
  decrypt: () => {
    throw new Error('no encrypted storage on this system');
  },
};

export function createSyncService(deps: MainDeps): SyncService {
  return new SyncService({
    dir: path.join(deps.dataDir, 'sync'),
    secrets: deps.secrets ?? NO_SECRETS,
    ...(deps.confirmSyncServer ? { confirmServer: deps.confirmSyncServer } : {}),
    ...deps.syncOptions,
  });
}

export function createHandlers(deps: MainDeps): BridgeHandlers {
  const marker = new ProfileMarkerFile(deps.dataDir);
  return {
    loadSeedCorpus: async () => readCorpusFolder(deps.seedsDir),
    readProfileMarker: () => marker.read(),
    writeProfileMarker: (arg) => marker.write(arg),
    ...backupHandlers(deps.dataDir),
    ...createIoHandlers(deps),
    ...syncHandlers(deps.sync ?? createSyncService(deps)),
  };
}
