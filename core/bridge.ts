// The one declaration of the bridge between renderer and main.
//
// Each channel names its argument schema (checked by main on every call; the
// argument type is inferred from it) and, through the phantom `result` field,
// its result type. The preload, the main handlers and the test host are all
// derived from this object, so a channel name is written exactly once (the
// shape GitHub Desktop uses in ipc-shared.ts), and both main and the test host
// answer a call through the one `dispatch` below.
import * as backup from './backup-shapes';
import * as io from './io-shapes';
import type { CorpusLoad } from './model';
import type { MarkerRead } from './profile-marker';
import { ProfileMarkerSchema } from './profile-marker';
import { checkShape, nothing, type Infer, type Schema } from './shape';
import * as sync from './sync/sync-shapes';

export interface Channel<S extends Schema, R> {
  readonly schema: S;
  /** Never set: carries the result type only. */
  readonly result?: R;
}

/** `channel(schema).returns<R>()`: the argument type comes from the schema, never written again. */
const channel = <S extends Schema>(schema: S) => ({ returns: <R>(): Channel<S, R> => ({ schema }) });

export const bridgeContract = {
  /** The corpus shipped in seeds/, read on first start. */
  loadSeedCorpus: channel(nothing).returns<CorpusLoad>(),
  /** Main's record, outside IndexedDB, that this profile has held data (core/profile-marker.ts). */
  readProfileMarker: channel(nothing).returns<MarkerRead>(),
  writeProfileMarker: channel(ProfileMarkerSchema).returns<void>(),
  // Rolling backups (core/backup-shapes.ts): main picks the file; the renderer names a snapshot by id only.
  /** Starts a snapshot, written to a temporary file until backupEnd. */
  backupBegin: channel(nothing).returns<{ session: string }>(),
  backupWrite: channel(backup.BackupWriteArg).returns<void>(),
  /** Renames the snapshot into place and prunes to the newest five; `abort` drops it instead. */
  backupEnd: channel(backup.BackupEndArg).returns<backup.BackupInfo | null>(),
  /** Complete snapshots, newest first. */
  listBackups: channel(nothing).returns<backup.BackupInfo[]>(),
  /** Opens a snapshot for reading; its documents then come batch by batch from readBackupNext. */
  readBackup: channel(backup.BackupIdArg).returns<{ session: string }>(),
  readBackupNext: channel(io.SessionArg).returns<backup.BackupBatch>(),
  // Import and export (core/io-shapes.ts): paths come only from main's dialogs.
  /** Shows an open dialog; null when cancelled. */
  chooseImport: channel(io.ChooseImportArg).returns<io.ImportStarted | null>(),
  /** The next batch of at most IMPORT_BATCH_DOCUMENTS documents; pulled, so main never runs ahead. */
  importNext: channel(io.SessionArg).returns<io.ImportStep>(),
  importCancel: channel(io.SessionArg).returns<void>(),
  /** A file dropped on the window, as bytes: its name is a name, never a path. */
  importBytes: channel(io.ImportBytesArg).returns<CorpusLoad>(),
  /** Shows a save dialog and opens the file (written to a temporary file until exportEnd); null when cancelled. */
  exportBegin: channel(io.ExportBeginArg).returns<io.ExportStarted | null>(),
  exportWrite: channel(io.ExportWriteArg).returns<io.ExportWritten>(),
  exportEnd: channel(io.SessionArg).returns<io.ExportFinished>(),
  exportAbort: channel(io.SessionArg).returns<void>(),
  // Sync (core/sync/sync-shapes.ts): main holds the server, the credentials and the replica; the page never sees a password.
  syncSettings: channel(nothing).returns<sync.SyncSettingsView>(),
  /** Saves the settings (a new server is confirmed in main's own dialog) and restarts replication. */
  syncConfigure: channel(sync.SyncConfigureArg).returns<sync.SyncConfigureResult>(),
  /** The renderer's saved changes, written to main's replica on disk before this answers. */
  syncPush: channel(sync.SyncPushArg).returns<{ written: number }>(),
  /** Changes in main's replica after `since`, checked; pulled, so main never runs ahead of the page. */
  syncPull: channel(sync.SyncPullArg).returns<sync.SyncPullBatch>(),
  syncStatus: channel(nothing).returns<sync.SyncStatus>(),
  syncConflicts: channel(nothing).returns<sync.SyncConflict[]>(),
  /** Keeps one current revision of a conflicted record. */
  syncResolve: channel(sync.SyncResolveArg).returns<void>(),
};

export type BridgeContract = typeof bridgeContract;
export type ChannelName = keyof BridgeContract;
export type ArgOf<K extends ChannelName> = Infer<BridgeContract[K]['schema']>;
export type ResultOf<K extends ChannelName> = BridgeContract[K] extends Channel<Schema, infer R> ? R : never;

/** What main implements, one function a channel; the renderer sees the same as `window.workbench`. */
export type BridgeHandlers = { [K in ChannelName]: (arg: ArgOf<K>) => Promise<ResultOf<K>> };
export type WorkbenchBridge = BridgeHandlers;

export const channelNames = Object.keys(bridgeContract) as ChannelName[];

/** Name under which the preload exposes the bridge in the page. */
export const BRIDGE_GLOBAL = 'workbench';

export class BridgeArgumentError extends Error {
  override name = 'BridgeArgumentError';
}

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(bridgeContract, name);
}

/**
 * Checks a call's argument against the contract, throwing a clear error if it
 * does not fit. Returns the checked copy: only the declared keys, so nothing
 * the page added rides along into a handler.
 */
export function checkArgument<K extends ChannelName>(name: K, arg: unknown): ArgOf<K> {
  if (!isChannelName(name)) throw new BridgeArgumentError(`unknown channel ${String(name)}`);
  const checked = checkShape(bridgeContract[name].schema, arg);
  if (!checked.ok)
    throw new BridgeArgumentError(`argument of ${name} does not have the declared shape (${checked.message})`);
  return checked.value as ArgOf<K>;
}

/** Answers one call: the channel must exist and the argument fit, then its handler runs. */
export async function dispatch(handlers: BridgeHandlers, name: unknown, arg: unknown): Promise<unknown> {
  if (!isChannelName(name)) throw new BridgeArgumentError(`unknown channel ${String(name)}`);
  const handler = handlers[name] as (arg: unknown) => Promise<unknown>;
  return handler(checkArgument(name, arg));
}
