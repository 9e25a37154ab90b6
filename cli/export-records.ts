// Imported documents -> ExportRecords: spans quote the text they cover, and
// documents without a status or time get 'todo' and the run's start time, so
// one run writes one consistent timestamp.
import { addNewSpans, firstFreeId } from '../core/incoming';
import type { ExportRecord } from '../core/jsonl/records';
import type { CorpusLoad, IncomingDocument, InputProblem, SpanDraft, SuggestionDraft } from '../core/model';
import type { JsonlWriter } from '../main/services/jsonl-writer';

/** An incoming document as it is written out (named apart from the renderer's stored-document builder). */
export function incomingToExportRecord(doc: IncomingDocument, now: number): ExportRecord {
  const spans = (doc.spans ?? []).map((s) => ({ ...s, text: doc.text.slice(s.start, s.end) }));
  // Predictions and rejected answers the input brought go out in the record's "suggestions", as backups write them.
  const suggestions = (doc.suggestions ?? []).map(({ start, end, label, source, score, rejected }) => ({
    start,
    end,
    label,
    text: doc.text.slice(start, end),
    source,
    ...(score !== undefined ? { score } : {}),
    ...(rejected ? { rejected: true } : {}),
  }));
  return {
    id: doc.id,
    name: doc.name,
    text: doc.text,
    sha256: doc.sha256,
    source: doc.source,
    status: doc.status ?? 'todo',
    updatedAt: doc.updatedAt ?? now,
    spans,
    ...(doc.categories?.length ? { categories: doc.categories } : {}),
    ...(suggestions.length ? { suggestions } : {}),
  };
}

interface Report {
  add(problems: InputProblem[]): void;
}

/**
 * Streams loaded batches into a JSONL writer, reporting each batch's problems;
 * on any failure the half-written output is dropped, never left behind.
 */
export async function writeBatches(writer: JsonlWriter, batches: AsyncIterable<CorpusLoad>, report: Report) {
  const now = Date.now();
  try {
    for await (const batch of batches) {
      report.add(batch.problems);
      await writer.write(batch.documents.map((doc) => incomingToExportRecord(doc, now)));
    }
  } catch (error) {
    await writer.abort();
    throw error;
  }
  return writer.close();
}

/** What the records of one text bring, gathered over a whole input: spans, and suggestions each once. */
export interface TextParts {
  spans: SpanDraft[];
  suggestions: SuggestionDraft[];
}

/** Every text's spans and suggestions, gathered over a whole input (first pass of a deduplicating import). */
export async function partsByText(batches: AsyncIterable<CorpusLoad>, report: Report): Promise<Map<string, TextParts>> {
  const parts = new Map<string, TextParts & { have: Set<string>; suggested: Set<string> }>();
  for await (const batch of batches) {
    report.add(batch.problems);
    for (const doc of batch.documents) {
      let entry = parts.get(doc.sha256);
      if (!entry)
        parts.set(doc.sha256, (entry = { spans: [], suggestions: [], have: new Set(), suggested: new Set() }));
      addNewSpans(entry.spans, doc.spans, entry.have);
      for (const s of doc.suggestions ?? []) {
        const key = `${s.start}:${s.end}:${s.label}:${s.rejected ? 'x' : ''}`;
        if (entry.suggested.has(key)) continue;
        entry.suggested.add(key);
        entry.suggestions.push(s);
      }
    }
  }
  return new Map([...parts].map(([sha, { spans, suggestions }]) => [sha, { spans, suggestions }]));
}

/**
 * Writes each text once, as the app stores it: the first record of a text
 * carries the spans and suggestions of every record with that text (`merged`,
 * from a first pass), later ones are left out, and an id already written gets a
 * fresh one.
 */
export async function writeDeduplicated(
  writer: JsonlWriter,
  batches: AsyncIterable<CorpusLoad>,
  merged: Map<string, TextParts>,
) {
  const now = Date.now();
  const written = new Set<string>();
  const ids = new Set<string>();
  try {
    for await (const batch of batches) {
      const records: ExportRecord[] = [];
      for (const doc of batch.documents) {
        if (written.has(doc.sha256)) continue;
        written.add(doc.sha256);
        const id = firstFreeId(doc.id, doc.sha256, (candidate) => ids.has(candidate));
        ids.add(id);
        const parts = merged.get(doc.sha256);
        const spans = parts?.spans ?? doc.spans ?? [];
        const suggestions = parts?.suggestions ?? doc.suggestions ?? [];
        records.push(incomingToExportRecord({ ...doc, id, spans, suggestions }, now));
      }
      await writer.write(records);
    }
  } catch (error) {
    await writer.abort();
    throw error;
  }
  return writer.close();
}
