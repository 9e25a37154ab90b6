// "Similar documents" for the active document, with a way to open one beside it.
// A document already on screen in the other pane says so instead of offering
// to open it again.
import { displayName } from '../../core/display-name';
import type { DocumentRecord } from '../../core/model';
import type { SimilarDocument } from '../db/signatures';
import { clear, h } from '../dom';

export function renderSimilar(
  host: HTMLElement,
  matches: Array<SimilarDocument & { record?: DocumentRecord }>,
  openBeside: (id: string) => void,
  shownIds: ReadonlySet<string | undefined> = new Set(),
): void {
  clear(host);
  if (matches.length === 0) return;
  host.append(
    h('h3', {}, 'Similar documents'),
    h(
      'ul',
      { class: 'similar-list', 'data-testid': 'similar-list' },
      ...matches.map((m) => {
        const name = displayName(m.record?.name ?? m.id);
        return h(
          'li',
          { 'data-doc-id': m.id },
          h('span', { class: 'similar-name', title: m.record?.preview ? `${name}\n${m.record.preview}` : name }, name),
          h(
            'span',
            { class: 'similar-score', title: 'Share of word shingles in common (MinHash estimate)' },
            `${Math.round(m.score * 100)}%`,
          ),
          shownIds.has(m.id)
            ? h('span', { class: 'similar-open', 'data-testid': 'similar-open' }, 'open')
            : h(
                'button',
                {
                  type: 'button',
                  class: 'ghost',
                  'data-testid': 'open-beside',
                  title: 'Open beside (side by side)',
                  onclick: () => openBeside(m.id),
                },
                'Open beside',
              ),
        );
      }),
    ),
  );
}
