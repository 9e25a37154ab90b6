// Timings the bench and the tests read (performance.measure), kept only when
// the page was opened for measuring (?automation). The browser keeps every
// measure until cleared, and some are taken on every scroll frame (the arc
// pass, the document list): in a day of annotating that is a heap that grows
// for nothing.
export const measuring = typeof location !== 'undefined' && new URLSearchParams(location.search).has('automation');

/** A measure from `start` to now, under ?automation only. */
export function timed(name: string, start: number, detail?: unknown): void {
  if (measuring) performance.measure(name, { start, detail });
}
