// CouchDB replication between main's replica and the server the user set:
// a catch-up (a push and a pull, to the server's present), then a live,
// retrying pull and push. It turns PouchDB's events into the app's sync
// state: syncing, up to date, offline (it keeps retrying, backing off to at
// most maxBackOff) or an error in words. Network failures never stop it;
// closing it does.
import { guardedFetch, type Fetch } from './guarded-fetch';
import { openPouch, type Pouch, type Replication } from './pouch';
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

type Side = 'push' | 'pull';

/** How long the catch-up's push runs alone before the pull starts beside it. */
export const PULL_BESIDE_PUSH_MS = 1_000;

export type ReplicationState =
  { state: 'connecting' | 'syncing' | 'up-to-date' } | { state: 'offline' | 'error'; message: string };

export class Replicator {
  private readonly remote: Pouch;
  private readonly running: Partial<Record<Side, Replication>> = {};
  private closed = false;
  /** The catch-up's replication under way, and the ids the app wrote meanwhile. */
  private readonly catching = new Set<Replication>();
  private writtenDuringCatchUp?: Set<string>;
  private readonly idle = { push: false, pull: false };
  /** An error no retry will mend was shown (fail). */
  private lasting = false;
  /** Whether the server answers now (the real info(), which may fail). */
  private serverAnswers: () => Promise<boolean> = async () => false;
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
    this.serverAnswers = () =>
      info().then(
        () => true,
        () => false,
      );
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

  /**
   * Catches up first, then syncs both ways. A push replication started beside a large pull reads every
   * pulled change back out of the replica only to learn from the server (a revs_diff a batch) that it
   * has them: a second pass over the replica and work for the server, on the CPU the pull needs (a
   * fresh profile's first pull of 100,000 spans, `npm run bench -- --only=sync --full`, spent about a
   * third of main's time there). So: one push of what the replica has not sent yet beside one pull up to
   * the server's present, then live replication both ways, the push starting after the changes the pull
   * wrote. What the app wrote into the replica meanwhile (noteWritten) is pushed by id before that.
   * A failure on the way (offline) ends the catch-up: the live replication then starts from its
   * checkpoints as usual, retrying.
   */
  start(): void {
    void this.catchUp().then((since) => {
      if (this.closed) return;
      this.run('pull');
      this.run('push', since);
    });
  }

  /** Ids the app writes into the replica, told before each write (LocalStore's `written`). */
  noteWritten(ids: readonly string[]): void {
    for (const id of ids) this.writtenDuringCatchUp?.add(id);
  }

  /** The replica's sequence up to which every change is on the server; undefined when it failed. */
  private async catchUp(): Promise<number | string | undefined> {
    const batch_size = this.batchSize;
    this.writtenDuringCatchUp = new Set();
    try {
      // The pull starts once the push has ended, or after PULL_BESIDE_PUSH_MS if it is still sending: a
      // fresh profile has nothing to send and its push ends at once (a pull beside it could feed it the
      // pulled changes to ask about); a profile sending a corpus to a new database has the server's feed
      // list it back meanwhile (nothing is fetched), which then runs beside the push instead of after it.
      const push = this.once(this.local.replicate.to(this.remote, { batch_size }));
      await Promise.race([push, new Promise((resolve) => setTimeout(resolve, PULL_BESIDE_PUSH_MS))]);
      const [pushedTo] = await Promise.all([
        push,
        this.once(this.local.replicate.from(this.remote, { batch_size }), true),
      ]);
      const since = (await this.local.info()).update_seq;
      const written = [...this.writtenDuringCatchUp];
      this.writtenDuringCatchUp = undefined;
      // Only what came after the first push's last read can be missing; doc_ids skips the pulled changes
      // without reading them. (`since` needs the checkpoint: with `checkpoint: false` PouchDB starts at 0.)
      if (written.length > 0)
        await this.once(this.local.replicate.to(this.remote, { batch_size, doc_ids: written, since: pushedTo }));
      return since;
    } catch (error) {
      this.fail(error);
      return undefined;
    } finally {
      this.writtenDuringCatchUp = undefined;
    }
  }

