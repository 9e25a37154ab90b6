// The workbench screen as the backups see it (the adapter lives in ui/, the top
// layer, so backup/ never imports ui/; renderer/main.ts only calls attach).
import type { BackupHost } from '../backup/index';
import type { WorkbenchApp } from './app';

export function appHost(app: WorkbenchApp): BackupHost {
  return {
    importDocuments: (docs) => app.importDocuments(docs),
    reloadLabels: () => app.reloadLabels(),
    refreshList: () => app.refreshList(),
    reopen: async () => {
      const id = app.active.record?.id ?? app.corpus.visible[0];
      if (id !== undefined) await app.openDocument(id);
    },
    say: (message) => app.say(message),
  };
}
