// When to back up: once writes have settled (`delayMs` after the last one),
// and never more often than every `minIntervalMs`, so a long annotation
// session writes a handful of snapshots, not one per keystroke. A change made
// while a snapshot is being written schedules another one after it. While
// an import runs the scheduler is held: a snapshot then would copy a corpus
// half imported, again and again (each one the whole corpus), and slow the
// import it cannot usefully protect; the one after the import covers it.
// A failed snapshot is said on screen (BackupFailureNotice, in the top bar)
// until one succeeds again: a backup that silently stops is no backup.
import { Holds } from '../../core/holds';

export interface BackupTiming {
  delayMs: number;
  minIntervalMs: number;
}

export const DEFAULT_TIMING: BackupTiming = { delayMs: 10_000, minIntervalMs: 3 * 60_000 };

/** Test and power-user override: ?backupDelayMs=500&backupMinIntervalMs=0 on the page URL. */
export function timingFromQuery(search: string, fallback = DEFAULT_TIMING): BackupTiming {
  const params = new URLSearchParams(search);
  const read = (name: string, def: number) => {
    const value = Number(params.get(name));
    return params.has(name) && Number.isFinite(value) && value >= 0 ? value : def;
  };
  return {
    delayMs: read('backupDelayMs', fallback.delayMs),
    minIntervalMs: read('backupMinIntervalMs', fallback.minIntervalMs),
  };
}

export class BackupScheduler {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastRun = -Infinity;
  private running: Promise<void> | undefined;
  private dirty = false;

  constructor(
    private readonly run: () => Promise<void>,
    private readonly timing: BackupTiming,
    private readonly onError: (error: unknown) => void = () => {},
    private readonly now: () => number = () => Date.now(),
    /** Called when a snapshot succeeds after one failed. */
    private readonly onRecovered: () => void = () => {},
  ) {}

  private failing = false;
  private readonly holds = new Holds(() => {
    if (this.dirty) this.changed();
  });

  /** No snapshot starts until the returned function is called (once); one is due after it if anything changed. */
  hold(): () => void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    return this.holds.take();
  }

  /** Something was written: (re)start the quiet-period timer. */
  changed(): void {
    this.dirty = true;
    if (this.running || this.holds.held) return; // rescheduled when the running snapshot ends, or when released
    if (this.timer !== undefined) clearTimeout(this.timer);
    const now = this.now();
    const due = Math.max(now + this.timing.delayMs, this.lastRun + this.timing.minIntervalMs);
    this.timer = setTimeout(() => void this.fire(), due - now);
  }

  /** Backs up now if anything changed since the last snapshot (e.g. on quit). */
  async flush(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
    if (this.dirty) await this.fire();
  }

  private async fire(): Promise<void> {
    this.timer = undefined;
    this.dirty = false;
    this.lastRun = this.now();
    this.running = this.run().then(
      () => {
        if (this.failing) {
          this.failing = false;
          this.onRecovered();
        }
      },
      (error: unknown) => {
        this.dirty = true; // try again after the next change or interval
        this.failing = true;
        this.onError(error);
      },
    );
    await this.running;
    this.running = undefined;
    if (this.dirty) this.changed();
  }
}

/**
 * The top bar's word that automatic backups are failing: shown on a failure
 * (with the reason), removed once a snapshot succeeds again.
 */
export class BackupFailureNotice {
  private element?: HTMLElement;

  constructor(private readonly where: () => Element = () => document.querySelector('.topbar') ?? document.body) {}

  show(error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    if (!this.element) {
      this.element = document.createElement('span');
      this.element.className = 'save-state error';
      this.element.setAttribute('role', 'alert');
      this.element.dataset.testid = 'backup-failed';
      this.where().append(this.element);
    }
    this.element.textContent = `Automatic backup failed: ${reason.length > 80 ? `${reason.slice(0, 80)}…` : reason}`;
    this.element.title = `${reason}\nYour work is saved in the app; the backup is tried again after the next change.`;
  }

  clear(): void {
    this.element?.remove();
    this.element = undefined;
  }
}
