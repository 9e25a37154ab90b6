// "Similar documents" for the active document, with a way to open one beside it.
import type { DocumentRecord } from '../../core/model';
import type { SimilarDocument } from '../db/signatures';
import { clear, h } from './dom';

export function renderSimilar(host: HTMLElement, matches: Array<SimilarDocument & { record?: DocumentRecord }>, openBeside: (id: string) => void): void {
  clear(host);
  if (matches.length === 0) return;
  host.append(
    h('h3', {}, 'Similar documents'),
    h('ul', { class: 'similar-list', 'data-testid': 'similar-list' }, ...matches.map((m) =>
      h('li', { 'data-doc-id': m.id },
        h('span', { class: 'similar-name', title: m.record?.preview ?? '' }, m.record?.name ?? m.id),
        h('span', { class: 'similar-score' }, `${Math.round(m.score * 100)}%`),
        h('button', { type: 'button', class: 'ghost', 'data-testid': 'open-beside', title: 'Open beside (side by side)', onclick: () => openBeside(m.id) }, 'Open beside')))),
  );
}
