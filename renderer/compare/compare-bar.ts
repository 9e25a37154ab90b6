// The split view's toolbar: projection, acceptance, scrolling in step, swap,
// close, and a legend of how passages are marked. Grouped so that it wraps
// into two rows on a narrow window rather than pushing buttons out of reach.
import { clear, h } from '../dom';
import type { ProjectScope } from './split-view';

export interface CompareActions {
  project(scope: ProjectScope): void;
  accept(all: boolean): void;
  toggleSync(): void;
  swap(): void;
  close(): void;
}

const keep = (e: Event) => e.preventDefault(); // buttons must not take the text selection or focus away

function button(
  label: string,
  title: string,
  testid: string,
  onClick: () => void,
  extra: Record<string, string> = {},
): HTMLElement {
  return h(
    'button',
    { type: 'button', class: 'ghost', title, 'data-testid': testid, onclick: onClick, onmousedown: keep, ...extra },
    label,
  );
}

function legend(): HTMLElement {
  return h(
    'span',
    { class: 'compare-legend', 'aria-hidden': 'true' },
    h('span', { class: 'legend-pair' }, '1'),
    'in both versions',
    h('span', { class: 'legend-unique' }, 'abc'),
    'only here',
  );
}

export function renderCompareBar(host: HTMLElement, sync: boolean, a: CompareActions): void {
  clear(host);
  host.append(
    h(
      'div',
      { class: 'compare-group', role: 'group', 'aria-label': 'Project spans onto the other document' },
      h('span', { class: 'compare-group-label' }, 'Project'),
      button('Span', 'Copy the selected span to its counterpart in the other document (P)', 'project-span', () =>
        a.project('span'),
      ),
      button('Passage', 'Copy every span of the selected span’s passage (Shift+P)', 'project-passage', () =>
        a.project('passage'),
      ),
      button('All', 'Copy every span of this document that has a counterpart', 'project-all', () =>
        a.project('document'),
      ),
    ),
    h(
      'div',
      { class: 'compare-group' },
      button(
        'Accept projected',
        'Accept every projected suggestion in this document, else in the other one (Shift+A)',
        'accept-all',
        () => a.accept(true),
      ),
    ),
    legend(),
    h(
      'div',
      { class: 'compare-group compare-end' },
      button(
        sync ? '⇅ In step' : '⇅ Free',
        sync
          ? 'Scrolling in step by the alignment: on (click to scroll each pane freely)'
          : 'Scrolling freely (click to scroll in step by the alignment)',
        'sync-toggle',
        a.toggleSync,
        { 'aria-pressed': String(sync) },
      ),
      button('⇄ Swap', 'Swap the two documents', 'swap-panes', a.swap),
      button('✕ Close', 'Close the split view (S)', 'close-split', a.close),
    ),
  );
}
