// Imported documents -> ExportRecords: spans quote the text they cover, and
// documents without a status or time get 'todo' and the run's start time, so
// one run writes one consistent timestamp.
import { addNewSpans, firstFreeId } from '../core/incoming';
import type { ExportRecord } from '../core/jsonl/records';
import type { CorpusLoad, IncomingDocument, InputProblem, SpanDraft } from '../core/model';
import type { JsonlWriter } from '../main/services/jsonl-writer';

/** An incoming document as it is written out (named apart from the renderer's stored-document builder). */
export function incomingToExportRecord(doc: IncomingDocument, now: number): ExportRecord {
  const spans = (doc.spans ?? []).map((s) => ({ ...s, text: doc.text.slice(s.start, s.end) }));
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

/** Every text's spans, gathered over a whole input (first pass of a deduplicating import). */
export async function spansByText(
  batches: AsyncIterable<CorpusLoad>,
  report: Report,
): Promise<Map<string, SpanDraft[]>> {
  const spans = new Map<string, { list: SpanDraft[]; have: Set<string> }>();
  for await (const batch of batches) {
    report.add(batch.problems);
    for (const doc of batch.documents) {
      let entry = spans.get(doc.sha256);
      if (!entry) spans.set(doc.sha256, (entry = { list: [], have: new Set<string>() }));
      addNewSpans(entry.list, doc.spans, entry.have);
    }
  }
  return new Map([...spans].map(([sha, { list }]) => [sha, list]));
}

/**
 * Writes each text once, as the app stores it: the first record of a text
 * carries the spans of every record with that text (`merged`, from a first
 * pass), later ones are left out, and an id already written gets a fresh one.
 */
export async function writeDeduplicated(
  writer: JsonlWriter,
  batches: AsyncIterable<CorpusLoad>,
  merged: Map<string, SpanDraft[]>,
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
        const spans = merged.get(doc.sha256) ?? doc.spans ?? [];
        records.push(incomingToExportRecord({ ...doc, id, spans }, now));
      }
      await writer.write(records);
    }
  } catch (error) {
    await writer.abort();
    throw error;
  }
  return writer.close();
}
