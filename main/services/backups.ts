// Rolling snapshots of the whole corpus, in <dataDir>/backups/. Each snapshot
// is a Prodigy-shaped JSONL file (one document a line, with its spans, status
// and source), written through openJsonlWriter: into a temporary file that is
// renamed into place only when complete, so a crash mid-backup never leaves a
// truncated snapshot that looks whole. The newest KEEP are kept.
//
// The renderer names a snapshot by its id (the time stamp) only; this module
// checks the id against a strict pattern before it ever becomes a path.
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isBackupId, type BackupInfo } from '../../core/backup-shapes';
import type { CorpusLoad } from '../../core/model';
import { readJsonlFile } from './jsonl-file';
import { tempPathFor, type ExportSummary } from './jsonl-writer';

export const KEEP_BACKUPS = 5;
const FILE = /^snapshot-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.jsonl$/;

export type { BackupInfo };

export function backupIdFor(time: number): string {
  return new Date(time).toISOString().replace(/[:.]/g, '-');
}

export function timeOfBackupId(id: string): number {
  const [date, clock] = id.split('T');
  const [h, m, s, ms] = clock.slice(0, -1).split('-');
  return Date.parse(`${date}T${h}:${m}:${s}.${ms}Z`);
}

export function snapshotPath(dir: string, id: string): string {
  if (!isBackupId(id)) throw new Error(`not a backup id: ${JSON.stringify(id)}`);
  return path.join(dir, `snapshot-${id}.jsonl`);
}

/** Counts live beside the snapshot, so listing never has to read a whole corpus. */
const metaPath = (dir: string, id: string) => path.join(dir, `snapshot-${id}.meta.json`);

/** A fresh id at or after `now`, never one already on disk (two snapshots in one millisecond). */
export async function freshBackupId(dir: string, now: number): Promise<string> {
  const taken = new Set(await snapshotIds(dir));
  let time = now;
  while (taken.has(backupIdFor(time))) time++;
  return backupIdFor(time);
}

/** Ids of the complete snapshots in `dir`, oldest first (ids sort as times). */
export async function snapshotIds(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .map((n) => FILE.exec(n)?.[1])
    .filter((id): id is string => id !== undefined)
    .sort();
}

/** Writes the counts beside a snapshot that has just been renamed into place. */
export async function recordSummary(dir: string, id: string, summary: ExportSummary): Promise<BackupInfo> {
  const info: BackupInfo = {
    id,
    createdAt: timeOfBackupId(id),
    documents: summary.documents,
    spans: summary.spans,
    bytes: summary.bytes,
  };
  const target = metaPath(dir, id);
  const temp = tempPathFor(target);
  await writeFile(temp, JSON.stringify(info));
  await rename(temp, target);
  return info;
}

/**
 * Keeps the newest `keep` snapshots; removes older ones and temporary files
 * left by a crash. One older snapshot is spared: the largest, while it holds
 * more than every one of the newest (more spans, or as many and more
 * documents). So snapshots of a smaller corpus (a database the browser
 * dropped and the user began again, or a mass deletion) never rotate out the
 * last copy of the larger work.
 */
export async function pruneBackups(
  dir: string,
  keep = KEEP_BACKUPS,
  busy: ReadonlySet<string> = new Set(),
): Promise<void> {
  const ids = await snapshotIds(dir);
  const older = ids.slice(0, Math.max(0, ids.length - keep));
  const spared = older.length > 0 ? await largerThanNewest(dir, older, ids.slice(older.length)) : undefined;
  for (const id of older) {
    if (id === spared) continue;
    await rm(metaPath(dir, id), { force: true });
    await rm(snapshotPath(dir, id), { force: true });
  }
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const full = path.join(dir, name);
    if (name.startsWith('.snapshot-') && name.endsWith('.tmp') && !busy.has(full)) await rm(full, { force: true });
  }
  // A meta file whose snapshot is gone (crash between the two removals) is dropped too.
  const live = new Set(await snapshotIds(dir));
  for (const name of names) {
    const id = /^snapshot-(.+)\.meta\.json$/.exec(name)?.[1];
    if (id && !live.has(id)) await rm(path.join(dir, name), { force: true });
  }
}

const holdsMore = (a: BackupInfo, b: BackupInfo) =>
  a.spans > b.spans || (a.spans === b.spans && a.documents > b.documents);

/** The largest of `older`, if it holds more than every snapshot of `newest`. */
async function largerThanNewest(dir: string, older: string[], newest: string[]): Promise<string | undefined> {
  const infos = async (ids: string[]) => Promise.all(ids.map((id) => readInfo(dir, id)));
  let largest: BackupInfo | undefined;
  for (const info of await infos(older)) if (!largest || holdsMore(info, largest)) largest = info;
  if (!largest) return undefined;
  const candidate = largest;
  return (await infos(newest)).every((info) => holdsMore(candidate, info)) ? candidate.id : undefined;
}

async function readInfo(dir: string, id: string): Promise<BackupInfo> {
  const bytes = (await stat(snapshotPath(dir, id))).size;
  try {
    const info = JSON.parse(await readFile(metaPath(dir, id), 'utf8')) as BackupInfo;
    return { id, createdAt: timeOfBackupId(id), documents: info.documents, spans: info.spans, bytes };
  } catch {
    // No counts (a crash came between the snapshot's rename and its meta): count them.
    let documents = 0;
    let spans = 0;
    for await (const batch of readSnapshot(dir, id)) {
      documents += batch.documents.length;
      spans += batch.documents.reduce((n, d) => n + (d.spans?.length ?? 0), 0);
    }
    return { id, createdAt: timeOfBackupId(id), documents, spans, bytes };
  }
}

/** Every complete snapshot, newest first. */
export async function listBackups(dir: string): Promise<BackupInfo[]> {
  const ids = (await snapshotIds(dir)).reverse();
  return Promise.all(ids.map((id) => readInfo(dir, id)));
}

/**
 * Reads a snapshot back in batches of documents with their spans, through the
 * same strict reader as a user's JSONL (UTF-8 checked line by line). Unlike a
 * user's import, a document keeps the source recorded in the snapshot, not
 * the snapshot's own path.
 */
export function readSnapshot(dir: string, id: string, batchSize = 200): AsyncGenerator<CorpusLoad> {
  const origin = { file: `backup ${id}`, name: (lineNo: number) => `${id}:${lineNo}`, source: () => `backup ${id}` };
  return readJsonlFile(snapshotPath(dir, id), { batchSize, origin });
}

export async function ensureBackupDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
}
