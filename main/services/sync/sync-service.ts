// Sync as main runs it: the settings (password sealed), main's replica, the
// live replication with the one server the user set, and what the renderer
// asks through the bridge (push its saved changes, pull remote ones, status,
// conflicts). Nothing here waits on the network when answering the renderer:
// pushes land in the replica on disk and the replication takes them from there.
import path from 'node:path';
import type { SyncRecord } from '../../../core/sync/couch-records';
import type {
  SyncConfigureInput,
  SyncConfigureResult,
  SyncConflict,
  SyncPullBatch,
  SyncSettingsView,
  SyncStatus,
} from '../../../core/sync/sync-shapes';
import type { Fetch } from './guarded-fetch';
import { LocalStore } from './local-store';
import { openPouch, pouchFetch, type Pouch, type PouchOptions } from './pouch';
import { Replicator } from './replicator';
import type { SecretBox } from './secret-box';
import {
  checkServer,
  nextConfig,
  passwordOf,
  readSyncConfig,
  viewOf,
  writeSyncConfig,
  type StoredSyncConfig,
} from './sync-config';

export interface SyncServiceDeps {
  /** <dataDir>/sync: the settings file and the replica. */
  dir: string;
  secrets: SecretBox;
  /** Main's own question before credentials go to a server not used before (the page cannot answer it). */
  confirmServer?: (dbUrl: string) => Promise<boolean>;
  fetch?: Fetch;
  maxBackOff?: number;
  /** Options for the replica (tests: an in-memory adapter). */
  replicaOptions?: PouchOptions;
}

const PUSHED = '_local/workbench-pushed';

export class SyncService {
  private config: StoredSyncConfig = { url: '', database: '', username: '', enabled: false };
  private replica?: LocalStore;
  private replicator?: Replicator;
  private pushedSeq: number | string = 0;
  private conflictIds = new Set<string>();
  private conflictSeq: number | string = 0;
  private scanning?: Promise<void>;
  private opening?: Promise<void>;
  private replicaOpening?: Promise<LocalStore>;
  private problems: SyncStatus['problems'] = [];

  constructor(private readonly deps: SyncServiceDeps) {}

  /** The settings, read on first use; the replica opens only once sync is used, so a profile that never syncs never opens it. */
  private get ready(): Promise<void> {
    return (this.opening ??= this.open());
  }

  private async open(): Promise<void> {
    this.config = await readSyncConfig(this.deps.dir);
    if (this.config.enabled) await this.restart();
  }

  private openReplica(): Promise<LocalStore> {
    return (this.replicaOpening ??= (async () => {
      const db: Pouch = openPouch(path.join(this.deps.dir, 'replica'), this.deps.replicaOptions);
      this.replica = new LocalStore(db, (ids) => this.replicator?.noteWritten(ids));
      try {
        this.pushedSeq = ((await db.get(PUSHED)) as unknown as { seq: number | string }).seq;
      } catch {
        this.pushedSeq = 0;
      }
      this.scanConflicts();
      return this.replica;
    })());
  }

  private get local(): LocalStore {
    if (!this.replica) throw new Error('sync is not open');
    return this.replica;
  }

  private async restart(): Promise<void> {
    await this.replicator?.close();
    this.replicator = undefined;
    const { url, database, username, enabled } = this.config;
    if (!enabled || !url) return;
    const checked = checkServer(url, database);
    if (!checked.ok) return;
    await this.openReplica();
    const u = new URL(checked.dbUrl);
    this.replicator = new Replicator(
      this.local.db,
      {
        dbUrl: checked.dbUrl,
        server: `${u.host}${u.pathname}`,
        username: username || undefined,
        password: passwordOf(this.config, this.deps.secrets),
        fetch: this.deps.fetch ?? pouchFetch,
        maxBackOff: this.deps.maxBackOff,
      },
      {
        pushedUpTo: (seq) => void this.notePushed(seq),
        pulled: () => this.scanConflicts(),
        changed: () => undefined,
      },
    );
    this.replicator.start();
  }

  private async notePushed(seq: number | string): Promise<void> {
    this.pushedSeq = seq;
    const db = this.local.db;
    try {
      const old = await db.get(PUSHED).catch(() => undefined);
      await db.put({ _id: PUSHED, ...(old ? { _rev: old._rev } : {}), seq } as never);
    } catch {
      // The count of waiting changes is for display; the replication keeps its own checkpoints.
    }
  }

