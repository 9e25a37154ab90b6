// What an export holds, a chunk of documents at a time: the ids in scope
// first (keys from an index, no records), then each chunk's records, texts
// and spans from db/export-query.ts (one read transaction a chunk). A
// 100,000-document corpus is never in memory at once; at most one chunk of
// texts is.
import type { ExportRecord } from '../../core/jsonl/records';
import type { Span } from '../../core/model';
import { annotatorOf, CURATION, layerSpans, type LayerChoice } from '../../core/teams/layers';
import { readExportChunk } from '../db/export-query';
import type { WorkbenchDb } from '../db/schema';
import { toExportRecord } from './export-record';

export { idsInScope, type ExportScope } from '../db/export-query';

/** Documents per exportWrite call: small enough to keep memory flat, large enough to keep IPC cheap. */
export const EXPORT_CHUNK = 200;

/** Which annotators' spans an export holds: one layer (no annotator field), or all with an `annotator` on each. */
export interface ExportLayer {
  readonly choice: LayerChoice;
  /** The local annotator's name: spans stored before annotators existed are hers. */
  readonly local: string;
}

/** The spans of `layer`: one layer's plain, or every layer's each naming its annotator. */
function spansOfLayer(spans: readonly Span[], layer: ExportLayer | undefined): Span[] {
  if (!layer) return spans.map(({ annotator: _, ...span }) => span);
  if (layer.choice.kind === 'all') return spans.map((span) => ({ ...span, annotator: annotatorOf(span, layer.local) }));
  return layerSpans(spans, layer.choice, layer.local).map(({ annotator: _, ...span }) => span);
}

/**
 * The export records of `ids` (same order); documents that vanished meanwhile are left out.
 * Without `layer`, every span of every layer, as the export did before annotators existed.
 */
export async function readExportRecords(db: WorkbenchDb, ids: string[], layer?: ExportLayer): Promise<ExportRecord[]> {
  const { documents } = await readExportChunk(db, { ids });
  // The adjudicated layer holds the documents adjudicated so far: one nobody curated yet is not a gold
  // document with no entities, and training data must not say it is.
  const curated =
    layer?.choice.kind === 'curation'
      ? documents.filter(({ spans }) => spans.some((s) => s.annotator === CURATION))
      : documents;
  // A projected span is a suggestion nobody has accepted yet: not an annotation to hand on.
  return curated.map(({ doc, text, spans, relations }) =>
    toExportRecord(
      doc,
      text,
      spansOfLayer(
        spans.filter((span) => !span.projected),
        layer,
      ),
      relations,
    ),
  );
}
