// Shapes of the sync channels (core/bridge.ts). The password goes one way
// only, renderer -> main, when the user types it; nothing main answers ever
// carries it. Records cross as plain data and are checked here.
import { integer, list, name, text, v, type Infer } from '../shape';
import type { RemoteChange, RemoteProblem } from './couch-docs';
import { ANNOTATOR_MAX, REMOVABLE_ID, SyncRecordSchema } from './couch-records';
import type { SyncRecord } from './couch-records';

/** Records one syncPush may carry (a syncPull answer holds up to 1,000 changes: SyncService.pull). */
export const SYNC_BATCH = 500;

export const SyncConfigureArg = v.strictObject({
  /** http(s)://host[:port][/path]: where the CouchDB server answers. */
  url: text(2048),
  database: text(256),
  username: text(256),
  /** Absent: keep the stored password. Empty: forget it. */
  password: v.optional(text(1024)),
  enabled: v.boolean(),
});
export type SyncConfigureInput = Infer<typeof SyncConfigureArg>;

export const SyncPushArg = v.strictObject({
  annotator: name(ANNOTATOR_MAX),
  records: list(SyncRecordSchema, SYNC_BATCH),
  removed: list(v.pipe(v.string(), v.maxLength(2048), v.regex(REMOVABLE_ID, 'not a removable record id')), SYNC_BATCH),
  /** Spans and relations removed whose document the page no longer knows: main finds this annotator's record by its own id. */
  removedKeys: v.optional(
    list(
      v.strictObject({
        type: v.picklist(['span', 'relation']),
        key: v.pipe(name(1024), v.regex(/^[^:\s]+$/, 'holds a colon or a space')),
      }),
      SYNC_BATCH,
    ),
  ),
});
export type SyncPushInput = Infer<typeof SyncPushArg>;

/** A position in main's change feed: 0 for the start. */
export const SyncSeq = v.union([integer(0, Number.MAX_SAFE_INTEGER), text(1024)]);
export const SyncPullArg = v.strictObject({ since: SyncSeq });

export const SyncResolveArg = v.strictObject({ id: text(2048), rev: text(256) });

/** What the settings dialog shows: never the password, only whether one is kept. */
export interface SyncSettingsView {
  url: string;
  database: string;
  username: string;
  hasPassword: boolean;
  enabled: boolean;
  /** False where the system offers no encrypted storage: then no password can be kept. */
  canKeepPassword: boolean;
}

export type SyncConfigureResult = { ok: true; settings: SyncSettingsView } | { ok: false; message: string };

export type SyncState = 'off' | 'connecting' | 'syncing' | 'up-to-date' | 'offline' | 'error';

export interface SyncStatus {
  state: SyncState;
  /** The error or the reason for being offline, in words. */
  message?: string;
  /** Changes main holds that the server does not have yet. */
  waiting: number;
  /** Records with more than one current revision. */
  conflicts: number;
  /** Remote records that were not workbench records and were left out. */
  problems: RemoteProblem[];
  /** host/database, for the top bar's tooltip. */
  server?: string;
  lastSyncedAt?: number;
}

export interface SyncPullBatch {
  changes: RemoteChange[];
  problems: RemoteProblem[];
  last: number | string;
  done: boolean;
}

export interface ConflictRevision {
  rev: string;
  /** null: this revision deletes the record. */
  record: SyncRecord | null;
}

export interface SyncConflict {
  id: string;
  /** CouchDB's deterministic winner, which the app shows. */
  winner: ConflictRevision;
  losers: ConflictRevision[];
}
