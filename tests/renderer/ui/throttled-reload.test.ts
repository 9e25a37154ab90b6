// The list's re-read during an import: one at a time, spaced to about a
// tenth of the time whatever the corpus size, and the last state always read.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_WAIT_MS, SPACING, ThrottledReload } from '../../../renderer/ui/throttled-reload';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A reload that takes `ms` of (fake) time; records when each one started. */
function reloadTaking(ms: number) {
  const starts: number[] = [];
  const reload = async () => {
    starts.push(performance.now());
    await new Promise((resolve) => setTimeout(resolve, ms));
  };
  return { starts, reload };
}

describe('ThrottledReload', () => {
  it('keeps a slow re-read to about a tenth of the time, as a large corpus makes it slower', async () => {
    const { starts, reload } = reloadTaking(2_000); // every id of a corpus of some hundred thousand documents
    const throttled = new ThrottledReload(reload);
    for (let t = 0; t < 200_000; t += 500) {
      throttled.schedule(); // a stored batch every half second
      await vi.advanceTimersByTimeAsync(500);
    }
    const gaps = starts.slice(1).map((s, i) => s - starts[i]);
    expect(gaps.every((gap) => gap >= 2_000 + SPACING * 2_000)).toBe(true);
    const busy = (starts.length * 2_000) / 200_000;
    expect(busy).toBeLessThanOrEqual(0.1);
  });

  it('never waits longer than MAX_WAIT_MS, and a request made meanwhile gets one trailing run', async () => {
    const { starts, reload } = reloadTaking(5_000);
    const throttled = new ThrottledReload(reload);
    throttled.schedule();
    await vi.advanceTimersByTimeAsync(1_000);
    throttled.schedule();
    throttled.schedule();
    await vi.advanceTimersByTimeAsync(5_000 + MAX_WAIT_MS + 5_000);
    expect(starts).toHaveLength(2);
    expect(starts[1] - starts[0]).toBe(5_000 + MAX_WAIT_MS);
  });
});
