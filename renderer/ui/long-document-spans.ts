// A long document opens in two reads of its spans. Reading span rows is most
// of the cost of opening a document with thousands of them (IndexedDB hands
// back one row at a time), while the first screen shows only those near the
// top. So the pane is drawn with the spans that start in the first stretch of
// text, and the rest are read once that screen is on its way to the glass,
// then added. openDocument still returns only when every span is shown, so
// whatever follows an open (search hits, the span panel, the team views)
// works on the whole set; the researcher sees the text and its first spans
// sooner.
import type { Span } from '../../core/model';
import type { WorkbenchDb } from '../db/schema';
import { listSpans, listSpansStarting } from '../db/spans-repo';
import { INITIAL_WINDOW } from '../editor/spans-plugin';
import { timed } from '../timing';
import type { DocumentPane } from './document-pane';

/**
 * Spans starting before this UTF-16 offset are read with the text: those of the first drawing window. That
 * is all the first screen draws, and drawn as it will stay: a span's layer depends only on the spans before
 * it in reading order (core/spans/layers.ts assignLayers), so spans read later, all starting past this
 * offset, never move one drawn already. A shorter text is read whole in one go.
 */
export const FIRST_READ_END = INITIAL_WINDOW;

/** The spans a document opens with: every span of a short text, those of the first stretch of a long one. */
export function firstSpans(db: WorkbenchDb, docId: string): Promise<Span[]> {
  return listSpansStarting(db, docId, 0, FIRST_READ_END);
}

/** After the frame that shows the first screen (or 100 ms, if the window is hidden and frames wait). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}

/**
 * Reads and adds the spans of `docId` past the first stretch, once the pane with its first spans has been
 * drawn. Returns every stored span of the document, or undefined when another document took the pane meanwhile.
 */
export async function restOfSpans(
  db: WorkbenchDb,
  pane: DocumentPane,
  docId: string,
  textLength: number,
  first: readonly Span[],
): Promise<Span[] | undefined> {
  if (textLength <= FIRST_READ_END) return [...first];
  const ticket = pane.loadingSpans();
  await afterPaint();
  const reading = performance.now();
  const rest = await listSpansStarting(db, docId, FIRST_READ_END);
  if (pane.record?.id !== docId) return undefined;
  const adding = performance.now();
  timed('open-document:rest-read', reading, { spans: rest.length });
  const added = pane.addStoredSpans(rest, ticket);
  timed('open-document:rest-add', adding);
  if (added) return [...first, ...rest];
  return listSpans(db, docId); // a reset from the store showed the whole set meanwhile: this is what it showed
}
