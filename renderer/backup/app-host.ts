// The workbench screen as the backups see it (kept here so renderer/main.ts
// only has to call attach).
import type { WorkbenchApp } from '../ui/app';
import type { BackupHost } from './index';

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
