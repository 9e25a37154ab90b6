import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterQuiet } from '../../../renderer/suggest/quiet-moment';

describe('afterQuiet', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the work once, after the quiet time with no input', () => {
    const target = new EventTarget();
    const work = vi.fn();
    afterQuiet(work, 3_000, target);
    vi.advanceTimersByTime(2_999);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(10_000);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('waits again after each key, press, wheel or touch', () => {
    const target = new EventTarget();
    const work = vi.fn();
    afterQuiet(work, 3_000, target);
    for (const type of ['keydown', 'pointerdown', 'wheel', 'touchstart']) {
      vi.advanceTimersByTime(2_500);
      target.dispatchEvent(new Event(type));
    }
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(3_000);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('does nothing once cancelled', () => {
    const target = new EventTarget();
    const work = vi.fn();
    const cancel = afterQuiet(work, 3_000, target);
    cancel();
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(10_000);
    expect(work).not.toHaveBeenCalled();
  });
});
