// Runs work once the researcher has left the app alone for a while: no key,
// pointer press, wheel or touch for `quietMs`. Work that only prepares (the
// suggestions worker's warm-up) waits for such a moment instead of taking a
// core from her first actions after a start, on a two-core laptop.

/** The input that means "she is working": each restarts the wait. */
export const INPUT_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/**
 * Calls `work` once, after `quietMs` with none of INPUT_EVENTS on `target`.
 * Returns a function that cancels it (if it has not run yet).
 */
export function afterQuiet(work: () => void, quietMs: number, target: EventTarget = window): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(run, quietMs);
  };
  const stop = () => {
    clearTimeout(timer);
    for (const type of INPUT_EVENTS) target.removeEventListener(type, restart, { capture: true });
  };
  const run = () => {
    stop();
    work();
  };
  for (const type of INPUT_EVENTS) target.addEventListener(type, restart, { capture: true, passive: true });
  restart();
  return stop;
}