  /** One replication to its end, as the sync state says; closing the replicator cancels it. Its last source sequence. */
  private async once(replication: Replication, pulling = false): Promise<number | string> {
    if (this.closed) throw new Error('sync closed');
    this.catching.add(replication);
    replication.on('active', () => this.set({ state: 'syncing' }));
    replication.on('change', () => this.replicated(pulling));
    try {
      return ((await replication) as { last_seq: number | string }).last_seq;
    } finally {
      this.catching.delete(replication);
    }
  }

  private run(side: Side, since?: number | string): void {
    if (this.closed || this.running[side]) return;
    const max = this.options.maxBackOff ?? 15_000;
    const options = {
      live: true,
      retry: true,
      batch_size: this.batchSize,
      back_off_function: (delay: number) => (delay === 0 ? Math.min(1000, max) : Math.min(delay * 2, max)),
      ...(since !== undefined && { since }),
    };
    const replication =
      side === 'pull' ? this.local.replicate.from(this.remote, options) : this.local.replicate.to(this.remote, options);
    this.running[side] = replication;
    // Failures arrive as events (below); the promise would only repeat them as an unhandled rejection.
    replication.then(undefined, () => undefined);
    replication.on('change', () => this.replicated(side === 'pull'));
    // A record the server refused, or a replication that ended: no retry will mend these.
    replication.on('denied', (error: unknown) => this.fail(error, side, true));
    replication.on('error', (error: unknown) => this.fail(error, side, true));
    replication.on('requestError', (error: unknown) => this.fail(error, side));
    replication.on('active', () => {
      this.idle[side] = false;
      this.set({ state: 'syncing' });
    });
    replication.on('paused', (error?: unknown) => {
      if (error) return this.fail(error, side);
      this.idle[side] = true;
      void this.settled(side);
    });
  }

  /**
   * A side paused without an error: it has replicated all it knew of. PouchDB says `active` only when
   * a retry finds changes to replicate, so a retry that gets through with nothing to do pauses while
   * the state still says offline (a server restarted while both sides were idle left it there for
   * good). After a failure the server is asked whether it answers before anything is called done.
   */
  private async settled(side: Side): Promise<void> {
    if (this.lasting) return;
    if (this.current.state !== 'syncing' && this.current.state !== 'up-to-date' && !(await this.serverAnswers()))
      return;
    // A failure while the server was asked sets its side busy again (fail), and the state offline.
    if (this.closed || !this.idle[side]) return;
    if (side === 'push') this.events.pushedUpTo((await this.local.info()).update_seq);
    if (this.idle.push && this.idle.pull) {
      this.lastSyncedAt = Date.now();
      this.set({ state: 'up-to-date' });
    }
  }

  private get batchSize(): number {
    return this.options.batchSize ?? 500;
  }

  /** A batch went through (into the replica when `pulling`, which may have brought conflicts to list). */
  private replicated(pulling: boolean): void {
    this.lastSyncedAt = Date.now();
    if (pulling) this.events.pulled();
    this.events.changed();
  }

  /**
   * A failure of one side (or of the catch-up): that side is busy until it pauses without an error.
   * A failed request is retried, and its error lasts until a retry gets through; a `lasting` one
   * (a record refused, a replication ended) stays on screen until sync is set up again.
   */
  private fail(error: unknown, side?: Side, lasting = false): void {
    if (side) this.idle[side] = false;
    if (lasting) this.lasting = true;
    const words = describeSyncError(error, this.options.server);
    this.set({ state: words.offline ? 'offline' : 'error', message: words.message });
  }

  private set(state: ReplicationState): void {
    this.current = state;
    this.events.changed();
  }

  async close(): Promise<void> {
    this.closed = true;
    const running = [...Object.values(this.running), ...this.catching];
    await Promise.all(
      running.map(
        (replication) =>
          new Promise<void>((resolve) => {
            replication.on('complete', () => resolve());
            setTimeout(resolve, 2000);
            replication.cancel();
          }),
      ),
    );
    await this.remote.close().catch(() => undefined);
  }
}
