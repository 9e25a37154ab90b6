// The workbench screen: top bar, document list, document pane, status line.
import type { DocumentRecord, InputProblem } from '../../core/model';
import { getDocument, listDocuments, readText } from '../db/documents-repo';
import type { WorkbenchDb } from '../db/schema';
import { getSetting, putSetting } from '../db/settings-repo';
import { clear, h } from './dom';
import { renderDocumentList } from './document-list';
import { DocumentPane } from './document-pane';
import { renderProgress } from './progress';

export class WorkbenchApp {
  private readonly listHost = h('nav', { class: 'sidebar', 'aria-label': 'Corpus' });
  private readonly progressHost = h('div', { class: 'topbar-progress' });
  private readonly statusLine = h('footer', { class: 'statusbar', role: 'status', 'data-testid': 'statusbar' });
  private readonly pane = new DocumentPane();
  private docs: DocumentRecord[] = [];
  private currentId?: string;

  constructor(private readonly db: WorkbenchDb, private readonly root: HTMLElement) {}

  async start(): Promise<void> {
    clear(this.root);
    const topbar = h('header', { class: 'topbar' },
      h('div', { class: 'brand' }, h('span', { class: 'brand-mark' }, '◧'), 'Seed Annotation Workbench'),
      this.progressHost);
    this.root.append(topbar, h('div', { class: 'layout' }, this.listHost, h('main', { class: 'main' }, this.pane.element)), this.statusLine);
    await this.refreshList();
    const last = await getSetting<string | undefined>(this.db, 'lastDocumentId', undefined);
    const first = this.docs.find((d) => d.id === last) ?? this.docs[0];
    if (first) await this.openDocument(first.id);
  }

  async refreshList(): Promise<void> {
    this.docs = await listDocuments(this.db);
    renderDocumentList(this.listHost, this.docs, this.currentId, (id) => void this.openDocument(id));
    clear(this.progressHost);
    this.progressHost.append(renderProgress(this.docs));
  }

  async openDocument(id: string): Promise<void> {
    const [record, text] = await Promise.all([getDocument(this.db, id), readText(this.db, id)]);
    if (!record || text === undefined) return this.say(`Document ${id} is missing from the database.`);
    this.currentId = id;
    this.pane.show(record, text);
    await putSetting(this.db, 'lastDocumentId', id);
    renderDocumentList(this.listHost, this.docs, id, (next) => void this.openDocument(next));
  }

  say(message: string): void {
    this.statusLine.textContent = message;
  }

  reportProblems(problems: InputProblem[]): void {
    if (problems.length === 0) return;
    const text = problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('\n');
    this.say(`${problems.length} problem(s) while loading: ${text}`);
  }
}
