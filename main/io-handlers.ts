// The import/export channels' handlers, built on the two session stores.
// Dialogs come in as plain functions, so this stays Electron-free: the app
// passes Electron's dialogs (main/dialogs.ts), the Chromium test host fakes.
import type { BridgeHandlers } from '../core/bridge';
import { ExportSessions, type SaveDialog } from './export-sessions';
import { ImportSessions, type OpenDialog } from './import-sessions';
import { readImportBytes } from './services/import-paths';

export interface IoDialogs {
  /** Paths the user picked (files, or one folder); null when cancelled. */
  showOpenDialog?: OpenDialog;
  /** The path the user chose to save to; null when cancelled. */
  showSaveDialog?: SaveDialog;
}

type IoChannels =
  | 'chooseImport'
  | 'importNext'
  | 'importCancel'
  | 'importBytes'
  | 'exportBegin'
  | 'exportWrite'
  | 'exportEnd'
  | 'exportAbort';

// Without a dialog (a host that supplies none) every choice reads as "cancelled".
const cancelled = async (): Promise<null> => null;

export function createIoHandlers(dialogs: IoDialogs): Pick<BridgeHandlers, IoChannels> {
  const imports = new ImportSessions(dialogs.showOpenDialog ?? cancelled);
  const exports = new ExportSessions(dialogs.showSaveDialog ?? cancelled);
  return {
    chooseImport: ({ kind, offsets }) => imports.choose(kind, offsets),
    importNext: ({ session }) => imports.next(session),
    importCancel: ({ session }) => imports.cancel(session),
    importBytes: async ({ name, bytes, offsets, companion }) => readImportBytes(name, bytes, offsets, companion),
    exportBegin: ({ format, suggestedName, target }) => exports.begin(format, suggestedName, target),
    exportWrite: ({ session, records }) => exports.write(session, records),
    exportEnd: ({ session }) => exports.end(session),
    exportAbort: ({ session }) => exports.abort(session),
  };
}
