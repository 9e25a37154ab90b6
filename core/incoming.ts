// Rules for documents on their way in, shared by the app's store
// (renderer/db/documents-repo.ts) and the command line's import, so both
// deduplicate the same way: one document per text (sha256), carrying the
// spans of every record that brought that text (identical spans once), and
// ids made unique without ever refusing a record.
import type { IncomingDocument, SpanDraft } from './model';

/**
 * Two spans are the same annotation when offsets, label and annotator agree
 * (the note of the first is kept). Two annotators' identical spans are two
 * annotations, one in each layer: merging them would lose an agreement.
 * A span with no annotator is the local annotator's (`local`, when known).
 */
export const spanKey = (
  s: { start: number; end: number; label: string; annotator?: string },
  local?: string,
): string => {
  const who = s.annotator ?? local;
  return who === undefined ? `${s.start}:${s.end}:${s.label}` : `${s.start}:${s.end}:${s.label}\u0000${who}`;
};

/** `spans` plus those of `more` that it lacks; `have` holds the keys already present and is updated. */
export function addNewSpans(
  spans: SpanDraft[],
  more: readonly SpanDraft[] | undefined,
  have: Set<string>,
  local?: string,
): number {
  let added = 0;
  for (const span of more ?? []) {
    const key = spanKey(span, local);
    if (have.has(key)) continue;
    have.add(key);
    spans.push(span);
    added++;
  }
  return added;
}

/**
 * One document per text: a later record with a text already seen gives its
 * spans to the first (identical spans once) and is dropped. Returns the kept
 * documents (new objects where spans were merged; inputs are not changed).
 */
export function mergeRepeatedTexts(docs: readonly IncomingDocument[]): IncomingDocument[] {
  const first = new Map<string, { doc: IncomingDocument; have: Set<string> }>();
  const out: IncomingDocument[] = [];
  for (const doc of docs) {
    const seen = first.get(doc.sha256);
    if (!seen) {
      const kept = { ...doc, spans: [...(doc.spans ?? [])] };
      first.set(doc.sha256, { doc: kept, have: new Set(kept.spans.map((span) => spanKey(span))) });
      out.push(kept);
    } else {
      addNewSpans(seen.doc.spans!, doc.spans, seen.have);
    }
  }
  return out;
}

/**
 * Ids to try, in order, for a document whose own id may be taken by another
 * text: its id, then id-<8 hex of its sha256>, id-<16 hex>, id-<all 64>, then
 * numbered. A crafted file can take any one of them, never all.
 */
export function* idCandidates(id: string, sha256: string): Generator<string> {
  yield id;
  yield `${id}-${sha256.slice(0, 8)}`;
  yield `${id}-${sha256.slice(0, 16)}`;
  yield `${id}-${sha256}`;
  for (let n = 2; ; n++) yield `${id}-${sha256}-${n}`;
}

/** The first candidate id `isTaken` refuses not. */
export function firstFreeId(id: string, sha256: string, isTaken: (candidate: string) => boolean): string {
  for (const candidate of idCandidates(id, sha256)) if (!isTaken(candidate)) return candidate;
  throw new Error('unreachable: idCandidates never ends');
}
