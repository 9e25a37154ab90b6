// What the renderer keeps about sync, in the settings table: who the local
// annotator is, whether sync is switched on (from then on every write is
// noted in the outbox), whether the records stored before that have all been
// noted, and how far main's change feed has been applied.
import type { AnnotatorIdentity } from '../../core/profile-marker';
import type { WorkbenchDb } from './schema';
import { OUTBOX_TABLE, setNoting, type OutboxEntry } from './sync-outbox';
import { everyRecordKey } from './sync-records';

const KEYS = {
  /** Written by the annotators feature; read here. */
  annotatorName: 'annotatorName',
  profileId: 'syncProfileId',
  enrolled: 'syncEnrolled',
  backfilled: 'syncBackfilled',
  pulledSeq: 'syncPulledSeq',
  notedThrough: 'syncNotedThrough',
} as const;

/**
 * How far before the mark a start sends records again. A write's note is written just after the write
 * commits; its `updatedAt` was taken a moment before that. A minute covers any such gap.
 */
export const SWEEP_MARGIN_MS = 60_000;

async function read<T>(db: WorkbenchDb, key: string): Promise<T | undefined> {
  return (await db.settings.get(key))?.value as T | undefined;
}

/**
 * The name this profile annotates under: the `annotatorName` setting, or a
 * stable id made once for the profile (so its records keep one owner even
 * before anyone types a name).
 */
export async function localAnnotator(db: WorkbenchDb): Promise<string> {
  const name = await read<string>(db, KEYS.annotatorName);
  if (typeof name === 'string' && name.trim()) return name.trim();
  return db.transaction('rw', db.settings, async () => {
    const id = await read<string>(db, KEYS.profileId);
    if (typeof id === 'string' && id) return id;
    const made = `annotator-${crypto.randomUUID().slice(0, 8)}`;
    await db.settings.put({ key: KEYS.profileId, value: made });
    return made;
  });
}

/** The local annotator's identity as this database keeps it: her name, and the id made for her before it. */
export async function localIdentity(db: WorkbenchDb): Promise<AnnotatorIdentity> {
  const [name, id] = await Promise.all([read<string>(db, KEYS.annotatorName), read<string>(db, KEYS.profileId)]);
  const identity: AnnotatorIdentity = {};
  if (typeof name === 'string' && name.trim()) identity.annotatorName = name.trim();
  if (typeof id === 'string' && id) identity.annotatorId = id;
  return identity;
}

/**
 * Gives a database that knows nobody the identity main kept (a start after the browser dropped the
 * database): her name and her id come back, so the spans a backup restores are hers again. A database
 * that has either already keeps its own. True when it was adopted.
 */
export async function adoptIdentity(db: WorkbenchDb, identity: AnnotatorIdentity): Promise<boolean> {
  if (identity.annotatorName === undefined && identity.annotatorId === undefined) return false;
  return db.transaction('rw', db.settings, async () => {
    const own = await localIdentity(db);
    if (own.annotatorName !== undefined || own.annotatorId !== undefined) return false;
    if (identity.annotatorName !== undefined)
      await db.settings.put({ key: KEYS.annotatorName, value: identity.annotatorName });
    if (identity.annotatorId !== undefined) await db.settings.put({ key: KEYS.profileId, value: identity.annotatorId });
    return true;
  });
}

export async function isEnrolled(db: WorkbenchDb): Promise<boolean> {
  return (await read<boolean>(db, KEYS.enrolled)) === true;
}

/**
 * Switches noting on, then notes every record stored before (idempotent: a
 * crash midway is finished on the next start). Writes made meanwhile are
 * noted by the middleware, so nothing falls between the two.
 */
export async function enrollAndBackfill(db: WorkbenchDb): Promise<void> {
  if (!(await isEnrolled(db))) await db.settings.put({ key: KEYS.enrolled, value: true });
  setNoting(db, true);
  if ((await read<boolean>(db, KEYS.backfilled)) === true) return;
  const outbox = db.table<OutboxEntry, string>(OUTBOX_TABLE);
  await everyRecordKey(db, async (rows) => {
    const stamp = crypto.randomUUID();
    await outbox.bulkPut(rows.map((r) => ({ ...r, key: `${r.table}|${r.id}`, stamp })));
  });
  await db.settings.put({ key: KEYS.backfilled, value: true });
}

/**
 * Every write committed before `time` has its note in the outbox (the caller waited for the notes in
 * flight): a crash from now on can only lose notes of later writes, which sweepRecent finds.
 */
export async function markNotedThrough(db: WorkbenchDb, time: number): Promise<void> {
  await db.settings.put({ key: KEYS.notedThrough, value: time });
}

/**
 * Run once a session, before the first push: a crash in the moment between a write's commit and its note
 * (sync-outbox.ts) left that write unnoted, so records changed since the last mark (less a margin) are
 * noted again. Notes are idempotent; without a mark every record is. A record deleted in that moment is not
 * found this way: its copy on the server stays until it is deleted again.
 */
export async function sweepRecent(db: WorkbenchDb): Promise<void> {
  if (!(await isEnrolled(db))) return;
  const mark = await read<number>(db, KEYS.notedThrough);
  const outbox = db.table<OutboxEntry, string>(OUTBOX_TABLE);
  const since = mark === undefined ? 0 : mark - SWEEP_MARGIN_MS;
  await everyRecordKey(
    db,
    async (rows) => {
      const stamp = crypto.randomUUID();
      await outbox.bulkPut(rows.map((r) => ({ ...r, key: `${r.table}|${r.id}`, stamp })));
    },
    2000,
    since,
  );
}

export async function pulledSeq(db: WorkbenchDb): Promise<number | string> {
  return (await read<number | string>(db, KEYS.pulledSeq)) ?? 0;
}

export const PULLED_SEQ_KEY = KEYS.pulledSeq;
