// The workbench screen as sync sees it (the adapter lives in ui/, the top
// layer, so sync/ never imports ui/; renderer/main.ts only calls attach).
import type { SyncHost } from '../sync/index';
import type { WorkbenchApp } from './app';

export function syncHost(app: WorkbenchApp): SyncHost {
  return {
    refreshListSoon: () => app.refreshListSoon(),
    reloadLabels: () => app.reloadLabels(),
    reloadDocument: async (docId) => {
      if (!app.panes.some((p) => p.record?.id === docId)) return;
      await app.queue.idle();
      await app.reloadSpans(docId);
      await app.reloadRecord(docId);
    },
    say: (message) => app.say(message),
    holdBackground: () => app.holdBackground(),
  };
}
