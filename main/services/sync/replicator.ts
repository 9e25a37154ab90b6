// One live, retrying CouchDB replication between main's replica and the
// server the user set (PouchDB's sync: a push and a pull replication). It
// turns PouchDB's events into the app's sync state: syncing, up to date,
// offline (it keeps retrying, backing off to at most maxBackOff) or an error
// in words. Network failures never stop it; closing it does.
import { guardedFetch, type Fetch } from './guarded-fetch';
import { openPouch, type Pouch, type SyncHandler } from './pouch';
import { describeSyncError } from './sync-words';

export interface ReplicatorOptions {
  dbUrl: string;
  /** host/database as shown to the user. */
  server: string;
  username?: string;
  password?: string;
  fetch: Fetch;
  /** Longest wait between two tries while offline, ms. */
  maxBackOff?: number;
  batchSize?: number;
}

export interface ReplicatorEvents {
  /** The push side has sent everything the replica had when it went quiet. */
  pushedUpTo(seq: number | string): void;
  /** The pull side wrote remote changes into the replica. */
  pulled(): void;
  changed(): void;
}

export type ReplicationState =
  { state: 'connecting' | 'syncing' | 'up-to-date' } | { state: 'offline' | 'error'; message: string };

export class Replicator {
  private readonly remote: Pouch;
  private handler?: SyncHandler;
  private readonly idle = { push: false, pull: false };
  current: ReplicationState = { state: 'connecting' };
  lastSyncedAt?: number;

  constructor(
    private readonly local: Pouch,
    private readonly options: ReplicatorOptions,
    private readonly events: ReplicatorEvents,
  ) {
    this.remote = openPouch(options.dbUrl, {
      fetch: guardedFetch(options.dbUrl, options.fetch),
      ...(options.username ? { auth: { username: options.username, password: options.password ?? '' } } : {}),
      skip_setup: false,
    });
    this.keepInfoFromRejecting();
  }

  /**
   * PouchDB 9's replication updates its progress with `src.info().then(...)`
   * and no catch; when the server drops at that moment the rejection is
   * unhandled (and Node's default for that is to end the process). Once the
   * server has answered, a failed info() gives the last answer instead; the
   * replication's own requests fail and are retried as usual.
   */
  private keepInfoFromRejecting(): void {
    const info = this.remote.info.bind(this.remote);
    let last: Awaited<ReturnType<typeof info>> | undefined;
    this.remote.info = () =>
      info().then(
        (answer) => (last = answer),
        (error: unknown) => {
          if (last) return last;
          throw error;
        },
      );
  }

  start(): void {
    const max = this.options.maxBackOff ?? 15_000;
    const handler = this.local.sync(this.remote, {
      live: true,
      retry: true,
      batch_size: this.options.batchSize ?? 500,
      back_off_function: (delay: number) => (delay === 0 ? Math.min(1000, max) : Math.min(delay * 2, max)),
    });
    this.handler = handler;
    handler.on('active', () => this.set({ state: 'syncing' }));
    handler.on('change', (info: { direction: 'push' | 'pull' }) => {
      this.lastSyncedAt = Date.now();
      if (info.direction === 'pull') this.events.pulled();
      this.events.changed();
    });
    handler.on('denied', (error: unknown) => this.fail(error));
    handler.on('error', (error: unknown) => this.fail(error));
    handler.push.on('requestError', (error: unknown) => this.fail(error));
    handler.pull.on('requestError', (error: unknown) => this.fail(error));
    for (const side of ['push', 'pull'] as const) {
      handler[side].on('active', () => {
        this.idle[side] = false;
        this.set({ state: 'syncing' });
      });
      handler[side].on('paused', (error?: unknown) => {
        if (error) return this.fail(error);
        this.idle[side] = true;
        // PouchDB also pauses without an error between retries while the server cannot be reached: nothing
        // was pushed then, and nothing is up to date. It says `active` again once it gets through.
        if (this.current.state === 'offline' || this.current.state === 'error') return;
        if (side === 'push') void this.local.info().then((info) => this.events.pushedUpTo(info.update_seq));
        if (this.idle.push && this.idle.pull) {
          this.lastSyncedAt = Date.now();
          this.set({ state: 'up-to-date' });
        }
      });
    }
  }

  private fail(error: unknown): void {
    const words = describeSyncError(error, this.options.server);
    this.set({ state: words.offline ? 'offline' : 'error', message: words.message });
  }

  private set(state: ReplicationState): void {
    this.current = state;
    this.events.changed();
  }

  async close(): Promise<void> {
    const handler = this.handler;
    this.handler = undefined;
    if (handler) {
      const done = new Promise<void>((resolve) => {
        handler.on('complete', () => resolve());
        setTimeout(resolve, 2000);
      });
      handler.cancel();
      await done;
    }
    await this.remote.close().catch(() => undefined);
  }
}
