// The split view's toolbar: projection, acceptance, scrolling in step, swap, close.
import { clear, h } from '../ui/dom';
import type { ProjectScope } from './split-view';

export interface CompareActions {
  project(scope: ProjectScope): void;
  accept(all: boolean): void;
  toggleSync(): void;
  swap(): void;
  close(): void;
}

const keep = (e: Event) => e.preventDefault(); // buttons must not take the text selection or focus away

function button(label: string, title: string, testid: string, onClick: () => void): HTMLElement {
  return h('button', { type: 'button', class: 'ghost', title, 'data-testid': testid, onclick: onClick, onmousedown: keep }, label);
}

export function renderCompareBar(host: HTMLElement, sync: boolean, a: CompareActions): void {
  clear(host);
  host.append(
    h('span', { class: 'compare-title' }, 'Side by side'),
    button('Project span', 'Copy the selected span to its counterpart in the other document (P)', 'project-span', () => a.project('span')),
    button('Project passage', 'Copy every span of the selected span’s passage (Shift+P)', 'project-passage', () => a.project('passage')),
    button('Project all', 'Copy every span of this document that has a counterpart', 'project-all', () => a.project('document')),
    button('Accept projected', 'Accept every projected span in this document (Shift+A)', 'accept-all', () => a.accept(true)),
    h('span', { class: 'spacer' }),
    button(sync ? 'Scroll in step: on' : 'Scroll in step: off', 'Scroll the other pane by the alignment', 'sync-toggle', a.toggleSync),
    button('Swap', 'Swap the two documents', 'swap-panes', a.swap),
    button('Close', 'Close the split view (S)', 'close-split', a.close),
  );
}
