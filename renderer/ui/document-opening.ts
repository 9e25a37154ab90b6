// Opening a document in a pane: its record, text, first spans and relations
// are read together, the text is shown with the spans near its start, and the
// rest of its spans follow (long-document-spans.ts); then the parts that follow
// the open document (suggestions, layers, the split view, the list) catch up.
// The timings are the ones `npm run bench` reads.
import type { Label, RelationLabel } from '../../core/model';
import type { SaveQueue } from '../annotate/save-queue';
import type { SplitSession } from '../compare/split-session';
import { getDocument, readText } from '../db/documents-repo';
import { listRelations } from '../db/relations-repo';
import type { WorkbenchDb } from '../db/schema';
import { putSetting } from '../db/settings-repo';
import type { SuggestionController } from '../suggest/suggestion-controller';
import type { CorpusSidebar } from './corpus-sidebar';
import type { DocumentPane } from './document-pane';
import { measureAfterLayout } from './layout-measure';
import { firstSpans, restOfSpans } from './long-document-spans';
import type { TeamsController } from './teams/teams-controller';

/** The parts of the workbench an opening reaches (WorkbenchApp has them). */
export interface OpeningParts {
  readonly db: WorkbenchDb;
  readonly queue: SaveQueue;
  readonly labels: readonly Label[];
  readonly relationLabels: readonly RelationLabel[];
  readonly panes: readonly [DocumentPane, DocumentPane];
  readonly sidebar: CorpusSidebar;
  readonly suggestions: SuggestionController;
  readonly teams: TeamsController;
  readonly split: SplitSession;
  say(message: string): void;
  activate(pane: DocumentPane): void;
  shownChanged(): void;
  changed(): void;
}

/** Opens `id` in `pane`; `takeFocus` false leaves the researcher where she is (a document opened beside hers). */
export async function openDocumentIn(
  app: OpeningParts,
  id: string,
  pane: DocumentPane,
  takeFocus: boolean,
): Promise<void> {
  await app.queue.idle(); // spans read below must include every change already made
  const { db } = app;
  const started = performance.now();
  const [record, text, first, relations] = await Promise.all([
    getDocument(db, id),
    readText(db, id),
    firstSpans(db, id),
    listRelations(db, id),
  ]);
  if (!record || text === undefined) return app.say(`Document ${id} is missing from the database.`);
  const read = performance.now();
  app.sidebar.corpus.update(record);
  pane.show(record, text, first, app.labels, { relations, labels: app.relationLabels });
  const shown = performance.now();
  performance.measure('open-document:read', { start: started, end: read });
  performance.measure('open-document:render', { start: read, end: shown });
  measureAfterLayout('open-document:layout', shown, undefined, pane.element);
  measureAfterLayout('open-document', started, { id, spans: first.length }, pane.element);
  const spans = await restOfSpans(db, pane, id, text.length, first);
  if (!spans) return; // another document took the pane meanwhile
  performance.measure('open-document:all-spans', { start: started, detail: { id, spans: spans.length } });
  app.suggestions.opened(pane); // its stored suggestions follow the text (and all its spans), a moment later
  if (pane === app.panes[0]) await putSetting(db, 'lastDocumentId', id);
  if (takeFocus) app.activate(pane);
  app.sidebar.render();
  if (takeFocus) app.sidebar.reveal(id);
  app.teams.documentOpened(pane, text, spans);
  await app.split.opened();
  app.shownChanged();
  app.changed();
  if (takeFocus) pane.focus();
}
