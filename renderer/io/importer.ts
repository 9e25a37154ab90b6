// Runs an import: pulls batches from main (importNext) and stores each with
// the app's store (one IndexedDB transaction a batch). The next batch is asked
// for as soon as one arrives, so main reads (and the bridge carries) batch
// n+1 while batch n is being written; neither side ever holds more than two
// batches, and batches are still stored one at a time, in order. Keeps a tally for the
// summary: counts, and the problems (bounded: a file of a million bad lines
// must not fill the memory with messages).
import type { WorkbenchBridge } from '../../core/bridge';
import { DROP_MAX_BYTES } from '../../core/io-shapes';
import type { OffsetUnit } from '../../core/jsonl/span-check';
import type { CorpusLoad, IncomingDocument, InputProblem } from '../../core/model';
import type { StoreResult } from '../db/documents-repo';

/** Problems kept for the summary; the rest are only counted. */
export const PROBLEMS_KEPT = 1000;

export interface ImportTally {
  filesTotal: number;
  filesDone: number;
  read: number;
  added: number;
  existing: number;
  spansAdded: number;
  /** Suggestions and rejected suggestions the records brought (Label Studio predictions, Prodigy "reject"). */
  suggestionsAdded: number;
  rejectionsAdded: number;
  problems: InputProblem[];
  /** Problems beyond PROBLEMS_KEPT, counted only. */
  moreProblems: number;
  /** Labels the imported spans brought that the label set lacked, created by the import. */
  labelsAdded: string[];
  cancelled: boolean;
}

/** How an import stores a batch (named apart from backup/restore.ts's own). */
export type ImportStore = (docs: IncomingDocument[]) => Promise<StoreResult>;

export function newTally(filesTotal: number): ImportTally {
  return {
    filesTotal,
    filesDone: 0,
    read: 0,
    added: 0,
    existing: 0,
    spansAdded: 0,
    suggestionsAdded: 0,
    rejectionsAdded: 0,
    problems: [],
    moreProblems: 0,
    labelsAdded: [],
    cancelled: false,
  };
}

/** Stores one load and adds it to the tally. */
export async function takeLoad(tally: ImportTally, load: CorpusLoad, store: ImportStore): Promise<void> {
  addProblems(tally, load.problems);
  if (load.documents.length === 0) return;
  const stored = await store(load.documents);
  tally.read += load.documents.length;
  tally.added += stored.added;
  tally.existing += stored.existing;
  tally.spansAdded += stored.spansAdded;
  tally.suggestionsAdded += stored.suggestionsAdded ?? 0;
  tally.rejectionsAdded += stored.rejectionsAdded ?? 0;
  for (const label of stored.labelsAdded ?? []) tally.labelsAdded.push(label);
}

function addProblems(tally: ImportTally, problems: InputProblem[]): void {
  const room = Math.max(0, PROBLEMS_KEPT - tally.problems.length);
  for (const problem of problems.slice(0, room)) tally.problems.push(problem);
  tally.moreProblems += Math.max(0, problems.length - room);
}

type ImportBridge = Pick<WorkbenchBridge, 'importNext' | 'importCancel'>;

/**
 * Pulls a session to its end (or until `signal` aborts: what is stored stays
 * stored). On a failure (a batch main could not read, a batch the database
 * refused) main's session is cancelled, closing its files, before the error
 * goes on to the caller's summary.
 */
export async function runImportSession(
  bridge: ImportBridge,
  session: string,
  tally: ImportTally,
  store: ImportStore,
  onProgress: (t: ImportTally) => void,
  signal?: AbortSignal,
): Promise<ImportTally> {
  try {
    return await pullSession(bridge, session, tally, store, onProgress, signal);
  } catch (error) {
    await bridge.importCancel({ session }).catch(() => undefined); // best effort: main may already have closed it
    throw error;
  }
}

async function pullSession(
  bridge: ImportBridge,
  session: string,
  tally: ImportTally,
  store: ImportStore,
  onProgress: (t: ImportTally) => void,
  signal?: AbortSignal,
): Promise<ImportTally> {
  const ask = () => {
    const step = bridge.importNext({ session });
    step.catch(() => undefined); // a batch asked for ahead may fail after we stopped waiting for it
    return step;
  };
  let next = signal?.aborted ? undefined : ask();
  while (next) {
    const step = await next;
    // A cancel pressed while main was reading: the user asked to stop, so this batch is not stored.
    if (signal?.aborted) break;
    // Ask for the next batch before storing this one: main reads while the renderer writes.
    next = step.done ? undefined : ask();
    await takeLoad(tally, step, store);
    tally.filesDone = step.progress.filesDone;
    tally.filesTotal = Math.max(tally.filesTotal, step.progress.filesTotal);
    onProgress(tally);
    if (step.done) return tally;
    if (signal?.aborted) break;
  }
  tally.cancelled = true;
  await bridge.importCancel({ session });
  return tally;
}

type BytesBridge = Pick<WorkbenchBridge, 'importBytes'>;

/** A brat .ann or W3C .w3c.json and the .txt of its name: dropped together, they are read together. */
export function pairCompanions(files: readonly File[]): Array<{ file: File; companion?: File }> {
  const stem = (name: string) => name.replace(/\.(ann|w3c\.json)$/i, '');
  const texts = new Map(files.filter((f) => /\.txt$/i.test(f.name)).map((f) => [f.name.slice(0, -4), f]));
  const taken = new Set<File>();
  const pairs = files.map((file) => {
    const companion = /\.(ann|w3c\.json)$/i.test(file.name) ? texts.get(stem(file.name)) : undefined;
    if (companion) taken.add(companion);
    return { file, companion };
  });
  return pairs.filter((p) => !taken.has(p.file));
}

const bytesOf = async (file: File) => new Uint8Array(await file.arrayBuffer());

/** Files dropped on the window, one at a time (a brat or W3C file with its .txt): their bytes go to main, never a path. */
export async function importDroppedFiles(
  bridge: BytesBridge,
  files: readonly File[],
  store: ImportStore,
  onProgress: (t: ImportTally) => void,
  signal?: AbortSignal,
  offsets?: OffsetUnit,
): Promise<ImportTally> {
  const pairs = pairCompanions(files);
  const tally = newTally(pairs.length);
  for (const { file, companion } of pairs) {
    if (signal?.aborted) return { ...tally, cancelled: true };
    if (file.size + (companion?.size ?? 0) > DROP_MAX_BYTES) {
      addProblems(tally, [
        {
          file: file.name,
          message: `too large to drop (${Math.round(file.size / 2 ** 20)} MB); use “Import files…”, which reads it from disk in batches`,
          severity: 'error',
        },
      ]);
    } else {
      const name = file.name.slice(-255) || 'dropped file';
      try {
        const arg = {
          name,
          bytes: await bytesOf(file),
          ...(offsets ? { offsets } : {}),
          ...(companion ? { companion: { name: companion.name.slice(-255), bytes: await bytesOf(companion) } } : {}),
        };
        await takeLoad(tally, await bridge.importBytes(arg), store);
      } catch (error) {
        // One file that cannot be read or stored is that file's problem; the other dropped files still come in.
        addProblems(tally, [
          {
            file: name,
            message: `not imported: ${error instanceof Error ? error.message : String(error)}`,
            severity: 'error',
          },
        ]);
      }
    }
    tally.filesDone++;
    onProgress(tally);
  }
  return tally;
}
