// The corpus-wide progress bar in the top bar.
import type { DocumentRecord } from '../../core/model';
import { h } from './dom';

export function statusCounts(docs: DocumentRecord[]): Record<string, number> {
  const counts: Record<string, number> = { todo: 0, in_progress: 0, done: 0 };
  for (const doc of docs) counts[doc.status]++;
  return counts;
}

export function renderProgress(docs: DocumentRecord[]): HTMLElement {
  const counts = statusCounts(docs);
  const total = Math.max(docs.length, 1);
  const pct = (n: number) => `${((n / total) * 100).toFixed(1)}%`;
  const bar = h('div', { class: 'progress-bar', role: 'img', 'aria-label': `${counts.done} of ${docs.length} done` },
    h('span', { class: 'progress-done' }), h('span', { class: 'progress-started' }));
  (bar.children[0] as HTMLElement).style.width = pct(counts.done);
  (bar.children[1] as HTMLElement).style.width = pct(counts.in_progress);
  return h('div', { class: 'progress', 'data-testid': 'progress' },
    bar, h('span', { class: 'progress-text' }, `${counts.done} done · ${counts.in_progress} in progress · ${docs.length} documents`));
}
