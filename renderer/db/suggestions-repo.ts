// Suggestions and rejections in IndexedDB. A document's suggestions are
// replaced as a whole each time the suggesters run over it (they are derived:
// the rules, the patterns, the tagger and the spans already there say what
// they are), except kept rows, which a person's projection or an import
// brought; rejections are a person's work and are only ever written as
// steps of the undo history (spans-repo.ts writeSpanChanges) or by an import,
// never here.
import type { Rejection, Span, Suggestion } from '../../core/model';
import type { WorkbenchDb } from './schema';

export function listSuggestions(db: WorkbenchDb, docId: string): Promise<Suggestion[]> {
  return db.suggestions.where('docId').equals(docId).toArray();
}

export function listRejections(db: WorkbenchDb, docId: string): Promise<Rejection[]> {
  return db.rejections.where('docId').equals(docId).toArray();
}

/**
 * The suggesters' stored suggestions of `docId` become `suggestions`; rejected ones are never stored, and kept
 * rows (`Suggestion.kept`: a projection, an import's predictions) stay as they are, winning over a suggester's
 * row with the same offsets and label. Returns every row to show, kept ones included. The reads, the
 * deletions and the first `batch` writes are one transaction; further writes follow `batch` rows a
 * transaction. Writing a row clones it on the page's thread, so 100,000 suggestions in one go (a very
 * common word tagged, its occurrences suggested) held the page for seconds; in batches it gets a turn
 * between them. The suggesters' rows are derived (made again on the next open), so a crash between
 * batches loses nothing a person made.
 */
export async function replaceSuggestions(
  db: WorkbenchDb,
  docId: string,
  suggestions: readonly Suggestion[],
  batch = 1_000,
): Promise<Suggestion[]> {
  const { rows, writes } = await db.transaction('rw', [db.suggestions, db.rejections], async () => {
    const rejected = new Set((await listRejections(db, docId)).map(rejectionKey));
    const stored = new Map((await listSuggestions(db, docId)).map((s) => [s.id, s]));
    const keptRows = [...stored.values()].filter((s) => s.kept);
    const keptIds = new Set(keptRows.map((s) => s.id));
    const fresh = suggestions.filter((s) => s.docId === docId && !rejected.has(rejectionKey(s)) && !keptIds.has(s.id));
    // Only what changed is written: after a tag most of a document's suggestions are the same rows.
    const freshIds = new Set(fresh.map((s) => s.id));
    const same = (a: Suggestion, b: Suggestion | undefined) =>
      !!b && a.source === b.source && a.score === b.score && a.text === b.text;
    await db.suggestions.bulkDelete([...stored.keys()].filter((id) => !freshIds.has(id) && !keptIds.has(id)));
    const writes = fresh.filter((s) => !same(s, stored.get(s.id)));
    await db.suggestions.bulkPut(writes.slice(0, batch));
    const rows = fresh.map((s) => (same(s, stored.get(s.id)) ? stored.get(s.id)! : s));
    return { rows: [...rows, ...keptRows.filter((s) => !rejected.has(rejectionKey(s)))], writes };
  });
  for (let at = batch; at < writes.length; at += batch) await db.suggestions.bulkPut(writes.slice(at, at + batch));
  return rows;
}

/** Kept suggestions (a projection's proposals) written as they are; one with the same id is replaced. */
export async function putKeptSuggestions(db: WorkbenchDb, rows: readonly Suggestion[]): Promise<void> {
  await db.suggestions.bulkPut(rows.map((row) => ({ ...row, kept: true })));
}

/**
 * How many documents' texts pass `test`, read a batch at a time in their own transactions (so a corpus of
 * 100,000 texts never sits in memory at once, and the page gets a turn between batches).
 */
export async function countTextsMatching(
  db: WorkbenchDb,
  test: (text: string) => boolean,
  batch = 500,
): Promise<number> {
  let found = 0;
  let after: string | undefined;
  for (;;) {
    const rows = await (after === undefined ? db.texts.orderBy(':id') : db.texts.where(':id').above(after))
      .limit(batch)
      .toArray();
    for (const row of rows) if (test(row.text)) found++;
    if (rows.length < batch) return found;
    after = rows[rows.length - 1].id;
  }
}

/** Offsets and label: what makes a rejection the same as a later suggestion. */
export const rejectionKey = (s: Pick<Rejection, 'start' | 'end' | 'label'>): string => `${s.start}:${s.end}:${s.label}`;

/** One annotated document as the tagger learns from it: text, spans, and rejected suggestions as negatives. */
export interface AnnotatedDocument {
  id: string;
  text: string;
  spans: Array<Pick<Span, 'start' | 'end' | 'label'>>;
  rejected: Array<Pick<Rejection, 'start' | 'end' | 'label'>>;
}

/**
 * Every document with at least one accepted span (projected spans awaiting
 * acceptance are left out), with its rejections: the tagger's training data.
 * Read a document at a time, so memory holds the annotated texts only.
 */
export async function annotatedDocuments(db: WorkbenchDb, limit = 5_000): Promise<AnnotatedDocument[]> {
  // The docId index's distinct keys: documents with spans, without reading a record.
  const ids = (await db.spans.orderBy('docId').uniqueKeys()) as string[];
  const out: AnnotatedDocument[] = [];
  for (const id of ids) {
    if (out.length >= limit) break;
    const [text, spans, rejected] = await Promise.all([
      db.texts.get(id),
      db.spans.where('docId').equals(id).toArray(),
      listRejections(db, id),
    ]);
    const accepted = spans.filter((s) => !s.projected);
    if (!text || accepted.length === 0) continue;
    out.push({
      id,
      text: text.text,
      spans: accepted.map(({ start, end, label }) => ({ start, end, label })),
      rejected: rejected.map(({ start, end, label }) => ({ start, end, label })),
    });
  }
  return out;
}

/** What a backup keeps of a document's suggestion layer: the kept suggestions and the rejections. */
export interface SuggestionLayer {
  kept: Suggestion[];
  rejections: Rejection[];
}

/**
 * The kept suggestions and the rejections of `docIds`, by document (the suggesters' own rows are left out:
 * they are made again on the next open). Read in one transaction.
 */
export async function suggestionLayers(
  db: WorkbenchDb,
  docIds: readonly string[],
): Promise<Map<string, SuggestionLayer>> {
  const out = new Map<string, SuggestionLayer>();
  if (docIds.length === 0) return out;
  const [suggestions, rejections] = await db.transaction('r', [db.suggestions, db.rejections], () =>
    Promise.all([
      db.suggestions
        .where('docId')
        .anyOf(docIds)
        .filter((s) => s.kept === true)
        .toArray(),
      db.rejections.where('docId').anyOf(docIds).toArray(),
    ]),
  );
  const layer = (docId: string) => {
    let found = out.get(docId);
    if (!found) out.set(docId, (found = { kept: [], rejections: [] }));
    return found;
  };
  for (const s of suggestions) layer(s.docId).kept.push(s);
  for (const r of rejections) layer(r.docId).rejections.push(r);
  return out;
}
