// "Similar documents" for the active document, with a way to open one beside it.
// A document already on screen in the other pane says so instead of offering
// to open it again.
import { displayName } from '../../core/display-name';
import type { DocumentRecord } from '../../core/model';
import { getDocument } from '../db/documents-repo';
import type { WorkbenchDb } from '../db/schema';
import { similarDocuments, type SimilarDocument } from '../db/signatures';
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

/**
 * Finds the documents most like `id` and shows them in `host`, unless another document became the active
 * one meanwhile (`stillActive`). `shownIds`: the documents on screen in the split view.
 */
export async function showSimilarDocuments(
  db: WorkbenchDb,
  host: HTMLElement,
  id: string,
  view: { stillActive(id: string): boolean; shownIds(): ReadonlySet<string | undefined>; openBeside(id: string): void },
): Promise<void> {
  const started = performance.now();
  const matches = await similarDocuments(db, id, 5);
  performance.measure('similar-documents', { start: started, detail: { id, found: matches.length } });
  const records = await Promise.all(matches.map((m) => getDocument(db, m.id)));
  if (!view.stillActive(id)) return; // another document was opened meanwhile
  renderSimilar(
    host,
    matches.map((m, i) => ({ ...m, record: records[i] })),
    (other) => view.openBeside(other),
    view.shownIds(),
  );
}