  /** Follows the replica's changes for records with conflicts (one scan at a time). */
  private scanConflicts(): void {
    if (this.scanning) return;
    this.scanning = (async () => {
      try {
        const { ids, last } = await this.local.conflictedIds(this.conflictSeq);
        for (const id of ids) this.conflictIds.add(id);
        this.conflictSeq = last;
        for (const id of [...this.conflictIds]) if (!(await this.local.conflict(id))) this.conflictIds.delete(id);
      } finally {
        this.scanning = undefined;
      }
    })();
  }

  async settings(): Promise<SyncSettingsView> {
    await this.ready;
    return viewOf(this.config, this.deps.secrets);
  }

  async configure(input: SyncConfigureInput): Promise<SyncConfigureResult> {
    await this.ready;
    if (input.enabled || input.url) {
      const checked = checkServer(input.url, input.database);
      if (!checked.ok) return { ok: false, message: checked.message };
      const old = checkServer(this.config.url, this.config.database);
      const newServer = !old.ok || old.dbUrl !== checked.dbUrl;
      if (input.enabled && newServer && this.deps.confirmServer && !(await this.deps.confirmServer(checked.dbUrl)))
        return { ok: false, message: `sync with ${checked.dbUrl} was not confirmed` };
    }
    let next: StoredSyncConfig;
    try {
      next = nextConfig(this.config, input, this.deps.secrets);
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
    await writeSyncConfig(this.deps.dir, next);
    this.config = next;
    await this.restart();
    return { ok: true, settings: viewOf(next, this.deps.secrets) };
  }

  /** The renderer's saved changes, into the replica (on disk) before this answers. */
  async push(records: SyncRecord[], removed: string[]): Promise<{ written: number }> {
    await this.ready;
    await this.openReplica();
    return { written: await this.local.writeRecords(records, removed) };
  }

  /** This annotator's span and relation records with these ids (what a removal noted without its document names). */
  async findOwnIds(
    annotator: string,
    keys: ReadonlyArray<{ type: 'span' | 'relation'; key: string }>,
  ): Promise<string[]> {
    if (keys.length === 0) return [];
    await this.ready;
    return (await this.openReplica()).findOwnIds(annotator, keys);
  }

  /**
   * 1,000 changes a batch by default: a fresh profile's first pull is hundreds of batches, and each costs
   * the renderer one IndexedDB transaction of fixed overhead; long texts cut a batch sooner (readChanges).
   */
  async pull(since: number | string, limit = 1000): Promise<SyncPullBatch> {
    await this.ready;
    await this.openReplica();
    const batch = await this.local.readChanges(since, limit);
    if (batch.problems.length > 0) this.problems = [...this.problems, ...batch.problems].slice(-50);
    return batch;
  }

  async status(): Promise<SyncStatus> {
    await this.ready;
    const base = { conflicts: this.conflictIds.size, problems: this.problems };
    const { url, database, enabled } = this.config;
    if (!enabled || !url || !this.replicator) return { state: 'off', waiting: 0, ...base };
    const checked = checkServer(url, database);
    const server = checked.ok ? `${new URL(checked.dbUrl).host}${new URL(checked.dbUrl).pathname}` : url;
    const waiting = await this.local.countSince(this.pushedSeq);
    const current = this.replicator.current;
    return {
      state: current.state,
      ...('message' in current ? { message: current.message } : {}),
      waiting,
      server,
      ...(this.replicator.lastSyncedAt ? { lastSyncedAt: this.replicator.lastSyncedAt } : {}),
      ...base,
    };
  }

  async conflicts(): Promise<SyncConflict[]> {
    await this.ready;
    if (!this.replica) return [];
    await this.scanning;
    const out: SyncConflict[] = [];
    for (const id of [...this.conflictIds].sort()) {
      const conflict = await this.local.conflict(id);
      if (conflict) out.push(conflict);
      else this.conflictIds.delete(id);
    }
    return out;
  }

  async resolve(id: string, rev: string): Promise<void> {
    await this.ready;
    await this.openReplica();
    await this.local.resolve(id, rev);
    this.conflictIds.delete(id);
  }

  /** Waits for the running conflict scan (tests, and before listing). */
  async settled(): Promise<void> {
    await this.ready;
    await this.replicaOpening;
    await this.scanning;
  }

  async close(): Promise<void> {
    if (!this.opening) return;
    await this.opening.catch(() => undefined);
    await this.replicator?.close();
    await this.scanning?.catch(() => undefined);
    await this.replicaOpening?.catch(() => undefined);
    await this.replica?.db.close();
  }
}
