// One document on screen: a header with its name and facts, and the text view.
import type { EditorView } from 'prosemirror-view';
import type { DocumentRecord } from '../../core/model';
import { createDocumentView, createTextState } from '../editor/document-view';
import { clear, h } from './dom';
import { STATUS_LABEL } from './document-list';

export class DocumentPane {
  readonly element: HTMLElement;
  private readonly header: HTMLElement;
  private readonly textHost: HTMLElement;
  private view?: EditorView;
  record?: DocumentRecord;

  constructor() {
    this.header = h('div', { class: 'doc-header' });
    this.textHost = h('div', { class: 'doc-scroll' });
    this.element = h('section', { class: 'doc-pane', 'aria-label': 'Document' }, this.header, this.textHost);
    this.showEmpty();
  }

  showEmpty(): void {
    clear(this.header);
    this.header.append(h('h2', { class: 'doc-title' }, 'No document open'));
  }

  show(record: DocumentRecord, text: string): void {
    this.record = record;
    this.renderHeader(record);
    const state = createTextState(text);
    if (this.view) this.view.updateState(state);
    else this.view = createDocumentView(this.textHost, state);
    this.textHost.scrollTop = 0;
  }

  private renderHeader(record: DocumentRecord): void {
    clear(this.header);
    const lines = record.length === 0 ? 0 : undefined;
    this.header.append(
      h('h2', { class: 'doc-title', 'data-testid': 'doc-title' }, record.name),
      h('div', { class: 'doc-facts' },
        h('span', { class: `status-pill status-${record.status}` }, STATUS_LABEL[record.status]),
        h('span', {}, `${record.length.toLocaleString()} characters${lines === 0 ? ' (empty)' : ''}`),
        h('span', { class: 'doc-source', title: record.source }, record.source)),
    );
  }
}
