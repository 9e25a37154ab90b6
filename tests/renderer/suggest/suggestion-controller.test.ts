// The suggestions worker's warm-up as the controller schedules it: at the
// first quiet moment after a document opens, once; held (by an import or a
// sync pull) it waits for the release and another quiet moment.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openWorkbenchDb } from '../../../renderer/db/schema';
import type { SuggestClient } from '../../../renderer/suggest/suggest-client';
import {
  SuggestionController,
  WARM_UP_QUIET_MS,
  type SuggestHost,
} from '../../../renderer/suggest/suggestion-controller';

function controller() {
  const asked: string[] = [];
  const client = {
    request: (request: { type: string }) => {
      asked.push(request.type);
      return Promise.resolve({ runs: 40, ms: 1 });
    },
  } as unknown as SuggestClient;
  const pane = {};
  const host: SuggestHost = { panes: [pane], labels: [], active: pane, say: () => undefined, changed: () => undefined };
  return {
    asked,
    pane,
    c: new SuggestionController(openWorkbenchDb(`suggestion-controller-${Math.random()}`), client, host),
  };
}

describe('SuggestionController warm-up', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('window', new EventTarget()); // what afterQuiet listens on
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('asks the worker once, at the first quiet moment after a document opens', () => {
    const { asked, pane, c } = controller();
    c.opened(pane);
    c.opened(pane);
    vi.advanceTimersByTime(WARM_UP_QUIET_MS - 1);
    expect(asked).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(asked).toEqual(['warm-up']);
    vi.advanceTimersByTime(10 * WARM_UP_QUIET_MS);
    expect(asked).toEqual(['warm-up']);
  });

  it('while held, waits for the release and then for another quiet moment', () => {
    const { asked, pane, c } = controller();
    const release = c.hold();
    c.opened(pane);
    vi.advanceTimersByTime(5 * WARM_UP_QUIET_MS);
    expect(asked).toEqual([]);
    release();
    release(); // a second call changes nothing
    vi.advanceTimersByTime(WARM_UP_QUIET_MS - 1);
    expect(asked).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(asked).toEqual(['warm-up']);
  });
});
