// Suggestions that arrive with a document (Label Studio predictions, spans of
// a Prodigy answer "reject", a backup's suggestions and rejections): stored
// as the suggestion layer's own rows, so the import's "kept as suggestions"
// holds. Offered ones are kept rows (the suggesters' refresh leaves them be);
// rejected ones are rejections, remembered and never suggested again there.
import type { IncomingDocument, Rejection, Suggestion, SuggestionDraft } from '../../core/model';
import type { WorkbenchDb } from './schema';

/** A kept suggestion's row: its id is the document, offsets and label, as every suggestion's is. */
export function keptSuggestion(
  docId: string,
  text: string,
  s: Pick<SuggestionDraft, 'start' | 'end' | 'label' | 'source' | 'score'>,
  now: number,
): Suggestion {
  return {
    id: `${docId}:${s.start}:${s.end}:${s.label}`,
    docId,
    start: s.start,
    end: s.end,
    label: s.label,
    text: text.slice(s.start, s.end),
    source: s.source,
    score: s.score ?? 1,
    createdAt: now,
    kept: true,
  };
}

function rejectionOf(docId: string, text: string, s: SuggestionDraft, now: number): Rejection {
  const { start, end, label, source } = s;
  return { docId, start, end, label, text: text.slice(start, end), source, rejectedAt: now };
}

export interface IncomingSuggestionCounts {
  suggestions: number;
  rejections: number;
}

/**
 * Writes the suggestions of `docs` to the document each one is stored as (`idBySha`), inside the caller's
 * transaction (which must hold the suggestions and rejections tables). A row already there is written
 * again, not doubled: the keys are the offsets and label.
 */
export async function storeIncomingSuggestions(
  db: WorkbenchDb,
  docs: readonly IncomingDocument[],
  idBySha: (sha: string) => string | undefined,
  now: number,
): Promise<IncomingSuggestionCounts> {
  const offered: Suggestion[] = [];
  const rejected: Rejection[] = [];
  for (const doc of docs) {
    const docId = doc.suggestions?.length ? idBySha(doc.sha256) : undefined;
    if (!docId) continue;
    for (const s of doc.suggestions!) {
      if (s.rejected) rejected.push(rejectionOf(docId, doc.text, s, now));
      else offered.push(keptSuggestion(docId, doc.text, s, now));
    }
  }
  await db.suggestions.bulkPut(offered);
  await db.rejections.bulkPut(rejected);
  return { suggestions: offered.length, rejections: rejected.length };
}
