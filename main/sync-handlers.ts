// The sync channels' handlers: one SyncService on <dataDir>/sync. A push may
// write only records of the annotator it names, or shared ones (documents,
// labels), so one annotator's app never writes another's spans.
import type { BridgeHandlers } from '../core/bridge';
import { ownerOfId, type SyncRecord } from '../core/sync/couch-records';
import type { SyncService } from './services/sync/sync-service';

type SyncChannels =
  'syncSettings' | 'syncConfigure' | 'syncPush' | 'syncPull' | 'syncStatus' | 'syncConflicts' | 'syncResolve';

const ownedBy = (record: SyncRecord, annotator: string) => !('annotator' in record) || record.annotator === annotator;

export function syncHandlers(sync: SyncService): Pick<BridgeHandlers, SyncChannels> {
  return {
    syncSettings: () => sync.settings(),
    syncConfigure: (input) => sync.configure(input),
    syncPush: async ({ annotator, records, removed, removedKeys }) => {
      const foreign = records.find((r) => !ownedBy(r, annotator));
      const foreignId = removed.find((id) => ownerOfId(id) !== undefined && ownerOfId(id) !== annotator);
      if (foreign || foreignId) throw new Error(`refused: ${annotator} may not write records of another annotator`);
      return sync.push(records, [...removed, ...(await sync.findOwnIds(annotator, removedKeys ?? []))]);
    },
    syncPull: ({ since }) => sync.pull(since),
    syncStatus: () => sync.status(),
    syncConflicts: () => sync.conflicts(),
    syncResolve: ({ id, rev }) => sync.resolve(id, rev),
  };
}
