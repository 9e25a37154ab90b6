// Imported documents -> ExportRecords: spans quote the text they cover, and
// documents without a status or time get 'todo' and the run's start time, so
// one run writes one consistent timestamp.
import type { ExportRecord } from '../core/jsonl/records';
import type { CorpusLoad } from '../core/model';
import type { JsonlDocument } from '../main/services/jsonl-file';

type LoadedDocument = CorpusLoad['documents'][number] & Pick<JsonlDocument, 'updatedAt'>;

export function toExportRecord(doc: LoadedDocument, now: number): ExportRecord {
  const spans = (doc.spans ?? []).map((s) => ({ ...s, text: doc.text.slice(s.start, s.end) }));
  return { id: doc.id, name: doc.name, text: doc.text, sha256: doc.sha256, source: doc.source, status: doc.status ?? 'todo', updatedAt: doc.updatedAt ?? now, spans };
}

type JsonlWriter = Awaited<ReturnType<typeof import('../main/services/jsonl-writer').openJsonlWriter>>;

/**
 * Streams loaded batches into a JSONL writer, reporting each batch's problems;
 * on any failure the half-written output is dropped, never left behind.
 */
export async function writeBatches(writer: JsonlWriter, batches: AsyncIterable<CorpusLoad>, report: { add(problems: CorpusLoad['problems']): void }) {
  const now = Date.now();
  try {
    for await (const batch of batches) {
      report.add(batch.problems);
      await writer.write(batch.documents.map((doc) => toExportRecord(doc, now)));
    }
  } catch (error) {
    await writer.abort();
    throw error;
  }
  return writer.close();
}
