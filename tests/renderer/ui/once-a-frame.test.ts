// Drawing at most once a frame: calls before the frame come cost one draw, and
// a call after it asks for the next.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { onceAFrame } from '../../../renderer/ui/once-a-frame';

describe('onceAFrame', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('draws once for every call made before the frame, and again for a call after it', () => {
    const frames: Array<() => void> = [];
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
    let draws = 0;
    const schedule = onceAFrame(() => draws++);
    schedule();
    schedule();
    schedule();
    expect(frames).toHaveLength(1);
    expect(draws).toBe(0);
    frames.shift()!();
    expect(draws).toBe(1);
    schedule();
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(draws).toBe(2);
  });
});
