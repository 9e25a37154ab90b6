// Where each part of the workbench sits on screen: the top bar, the label bar
// and its cards, the three columns (corpus, documents, the open document's
// panels) and the status bar. Only placement: each part draws itself.
import { clear, h } from '../dom';
import { keyHelp } from './keyboard';

export interface WorkbenchParts {
  /** Top bar, after the name: corpus progress, the layer menu, import and export, the save badge. */
  topbar: readonly HTMLElement[];
  labelBar: HTMLElement;
  /** Cards that ask something of the researcher (her name, a layer to import as). */
  cardRow: HTMLElement;
  sidebar: HTMLElement;
  main: HTMLElement;
  /** The right-hand column, top to bottom: spans, relations, suggestions, similar documents. */
  panels: readonly HTMLElement[];
  /** Status bar, before the key help: the status line and the indexing state. */
  statusbar: readonly HTMLElement[];
}

export function layoutWorkbench(root: HTMLElement, parts: WorkbenchParts): void {
  clear(root);
  const help = h(
    'span',
    { class: 'key-help' },
    ...keyHelp('1–4').map(([k, what]) => h('span', {}, h('kbd', {}, k), ` ${what}`)),
  );
  root.append(
    h(
      'header',
      { class: 'topbar' },
      h('div', { class: 'brand' }, h('span', { class: 'brand-mark' }, '◧'), 'Seed Annotation Workbench'),
      ...parts.topbar,
    ),
    parts.labelBar,
    parts.cardRow,
    h(
      'div',
      { class: 'layout' },
      parts.sidebar,
      parts.main,
      h('aside', { class: 'span-panel', 'aria-label': 'Spans of this document' }, ...parts.panels),
    ),
    h('footer', { class: 'statusbar' }, ...parts.statusbar, help),
  );
}
