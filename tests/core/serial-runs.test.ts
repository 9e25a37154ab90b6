// One run at a time; requests made meanwhile become exactly one trailing run.
import { describe, expect, it } from 'vitest';
import { SerialRuns } from '../../core/serial-runs';

describe('SerialRuns', () => {
  it('never overlaps runs and serves any number of requests made meanwhile with one more run', async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    const serial = new SerialRuns(async () => {
      runs++;
      most = Math.max(most, ++active);
      await new Promise((r) => setTimeout(r, 10));
      active--;
    });
    serial.request();
    serial.request();
    serial.request();
    serial.request();
    await serial.idle();
    expect(runs).toBe(2);
    expect(most).toBe(1);
    serial.request();
    await serial.idle();
    expect(runs).toBe(3);
  });

  it('goes on after a run that fails', async () => {
    let calls = 0;
    const serial = new SerialRuns(async () => {
      if (++calls === 1) throw new Error('first fails');
    });
    serial.request();
    serial.request();
    await serial.idle().catch(() => undefined);
    await serial.idle();
    expect(calls).toBe(2);
  });
});
