// The corpus list on the left: name, first line, status and span count.
import type { DocStatus, DocumentRecord } from '../../core/model';
import { clear, h } from './dom';

export const STATUS_LABEL: Record<DocStatus, string> = { todo: 'To do', in_progress: 'In progress', done: 'Done' };

function renderItem(doc: DocumentRecord, selected: boolean, onSelect: (id: string) => void): HTMLElement {
  return h(
    'li',
    { class: `doc-item${selected ? ' selected' : ''}`, 'data-doc-id': doc.id, 'aria-selected': String(selected), role: 'option', onclick: () => onSelect(doc.id) },
    h('div', { class: 'doc-item-head' },
      h('span', { class: `status-dot status-${doc.status}`, title: STATUS_LABEL[doc.status] }),
      h('span', { class: 'doc-name' }, doc.name),
      doc.spanCount > 0 && h('span', { class: 'span-count', title: `${doc.spanCount} spans` }, String(doc.spanCount)),
    ),
    h('div', { class: 'doc-preview' }, doc.preview || '(empty document)'),
  );
}

export function renderDocumentList(host: HTMLElement, docs: DocumentRecord[], selectedId: string | undefined, onSelect: (id: string) => void): void {
  clear(host);
  const list = h('ul', { class: 'doc-list', role: 'listbox', 'aria-label': 'Documents' });
  for (const doc of docs) list.append(renderItem(doc, doc.id === selectedId, onSelect));
  host.append(list);
}
