import { describe, expect, it, vi } from 'vitest';
import { Holds } from '../../core/holds';

describe('Holds', () => {
  it('is held while any hold is taken, and frees once, when the last is released', () => {
    const onFree = vi.fn();
    const holds = new Holds(onFree);
    expect(holds.held).toBe(false);
    const a = holds.take();
    const b = holds.take();
    a();
    a(); // a second call counts for nothing
    expect(holds.held).toBe(true);
    expect(onFree).not.toHaveBeenCalled();
    b();
    expect(holds.held).toBe(false);
    expect(onFree).toHaveBeenCalledTimes(1);
  });
});
