// The corpus-wide progress bar in the top bar. It draws from counts the corpus
// model keeps (index counts at start, then updated per changed record), never
// from the records themselves: 100,000 documents cost nothing per span edit.
import type { StatusCounts } from '../db/corpus-query';
import { h } from '../dom';

export function renderProgress(counts: StatusCounts): HTMLElement {
  const total = Math.max(counts.total, 1);
  const pct = (n: number) => `${((n / total) * 100).toFixed(1)}%`;
  const bar = h(
    'div',
    { class: 'progress-bar', role: 'img', 'aria-label': `${counts.done} of ${counts.total} done` },
    h('span', { class: 'progress-done' }),
    h('span', { class: 'progress-started' }),
  );
  (bar.children[0] as HTMLElement).style.width = pct(counts.done);
  (bar.children[1] as HTMLElement).style.width = pct(counts.in_progress);
  const n = (x: number) => x.toLocaleString('en-US');
  return h(
    'div',
    { class: 'progress', 'data-testid': 'progress' },
    bar,
    h(
      'span',
      { class: 'progress-text' },
      `${n(counts.done)} done · ${n(counts.in_progress)} in progress · ${n(counts.total)} documents`,
    ),
  );
}
