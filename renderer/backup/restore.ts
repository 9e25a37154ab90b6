// Restoring = importing a snapshot's documents and spans through the same
// storeDocuments every import uses: documents already present (same sha256)
// are kept and only gain the spans they lack, missing ones come back whole.
// Nothing in the database is deleted by a restore.
import type { WorkbenchBridge } from '../../core/bridge';
import type { CorpusLoad, InputProblem } from '../../core/model';

type RestoreBridge = Pick<WorkbenchBridge, 'readBackup' | 'readBackupNext'>;

export interface RestoreSummary {
  documents: number;
  added: number;
  spansAdded: number;
  /** Kept suggestions and rejected suggestions written back (one already there is neither written nor counted). */
  suggestionsAdded: number;
  rejectionsAdded: number;
  problems: InputProblem[];
}

export type StoreBatch = (docs: CorpusLoad['documents']) => Promise<{
  added: number;
  spansAdded: number;
  suggestionsAdded?: number;
  rejectionsAdded?: number;
}>;

export async function restoreBackup(
  bridge: RestoreBridge,
  id: string,
  store: StoreBatch,
  progress: (documents: number) => void = () => {},
): Promise<RestoreSummary> {
  const { session } = await bridge.readBackup({ id });
  const summary: RestoreSummary = {
    documents: 0,
    added: 0,
    spansAdded: 0,
    suggestionsAdded: 0,
    rejectionsAdded: 0,
    problems: [],
  };
  for (;;) {
    const batch = await bridge.readBackupNext({ session });
    summary.problems.push(...batch.problems);
    if (batch.documents.length > 0) {
      const stored = await store(batch.documents);
      summary.documents += batch.documents.length;
      summary.added += stored.added;
      summary.spansAdded += stored.spansAdded;
      summary.suggestionsAdded += stored.suggestionsAdded ?? 0;
      summary.rejectionsAdded += stored.rejectionsAdded ?? 0;
      progress(summary.documents);
    }
    if (batch.done) return summary;
  }
}
