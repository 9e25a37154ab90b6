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

/** The first of each key: two records of one text in a batch may bring the same suggestion. */
function unique<T>(rows: readonly T[], key: (row: T) => string): T[] {
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(key(row)) && (seen.add(key(row)), true));
}

export interface IncomingSuggestionCounts {
  suggestions: number;
  rejections: number;
}

/**
 * Writes the suggestions of `docs` to the document each one is stored as (`idBySha`), inside the caller's
 * transaction (which must hold the suggestions and rejections tables). A row already there (same document,
 * offsets and label) is left as it is and not counted.
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
  if (offered.length === 0 && rejected.length === 0) return { suggestions: 0, rejections: 0 }; // most imports
  // Only rows not there yet are written and counted: a second import or restore adds nothing twice.
  const haveSuggestions = await db.suggestions.bulkGet(offered.map((s) => s.id));
  const newSuggestions = unique(
    offered.filter((_, i) => !haveSuggestions[i]),
    (s) => s.id,
  );
  const haveRejections = await db.rejections.bulkGet(rejected.map((r) => [r.docId, r.start, r.end, r.label]));
  const newRejections = unique(
    rejected.filter((_, i) => !haveRejections[i]),
    (r) => `${r.docId}:${r.start}:${r.end}:${r.label}`,
  );
  await db.suggestions.bulkAdd(newSuggestions);
  await db.rejections.bulkAdd(newRejections);
  return { suggestions: newSuggestions.length, rejections: newRejections.length };
}
