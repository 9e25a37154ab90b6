// Wires sync into the app: the outbox middleware (installed before the
// database opens), the agent that moves changes through the bridge, the top
// bar's state and the dialog. What the agent applied is shown at once: new
// documents in the list, labels in the bar, spans in an open document.
import type { WorkbenchBridge } from '../../core/bridge';
import type { WorkbenchDb } from '../db/schema';
import { noteSyncedWrites } from '../db/sync-outbox';
import { localAnnotator } from '../db/sync-state';
import { watchWrites } from '../db/write-watch';
import { SyncAgent } from './agent';
import { SyncBadge } from './sync-badge';
import { openSyncDialog } from './sync-dialog';

/** What sync needs of the workbench screen (the adapter is ui/sync-host.ts). */
export interface SyncHost {
  /** Re-reads the document list soon: a long pull reports every half second, the list need not follow each. */
  refreshListSoon(): void;
  reloadLabels(): Promise<void>;
  /** Re-shows `docId`'s spans and record if it is open. */
  reloadDocument(docId: string): Promise<void>;
  say(message: string): void;
  /** Holds the indexer and automatic backups while a pull stores what it brought; returns the release. */
  holdBackground?(): () => void;
}

export class Sync {
  readonly agent: SyncAgent;
  readonly badge = new SyncBadge(() => void this.open());
  private host?: SyncHost;

  constructor(
    private readonly db: WorkbenchDb,
    private readonly bridge: WorkbenchBridge,
    everyMs = 2000,
  ) {
    noteSyncedWrites(db);
    watchWrites(db, 'sync', () => this.agent?.poke(), ['documents', 'spans', 'labels']);
    this.agent = new SyncAgent(
      db,
      bridge,
      {
        view: (view) => this.badge.show(view),
        holdBackground: () => this.host?.holdBackground?.() ?? (() => undefined),
        applied: (result) => {
          const host = this.host;
          if (!host) return;
          if (result.documentsAdded > 0 || result.touched.size > 0) host.refreshListSoon();
          if (result.labelsChanged) void host.reloadLabels();
          for (const docId of result.touched) void host.reloadDocument(docId);
          if (result.problems.length > 0)
            host.say(`Sync left out ${result.problems.length} record(s): ${result.problems.slice(0, 3).join('; ')}`);
        },
      },
      everyMs,
    );
  }

  /** Adds the state to the top bar and starts syncing (if a server is set). */
  attach(host: SyncHost, topbar: Element | null = document.querySelector('.topbar')): void {
    this.host = host;
    topbar?.append(this.badge.element);
    this.agent.start();
  }

  open(): HTMLDialogElement {
    return openSyncDialog({
      settings: () => this.bridge.syncSettings(undefined),
      configure: async (input) => {
        const result = await this.bridge.syncConfigure(input);
        this.agent.poke();
        return result;
      },
      conflicts: () => this.bridge.syncConflicts(undefined),
      resolve: async (id, rev) => {
        await this.bridge.syncResolve({ id, rev });
        this.agent.poke();
      },
      annotator: () => localAnnotator(this.db),
      view: () => this.agent.last,
    });
  }
}
