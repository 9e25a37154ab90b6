// When snapshots are taken: after writes settle, at most every minInterval,
// again after a change made while one was being written, and on flush.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackupScheduler, DEFAULT_TIMING, timingFromQuery } from '../../../renderer/backup/scheduler';

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

function scheduler(timing = { delayMs: 10_000, minIntervalMs: 180_000 }) {
  const runs: number[] = [];
  let finish: () => void = () => {};
  const s = new BackupScheduler(() => {
    runs.push(Date.now());
    return new Promise<void>((r) => (finish = r));
  }, timing);
  return { s, runs, finish: () => finish() };
}

describe('BackupScheduler', () => {
  it('waits for the writes to settle: each change restarts the quiet period', async () => {
    const { s, runs, finish } = scheduler();
    s.changed();
    await vi.advanceTimersByTimeAsync(9_000);
    s.changed();
    await vi.advanceTimersByTimeAsync(9_000);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toHaveLength(1);
    finish();
  });

  it('backs up at most every minInterval, and again after a change made during a snapshot', async () => {
    const { s, runs, finish } = scheduler();
    s.changed();
    await vi.advanceTimersByTimeAsync(10_000);
    s.changed(); // while the first snapshot is being written
    finish();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toHaveLength(1); // not before minInterval has passed since the first
    await vi.advanceTimersByTimeAsync(120_000);
    expect(runs).toHaveLength(2);
    expect(runs[1] - runs[0]).toBe(180_000);
    finish();
  });

  it('takes no snapshot while held (an import), and one after the quiet period once released', async () => {
    const { s, runs, finish } = scheduler();
    s.changed();
    const release = s.hold(); // the import starts before the first change settled
    for (let i = 0; i < 30; i++) {
      s.changed(); // a batch of the import
      await vi.advanceTimersByTimeAsync(20_000);
    }
    expect(runs).toEqual([]);
    release();
    release(); // once only
    await vi.advanceTimersByTimeAsync(9_999);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toHaveLength(1);
    finish();
    const again = s.hold();
    again(); // nothing changed while held: nothing due
    await vi.advanceTimersByTimeAsync(600_000);
    expect(runs).toHaveLength(1);
  });

  it('flush writes pending changes at once and nothing when there are none', async () => {
    const { s, runs, finish } = scheduler();
    const idle = s.flush();
    await idle;
    expect(runs).toEqual([]);
    s.changed();
    const flushing = s.flush();
    await vi.advanceTimersByTimeAsync(0); // no waiting for the quiet period
    expect(runs).toHaveLength(1);
    finish();
    await flushing;
    expect(runs).toHaveLength(1);
  });

  it('reads its timing from the page URL for tests, ignoring nonsense', () => {
    expect(timingFromQuery('?backupDelayMs=300&backupMinIntervalMs=0')).toEqual({ delayMs: 300, minIntervalMs: 0 });
    expect(timingFromQuery('?backupDelayMs=-5&backupMinIntervalMs=x')).toEqual(DEFAULT_TIMING);
    expect(timingFromQuery('')).toEqual(DEFAULT_TIMING);
  });
});

describe('a failing backup', () => {
  it('is reported each time it fails, and the report is withdrawn once a snapshot succeeds again', async () => {
    const outcomes: string[] = [];
    let fail = true;
    const s = new BackupScheduler(
      async () => {
        if (fail) throw new Error('disk full');
      },
      { delayMs: 10, minIntervalMs: 1_000 },
      (e) => outcomes.push(`failed: ${(e as Error).message}`),
      undefined,
      () => outcomes.push('recovered'),
    );
    s.changed();
    await vi.advanceTimersByTimeAsync(20);
    expect(outcomes).toEqual(['failed: disk full']);
    fail = false; // the failed snapshot is retried after the interval
    await vi.advanceTimersByTimeAsync(1_100);
    expect(outcomes).toEqual(['failed: disk full', 'recovered']);
    s.changed();
    await vi.advanceTimersByTimeAsync(1_100);
    expect(outcomes).toHaveLength(2); // a success after a success says nothing
  });
});
