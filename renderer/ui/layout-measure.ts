// Performance marks for the benchmark without slowing the app: forcing a
// layout to time it (`void el.offsetHeight`) costs a synchronous reflow, so
// the forced-layout figure is taken only when the page was opened for
// measuring (?automation, as the test harness and bench do). Otherwise the
// measure ends at the next animation frame, which costs nothing extra.
import { measuring } from '../timing';

/** Measures from `start` to after layout: forced under ?automation, else at the next frame. */
export function measureAfterLayout(
  name: string,
  start: number,
  detail: unknown,
  element: HTMLElement = document.body,
): void {
  if (measuring) {
    void element.offsetHeight; // include layout in the measure (automation only)
    performance.measure(name, { start, detail });
  } else {
    requestAnimationFrame(() => performance.measure(name, { start, detail }));
  }
}
