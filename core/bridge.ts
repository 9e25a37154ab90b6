// The one declaration of the bridge between renderer and main.
//
// Each channel names its argument guard (checked by main on every call) and,
// through the phantom `result` field, its result type. The preload, the main
// handlers and the test host are all derived from this object, so a channel
// name is written exactly once (the shape GitHub Desktop uses in ipc-shared.ts).
import * as backup from './backup-shapes';
import type { ExportRecord } from './jsonl/records';
import type { CorpusLoad } from './model';
import { isNothing, type Guard } from './shape';
import * as io from './io-shapes';

export interface Channel<A, R> {
  readonly validate: Guard<A>;
  /** Never set: carries the result type only. */
  readonly result?: R;
}

const channel = <A, R>(validate: Guard<A>): Channel<A, R> => ({ validate });

export const bridgeContract = {
  /** The corpus shipped in seeds/, read on first start. */
  loadSeedCorpus: channel<undefined, CorpusLoad>(isNothing),
  // Rolling backups (core/backup-shapes.ts): main picks the file; the renderer names a snapshot by id only.
  /** Starts a snapshot, written to a temporary file until backupEnd. */
  backupBegin: channel<undefined, { session: string }>(isNothing),
  backupWrite: channel<{ session: string; records: ExportRecord[] }, void>(backup.isBackupWriteArg),
  /** Renames the snapshot into place and prunes to the newest five; `abort` drops it instead. */
  backupEnd: channel<{ session: string; abort?: boolean }, backup.BackupInfo | null>(backup.isBackupEndArg),
  /** Complete snapshots, newest first. */
  listBackups: channel<undefined, backup.BackupInfo[]>(isNothing),
  /** Opens a snapshot for reading; its documents then come batch by batch from readBackupNext. */
  readBackup: channel<{ id: string }, { session: string }>(backup.isBackupIdArg),
  readBackupNext: channel<{ session: string }, backup.BackupBatch>(backup.isBackupSessionArg),
  // Import and export (core/io-shapes.ts): paths come only from main's dialogs.
  /** Shows an open dialog; null when cancelled. */
  chooseImport: channel<{ kind: io.ImportKind }, io.ImportStarted | null>(io.isChooseImportArg),
  /** The next batch of at most IMPORT_BATCH_DOCUMENTS documents; pulled, so main never runs ahead. */
  importNext: channel<{ session: string }, io.ImportStep>(io.isSessionArg),
  importCancel: channel<{ session: string }, void>(io.isSessionArg),
  /** A file dropped on the window, as bytes: its name is a name, never a path. */
  importBytes: channel<{ name: string; bytes: Uint8Array }, CorpusLoad>(io.isImportBytesArg),
  /** Shows a save dialog and opens the file (written to a temporary file until exportEnd); null when cancelled. */
  exportBegin: channel<{ format: 'prodigy' | 'doccano'; suggestedName: string }, io.ExportStarted | null>(io.isExportBeginArg),
  exportWrite: channel<{ handle: string; records: ExportRecord[] }, { bytes: number }>(io.isExportWriteArg),
  exportEnd: channel<{ handle: string }, io.ExportFinished>(io.isHandleArg),
  exportAbort: channel<{ handle: string }, void>(io.isHandleArg),
};

export type BridgeContract = typeof bridgeContract;
export type ChannelName = keyof BridgeContract;
export type ArgOf<K extends ChannelName> = BridgeContract[K] extends Channel<infer A, unknown> ? A : never;
export type ResultOf<K extends ChannelName> = BridgeContract[K] extends Channel<unknown, infer R> ? R : never;

/** What the renderer sees as `window.workbench`. */
export type WorkbenchBridge = { [K in ChannelName]: (arg: ArgOf<K>) => Promise<ResultOf<K>> };

/** What main implements: one function a channel. */
export type BridgeHandlers = { [K in ChannelName]: (arg: ArgOf<K>) => Promise<ResultOf<K>> };

export const channelNames = Object.keys(bridgeContract) as ChannelName[];

/** Name under which the preload exposes the bridge in the page. */
export const BRIDGE_GLOBAL = 'workbench';

export class BridgeArgumentError extends Error {}

/** Checks a call's argument against the contract, throwing a clear error if it does not fit. */
export function checkArgument<K extends ChannelName>(name: K, arg: unknown): ArgOf<K> {
  const contract = bridgeContract[name] as Channel<unknown, unknown> | undefined;
  if (!contract || !Object.hasOwn(bridgeContract, name)) throw new BridgeArgumentError(`unknown channel ${String(name)}`);
  if (!contract.validate(arg)) throw new BridgeArgumentError(`argument of ${name} does not have the declared shape`);
  return arg as ArgOf<K>;
}
