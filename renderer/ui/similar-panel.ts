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
 * Resolves when the page is next idle (the open's redraw and its reads done), after `timeout` ms at
 * most. The lookup's reads made during an open waited behind its work: 91.5 ms among 100,000
 * documents in `npm run bench`, against 49 ms for the same reads alone.
 */
function quietMoment(timeout = 250): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 0);
  });
}

/** What the panel asks of the workbench: the active document, the documents on screen, opening one beside. */
export interface SimilarPanelHost {
  activeId(): string | undefined;
  shownIds(): ReadonlySet<string | undefined>;
  openBeside(id: string): void;
}

/** The "Similar documents" panel, following the active document (WorkbenchApp.shownChanged). */
export class SimilarPanel {
  readonly element = h('div', { class: 'similar-panel' });

  constructor(
    private readonly db: WorkbenchDb,
    private readonly host: SimilarPanelHost,
  ) {}

  /**
   * Finds the documents most like the active one and shows them, unless another document became the active
   * one meanwhile. The lookup waits for a quiet moment: the document comes first, and one stepped past
   * quickly is not looked up.
   */
  async follow(): Promise<void> {
    const id = this.host.activeId();
    if (!id) return;
    await quietMoment();
    if (this.host.activeId() !== id) return;
    const started = performance.now();
    const matches = await similarDocuments(this.db, id, 5);
    performance.measure('similar-documents', { start: started, detail: { id, found: matches.length } });
    const records = await Promise.all(matches.map((m) => getDocument(this.db, m.id)));
    if (this.host.activeId() !== id) return; // another document was opened meanwhile
    renderSimilar(
      this.element,
      matches.map((m, i) => ({ ...m, record: records[i] })),
      (other) => this.host.openBeside(other),
      this.host.shownIds(),
    );
  }
}
